import { Migration } from '@mikro-orm/migrations';

/**
 * The chart context as of the last recorded transition (ids and counts, no personal data), so a
 * request's detail is read from PostgreSQL without querying its workflow (docs/procedures.md, "Reads").
 */
export class Migration202612040210_read_model_context extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table procedure_request add column context jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table procedure_request drop column context;`);
  }
}
