import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13 (Low): a shipment's receipt states, per line, what arrived (and a note). What did not
 * arrive is the shipment's shortfall (faltante): it is written off at the central warehouse as a
 * WASTE entry of reason LOST_IN_TRANSIT (its reservation was already there) and goes back to the
 * ticket's pending, so central can ship it again (docs/inventory.md "Faltante al recibir").
 * `supply_ticket_line.shipped` stays "everything that left central"; `missing` is what of it never
 * arrived, so the pending is approved − (shipped − missing).
 */
export class Migration202612070500_shipment_shortfall extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table supply_shipment_line
      add column received integer null check (received >= 0),
      add column note varchar(500) null,
      add constraint supply_shipment_line_received check (received is null or received <= quantity);`);
    this.addSql(`alter table supply_ticket_line
      add column missing integer not null default 0 check (missing >= 0),
      drop constraint supply_ticket_line_shipped,
      drop constraint supply_ticket_line_received,
      add constraint supply_ticket_line_shipped check (shipped - missing <= coalesce(approved, 0)),
      add constraint supply_ticket_line_received check (received + missing <= shipped);`);
    this.addSql(`alter table stock_entry
      drop constraint stock_entry_waste_reason_check,
      add constraint stock_entry_waste_reason_check check (waste_reason in ('VOIDED_BLANK','MISPRINT','DAMAGED','OTHER','LOST_IN_TRANSIT'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table stock_entry drop constraint stock_entry_waste_reason_check,
      add constraint stock_entry_waste_reason_check check (waste_reason in ('VOIDED_BLANK','MISPRINT','DAMAGED','OTHER'));`);
    this.addSql(`alter table supply_ticket_line drop constraint supply_ticket_line_shipped, drop constraint supply_ticket_line_received, drop column missing,
      add constraint supply_ticket_line_shipped check (shipped <= coalesce(approved, 0)),
      add constraint supply_ticket_line_received check (received <= shipped);`);
    this.addSql(`alter table supply_shipment_line drop constraint supply_shipment_line_received, drop column received, drop column note;`);
  }
}
