import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One transition of a request (append-only; a trigger refuses updates and deletes). */
@Entity({ tableName: 'procedure_audit' })
export class ProcedureAuditEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'integer' })
  requestId!: number;

  @Property({ type: 'string', length: 200 })
  workflowId!: string;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', length: 80, nullable: true })
  fromState?: string;

  @Property({ type: 'string', length: 80 })
  toState!: string;

  @Property({ type: 'string', length: 60 })
  event!: string;

  @Property({ type: 'string', length: 40 })
  publicStatus!: string;

  @Property({ type: 'string', length: 100 })
  actorId!: string;

  @Property({ type: 'string', length: 40 })
  actorRole!: string;

  @Property({ type: 'string', length: 1000, nullable: true })
  comment?: string;

  /** DRSE staff acted for this school (no internet); the actor is still the real one. */
  @Property({ type: 'integer', nullable: true })
  onBehalfSchoolId?: number | null;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
