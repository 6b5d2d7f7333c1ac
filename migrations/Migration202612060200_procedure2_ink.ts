import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 item 6: Procedure 2 asks for ink too. `requested_ink_sets` is the ink cartridge sets the
 * oficio asks for (null on requests filed before: none); `equipment_needs` the equipment the school
 * reports it needs (a list of { tipo, cantidad, detalle }; null when none), shown to the DRSE.
 */
export class Migration202612060200_procedure2_ink extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table procedure_request add column requested_ink_sets integer check (requested_ink_sets >= 0);`);
    this.addSql(`alter table procedure_request add column equipment_needs jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table procedure_request drop column equipment_needs;`);
    this.addSql(`alter table procedure_request drop column requested_ink_sets;`);
  }
}
