import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A human task of a request (the inbox): a step's task or the supervisor's escalation task. */
@Entity({ tableName: 'procedure_task' })
export class ProcedureTask {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  requestId!: number;

  @Property({ type: 'string', length: 200 })
  workflowId!: string;

  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', length: 20 })
  kind!: 'PASO' | 'ESCALAMIENTO';

  @Property({ type: 'string', length: 80 })
  step!: string;

  @Property({ type: 'string', length: 60 })
  taskKey!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 40 })
  role!: string;

  @Property({ type: 'string', length: 40 })
  scopeDrseCode!: string;

  @Property({ type: 'integer', nullable: true })
  scopeSchoolId?: number;

  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date;

  /** The task resolves an incident (chart v2): first in the inbox. */
  @Property({ type: 'boolean', default: false })
  incident: boolean = false;

  /** What failed (Spanish). */
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string;

  @Property({ type: 'boolean' })
  overdue = false;

  @Property({ type: 'string', length: 10 })
  status: 'ABIERTA' | 'CERRADA' = 'ABIERTA';

  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date;

  @Property({ type: 'string', length: 100, nullable: true })
  closedBy?: string;

  @Property({ type: 'string', length: 40, nullable: true })
  closedByRole?: string;

  @Property({ type: 'string', length: 60, nullable: true })
  closedEvent?: string;

  @Property({ type: 'integer', nullable: true })
  escalatesTaskId?: number;
}
