import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18 item 4: a compromised QR signing key is revoked (`npm run qr-keys -- revoke <kid>`).
 * Cards signed with it then verify as needing re-issue; the public key list marks it revoked.
 */
export class Migration202612060320_qr_key_revocation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table qr_key_revocation (
        key_id text primary key check (key_id ~ '^[A-Z0-9]{1,8}$'),
        revoked_at timestamptz not null default now(),
        reason text null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table qr_key_revocation;`);
  }
}
