import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 items 3 and 2: a refusal complaint (R4) has a deadline and an outcome (PROCEDE makes the
 * student eligible again); the school's own work (students, opt-outs and their reversal, oficios,
 * replacements, loss reports) is audited with the real actor, and whether a DRSE did it on behalf of
 * a school without internet.
 */
export class Migration202612060110_complaint_outcome extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table refusal_complaint add column due_at timestamptz null, add column outcome varchar(12) null;`);
    this.addSql(`update refusal_complaint set due_at = created_at + interval '10 days';`);
    this.addSql(`alter table refusal_complaint alter column due_at set not null;`);
    this.addSql(`alter table refusal_complaint add constraint refusal_complaint_outcome check (outcome is null or (outcome in ('PROCEDE','NO_PROCEDE') and status = 'ATENDIDA'));`);
    this.addSql(`create index refusal_complaint_due_idx on refusal_complaint (due_at) where status = 'ABIERTA';`);
    this.addSql(`
      create table school_work_audit (
        id serial primary key,
        school_id int not null references school (id),
        student_id int null references student (id),
        act varchar(40) not null,
        detail varchar(500) null,
        actor_id varchar(100) not null,
        actor_role varchar(40) not null,
        on_behalf boolean not null,
        at timestamptz not null
      );`);
    this.addSql(`create index school_work_audit_school_idx on school_work_audit (school_id, at desc);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists school_work_audit;');
    this.addSql('drop index if exists refusal_complaint_due_idx;');
    this.addSql('alter table refusal_complaint drop constraint refusal_complaint_outcome;');
    this.addSql('alter table refusal_complaint drop column due_at, drop column outcome;');
  }
}
