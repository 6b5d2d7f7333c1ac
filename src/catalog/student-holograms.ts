import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../common/domain-error';

export type HologramSource = 'ENTREGA_P1' | 'TIRADA_EN_SITIO' | 'CONFIRMACION_ESCUELA';

export interface HologramDelivery {
  studentIds: number[];
  source: HologramSource;
  /** What delivered them: the request, the print run, the confirmation's key. */
  reference: string;
  recordedBy: string;
  /** The cycle; the current one by default. */
  cycleCode?: string;
}

/**
 * Records that each student received the hologram of the cycle. A student never receives two
 * in one cycle (primary key student + cycle). `strict`: a student who already has it refuses the
 * whole delivery (409 naming them); otherwise (a delivery retried by Temporal, the same
 * reference) those rows are left as they are. Runs on the caller's connection/transaction.
 */
export async function recordHolograms(em: EntityManager, d: HologramDelivery, strict: boolean): Promise<{ cycleCode: string; recorded: number[] }> {
  const ids = [...new Set(d.studentIds)].sort((a, b) => a - b);
    const [cycle] = await em.execute<Array<{ code: string }>>(
    `select code from school_cycle where code = coalesce(?::varchar, (select code from school_cycle where is_current))`,
    [d.cycleCode ?? null],
  );
  if (!cycle) throw new ConflictError('No hay un ciclo escolar vigente; abra uno antes de registrar hologramas.', 'cycleCode');
  if (!ids.length) return { cycleCode: cycle.code, recorded: [] };
  const inserted = await em.execute<Array<{ student_id: number }>>(
    `insert into student_hologram (student_id, cycle_code, source, reference, recorded_by)
     select unnest(?::int[]), ?, ?, ?, ?
     on conflict (student_id, cycle_code) do nothing returning student_id`,
    [`{${ids.join(',')}}`, cycle.code, d.source, d.reference, d.recordedBy],
  );
  const recorded = inserted.map((r) => Number(r.student_id));
  if (strict && recorded.length !== ids.length) {
    const already = ids.filter((id) => !recorded.includes(id));
    throw new ConflictError(
      `${already.length === 1 ? 'Un alumno ya recibió' : `${already.length} alumnos ya recibieron`} el holograma del ciclo ${cycle.code}; un alumno recibe uno solo por ciclo. No se registró nada.`,
      'alumnos',
    );
  }
  return { cycleCode: cycle.code, recorded };
}

/** Of `studentIds`, those who already received the hologram of the cycle (the current one by default). */
export async function studentsWithHologram(em: EntityManager, studentIds: number[], cycleCode?: string): Promise<Set<number>> {
  const ids = [...new Set(studentIds.map((n) => Math.trunc(n)))];
  if (ids.length === 0) return new Set();
  const rows = await em.execute<Array<{ student_id: number }>>(
    `select student_id from student_hologram
      where student_id = any(?::int[]) and cycle_code = coalesce(?::varchar, (select code from school_cycle where is_current))`,
    [`{${ids.join(',')}}`, cycleCode ?? null],
  );
  return new Set(rows.map((r) => Number(r.student_id)));
}
