import { Migration } from '@mikro-orm/migrations';

/**
 * Chart v2 (incidents and cancellation): a task may resolve an incident (listed first in the inbox)
 * and say what failed; a card voided because its request was cancelled before printing is recorded
 * as ANULACION.
 */
export class Migration202612040300_incidents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table procedure_task add column incident boolean not null default false, add column description varchar(500) null;`);
    this.addSql(`create index procedure_task_incident_idx on procedure_task (role, status) where incident;`);
    this.addSql(`alter table credential_event drop constraint credential_event_event_check;`);
    this.addSql(`alter table credential_event add constraint credential_event_event_check check (event in ('CORRECCION','REVOCACION','REEMPLAZO','ANULACION'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from credential_event where event = 'ANULACION';`);
    this.addSql(`alter table credential_event drop constraint credential_event_event_check;`);
    this.addSql(`alter table credential_event add constraint credential_event_event_check check (event in ('CORRECCION','REVOCACION','REEMPLAZO'));`);
    this.addSql(`drop index if exists procedure_task_incident_idx;`);
    this.addSql(`alter table procedure_task drop column incident, drop column description;`);
  }
}
