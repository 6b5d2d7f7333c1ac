import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The read model of one request (any procedure): what the inbox and the detail view read. */
@Entity({ tableName: 'procedure_request' })
export class ProcedureRequest {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 20 })
  procedure!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  workflowId?: string;

  @Property({ type: 'string', length: 120, nullable: true })
  oficioKey?: string;

  @Property({ type: 'integer', nullable: true })
  schoolId?: number;

  @Property({ type: 'string', length: 40 })
  drseCode!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  printRoute?: string;

  @Property({ type: 'integer', nullable: true })
  parentRequestId?: number;

  @Property({ type: 'integer' })
  chartVersion = 1;

  @Property({ type: 'string', length: 80 })
  state = 'RECIBIDA';

  @Property({ type: 'string', length: 40 })
  publicStatus!: string;

  @Property({ type: 'integer' })
  lastSeq = -1;

  @Property({ type: 'integer', nullable: true })
  requestedTeslinSheets?: number;

  @Property({ type: 'integer', nullable: true })
  requestedMicas?: number;

  @Property({ type: 'integer', nullable: true })
  requestedHolograms?: number;

  /** A replacement request: the student whose card is replaced. */
  @Property({ type: 'integer', nullable: true })
  studentId?: number;

  /** The chart context as of the last recorded transition (ids and counts only). */
  @Property({ type: 'json', nullable: true })
  context?: unknown;

  /** Start arguments of a filed request whose workflow has not started yet (the sweeper starts it). */
  @Property({ type: 'json', nullable: true })
  pendingStart?: unknown;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date;
}
