import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18 item 5: per-user rate limits shared by every API process. One row per user and bucket
 * (writes, expensive), a fixed window, one upsert per request. UNLOGGED: no WAL for counters that
 * may be lost in a crash (the worst is a fresh window).
 */
export class Migration202612060330_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create unlogged table rate_limit_hit (
        key text primary key,
        window_start timestamptz not null,
        hits integer not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table rate_limit_hit;`);
  }
}
