import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '../access';
import { DomainError } from '../common/domain-error';
import { Drse } from './entities/drse.entity';
import { School } from './entities/school.entity';
import { Student } from './entities/student.entity';

/** A user, by id: auth's `User` entity, named by its entity name so that catalog does not import auth. */
export interface ComplaintUser {
  id: string;
}

export const COMPLAINT_STATUSES = ['ABIERTA', 'ATENDIDA'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** How the DRSE's Control Escolar resolves it: PROCEDE makes the student eligible again (the card comes in the next run). */
export const COMPLAINT_OUTCOMES = ['PROCEDE', 'NO_PROCEDE'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/**
 * R4: a family asked for the card and the school's director refused. The complaint is routed to
 * the school's DRSE (copied at filing time, so the routing is what it was then).
 */
@Entity({ tableName: 'refusal_complaint' })
export class RefusalComplaint {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school: School;

  @ManyToOne(() => Drse, { deleteRule: 'restrict' })
  drse: Drse;

  @ManyToOne(() => Student, { nullable: true, deleteRule: 'restrict' })
  student?: Student;

  @Property({ type: 'string', length: 2000 })
  description: string;

  @Enum({ items: () => [...COMPLAINT_STATUSES] })
  status: ComplaintStatus = 'ABIERTA';

  @Property({ type: 'string', length: 2000, nullable: true })
  resolution?: string;

  @Enum({ items: () => [...COMPLAINT_OUTCOMES], nullable: true })
  outcome?: ComplaintOutcome | null;

  /** By when the DRSE must resolve it (COMPLAINT_DUE_DAYS after filing). */
  @Property({ type: 'datetime' })
  dueAt: Date;

  @ManyToOne({ entity: 'User', fieldName: 'filed_by_user_id', deleteRule: 'restrict' })
  filedBy: ComplaintUser;

  @Property({ type: 'string', length: 40 })
  filedByRole: Role;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date;

  @ManyToOne({ entity: 'User', fieldName: 'resolved_by_user_id', nullable: true, deleteRule: 'restrict' })
  resolvedBy?: ComplaintUser;

  constructor(props: { school: School; student?: Student; description: string; filedBy: ComplaintUser; filedByRole: Role; dueDays: number }) {
    const description = props.description.trim();
    if (description.length < 10) throw new DomainError('La descripción de la queja debe tener al menos 10 caracteres.', 'description');
    if (description.length > 2000) throw new DomainError('La descripción de la queja admite a lo más 2000 caracteres.', 'description');
    this.school = props.school;
    this.drse = props.school.drse;
    this.student = props.student;
    this.description = description;
    this.filedBy = props.filedBy;
    this.filedByRole = props.filedByRole;
    this.dueAt = new Date(this.createdAt.getTime() + props.dueDays * 86_400_000);
  }

  overdue(now = new Date()): boolean {
    return this.status === 'ABIERTA' && this.dueAt.getTime() < now.getTime();
  }

  resolve(by: ComplaintUser, resolution: string, outcome: ComplaintOutcome, at = new Date()): void {
    if (this.status === 'ATENDIDA') throw new DomainError('La queja ya fue atendida.', 'status', 'CONFLICTO', 409);
    const text = resolution.trim();
    if (text.length < 5) throw new DomainError('La resolución debe tener al menos 5 caracteres.', 'resolution');
    this.status = 'ATENDIDA';
    this.outcome = outcome;
    this.resolution = text;
    this.resolvedAt = at;
    this.resolvedBy = by;
  }
}
