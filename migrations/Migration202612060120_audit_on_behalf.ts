import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 item 2: a transition made by DRSE staff on behalf of a school without internet (filing its
 * Procedure 1 oficio, correcting and resending it) names that school; the actor stays the real one.
 */
export class Migration202612060120_audit_on_behalf extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table procedure_audit add column on_behalf_school_id int null references school (id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table procedure_audit drop column on_behalf_school_id;`);
  }
}
