import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers } from '../../access';
import { NotFoundError } from '../../common/domain-error';
import { boundedTotal, decodeCursor, encodeCursor, isoMicros, scopedCount, scopedPage } from '../../http/keyset';
import { ProcedureClient } from '../../procedures';
import { replacementById } from '../../production';
import { UploadStore } from '../../uploads/upload-store.service';
import type { ProcedureView } from '../../../workflows/messages';
import { chartFor } from '../../../statecharts/registry';
import { RequestsService } from '../requests.service';
import { scopeKeysOf } from '../task-scope';
import { actionOf, decisionOf } from './decision-catalog';
import { withinTime } from './decision-errors';
import { PROCEDURE_CLIENT } from './procedure-client.provider';
import { RequestAccess, VIEW_MS } from './request-access';
import {
  DETAIL_SELECT,
  metaOf,
  NOT_FOUND,
  OFICIO_PREFIX,
  openTaskOf,
  openTaskOfView,
  REQUEST_COLUMNS,
  REQUEST_FROM,
  RequestRow,
  Row,
  someQuantity,
  summary,
  timelineEntry,
  toRequestRow,
} from './request-mapping';
import {
  ActionDto,
  DocumentRefDto,
  InboxItemDto,
  InboxPageDto,
  InboxQueryDto,
  RequestDetailDto,
  RequestPageDto,
  RequestQueryDto,
  SchoolRefDto,
} from './requests.dto';

/**
 * Requests over HTTP, queries: the list, the detail (timeline, documents and the caller's actions),
 * the oficio's download and the inbox. Scope first (404 outside it).
 */
@Injectable()
export class RequestQueriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly requests: RequestsService,
    private readonly uploads: UploadStore,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
    private readonly access: RequestAccess,
  ) {}

  // ---------------------------------------------------------------- reading

  /** Newest first (updated_at, id), by page or after a cursor; one index range scan per scope key (docs/api.md, "Paginación por cursor"). */
  async list(actor: Actor, q: RequestQueryDto): Promise<RequestPageDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.procedimiento) {
      where.push('r.procedure = ?');
      params.push(q.procedimiento);
    } else {
      where.push(`r.procedure <> 'SUPPORT'`); // support tickets: GET /support-tickets
    }
    if (q.estado) {
      where.push('r.public_status = ?');
      params.push(q.estado);
    }
    const scope = scopeKeysOf(actor, { school: 'r.school_id', drse: 'r.drse_code' });
    const em = this.em.fork();
    const counted = scopedCount(scope, { from: 'procedure_request r', where, params });
    const [{ n }] = await em.execute<Row[]>(counted.sql, counted.params);
    const after: string[] = [];
    const afterParams: unknown[] = [];
    if (q.cursor !== undefined) {
      after.push('(r.updated_at, r.id) < (?::timestamptz, ?::int)');
      afterParams.push(...decodeCursor(q.cursor, ['t', 'i']));
    }
    const page = scopedPage(
      scope,
      { select: `${REQUEST_COLUMNS}, ${isoMicros('r.updated_at')} as updated_key`, from: REQUEST_FROM, where: [...where, ...after], params: [...params, ...afterParams], orderBy: 'updated_at desc, id desc' },
      q.pageSize + 1,
      q.cursor !== undefined ? 0 : (q.page - 1) * q.pageSize,
    );
    const fetched = await em.execute<Row[]>(page.sql, page.params);
    const rows = fetched.slice(0, q.pageSize);
    const last = rows[rows.length - 1];
    const nextCursor = fetched.length > q.pageSize && last.updated_key ? encodeCursor([String(last.updated_key), Number(last.id)]) : null;
    return { items: rows.map((r) => summary(toRequestRow(r))), ...boundedTotal(Number(n)), page: q.page, pageSize: q.pageSize, nextCursor };
  }

  async detail(actor: Actor, id: number): Promise<RequestDetailDto> {
    // One statement: the request, the context and open task the workflow recorded with its last
    // transition (so they belong to the same transition), its timeline with user names, and its
    // students. The workflow is queried only for requests recorded before it kept a context
    // (docs/procedures.md, "Reads").
    const [recorded] = await this.em.fork().execute<Row[]>(DETAIL_SELECT, [id]);
    if (!recorded) throw new NotFoundError(NOT_FOUND, 'id');
    const row = toRequestRow(recorded);
    if (!actorCovers(actor, { schoolId: row.schoolId ?? undefined, drseCode: row.drseCode })) throw new NotFoundError(NOT_FOUND, 'id');
    const recordedContext = (recorded.context as Record<string, unknown> | null) ?? null;
    const view = recordedContext ? null : await this.view(row);
    const state = view?.state ?? row.state;
    const context = recordedContext ?? view?.context ?? null;

    const detail: RequestDetailDto = {
      ...summary(row),
      estado: view?.status ?? row.publicStatus,
      rutaMotivo: row.printRouteReason,
      chart: { procedure: row.procedure, version: view?.chartVersion ?? row.chartVersion, state },
      tareaAbierta: view ? openTaskOfView(view) : openTaskOf(recorded.open_tasks as Row[]),
      acciones: this.actions(actor, row, view, context, await this.access.onBehalfOf(actor, row)),
      linea: (recorded.timeline as Row[]).map(timelineEntry),
      documentos: await this.documents(row, context),
      fuente: view || recordedContext ? 'FLUJO' : 'REGISTRO',
    };
    if (row.procedure === 'PROCEDURE_1') {
      const students = recorded.students as Row[];
      detail.alumnos = {
        nuevos: students.filter((s) => s.kind === 'NUEVO').map((s) => Number(s.student_id)),
        continuan: students.filter((s) => s.kind === 'CONTINUO').map((s) => Number(s.student_id)),
      };
      if (students.some((s) => s.eligible !== null)) {
        detail.verificacion = {
          matricula: Number(recorded.matricula ?? 0),
          nuevosElegibles: students.filter((s) => s.kind === 'NUEVO' && s.eligible).length,
          continuanElegibles: students.filter((s) => s.kind === 'CONTINUO' && s.eligible).length,
          alumnos: students.map((s) => ({
            id: Number(s.student_id),
            tipo: String(s.kind),
            elegible: (s.eligible as boolean | null) ?? null,
            motivo: (s.reason as string | null) ?? null,
            aprobado: (s.approved as boolean | null) ?? null,
          })),
        };
      }
    }
    if (row.procedure === 'PROCEDURE_2') {
      detail.material = {
        solicitado: row.requested,
        // The chart starts them at zero: shown once the check or the validation has set them.
        ...(someQuantity(context?.allowed) ? { permitido: context!.allowed } : {}),
        ...(someQuantity(context?.approved) ? { aprobado: context!.approved } : {}),
        ...(someQuantity(context?.shortage) ? { faltante: context!.shortage } : {}),
        ...(Array.isArray(recorded.equipment_needs) && recorded.equipment_needs.length ? { equipo: recorded.equipment_needs } : {}),
      };
    }
    if (row.procedure === 'REPLACEMENT') {
      const paymentId = typeof context?.paymentId === 'number' ? context.paymentId : null;
      const payment = paymentId === null ? null : await replacementById(this.em.fork(), paymentId);
      detail.reposicion = {
        ...(context ? { alumno: context.studentId, folioAnterior: context.oldFolio, folioNuevo: context.newFolio ?? null } : {}),
        recibo: payment
          ? { numero: payment.receiptNumber, fecha: payment.paidOn, importeCentavos: payment.amountCents, motivo: payment.reason }
          : null,
      };
    }
    return detail;
  }

  async oficio(actor: Actor, id: number): Promise<Buffer> {
    const row = await this.access.load(actor, id);
    if (!row.oficioKey?.startsWith(OFICIO_PREFIX)) throw new NotFoundError('Esta solicitud no tiene oficio escaneado.', 'id');
    return this.uploads.get(row.oficioKey.slice(OFICIO_PREFIX.length));
  }

  // ---------------------------------------------------------------- inbox

  async inbox(actor: Actor, q: InboxQueryDto): Promise<InboxPageDto> {
    const page = await this.requests.inbox(actor, { procedure: q.procedimiento, status: q.estado, overdue: q.vencidas, page: q.page, pageSize: q.pageSize, cursor: q.cursor });
    const schoolIds = [...new Set(page.items.map((i) => i.schoolId).filter((s): s is number => s !== null))];
    const schools = new Map<number, SchoolRefDto>();
    if (schoolIds.length) {
      const rows = await this.em.fork().execute<Row[]>('select id, cct, turno, name from school where id = any(?::int[])', [`{${schoolIds.join(',')}}`]);
      for (const s of rows) schools.set(Number(s.id), { id: Number(s.id), cct: String(s.cct), turno: String(s.turno), nombre: String(s.name) });
    }
    const items: InboxItemDto[] = page.items.map((i) => ({
      taskId: i.taskId,
      requestId: i.requestId,
      procedimiento: i.procedure,
      estado: i.publicStatus,
      titulo: i.title,
      rol: i.role,
      vence: i.dueAt,
      vencida: i.overdue,
      escalamiento: i.kind === 'ESCALAMIENTO',
      incidente: i.incident,
      descripcion: i.description,
      escuela: i.schoolId === null ? null : (schools.get(i.schoolId) ?? null),
      drseCode: i.drseCode,
    }));
    return { items, total: page.total, totalCapped: page.totalCapped, page: page.page, pageSize: page.pageSize, nextCursor: page.nextCursor };
  }

  private async view(row: RequestRow): Promise<ProcedureView | null> {
    const workflowId = row.workflowId ?? (row.procedure === 'SUPPLY' ? null : this.procedures.workflowId(row.procedure, row.id));
    if (!workflowId) return null;
    try {
      return await withinTime(this.procedures, VIEW_MS, () => this.procedures.viewWorkflow(workflowId));
    } catch {
      return null; // the engine did not answer: the read model still tells state, task and timeline
    }
  }

  private actions(actor: Actor, row: RequestRow, view: ProcedureView | null, context: Record<string, unknown> | null, onBehalfSchoolId?: number): ActionDto[] {
    // DRSE staff working for an offline school also get the school's own decisions (resend, withdraw).
    const roles = onBehalfSchoolId ? [actor.role, 'ESCUELA' as const] : [actor.role];
    let events: string[];
    if (view) {
      events = [...new Set(roles.flatMap((r) => view.allowedEvents[r] ?? []))];
    } else {
      const meta = metaOf(row.procedure, row.chartVersion, row.state);
      events = meta?.kind === 'task' ? Object.entries(meta.decisions).filter(([, allowed]) => roles.some((r) => allowed?.includes(r))).map(([e]) => e) : [];
    }
    const state = view?.state ?? row.state;
    const meta = metaOf(row.procedure, view?.chartVersion ?? row.chartVersion, state);
    const stepRequires = (evento: string) => (meta?.kind === 'task' && meta.commentRequired?.includes(evento)) ?? false;
    return events.filter((evento) => this.guardAllows(row, state, evento, context)).map((evento): ActionDto => actionOf(row.procedure, evento, context, stepRequires(evento)));
  }

  /**
   * A decision that carries no numbers is offered only if the chart would take it with the request's
   * recorded context (e.g. «Validar: procede completa» is not offered when the automatic check found
   * students who do not qualify). Decisions with numbers are judged when sent; unknown → offered.
   */
  private guardAllows(row: RequestRow, state: string, evento: string, context: Record<string, unknown> | null): boolean {
    if (!context || decisionOf(row.procedure, evento).fields.length) return true;
    try {
      const snapshot = chartFor(row.procedure, row.chartVersion).resolveState({ value: state, context } as never);
      return snapshot.can({ type: evento } as never);
    } catch {
      return true;
    }
  }

  private async documents(row: RequestRow, context: Record<string, unknown> | null): Promise<DocumentRefDto[]> {
    const docs: DocumentRefDto[] = [];
    if (row.oficioKey?.startsWith(OFICIO_PREFIX)) {
      docs.push({ tipo: 'OFICIO', id: String(row.id), url: `/requests/${row.id}/oficio`, version: row.oficioVersion, fecha: row.oficioAt });
    }
    const printRunId = context?.printRunId;
    if (typeof printRunId === 'number') docs.push({ tipo: 'PLANILLAS', id: String(printRunId), url: `/print-runs/${printRunId}/pdf` });
    const acuseId = context?.acuseId;
    if (typeof acuseId === 'number') {
      const [acuse] = await this.em.fork().execute<Row[]>('select signed_scan_hash is not null as signed from acuse where id = ?', [acuseId]);
      docs.push({ tipo: 'ACUSE', id: String(acuseId), url: `/acuses/${acuseId}/pdf`, firmado: acuse?.signed === true });
    }
    return docs;
  }
}
