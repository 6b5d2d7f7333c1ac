import { Migration } from '@mikro-orm/migrations';

/**
 * Procedures' read model and audit trail: requests, their students, human tasks (the inbox), and
 * the append-only audit of every transition. Replacement receipts live in production's
 * `card_replacement` (one source of truth); a replacement request names its student.
 */
export class Migration20261129000400_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table procedure_request (
        id serial primary key,
        procedure text not null check (procedure in ('PROCEDURE_1','PROCEDURE_2','SUPPLY','REPLACEMENT')),
        workflow_id varchar(200) null,
        oficio_key varchar(120) null,
        school_id integer null references school(id) on delete restrict,
        drse_code varchar(40) not null references drse(code) on delete restrict,
        print_route text null check (print_route in ('DRSE','ESCUELA')),
        parent_request_id integer null references procedure_request(id) on delete restrict,
        chart_version integer not null default 1 check (chart_version > 0),
        state varchar(80) not null default 'RECIBIDA',
        public_status varchar(40) not null,
        last_seq integer not null default -1,
        requested_teslin_sheets integer null check (requested_teslin_sheets >= 0),
        requested_micas integer null check (requested_micas >= 0),
        requested_holograms integer null check (requested_holograms >= 0),
        student_id integer null references student(id) on delete restrict,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        closed_at timestamptz null,
        constraint procedure_request_workflow_unique unique (workflow_id),
        constraint procedure_request_oficio_unique unique (procedure, school_id, oficio_key)
      );`);
    this.addSql(`create index procedure_request_scope_idx on procedure_request (drse_code, school_id);`);
    this.addSql(`create index procedure_request_status_idx on procedure_request (procedure, public_status);`);
    this.addSql(`
      create table request_student (
        request_id integer not null references procedure_request(id) on delete cascade,
        student_id integer not null references student(id) on delete restrict,
        kind text not null check (kind in ('NUEVO','CONTINUO')),
        eligible boolean null,
        approved boolean null,
        reason varchar(200) null,
        primary key (request_id, student_id)
      );`);
    this.addSql(`
      create table procedure_task (
        id serial primary key,
        request_id integer not null references procedure_request(id) on delete cascade,
        workflow_id varchar(200) not null,
        seq integer not null check (seq >= 0),
        kind text not null check (kind in ('PASO','ESCALAMIENTO')),
        step varchar(80) not null,
        task_key varchar(60) not null,
        title varchar(200) not null,
        role text not null,
        scope_drse_code varchar(40) not null,
        scope_school_id integer null,
        due_at timestamptz null,
        overdue boolean not null default false,
        status text not null default 'ABIERTA' check (status in ('ABIERTA','CERRADA')),
        opened_at timestamptz not null,
        closed_at timestamptz null,
        closed_by varchar(100) null,
        closed_by_role text null,
        closed_event varchar(60) null,
        escalates_task_id integer null references procedure_task(id) on delete cascade,
        constraint procedure_task_step_unique unique (workflow_id, seq, kind),
        constraint procedure_task_closed check ((status = 'CERRADA') = (closed_at is not null))
      );`);
    this.addSql(`create index procedure_task_inbox_idx on procedure_task (role, status, scope_drse_code, scope_school_id);`);
    this.addSql(`create index procedure_task_request_idx on procedure_task (request_id, status);`);
    this.addSql(`
      create table procedure_audit (
        id bigserial primary key,
        request_id integer not null references procedure_request(id) on delete restrict,
        workflow_id varchar(200) not null,
        seq integer not null check (seq >= 0),
        from_state varchar(80) null,
        to_state varchar(80) not null,
        event varchar(60) not null,
        public_status varchar(40) not null,
        actor_id varchar(100) not null,
        actor_role text not null,
        comment varchar(1000) null,
        at timestamptz not null,
        recorded_at timestamptz not null default now(),
        constraint procedure_audit_step_unique unique (workflow_id, seq)
      );`);
    this.addSql(`create index procedure_audit_request_idx on procedure_audit (request_id, seq);`);
    this.addSql(`
      create function procedure_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'La bitácora de auditoría es de solo inserción';
      end $$;`);
    this.addSql(`
      create trigger procedure_audit_no_change before update or delete on procedure_audit
      for each row execute function procedure_audit_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists procedure_audit_no_change on procedure_audit;');
    this.addSql('drop table if exists procedure_audit;');
    this.addSql('drop function if exists procedure_audit_append_only();');
    this.addSql('drop table if exists procedure_task;');
    this.addSql('drop table if exists request_student;');
    this.addSql('drop table if exists procedure_request;');
  }
}
