import { Migration } from '@mikro-orm/migrations';

/**
 * Which oficio a request carries now: its version (1 when filed, +1 each time a returned request's
 * oficio is replaced by a different file) and when it was uploaded, so Planeación can tell the
 * corrected oficio from the first one (issue 13).
 */
export class Migration202612040600_oficio_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table procedure_request add column oficio_version int not null default 1, add column oficio_at timestamptz not null default now();`);
    this.addSql(`update procedure_request set oficio_at = created_at;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table procedure_request drop column oficio_version, drop column oficio_at;`);
  }
}
