import { Migration } from '@mikro-orm/migrations';

/**
 * Loss reports (issue 11, item 4): a school (or its DRSE on its behalf) reports a card lost, stolen
 * or damaged; from then on the public verification answers «reportada», before any payment (R5).
 * One report per card. The report is a REPORTE event in the card's audit trail.
 */
export class Migration202612060100_card_report extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table card_report (
        id serial primary key,
        key varchar(200) not null,
        credential_id int not null references credential (id),
        student_id int not null references student (id),
        kind varchar(10) not null check (kind in ('PERDIDA','ROBO','DANO')),
        reported_on date not null,
        actor_id varchar(100) not null,
        actor_role varchar(40) not null,
        on_behalf_school_id int null references school (id),
        recorded_at timestamptz not null,
        constraint card_report_key_unique unique (key),
        constraint card_report_credential_unique unique (credential_id)
      );`);
    this.addSql(`create index card_report_student_idx on card_report (student_id);`);
    this.addSql(`alter table credential_event drop constraint credential_event_event_check;`);
    this.addSql(`alter table credential_event add constraint credential_event_event_check check (event in ('CORRECCION','REVOCACION','REEMPLAZO','ANULACION','REPORTE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from credential_event where event = 'REPORTE';`);
    this.addSql(`alter table credential_event drop constraint credential_event_event_check;`);
    this.addSql(`alter table credential_event add constraint credential_event_event_check check (event in ('CORRECCION','REVOCACION','REEMPLAZO','ANULACION'));`);
    this.addSql('drop table if exists card_report;');
  }
}
