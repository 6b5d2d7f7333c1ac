import { Entity, PrimaryKey, Property, type EntityManager } from '@mikro-orm/core';
import type { Actor, SchoolWork } from '../../access';

/** What a school's own work was (issue 11 item 2); the words people read are in `SCHOOL_WORK_ACTS`. */
export const SCHOOL_WORK_ACTS = {
  ALUMNO_ALTA: 'Alta de alumno',
  ALUMNOS_IMPORTACION: 'Importación de alumnos',
  FOTOGRAFIA: 'Fotografía de alumno',
  FOTOGRAFIAS_ZIP: 'Fotografías (ZIP)',
  DECLINACION: 'La familia declinó la credencial',
  DECLINACION_REVERTIDA: 'Se revirtió la declinación',
  OFICIO_PROCEDIMIENTO_1: 'Oficio del Procedimiento 1',
  REPOSICION: 'Reposición',
  REPORTE_CREDENCIAL: 'Reporte de credencial',
} as const;
export type SchoolWorkAct = keyof typeof SCHOOL_WORK_ACTS;

/**
 * One act of a school's own work, with the real actor, and whether DRSE staff did it on behalf of a
 * school without internet («en nombre de la escuela»). Read by GET /schools/:id/work-log.
 */
@Entity({ tableName: 'school_work_audit' })
export class SchoolWorkAudit {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  schoolId!: number;

  @Property({ type: 'integer', nullable: true })
  studentId?: number | null;

  @Property({ type: 'string', length: 40 })
  act!: SchoolWorkAct;

  @Property({ type: 'string', length: 500, nullable: true })
  detail?: string | null;

  @Property({ type: 'string', length: 100 })
  actorId!: string;

  @Property({ type: 'string', length: 40 })
  actorRole!: string;

  @Property({ type: 'boolean' })
  onBehalf!: boolean;

  @Property({ type: 'datetime' })
  at!: Date;
}

/** Adds the audit row to `em` (flushed with the act itself). */
export function auditSchoolWork(
  em: EntityManager,
  entry: { schoolId: number; studentId?: number | null; act: SchoolWorkAct; detail?: string | null; actor: Actor; work: SchoolWork | null },
): void {
  em.create(SchoolWorkAudit, {
    schoolId: entry.schoolId,
    studentId: entry.studentId ?? null,
    act: entry.act,
    detail: entry.detail ?? null,
    actorId: entry.actor.id,
    actorRole: entry.actor.role,
    onBehalf: entry.work?.onBehalfSchoolId != null,
    at: new Date(),
  });
}
