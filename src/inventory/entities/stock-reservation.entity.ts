import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** DELIVERED: the reserved material was handed over to another holder (Procedure 2: DRSE → school). */
export type ReservationStatus = 'ACTIVE' | 'CONSUMED' | 'RELEASED' | 'DELIVERED';

/** Material set aside at a holder for one request (all items or none). */
@Entity({ tableName: 'stock_reservation' })
export class StockReservation {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 200 })
  operationKey!: string;

  @Property({ type: 'integer' })
  holderId!: number;

  @Property({ type: 'string', length: 100 })
  requestId!: string;

  @Property({ type: 'string', length: 9 })
  cycleCode!: string;

  @Property({ type: 'integer' })
  newCards!: number;

  @Property({ type: 'integer' })
  continuingStudents!: number;

  @Property({ type: 'string' })
  status!: ReservationStatus;

  @Property({ type: 'string', length: 100, nullable: true })
  printRunId?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;
}

@Entity({ tableName: 'stock_reservation_line' })
export class StockReservationLine {
  declare [PrimaryKeyProp]?: ['reservationId', 'itemCode'];

  @PrimaryKey({ type: 'integer' })
  reservationId!: number;

  @PrimaryKey({ type: 'string', length: 40 })
  itemCode!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  consumed!: number;

  @Property({ type: 'integer' })
  wasted!: number;

  @Property({ type: 'integer' })
  released!: number;
}

/** Low-stock threshold of one item at one holder: below `minimum`, suggest ordering up to `target`. */
@Entity({ tableName: 'stock_threshold' })
export class StockThreshold {
  declare [PrimaryKeyProp]?: ['holderId', 'itemCode'];

  @PrimaryKey({ type: 'integer' })
  holderId!: number;

  @PrimaryKey({ type: 'string', length: 40 })
  itemCode!: string;

  @Property({ type: 'integer' })
  minimum!: number;

  @Property({ type: 'integer' })
  target!: number;
}
