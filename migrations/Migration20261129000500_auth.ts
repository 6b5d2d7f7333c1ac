import { Migration } from '@mikro-orm/migrations';

/**
 * Auth and HTTP foundation: local users with a role and a scope, login sessions with rotating
 * refresh tokens, the idempotency store of creating POSTs, and R4 refusal complaints.
 */
export class Migration20261129000500_auth extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table app_user (
        id uuid primary key,
        username varchar(60) not null check (username ~ '^[a-z0-9._-]{3,60}$'),
        password_hash varchar(255) not null,
        role text not null check (role in ('ESCUELA','DRSE_PLANEACION','DRSE_CONTROL_ESCOLAR','DRSE_TECNOLOGIAS',
                                           'RECURSOS_MATERIALES','CONTROL_ESCOLAR_CENTRAL','ADMIN')),
        drse_code varchar(40) null references drse(code) on delete restrict,
        school_id integer null references school(id) on delete restrict,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        constraint app_user_username_unique unique (username),
        constraint app_user_scope check (
          (role = 'ESCUELA' and school_id is not null and drse_code is null)
          or (role in ('DRSE_PLANEACION','DRSE_CONTROL_ESCOLAR','DRSE_TECNOLOGIAS') and drse_code is not null and school_id is null)
          or (role in ('RECURSOS_MATERIALES','CONTROL_ESCOLAR_CENTRAL','ADMIN') and drse_code is null and school_id is null)
        )
      );`);
    this.addSql(`
      create table auth_session (
        id uuid primary key,
        user_id uuid not null references app_user(id) on delete cascade,
        created_at timestamptz not null default now(),
        revoked_at timestamptz null,
        revoked_reason varchar(40) null
      );`);
    this.addSql(`create index auth_session_user_idx on auth_session (user_id);`);
    this.addSql(`
      create table refresh_token (
        id uuid primary key,
        session_id uuid not null references auth_session(id) on delete cascade,
        token_hash char(64) not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz null,
        constraint refresh_token_hash_unique unique (token_hash)
      );`);
    this.addSql(`create index refresh_token_session_idx on refresh_token (session_id);`);
    this.addSql(`
      create table idempotency_record (
        user_id uuid not null,
        route varchar(200) not null,
        idempotency_key varchar(200) not null,
        request_hash char(64) not null,
        state text not null check (state in ('EN_CURSO','TERMINADA')),
        status_code integer null,
        response_body json null,
        created_at timestamptz not null default now(),
        completed_at timestamptz null,
        primary key (user_id, route, idempotency_key)
      );`);
    this.addSql(`create index idempotency_record_created_idx on idempotency_record (created_at);`);
    this.addSql(`
      create table refusal_complaint (
        id serial primary key,
        school_id integer not null references school(id) on delete restrict,
        drse_code varchar(40) not null references drse(code) on delete restrict,
        student_id integer null references student(id) on delete restrict,
        description varchar(2000) not null,
        status text not null default 'ABIERTA' check (status in ('ABIERTA','ATENDIDA')),
        resolution varchar(2000) null,
        filed_by_user_id uuid not null references app_user(id) on delete restrict,
        filed_by_role text not null,
        created_at timestamptz not null default now(),
        resolved_at timestamptz null,
        resolved_by_user_id uuid null references app_user(id) on delete restrict,
        constraint refusal_complaint_resolution check ((status = 'ATENDIDA') = (resolved_at is not null))
      );`);
    this.addSql(`create index refusal_complaint_drse_idx on refusal_complaint (drse_code, status);`);
    this.addSql(`create index refusal_complaint_school_idx on refusal_complaint (school_id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists refusal_complaint;');
    this.addSql('drop table if exists idempotency_record;');
    this.addSql('drop table if exists refresh_token;');
    this.addSql('drop table if exists auth_session;');
    this.addSql('drop table if exists app_user;');
  }
}
