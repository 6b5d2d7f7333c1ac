import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18 item 2: idle and absolute session limits. `last_seen_at` moves with the session's use
 * (at most once a minute per session); a session idle past SESSION_IDLE_SECONDS or older than
 * SESSION_ABSOLUTE_SECONDS is closed at its next use.
 */
export class Migration202612060300_session_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table auth_session add column last_seen_at timestamptz not null default now();`);
    this.addSql(`update auth_session set last_seen_at = created_at;`);
    this.addSql(`create index auth_session_user_open_idx on auth_session (user_id) where revoked_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index auth_session_user_open_idx;`);
    this.addSql(`alter table auth_session drop column last_seen_at;`);
  }
}
