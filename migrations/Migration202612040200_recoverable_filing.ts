import { Migration } from '@mikro-orm/migrations';

/**
 * Filing and its workflow as one recoverable unit, and idempotent requests that a crashed API
 * leaves behind taken over at once (docs/api.md, "Idempotency"; docs/procedures.md, "Outages").
 */
export class Migration202612040200_recoverable_filing extends Migration {
  override async up(): Promise<void> {
    // The start arguments of a filed request whose workflow has not started yet; the sweeper starts it.
    this.addSql(`alter table procedure_request add column pending_start jsonb null;`);
    this.addSql(`create index procedure_request_pending_start_idx on procedure_request (created_at) where pending_start is not null;`);
    // The API process that runs an in-progress idempotent request (it holds an advisory lock while alive).
    this.addSql(`alter table idempotency_record add column owner_instance integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table idempotency_record drop column owner_instance;`);
    this.addSql(`drop index if exists procedure_request_pending_start_idx;`);
    this.addSql(`alter table procedure_request drop column pending_start;`);
  }
}
