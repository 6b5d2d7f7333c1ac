import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 item 8 (R10), first part: the offices a user calls for help, per DRSE (and the central
 * offices, `drse_code` null): area, institutional phone and extension, institutional mailbox. No
 * personal names: offices change people, the contact stays. Managed by ADMIN (PUT /support/contacts).
 */
export class Migration202612060210_support_contacts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table support_contact (
        id serial primary key,
        drse_code text references drse(code) on delete cascade,
        position integer not null,
        area text not null check (length(area) between 3 and 100),
        phone text not null,
        extension text,
        email text not null,
        updated_by text not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create unique index support_contact_position on support_contact (coalesce(drse_code, ''), position);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table support_contact;`);
  }
}
