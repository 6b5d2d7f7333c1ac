import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18 item 3.
 *
 * - Lockout per account: consecutive failed logins and the moment the account may try again
 *   (LOGIN_LOCKOUT_* settings, back-off doubling per failure past the threshold).
 * - `security_event`: the append-only security audit (logins, failures, lockouts, logout
 *   everywhere, accounts disabled and enabled, password and privilege changes). A trigger refuses
 *   UPDATE, DELETE and TRUNCATE, so not even the API's own database role can rewrite it. No
 *   foreign key to app_user: an account removed later keeps its history. A trigger on app_user
 *   records every change of role or scope, whoever makes it.
 */
export class Migration202612060310_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table app_user
      add column failed_logins integer not null default 0,
      add column locked_until timestamptz null,
      add column password_changed_at timestamptz null;`);
    this.addSql(`
      create table security_event (
        id bigserial primary key,
        at timestamptz not null default now(),
        kind text not null,
        outcome text not null check (outcome in ('EXITO','FALLO','BLOQUEADO')),
        user_id uuid null,
        username text null,
        actor_id uuid null,
        actor_username text null,
        ip text null,
        user_agent text null,
        detail text null
      );`);
    this.addSql(`create index security_event_at_idx on security_event (at desc);`);
    this.addSql(`create index security_event_user_idx on security_event (user_id, at desc);`);
    this.addSql(`
      create function security_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'security_event es de solo anexar: no se modifica ni se borra' using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger security_event_no_update before update or delete on security_event for each row execute function security_event_append_only();`);
    this.addSql(`create trigger security_event_no_truncate before truncate on security_event for each statement execute function security_event_append_only();`);
    // A change of role or scope is recorded whatever made it (the API, the CLI, an operator's SQL).
    this.addSql(`
      create function app_user_privilege_event() returns trigger language plpgsql as $$
      begin
        insert into security_event (kind, outcome, user_id, username, detail)
        values ('CAMBIO_DE_ROL', 'EXITO', new.id, new.username,
                format('Rol %s → %s; DRSE %s → %s; escuela %s → %s.', old.role, new.role,
                       coalesce(old.drse_code, '—'), coalesce(new.drse_code, '—'),
                       coalesce(old.school_id::text, '—'), coalesce(new.school_id::text, '—')));
        return new;
      end $$;`);
    this.addSql(`
      create trigger app_user_privilege_event after update of role, drse_code, school_id on app_user
      for each row when (old.role is distinct from new.role or old.drse_code is distinct from new.drse_code or old.school_id is distinct from new.school_id)
      execute function app_user_privilege_event();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger app_user_privilege_event on app_user;`);
    this.addSql(`drop function app_user_privilege_event();`);
    this.addSql(`drop table security_event;`);
    this.addSql(`drop function security_event_append_only();`);
    this.addSql(`alter table app_user drop column failed_logins, drop column locked_until, drop column password_changed_at;`);
  }
}
