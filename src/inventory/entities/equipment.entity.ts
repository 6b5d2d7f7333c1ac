import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export type EquipmentKind = 'PRINTER' | 'LAMINATOR';
export type EquipmentStatus = 'OPERATIVE' | 'FAILED' | 'RETIRED';

/** A printer or laminator of a holder's kit (R6), by serial number. */
@Entity({ tableName: 'equipment' })
export class Equipment {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  holderId!: number;

  @Property({ type: 'string' })
  kind!: EquipmentKind;

  @Property({ type: 'string', length: 80 })
  serialNumber!: string;

  @Property({ type: 'string', length: 120, nullable: true })
  model?: string;

  @Property({ type: 'string' })
  status!: EquipmentStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  registeredAt!: Date;
}

/** A failure report, routed to the DRSE IT office of the equipment's holder (R10). */
@Entity({ tableName: 'equipment_failure_report' })
export class EquipmentFailureReport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 200 })
  operationKey!: string;

  @Property({ type: 'integer' })
  equipmentId!: number;

  @Property({ type: 'integer' })
  holderId!: number;

  /** The DRSE whose Tecnologías office handles it; null for the central warehouse (DGTI). */
  @Property({ type: 'string', length: 40, nullable: true })
  routedDrseCode?: string;

  @Property({ type: 'string', length: 2000 })
  description!: string;

  @Property({ type: 'string' })
  status!: 'OPEN' | 'RESOLVED';

  @Property({ type: 'string', length: 100 })
  reportedById!: string;

  @Property({ type: 'string' })
  reportedByRole!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  reportedAt!: Date;

  @Property({ type: 'string', length: 2000, nullable: true })
  resolution?: string;

  @Property({ type: 'string', length: 100, nullable: true })
  resolvedById?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date;
}
