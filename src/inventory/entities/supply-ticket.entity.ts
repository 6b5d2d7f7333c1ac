import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

export const TICKET_STATUSES = ['OPEN', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_FULFILLMENT', 'FULFILLED', 'CLOSED', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketOrigin = 'DRSE' | 'PROCEDIMIENTO';

/** A supply (abastecimiento) ticket: a DRSE asks the central warehouse for material. */
@Entity({ tableName: 'supply_ticket' })
export class SupplyTicket {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 20, unique: 'supply_ticket_folio_unique' })
  folio!: string;

  @Property({ type: 'string', length: 200 })
  operationKey!: string;

  @Property({ type: 'integer' })
  holderId!: number;

  @Property({ type: 'integer' })
  supplierHolderId!: number;

  @Property({ type: 'string' })
  origin!: TicketOrigin;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string;

  @Property({ type: 'string', length: 9 })
  cycleCode!: string;

  @Property({ type: 'string' })
  status!: TicketStatus;

  @Property({ type: 'string', length: 2000 })
  justification!: string;

  @Property({ type: 'json' })
  justificationReport!: unknown;

  @Property({ type: 'string', length: 1000, nullable: true })
  decisionNote?: string;

  @Property({ type: 'string', length: 100 })
  openedById!: string;

  @Property({ type: 'string' })
  openedByRole!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  openedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;
}

@Entity({ tableName: 'supply_ticket_line' })
export class SupplyTicketLine {
  declare [PrimaryKeyProp]?: ['ticketId', 'itemCode'];

  @PrimaryKey({ type: 'integer' })
  ticketId!: number;

  @PrimaryKey({ type: 'string', length: 40 })
  itemCode!: string;

  @Property({ type: 'integer' })
  requested!: number;

  @Property({ type: 'integer', nullable: true })
  approved?: number;

  @Property({ type: 'integer' })
  shipped!: number;

  @Property({ type: 'integer' })
  received!: number;
}

@Entity({ tableName: 'supply_shipment' })
export class SupplyShipment {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  ticketId!: number;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'string' })
  status!: 'IN_TRANSIT' | 'RECEIVED';

  @Property({ type: 'string', length: 100 })
  shippedById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  shippedAt!: Date;

  @Property({ type: 'string', length: 100, nullable: true })
  receivedById?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  receivedAt?: Date;

  @Property({ type: 'integer', nullable: true })
  acuseId?: number;
}

@Entity({ tableName: 'supply_shipment_line' })
export class SupplyShipmentLine {
  declare [PrimaryKeyProp]?: ['shipmentId', 'itemCode'];

  @PrimaryKey({ type: 'integer' })
  shipmentId!: number;

  @PrimaryKey({ type: 'string', length: 40 })
  itemCode!: string;

  @Property({ type: 'integer' })
  quantity!: number;
}
