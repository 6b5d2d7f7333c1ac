import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14 item 5: indexes that serve the task inbox's and the request list's filter and order, so
 * a page (keyset or first pages) is an index range scan and the bounded counts stop early instead
 * of scanning the scope (docs/api.md "Paginación por cursor", docs/BENCHMARKS.md for the plans).
 * The inbox's order `incident desc, overdue desc, due_at asc nulls last, id` is written ascending on
 * expressions so one row comparison is the cursor's predicate.
 */
export class Migration202612070200_inbox_keyset extends Migration {
  override async up(): Promise<void> {
    const order = `(not incident), (not overdue), (coalesce(due_at, 'infinity'::timestamptz)), id`;
    this.addSql(`create index procedure_task_open_drse_order_idx on procedure_task (role, scope_drse_code, ${order}) where status = 'ABIERTA';`);
    this.addSql(`create index procedure_task_open_school_order_idx on procedure_task (role, scope_school_id, ${order}) where status = 'ABIERTA';`);
    this.addSql(`create index procedure_task_open_order_idx on procedure_task (role, ${order}) where status = 'ABIERTA';`);
    this.addSql(`create index procedure_request_drse_recent_idx on procedure_request (drse_code, updated_at, id);`);
    this.addSql(`create index procedure_request_school_recent_idx on procedure_request (school_id, updated_at, id);`);
    this.addSql(`create index procedure_request_recent_idx on procedure_request (updated_at, id);`);
  }

  override async down(): Promise<void> {
    for (const name of [
      'procedure_task_open_drse_order_idx',
      'procedure_task_open_school_order_idx',
      'procedure_task_open_order_idx',
      'procedure_request_drse_recent_idx',
      'procedure_request_school_recent_idx',
      'procedure_request_recent_idx',
    ]) {
      this.addSql(`drop index if exists ${name};`);
    }
  }
}
