import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 item 8 (R10), the escalation: the DGTI role (central, state scope, second level of
 * support), the SUPPORT procedure in the read model, and the support ticket beside its
 * procedure_request row (same id). The description is the only free text of a ticket: it stays here,
 * never in a workflow payload. An equipment failure report opens one ticket (`failure_report_id`).
 */
export class Migration202612070100_support_tickets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table app_user drop constraint app_user_role_check;`);
    this.addSql(`
      alter table app_user add constraint app_user_role_check check (role in ('ESCUELA','DRSE_PLANEACION','DRSE_CONTROL_ESCOLAR','DRSE_TECNOLOGIAS',
        'RECURSOS_MATERIALES','CONTROL_ESCOLAR_CENTRAL','DGTI','ADMIN'));`);
    this.addSql(`alter table app_user drop constraint app_user_scope;`);
    this.addSql(`
      alter table app_user add constraint app_user_scope check (
        (role = 'ESCUELA' and school_id is not null and drse_code is null)
        or (role in ('DRSE_PLANEACION','DRSE_CONTROL_ESCOLAR','DRSE_TECNOLOGIAS') and drse_code is not null and school_id is null)
        or (role in ('RECURSOS_MATERIALES','CONTROL_ESCOLAR_CENTRAL','DGTI','ADMIN') and drse_code is null and school_id is null));`);
    this.addSql(`alter table procedure_request drop constraint procedure_request_procedure_check;`);
    this.addSql(`
      alter table procedure_request add constraint procedure_request_procedure_check
        check (procedure in ('PROCEDURE_1','PROCEDURE_2','SUPPLY','REPLACEMENT','SUPPORT'));`);
    this.addSql(`
      create table support_ticket (
        request_id integer primary key references procedure_request(id) on delete restrict,
        operation_key varchar(200) not null,
        kind text not null check (kind in ('EQUIPO','SISTEMA','DUDA')),
        description text not null check (length(description) between 10 and 2000),
        opener text not null check (opener in ('ESCUELA','DRSE_CONTROL_ESCOLAR')),
        opened_by varchar(100) not null,
        opened_by_role varchar(40) not null,
        on_behalf_school_id integer null references school(id) on delete restrict,
        failure_report_id integer null references equipment_failure_report(id) on delete restrict,
        created_at timestamptz not null default now(),
        constraint support_ticket_operation_unique unique (operation_key),
        constraint support_ticket_failure_unique unique (failure_report_id)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table support_ticket;`);
    this.addSql(`alter table procedure_request drop constraint procedure_request_procedure_check;`);
    this.addSql(`alter table procedure_request add constraint procedure_request_procedure_check check (procedure in ('PROCEDURE_1','PROCEDURE_2','SUPPLY','REPLACEMENT'));`);
    this.addSql(`alter table app_user drop constraint app_user_scope;`);
    this.addSql(`
      alter table app_user add constraint app_user_scope check (
        (role = 'ESCUELA' and school_id is not null and drse_code is null)
        or (role in ('DRSE_PLANEACION','DRSE_CONTROL_ESCOLAR','DRSE_TECNOLOGIAS') and drse_code is not null and school_id is null)
        or (role in ('RECURSOS_MATERIALES','CONTROL_ESCOLAR_CENTRAL','ADMIN') and drse_code is null and school_id is null));`);
    this.addSql(`alter table app_user drop constraint app_user_role_check;`);
    this.addSql(`
      alter table app_user add constraint app_user_role_check check (role in ('ESCUELA','DRSE_PLANEACION','DRSE_CONTROL_ESCOLAR','DRSE_TECNOLOGIAS',
        'RECURSOS_MATERIALES','CONTROL_ESCOLAR_CENTRAL','ADMIN'));`);
  }
}
