import { Injectable } from '@nestjs/common';
import { normalizeReceiptNumber, type ReplacementReason, ProductionService } from '../production';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { DomainError, NotFoundError } from '../common/domain-error';
import type { ProcedureName } from '../../statecharts/step-meta';
import { boundedTotal, decodeCursor, encodeCursor, isoMicros, scopedCount, scopedPage } from '../http/keyset';
import { scopeKeysOf } from './task-scope';
import { claimStudents, releaseStudentsExcept } from './open-requests';

type Row = Record<string, unknown>;

export interface NewRequest {
  procedure: ProcedureName;
  schoolId: number;
  /** The oficio's number or any caller-given key: a second submit with it returns the same request. */
  oficioKey: string;
  /** Procedure 1: the students of the oficio. */
  students?: Array<{ studentId: number; kind: 'NUEVO' | 'CONTINUO' }>;
  /** Procedure 2: the material asked for. */
  requested?: { teslinSheets: number; micas: number; holograms: number; inkSets?: number };
  /** Procedure 2: equipment the school reports it needs (not stock). */
  equipmentNeeds?: Array<{ tipo: string; cantidad: number; detalle?: string }>;
  /** Replacement (required there): the student whose card is replaced; must belong to the school. */
  studentId?: number;
  /** The workflow's start arguments, kept until it records its first step (src/requests/pending-start.ts). */
  pendingStart?: object;
}

export interface InboxFilters {
  procedure?: ProcedureName;
  status?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
  /** Keyset pagination: the page after this cursor (a previous page's `nextCursor`); `page` is then ignored. */
  cursor?: string;
}

export interface InboxItem {
  taskId: number;
  requestId: number;
  procedure: string;
  publicStatus: string;
  kind: 'PASO' | 'ESCALAMIENTO';
  taskKey: string;
  title: string;
  role: string;
  drseCode: string;
  schoolId: number | null;
  dueAt: string | null;
  overdue: boolean;
  openedAt: string;
  /** The task resolves an incident (a failed automatic step): listed first. */
  incident: boolean;
  /** What failed (Spanish), for incidents and waits for stock. */
  description: string | null;
}

export interface Page<T> {
  items: T[];
  /** At most COUNT_CAP; `totalCapped` when there are more. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** The cursor of the next page, null on the last. */
  nextCursor: string | null;
}

/** Requests, inbox and timeline: the read side of the procedures, in plain SQL. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly production: ProductionService,
  ) {}

  /** Stores an oficio's request (idempotent on procedure + school + oficioKey). */
  async createRequest(r: NewRequest): Promise<{ requestId: number; created: boolean; drseCode: string; printRoute: string }> {
    if (!r.oficioKey?.trim()) throw new DomainError('La clave del oficio es obligatoria.', 'oficioKey');
    return this.em.fork().transactional(async (em) => {
      const [school] = await em.execute<Row[]>('select id, drse_code, print_route from school where id = ?', [r.schoolId]);
      if (!school) throw new DomainError('La escuela no existe.', 'schoolId');
      let studentId: number | null = null;
      if (r.procedure === 'REPLACEMENT') {
        if (!Number.isInteger(r.studentId) || (r.studentId as number) <= 0) throw new DomainError('Indique el alumno cuya credencial se repone.', 'studentId');
        const [st] = await em.execute<Row[]>('select school_id from student where id = ?', [r.studentId]);
        if (!st || Number(st.school_id) !== Number(school.id)) throw new DomainError('El alumno no existe o no pertenece a la escuela.', 'studentId');
        studentId = r.studentId as number;
      }
      const q = r.requested;
      if (q && [q.teslinSheets, q.micas, q.holograms, q.inkSets ?? 0].some((n) => !Number.isInteger(n) || n < 0)) {
        throw new DomainError('Las cantidades de material deben ser enteros no negativos.', 'requested');
      }
      const inserted = await em.execute<Row[]>(
        `insert into procedure_request (procedure, oficio_key, school_id, drse_code, print_route, public_status,
           requested_teslin_sheets, requested_micas, requested_holograms, requested_ink_sets, equipment_needs, student_id, pending_start)
         values (?, ?, ?, ?, ?, 'EN_REVISION_PLANEACION', ?, ?, ?, ?, ?, ?, ?)
         on conflict (procedure, school_id, oficio_key) do nothing returning id`,
        [
          r.procedure, r.oficioKey.trim(), r.schoolId, school.drse_code, school.print_route, q?.teslinSheets ?? null, q?.micas ?? null, q?.holograms ?? null,
          q?.inkSets ?? null, r.equipmentNeeds?.length ? JSON.stringify(r.equipmentNeeds) : null, studentId, r.pendingStart ? JSON.stringify(r.pendingStart) : null,
        ],
      );
      const created = inserted.length > 0;
      const requestId = created
        ? Number(inserted[0].id)
        : Number(
            (await em.execute<Row[]>('select id from procedure_request where procedure = ? and school_id = ? and oficio_key = ?', [r.procedure, r.schoolId, r.oficioKey.trim()]))[0].id,
          );
      if (created && r.students?.length) {
        await this.insertStudents(em, requestId, r.students);
        // One open request per student (issue 11): a student in another open oficio refuses this one (409).
        await claimStudents(em, 'PROCEDURE_1', requestId, r.students.map((s) => s.studentId));
      }
      if (created && studentId !== null) await claimStudents(em, 'REPLACEMENT', requestId, [studentId]);
      return { requestId, created, drseCode: String(school.drse_code), printRoute: String(school.print_route) };
    });
  }

  /** The school amends the oficio's student list before resubmitting (only while returned to it). */
  async replaceStudents(requestId: number, students: NonNullable<NewRequest['students']>): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const [req] = await em.execute<Row[]>('select public_status from procedure_request where id = ? for update', [requestId]);
      if (!req) throw new NotFoundError('La solicitud no existe.');
      if (req.public_status !== 'DEVUELTA_A_ESCUELA') {
        throw new DomainError('Sólo se puede corregir la lista de alumnos de una solicitud devuelta a la escuela.', 'students');
      }
      await em.execute('delete from request_student where request_id = ?', [requestId]);
      await this.insertStudents(em, requestId, students);
      await releaseStudentsExcept(em, 'PROCEDURE_1', requestId, students.map((s) => s.studentId));
      await claimStudents(em, 'PROCEDURE_1', requestId, students.map((s) => s.studentId));
    });
  }

  /**
   * R5: records the original receipt of the replacement fee through production (the one source of
   * truth, `card_replacement`): the amount must equal the current cycle's tariff, a receipt serves
   * once, the student's issued card is revoked and the next run of whoever prints for the school
   * prints the new one. Idempotent on request + receipt. Returns the replacement's id for the
   * PAYMENT_RECORDED decision. `reason` defaults to PERDIDA.
   */
  async recordPayment(
    requestId: number,
    p: { receiptNumber: string; paidOn: string; amountCents: number; reason?: ReplacementReason },
    actor: Actor,
  ): Promise<{ paymentId: number }> {
    const [req] = await this.em.fork().execute<Row[]>('select id, student_id from procedure_request where id = ? and procedure = ?', [requestId, 'REPLACEMENT']);
    if (!req) throw new NotFoundError('La solicitud de reposición no existe.');
    if (req.student_id == null) throw new DomainError('La solicitud de reposición no indica el alumno.', 'studentId');
    const receipt = normalizeReceiptNumber(p.receiptNumber);
    const r = await this.production.recordReplacementPayment({
      key: `replacement-request-${requestId}:${receipt}`,
      studentId: Number(req.student_id),
      receiptNumber: p.receiptNumber,
      paidOn: p.paidOn,
      amountCents: p.amountCents,
      reason: p.reason ?? 'PERDIDA',
      actor,
    });
    return { paymentId: r.replacementId };
  }

  /**
   * Open tasks an actor may work on (role + scope): incidents first, then overdue, then by due date,
   * with filters; by page (offset) or after a cursor (keyset, docs/api.md). The total stops at
   * COUNT_CAP (`totalCapped`). Each scope key is one range scan of an index in the inbox's order.
   */
  async inbox(actor: Actor, filters: InboxFilters = {}): Promise<Page<InboxItem>> {
    const page = Math.max(1, Math.floor(filters.page ?? 1));
    const pageSize = Math.min(100, Math.max(1, Math.floor(filters.pageSize ?? 20)));
    const where = [`t.status = 'ABIERTA'`, 't.role = ?'];
    const params: unknown[] = [actor.role];
    if (filters.overdue !== undefined) {
      where.push('t.overdue = ?');
      params.push(filters.overdue);
    }
    const byRequest: string[] = [];
    if (filters.procedure) {
      byRequest.push('r.procedure = ?');
      params.push(filters.procedure);
    }
    if (filters.status) {
      byRequest.push('r.public_status = ?');
      params.push(filters.status);
    }
    const scope = scopeKeysOf(actor, { school: 't.scope_school_id', drse: 't.scope_drse_code' });
    const join = 'procedure_task t join procedure_request r on r.id = t.request_id';
    const em = this.em.fork();
    const counted = scopedCount(scope, { from: byRequest.length ? join : 'procedure_task t', where: [...where, ...byRequest], params });
    const [{ n }] = await em.execute<Row[]>(counted.sql, counted.params);
    const after: string[] = [];
    const afterParams: unknown[] = [];
    if (filters.cursor !== undefined) {
      after.push(`(not t.incident, not t.overdue, coalesce(t.due_at, 'infinity'::timestamptz), t.id) > (?::boolean, ?::boolean, coalesce(?::timestamptz, 'infinity'::timestamptz), ?::int)`);
      afterParams.push(...decodeCursor(filters.cursor, ['b', 'b', 't', 'i']));
    }
    const q = scopedPage(
      scope,
      {
        select: `t.id, t.request_id, r.procedure, r.public_status, t.kind, t.task_key, t.title, t.role, t.scope_drse_code, t.scope_school_id,
                 t.due_at, t.overdue, t.opened_at, t.incident, t.description,
                 not t.incident as k_incident, not t.overdue as k_overdue, coalesce(t.due_at, 'infinity'::timestamptz) as k_due, ${isoMicros('t.due_at')} as due_key`,
        from: join,
        where: [...where, ...byRequest, ...after],
        params: [...params, ...afterParams],
        orderBy: 'k_incident, k_overdue, k_due, id',
      },
      pageSize + 1,
      filters.cursor !== undefined ? 0 : (page - 1) * pageSize,
    );
    const fetched = await em.execute<Row[]>(q.sql, q.params);
    const rows = fetched.slice(0, pageSize);
    const last = rows[rows.length - 1];
    const nextCursor = fetched.length > pageSize ? encodeCursor([Boolean(last.k_incident), Boolean(last.k_overdue), (last.due_key as string | null) ?? null, Number(last.id)]) : null;
    return {
      items: rows.map((r) => ({
        taskId: Number(r.id),
        requestId: Number(r.request_id),
        procedure: String(r.procedure),
        publicStatus: String(r.public_status),
        kind: r.kind as InboxItem['kind'],
        taskKey: String(r.task_key),
        title: String(r.title),
        role: String(r.role),
        drseCode: String(r.scope_drse_code),
        schoolId: r.scope_school_id == null ? null : Number(r.scope_school_id),
        dueAt: r.due_at ? new Date(r.due_at as string).toISOString() : null,
        overdue: Boolean(r.overdue),
        openedAt: new Date(r.opened_at as string).toISOString(),
        incident: Boolean(r.incident),
        description: r.description == null ? null : String(r.description),
      })),
      ...boundedTotal(Number(n)),
      page,
      pageSize,
      nextCursor,
    };
  }

  /** Every transition of a request, in order (the audit trail). */
  async timeline(requestId: number): Promise<Array<{ seq: number; from: string | null; to: string; event: string; status: string; actorId: string; actorRole: string; comment: string | null; at: string }>> {
    const rows = await this.em.fork().execute<Row[]>(
      'select seq, from_state, to_state, event, public_status, actor_id, actor_role, comment, at from procedure_audit where request_id = ? order by seq',
      [requestId],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      from: (r.from_state as string | null) ?? null,
      to: String(r.to_state),
      event: String(r.event),
      status: String(r.public_status),
      actorId: String(r.actor_id),
      actorRole: String(r.actor_role),
      comment: (r.comment as string | null) ?? null,
      at: new Date(r.at as string).toISOString(),
    }));
  }

  private async insertStudents(em: EntityManager, requestId: number, students: NonNullable<NewRequest['students']>): Promise<void> {
    const seen = new Set<number>();
    for (const s of students) {
      if (!Number.isInteger(s.studentId) || seen.has(s.studentId)) throw new DomainError('La lista de alumnos tiene un alumno repetido o inválido.', 'students');
      if (s.kind !== 'NUEVO' && s.kind !== 'CONTINUO') throw new DomainError('El tipo de alumno debe ser NUEVO o CONTINUO.', 'students');
      seen.add(s.studentId);
    }
    if (students.length === 0) return;
    const values = students.map(() => '(?, ?, ?)').join(', ');
    await em.execute(`insert into request_student (request_id, student_id, kind) values ${values}`, students.flatMap((s) => [requestId, s.studentId, s.kind]));
  }
}
