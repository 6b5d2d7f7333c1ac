import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

export const ENTRY_KINDS = ['RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RESERVATION', 'RELEASE', 'CONSUMPTION', 'WASTE', 'ADJUSTMENT'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** LOST_IN_TRANSIT: the shortfall of a supply shipment, written off at the warehouse that shipped it. */
export const WASTE_REASONS = ['VOIDED_BLANK', 'MISPRINT', 'DAMAGED', 'OTHER', 'LOST_IN_TRANSIT'] as const;
export type WasteReason = (typeof WASTE_REASONS)[number];
/** The reasons a person may give when recording waste; LOST_IN_TRANSIT comes only from a shipment's receipt. */
export const MANUAL_WASTE_REASONS: readonly WasteReason[] = ['VOIDED_BLANK', 'MISPRINT', 'DAMAGED', 'OTHER'];

/**
 * One idempotent call of a mutating inventory method: its caller-given key, a hash of its
 * parameters and the result returned to the first caller (returned again on a repeated key).
 */
@Entity({ tableName: 'inventory_operation' })
export class InventoryOperation {
  declare [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'string', length: 60 })
  kind!: string;

  @Property({ type: 'string', length: 64, columnType: 'char(64)' })
  paramsHash!: string;

  @Property({ type: 'string', length: 100 })
  actorId!: string;

  @Property({ type: 'string' })
  actorRole!: string;

  @Property({ type: 'json', nullable: true })
  result?: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}

/**
 * Current stock of one item at one holder: the sum of the ledger, kept in a row the database
 * guards with CHECK (reserved >= 0, on_hand - reserved >= 0). Written only by StockLedger (SQL).
 */
@Entity({ tableName: 'stock_balance' })
export class StockBalance {
  declare [PrimaryKeyProp]?: ['holderId', 'itemCode'];

  @PrimaryKey({ type: 'integer' })
  holderId!: number;

  @PrimaryKey({ type: 'string', length: 40 })
  itemCode!: string;

  @Property({ type: 'integer' })
  onHand!: number;

  @Property({ type: 'integer' })
  reserved!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;

  get available(): number {
    return this.onHand - this.reserved;
  }
}

/** An append-only ledger line (a trigger refuses UPDATE and DELETE). */
@Entity({ tableName: 'stock_entry' })
export class StockEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 220, unique: 'stock_entry_idempotency_key_unique' })
  idempotencyKey!: string;

  @Property({ type: 'string', length: 200 })
  operationKey!: string;

  @Property({ type: 'integer' })
  holderId!: number;

  @Property({ type: 'string', length: 40 })
  itemCode!: string;

  @Property({ type: 'string' })
  kind!: EntryKind;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  onHandDelta!: number;

  @Property({ type: 'integer' })
  reservedDelta!: number;

  @Property({ type: 'string', nullable: true })
  wasteReason?: WasteReason;

  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string;

  @Property({ type: 'string', length: 9, nullable: true })
  cycleCode?: string;

  @Property({ type: 'string', length: 100 })
  actorId!: string;

  @Property({ type: 'string' })
  actorRole!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string;

  @Property({ type: 'string', length: 100, nullable: true })
  printRunId?: string;

  @Property({ type: 'integer', nullable: true })
  ticketId?: number;

  @Property({ type: 'integer', nullable: true })
  shipmentId?: number;

  @Property({ type: 'integer', nullable: true })
  reservationId?: number;

  @Property({ type: 'integer', nullable: true })
  counterpartHolderId?: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
