import { Migration } from '@mikro-orm/migrations';

/** Schools managed from SCEJAL exports and single edits: municipality, and the audit of every change. */
export class Migration202612040100_school_admin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table school add column municipality varchar(120) null;`);
    this.addSql(`
      create table school_change (
        id bigserial primary key,
        school_id integer not null references school(id) on delete restrict,
        at timestamptz not null default now(),
        actor_id varchar(64) not null,
        actor_role text not null,
        source text not null check (source in ('EDICION','IMPORTACION')),
        field varchar(40) not null,
        old_value varchar(300) null,
        new_value varchar(300) null
      );`);
    this.addSql(`create index school_change_school_idx on school_change (school_id, at);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists school_change;');
    this.addSql('alter table school drop column if exists municipality;');
  }
}
