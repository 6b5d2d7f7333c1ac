import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../http/problem';

/** A request still running for a school, with the route it started with (R12: it keeps it). */
export interface OpenRequestSummary {
  id: number;
  procedure: string;
  publicStatus: string;
  printRoute: 'DRSE' | 'ESCUELA' | null;
  createdAt: string;
}

/** The school's requests whose procedure has not finished, oldest first (read model). */
export async function openRequestsOfSchool(em: EntityManager, schoolId: number): Promise<OpenRequestSummary[]> {
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select id, procedure, public_status, print_route, created_at from procedure_request
     where school_id = ? and closed_at is null order by id`,
    [schoolId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    procedure: String(r.procedure),
    publicStatus: String(r.public_status),
    printRoute: (r.print_route as OpenRequestSummary['printRoute']) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
  }));
}

/** The kinds of request that hold their students while open: at most one open request of each kind per student. */
export type StudentClaimKind = 'PROCEDURE_1' | 'REPLACEMENT';

export interface StudentConflict {
  studentId: number;
  /** The other open request, as users see it (#id). */
  requestId: number;
  filedOn: string;
}

/**
 * 409: a student is already in another open request of the same kind (a Procedure 1 oficio, a
 * replacement); names the other request as the web shows it («solicitud #N»). Nothing was stored.
 */
export class StudentsInOpenRequestError extends InvalidInputError {
  constructor(
    readonly conflicts: StudentConflict[],
    readonly kind: StudentClaimKind,
    fieldOf: (studentId: number) => string = () => (kind === 'REPLACEMENT' ? 'studentId' : 'students'),
  ) {
    const what = kind === 'REPLACEMENT' ? 'reposición' : 'solicitud de credenciales';
    const problems = conflicts.map((c) => ({
      field: fieldOf(c.studentId),
      message: `El alumno ${c.studentId} ya está en la solicitud #${c.requestId} (${what} abierta, presentada el ${c.filedOn}).`,
    }));
    const others = [...new Set(conflicts.map((c) => `#${c.requestId}`))].join(', ');
    super(
      conflicts.length === 1
        ? `${problems[0].message} Un alumno está en una sola ${what} abierta por ciclo; no se registró esta solicitud.`
        : `${conflicts.length} alumnos ya están en otra ${what} abierta (solicitud ${others}); un alumno está en una sola por ciclo. No se registró esta solicitud.`,
      problems,
      'ALUMNO_EN_OTRA_SOLICITUD',
      409,
    );
    this.name = 'StudentsInOpenRequestError';
  }

  /** The same conflicts, each pointing at the caller's field (e.g. `datos.nuevos[2]`). */
  withFields(fieldOf: (studentId: number) => string): StudentsInOpenRequestError {
    return new StudentsInOpenRequestError(this.conflicts, this.kind, fieldOf);
  }
}

/** Of `studentIds`, those held by an open request of this kind other than `exceptRequestId`, with that request. */
export async function studentsInOpenRequests(em: EntityManager, kind: StudentClaimKind, studentIds: number[], exceptRequestId?: number): Promise<StudentConflict[]> {
  const ids = [...new Set(studentIds.map((n) => Math.trunc(n)))];
  if (ids.length === 0) return [];
  const rows = await em.execute<Array<{ student_id: number; request_id: number; created_at: string }>>(
    `select o.student_id, o.request_id, r.created_at from open_request_student o join procedure_request r on r.id = o.request_id
      where o.kind = ? and o.student_id = any(?::int[]) and o.request_id <> ? order by o.student_id`,
    [kind, `{${ids.join(',')}}`, exceptRequestId ?? -1],
  );
  return rows.map((r) => ({ studentId: Number(r.student_id), requestId: Number(r.request_id), filedOn: new Date(r.created_at).toISOString().slice(0, 10) }));
}

/**
 * The request (open, being filed or corrected) holds its students: one row per student and kind in
 * `open_request_student`, whose primary key refuses a second open request even between concurrent
 * filings (the second waits for the first to commit, then finds the row). Throws
 * StudentsInOpenRequestError — the caller's transaction then stores nothing. The rows go when the
 * request closes (database trigger on procedure_request.closed_at).
 */
export async function claimStudents(em: EntityManager, kind: StudentClaimKind, requestId: number, studentIds: number[]): Promise<void> {
  const ids = [...new Set(studentIds.map((n) => Math.trunc(n)))].sort((a, b) => a - b);
  if (ids.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    const claimed = await em.execute<Array<{ student_id: number }>>(
      `insert into open_request_student (student_id, kind, request_id) select unnest(?::int[]), ?, ?
       on conflict (student_id, kind) do update set request_id = open_request_student.request_id
         where open_request_student.request_id = excluded.request_id
       returning student_id`,
      [`{${ids.join(',')}}`, kind, requestId],
    );
    if (claimed.length === ids.length) return;
    const conflicts = await studentsInOpenRequests(em, kind, ids, requestId);
    // The other request closed between the insert and the look-up: its students are free, try again.
    if (conflicts.length > 0 || attempt >= 2) throw new StudentsInOpenRequestError(conflicts, kind);
  }
}

/** A corrected list: the request lets go of the students no longer in it. */
export async function releaseStudentsExcept(em: EntityManager, kind: StudentClaimKind, requestId: number, keep: number[]): Promise<void> {
  await em.execute(`delete from open_request_student where request_id = ? and kind = ? and not (student_id = any(?::int[]))`, [
    requestId,
    kind,
    `{${keep.map((n) => Math.trunc(n)).join(',')}}`,
  ]);
}
