import { Migration } from '@mikro-orm/migrations';

/**
 * Inventory and supply: items, holders, the append-only stock ledger with CHECK-guarded balances,
 * idempotent operations, reservations, thresholds, supply tickets and shipments, acuses, equipment.
 */
export class Migration20261129000200_inventory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table inventory_item (
        code varchar(40) primary key,
        kind text not null check (kind in ('TESLIN','MICA','HOLOGRAMA','TINTA')),
        cycle_code varchar(9) null references school_cycle(code) on delete restrict,
        name varchar(120) not null,
        unit varchar(40) not null,
        constraint inventory_item_cycle check ((kind = 'HOLOGRAMA') = (cycle_code is not null)),
        constraint inventory_item_code check (code = case when kind = 'HOLOGRAMA' then 'HOLOGRAMA:' || cycle_code else kind end)
      );`);
    this.addSql(`insert into inventory_item (code, kind, name, unit) values
      ('TESLIN', 'TESLIN', 'Hoja Teslin de 8 credenciales', 'ranura'),
      ('MICA', 'MICA', 'Mica para enmicar', 'pieza'),
      ('TINTA', 'TINTA', 'Juego de cartuchos de tinta', 'planilla');`);

    this.addSql(`
      create table stock_holder (
        id serial primary key,
        kind text not null check (kind in ('CENTRAL','DRSE','ESCUELA')),
        drse_code varchar(40) null references drse(code) on delete restrict,
        school_id integer null references school(id) on delete restrict,
        name varchar(300) not null,
        created_at timestamptz not null default now(),
        constraint stock_holder_shape check (
          (kind = 'CENTRAL' and drse_code is null and school_id is null) or
          (kind = 'DRSE' and drse_code is not null and school_id is null) or
          (kind = 'ESCUELA' and drse_code is null and school_id is not null))
      );`);
    this.addSql(`create unique index stock_holder_one_central on stock_holder (kind) where kind = 'CENTRAL';`);
    this.addSql(`create unique index stock_holder_one_per_drse on stock_holder (drse_code) where kind = 'DRSE';`);
    this.addSql(`create unique index stock_holder_one_per_school on stock_holder (school_id) where kind = 'ESCUELA';`);

    this.addSql(`
      create table inventory_operation (
        key varchar(200) primary key check (length(key) > 0),
        kind varchar(60) not null,
        params_hash char(64) not null,
        actor_id varchar(100) not null,
        actor_role text not null,
        result jsonb null,
        created_at timestamptz not null default now()
      );`);

    this.addSql(`
      create table stock_balance (
        holder_id integer not null references stock_holder(id) on delete restrict,
        item_code varchar(40) not null references inventory_item(code) on delete restrict,
        on_hand integer not null default 0,
        reserved integer not null default 0,
        updated_at timestamptz not null default now(),
        primary key (holder_id, item_code),
        constraint stock_balance_reserved_non_negative check (reserved >= 0),
        constraint stock_balance_available_non_negative check (on_hand - reserved >= 0)
      );`);

    this.addSql(`
      create table stock_entry (
        id bigserial primary key,
        idempotency_key varchar(220) not null,
        operation_key varchar(200) not null references inventory_operation(key) on delete restrict,
        holder_id integer not null,
        item_code varchar(40) not null,
        kind text not null check (kind in ('RECEIPT','TRANSFER_OUT','TRANSFER_IN','RESERVATION','RELEASE','CONSUMPTION','WASTE','ADJUSTMENT')),
        quantity integer not null check (quantity > 0),
        on_hand_delta integer not null,
        reserved_delta integer not null,
        waste_reason text null check (waste_reason in ('VOIDED_BLANK','MISPRINT','DAMAGED','OTHER')),
        reason varchar(500) null,
        cycle_code varchar(9) null references school_cycle(code) on delete restrict,
        actor_id varchar(100) not null,
        actor_role text not null,
        request_id varchar(100) null,
        print_run_id varchar(100) null,
        ticket_id integer null,
        shipment_id integer null,
        reservation_id integer null,
        counterpart_holder_id integer null references stock_holder(id) on delete restrict,
        created_at timestamptz not null default now(),
        constraint stock_entry_idempotency_key_unique unique (idempotency_key),
        constraint stock_entry_balance_fk foreign key (holder_id, item_code) references stock_balance(holder_id, item_code) on delete restrict,
        constraint stock_entry_deltas check (
          (kind in ('RECEIPT','TRANSFER_IN') and on_hand_delta = quantity and reserved_delta = 0) or
          (kind = 'RESERVATION' and on_hand_delta = 0 and reserved_delta = quantity) or
          (kind = 'RELEASE' and on_hand_delta = 0 and reserved_delta = -quantity) or
          (kind in ('TRANSFER_OUT','CONSUMPTION') and on_hand_delta = -quantity and reserved_delta between -quantity and 0) or
          (kind = 'WASTE' and on_hand_delta = -quantity and reserved_delta between -quantity and 0 and waste_reason is not null) or
          (kind = 'ADJUSTMENT' and abs(on_hand_delta) = quantity and reserved_delta = 0 and length(trim(coalesce(reason, ''))) > 0)),
        constraint stock_entry_waste_reason check ((kind = 'WASTE') = (waste_reason is not null)),
        constraint stock_entry_transfer_counterpart check (kind not in ('TRANSFER_OUT','TRANSFER_IN') or counterpart_holder_id is not null)
      );`);
    this.addSql(`create index stock_entry_holder_item_idx on stock_entry (holder_id, item_code);`);
    this.addSql(`create index stock_entry_holder_cycle_idx on stock_entry (holder_id, cycle_code);`);
    this.addSql(`create index stock_entry_operation_idx on stock_entry (operation_key);`);
    this.addSql(`
      create function stock_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'stock_entry es un libro de solo anexado: no se modifica ni se borra';
      end $$;`);
    this.addSql(`create trigger stock_entry_no_update_or_delete before update or delete on stock_entry
      for each row execute function stock_entry_append_only();`);

    this.addSql(`
      create table stock_reservation (
        id serial primary key,
        operation_key varchar(200) not null references inventory_operation(key) on delete restrict,
        holder_id integer not null references stock_holder(id) on delete restrict,
        request_id varchar(100) not null,
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        new_cards integer not null check (new_cards >= 0),
        continuing_students integer not null check (continuing_students >= 0),
        status text not null check (status in ('ACTIVE','CONSUMED','RELEASED','DELIVERED')),
        print_run_id varchar(100) null,
        created_at timestamptz not null default now(),
        closed_at timestamptz null,
        constraint stock_reservation_operation_unique unique (operation_key)
      );`);
    this.addSql(`create index stock_reservation_request_idx on stock_reservation (request_id);`);
    this.addSql(`
      create table stock_reservation_line (
        reservation_id integer not null references stock_reservation(id) on delete restrict,
        item_code varchar(40) not null references inventory_item(code) on delete restrict,
        quantity integer not null check (quantity > 0),
        consumed integer not null default 0 check (consumed >= 0),
        wasted integer not null default 0 check (wasted >= 0),
        released integer not null default 0 check (released >= 0 and released <= quantity),
        primary key (reservation_id, item_code)
      );`);

    this.addSql(`
      create table stock_threshold (
        holder_id integer not null references stock_holder(id) on delete restrict,
        item_code varchar(40) not null references inventory_item(code) on delete restrict,
        minimum integer not null check (minimum >= 0),
        target integer not null,
        primary key (holder_id, item_code),
        constraint stock_threshold_target check (target > minimum)
      );`);

    this.addSql(`create sequence acuse_folio_seq;`);
    this.addSql(`
      create table acuse (
        id serial primary key,
        folio varchar(20) not null,
        operation_key varchar(200) not null references inventory_operation(key) on delete restrict,
        kind text not null check (kind in ('MATERIAL_ESCUELA','ENVIO_DRSE','CREDENCIALES')),
        issued_on date not null,
        from_name varchar(300) not null,
        to_name varchar(300) not null,
        from_holder_id integer null references stock_holder(id) on delete restrict,
        to_holder_id integer null references stock_holder(id) on delete restrict,
        school_id integer null references school(id) on delete restrict,
        drse_code varchar(40) null references drse(code) on delete restrict,
        lines jsonb not null,
        card_folios jsonb null,
        card_count integer null check (card_count >= 0),
        request_id varchar(100) null,
        ticket_id integer null,
        shipment_id integer null,
        pdf_hash char(64) null check (pdf_hash ~ '^[0-9a-f]{64}$'),
        signed_scan_hash char(64) null check (signed_scan_hash ~ '^[0-9a-f]{64}$'),
        signed_scan_content_type varchar(60) null,
        signed_uploaded_at timestamptz null,
        signed_uploaded_by varchar(100) null,
        created_by_id varchar(100) not null,
        created_by_role text not null,
        created_at timestamptz not null default now(),
        constraint acuse_folio_unique unique (folio),
        constraint acuse_operation_unique unique (operation_key)
      );`);
    this.addSql(`create index acuse_school_idx on acuse (school_id);`);
    this.addSql(`create index acuse_drse_idx on acuse (drse_code);`);

    this.addSql(`create sequence supply_ticket_folio_seq;`);
    this.addSql(`
      create table supply_ticket (
        id serial primary key,
        folio varchar(20) not null,
        operation_key varchar(200) not null references inventory_operation(key) on delete restrict,
        holder_id integer not null references stock_holder(id) on delete restrict,
        supplier_holder_id integer not null references stock_holder(id) on delete restrict,
        origin text not null check (origin in ('DRSE','PROCEDIMIENTO')),
        request_id varchar(100) null,
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        status text not null check (status in ('OPEN','UNDER_REVIEW','APPROVED','REJECTED','IN_FULFILLMENT','FULFILLED','CLOSED','CANCELLED')),
        justification varchar(2000) not null check (length(trim(justification)) > 0),
        justification_report jsonb not null,
        decision_note varchar(1000) null,
        opened_by_id varchar(100) not null,
        opened_by_role text not null,
        opened_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        closed_at timestamptz null,
        constraint supply_ticket_folio_unique unique (folio),
        constraint supply_ticket_operation_unique unique (operation_key),
        constraint supply_ticket_origin_request check (origin <> 'PROCEDIMIENTO' or request_id is not null)
      );`);
    this.addSql(`create index supply_ticket_holder_idx on supply_ticket (holder_id, status);`);
    this.addSql(`create index supply_ticket_request_idx on supply_ticket (request_id);`);
    this.addSql(`
      create table supply_ticket_line (
        ticket_id integer not null references supply_ticket(id) on delete restrict,
        item_code varchar(40) not null references inventory_item(code) on delete restrict,
        requested integer not null check (requested > 0),
        approved integer null check (approved >= 0 and approved <= requested),
        shipped integer not null default 0 check (shipped >= 0),
        received integer not null default 0 check (received >= 0),
        primary key (ticket_id, item_code),
        constraint supply_ticket_line_shipped check (shipped <= coalesce(approved, 0)),
        constraint supply_ticket_line_received check (received <= shipped)
      );`);
    this.addSql(`
      create table supply_shipment (
        id serial primary key,
        ticket_id integer not null references supply_ticket(id) on delete restrict,
        number integer not null check (number > 0),
        status text not null check (status in ('IN_TRANSIT','RECEIVED')),
        shipped_by_id varchar(100) not null,
        shipped_at timestamptz not null default now(),
        received_by_id varchar(100) null,
        received_at timestamptz null,
        acuse_id integer null references acuse(id) on delete restrict,
        constraint supply_shipment_number_unique unique (ticket_id, number),
        constraint supply_shipment_received check ((status = 'RECEIVED') = (received_at is not null))
      );`);
    this.addSql(`
      create table supply_shipment_line (
        shipment_id integer not null references supply_shipment(id) on delete restrict,
        item_code varchar(40) not null references inventory_item(code) on delete restrict,
        quantity integer not null check (quantity > 0),
        primary key (shipment_id, item_code)
      );`);

    this.addSql(`
      create table equipment (
        id serial primary key,
        holder_id integer not null references stock_holder(id) on delete restrict,
        kind text not null check (kind in ('PRINTER','LAMINATOR')),
        serial_number varchar(80) not null,
        model varchar(120) null,
        status text not null check (status in ('OPERATIVE','FAILED','RETIRED')),
        registered_at timestamptz not null default now(),
        constraint equipment_serial_unique unique (kind, serial_number)
      );`);
    this.addSql(`create index equipment_holder_idx on equipment (holder_id);`);
    this.addSql(`
      create table equipment_failure_report (
        id serial primary key,
        operation_key varchar(200) not null references inventory_operation(key) on delete restrict,
        equipment_id integer not null references equipment(id) on delete restrict,
        holder_id integer not null references stock_holder(id) on delete restrict,
        routed_drse_code varchar(40) null references drse(code) on delete restrict,
        description varchar(2000) not null check (length(trim(description)) > 0),
        status text not null check (status in ('OPEN','RESOLVED')),
        reported_by_id varchar(100) not null,
        reported_by_role text not null,
        reported_at timestamptz not null default now(),
        resolution varchar(2000) null,
        resolved_by_id varchar(100) null,
        resolved_at timestamptz null,
        constraint equipment_failure_operation_unique unique (operation_key),
        constraint equipment_failure_resolved check ((status = 'RESOLVED') = (resolved_at is not null))
      );`);
    this.addSql(`create index equipment_failure_drse_idx on equipment_failure_report (routed_drse_code, status);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists equipment_failure_report;');
    this.addSql('drop table if exists equipment;');
    this.addSql('drop table if exists supply_shipment_line;');
    this.addSql('drop table if exists supply_shipment;');
    this.addSql('drop table if exists supply_ticket_line;');
    this.addSql('drop table if exists supply_ticket;');
    this.addSql('drop sequence if exists supply_ticket_folio_seq;');
    this.addSql('drop table if exists acuse;');
    this.addSql('drop sequence if exists acuse_folio_seq;');
    this.addSql('drop table if exists stock_threshold;');
    this.addSql('drop table if exists stock_reservation_line;');
    this.addSql('drop table if exists stock_reservation;');
    this.addSql('drop table if exists stock_entry;');
    this.addSql('drop function if exists stock_entry_append_only();');
    this.addSql('drop table if exists stock_balance;');
    this.addSql('drop table if exists inventory_operation;');
    this.addSql('drop table if exists stock_holder;');
    this.addSql('drop table if exists inventory_item;');
  }
}
