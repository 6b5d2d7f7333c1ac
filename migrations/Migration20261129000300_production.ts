import { Migration } from '@mikro-orm/migrations';

/**
 * Production: the statewide folio sequence, print runs, cards (one row per folio, blanks included),
 * the audit of card events (corrections, revocations, replacements) and replacement payments.
 */
export class Migration20261129000300_production extends Migration {
  override async up(): Promise<void> {
    // Never reused: a sequence hands each value out once, even when a transaction rolls back.
    this.addSql(`create sequence credential_folio_seq as bigint start with 1 increment by 1 no cycle;`);
    this.addSql(`
      create table print_run (
        id serial primary key,
        key varchar(200) not null,
        fingerprint varchar(64) not null,
        holder_type text not null check (holder_type in ('DRSE','ESCUELA')),
        holder_drse_code varchar(40) null references drse(code) on delete restrict,
        holder_school_id integer null references school(id) on delete restrict,
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        new_planilla_per_school boolean not null,
        planillas integer not null check (planillas > 0),
        cards integer not null check (cards > 0),
        voided integer not null check (voided >= 0 and voided < planillas * 8),
        excluded jsonb not null default '[]',
        created_by_id varchar(100) not null,
        created_by_role varchar(40) not null,
        created_at timestamptz not null,
        pdf_hash varchar(64) null check (pdf_hash ~ '^[0-9a-f]{64}$'),
        rendered_at timestamptz null,
        consumption_recorded_at timestamptz null,
        reservation_id integer null,
        constraint print_run_key_unique unique (key),
        constraint print_run_slots check (cards + voided = planillas * 8),
        constraint print_run_holder check (
          (holder_type = 'DRSE' and holder_drse_code is not null and holder_school_id is null) or
          (holder_type = 'ESCUELA' and holder_school_id is not null and holder_drse_code is null))
      );`);
    this.addSql(`
      create table credential (
        id serial primary key,
        folio_number bigint not null check (folio_number > 0),
        folio varchar(24) not null,
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        run_id integer not null references print_run(id) on delete restrict,
        planilla integer not null check (planilla >= 0),
        slot integer not null check (slot between 0 and 7),
        kind text not null check (kind in ('TARJETA','BLANCO')),
        status text not null check (status in ('EXPEDIDA','ANULADA','REVOCADA','REEMPLAZADA')),
        student_id integer null references student(id) on delete restrict,
        school_id integer null references school(id) on delete restrict,
        student_name varchar(250) null,
        photo_hash varchar(64) null,
        cct varchar(10) null,
        turno text null,
        nivel text null,
        school_name varchar(200) null,
        school_address varchar(300) null,
        school_phone varchar(30) null,
        qr_payload varchar(200) null,
        key_id varchar(8) null,
        issued_at timestamptz not null,
        voided_at timestamptz null,
        void_reason varchar(500) null,
        voided_by_id varchar(100) null,
        revoked_at timestamptz null,
        replaced_by_folio varchar(24) null,
        constraint credential_folio_number_unique unique (folio_number),
        constraint credential_folio_unique unique (folio),
        constraint credential_slot_unique unique (run_id, planilla, slot),
        constraint credential_blank_shape check (
          (kind = 'BLANCO' and status = 'ANULADA' and student_id is null and voided_at is not null) or
          (kind = 'TARJETA' and student_id is not null and school_id is not null and qr_payload is not null)),
        constraint credential_voided_has_reason check (status <> 'ANULADA' or (voided_at is not null and void_reason is not null))
      );`);
    // R9 + "never issue a student twice": one issued card per student and cycle, enforced here too.
    this.addSql(`create unique index credential_one_issued on credential (student_id, cycle_code) where status = 'EXPEDIDA';`);
    this.addSql(`create index credential_student_idx on credential (student_id);`);
    this.addSql(`create index credential_run_idx on credential (run_id, planilla, slot);`);
    this.addSql(`
      create table credential_event (
        id serial primary key,
        credential_id integer not null references credential(id) on delete restrict,
        folio varchar(24) not null,
        event text not null check (event in ('CORRECCION','REVOCACION','REEMPLAZO')),
        actor_id varchar(100) not null,
        actor_role varchar(40) not null,
        reason varchar(500) not null check (length(trim(reason)) > 0),
        at timestamptz not null
      );`);
    this.addSql(`create index credential_event_credential_idx on credential_event (credential_id);`);
    this.addSql(`
      create table card_replacement (
        id serial primary key,
        key varchar(200) not null,
        student_id integer not null references student(id) on delete restrict,
        receipt_number varchar(40) not null,
        paid_on date not null,
        amount_cents integer not null check (amount_cents > 0),
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        reason text not null check (reason in ('PERDIDA','DANO','ROBO')),
        revoked_credential_id integer not null references credential(id) on delete restrict,
        new_credential_id integer null references credential(id) on delete restrict,
        status text not null check (status in ('PENDIENTE','EMITIDA')),
        recorded_by_id varchar(100) not null,
        recorded_by_role varchar(40) not null,
        recorded_at timestamptz not null,
        constraint card_replacement_key_unique unique (key),
        constraint card_replacement_receipt_unique unique (receipt_number),
        constraint card_replacement_issued check ((status = 'EMITIDA') = (new_credential_id is not null))
      );`);
    this.addSql(`create index card_replacement_pending_idx on card_replacement (student_id) where status = 'PENDIENTE';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists card_replacement;');
    this.addSql('drop table if exists credential_event;');
    this.addSql('drop table if exists credential;');
    this.addSql('drop table if exists print_run;');
    this.addSql('drop sequence if exists credential_folio_seq;');
  }
}
