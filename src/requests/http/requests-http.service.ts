import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Actor, actorCovers, DRSE_ROLES, assertSchoolWork, SchoolWork, schoolWork } from '../../access';
import { auditSchoolWork } from '../../catalog';
import { ConflictError, DomainError, NotFoundError } from '../../common/domain-error';
import { AcuseService, operationKey } from '../../inventory';
import { FieldProblem, InvalidInputError } from '../../http/problem';
import { flattenValidationErrors } from '../../http/validation';
import { ProcedureClient } from '../../procedures';
import { decisions } from '../../observability/metrics';
import { UploadStore } from '../../uploads/upload-store.service';
import type { ProcedureView } from '../../../workflows/messages';
import { chartFor } from '../../../statecharts/registry';
import type { ProcedureName, StepMeta } from '../../../statecharts/step-meta';
import { ACUSE_SIGNED } from '../../../statecharts/incidents';
import { RequestsService } from '../requests.service';
import { scopeKeysOf } from '../task-scope';
import { boundedTotal, decodeCursor, encodeCursor, isoMicros, scopedCount, scopedPage } from '../../http/keyset';
import { eventSpec, fieldMaxima, refusalReason } from './decision-catalog';
import { humanizeProblem, problemsDetail } from './field-names';
import { decisionProblem, EngineUnavailableError, refusedAsNotThisStep, withinTime } from './decision-errors';
import { PROCEDURE_CLIENT } from './procedure-client.provider';
import { PendingStart, startPending } from '../pending-start';
import { StudentsInOpenRequestError, studentsInOpenRequests } from '../open-requests';
import { BlobStore } from '../../storage/blob-store';
import { IdempotencyContext, NO_IDEMPOTENCY } from '../../http/idempotency.interceptor';
import { checkReplacementReceipt, latestIssuedFolio, normalizeReceiptNumber, replacementById, replacementByReceipt, type ReplacementPaymentCommand } from '../../production';
import {
  ActionDto,
  DecisionDto,
  DecisionResultDto,
  DocumentRefDto,
  FILED_PROCEDURES,
  FiledRequestDto,
  FileRequestDatos,
  InboxItemDto,
  InboxPageDto,
  InboxQueryDto,
  MaterialCorrectionDto,
  OpenTaskDto,
  Procedure1DatosDto,
  Procedure2DatosDto,
  ReplacementDatosDto,
  RequestDetailDto,
  RequestPageDto,
  RequestQueryDto,
  RequestSummaryDto,
  SchoolRefDto,
  StudentListsDto,
  TimelineEntryDto,
} from './requests.dto';

type Row = Record<string, unknown>;

/** How long the API waits for the engine: a start, a decision, a query. */
const START_MS = 8_000;
const DECIDE_MS = 20_000;
const VIEW_MS = 3_000;

const NOT_FOUND = 'La solicitud no existe o no está en su ámbito.';
const OFICIO_PREFIX = 'sha256:';

interface RequestRow {
  id: number;
  procedure: ProcedureName;
  workflowId: string | null;
  oficioKey: string | null;
  /** 1 as filed; +1 each time a returned request's oficio is replaced by a different file. */
  oficioVersion: number;
  oficioAt: string;
  schoolId: number | null;
  drseCode: string;
  printRoute: string | null;
  printRouteReason: string | null;
  chartVersion: number;
  state: string;
  publicStatus: string;
  lastSeq: number;
  /** `inkSets` only when the oficio asked for ink (Procedure 2 since issue 11). */
  requested: { teslinSheets: number | null; micas: number | null; holograms: number | null; inkSets?: number };
  createdAt: string;
  updatedAt: string;
  school: SchoolRefDto | null;
}

interface SchoolRow {
  id: number;
  cct: string;
  turno: string;
  name: string;
  drse_code: string;
  print_route: 'DRSE' | 'ESCUELA';
  print_route_reason: string;
  has_internet: boolean;
}

const REQUEST_COLUMNS = `
  r.id, r.procedure, r.workflow_id, r.oficio_key, r.oficio_version, r.oficio_at, r.school_id, r.drse_code, r.print_route, r.chart_version, r.state,
  r.public_status, r.last_seq, r.requested_teslin_sheets, r.requested_micas, r.requested_holograms, r.requested_ink_sets, r.created_at, r.updated_at,
  s.cct, s.turno, s.name as school_name, s.print_route_reason`;
const REQUEST_FROM = 'procedure_request r left join school s on s.id = r.school_id';
const REQUEST_SELECT = `select ${REQUEST_COLUMNS} from ${REQUEST_FROM}`;

/** A request's detail in one statement (`where r.id = ?`): see `detail()`. Actor ids that are not user ids (the system) get no name. */
const DETAIL_SELECT = `
  select r.id, r.procedure, r.workflow_id, r.oficio_key, r.oficio_version, r.oficio_at, r.school_id, r.drse_code, r.print_route, r.chart_version, r.state,
         r.public_status, r.last_seq, r.requested_teslin_sheets, r.requested_micas, r.requested_holograms, r.requested_ink_sets, r.created_at, r.updated_at,
         s.cct, s.turno, s.name as school_name, s.print_route_reason, s.matricula, r.context, r.equipment_needs,
         coalesce((select json_agg(t order by t.id) from (
            select id, kind, task_key, title, role, due_at, overdue, incident, description
              from procedure_task where request_id = r.id and status = 'ABIERTA') t), '[]'::json) as open_tasks,
         coalesce((select json_agg(a order by a.seq) from (
            select a.seq, a.from_state, a.to_state, a.event, a.public_status, a.actor_id, a.actor_role, a.comment, a.at, u.username
              from procedure_audit a
              left join app_user u on u.id = (case when a.actor_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then a.actor_id::uuid end)
             where a.request_id = r.id) a), '[]'::json) as timeline,
         coalesce((select json_agg(x order by x.student_id) from (
            select student_id, kind, eligible, reason, approved from request_student where request_id = r.id) x), '[]'::json) as students
  from procedure_request r left join school s on s.id = r.school_id
  where r.id = ?`;

/** A row of the detail's timeline: people by their user name and role, never by an id alone. */
function timelineEntry(a: Row): TimelineEntryDto {
  return {
    seq: Number(a.seq),
    de: (a.from_state as string | null) ?? null,
    a: String(a.to_state),
    evento: String(a.event),
    estado: String(a.public_status),
    actor: { id: String(a.actor_id), rol: String(a.actor_role), nombre: (a.username as string | null) ?? null },
    comentario: (a.comment as string | null) ?? null,
    fecha: new Date(a.at as string).toISOString(),
  };
}

const iso = (v: unknown): string => new Date(v as string).toISOString();
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toRequestRow(r: Row): RequestRow {
  return {
    id: Number(r.id),
    procedure: r.procedure as ProcedureName,
    workflowId: (r.workflow_id as string | null) ?? null,
    oficioKey: (r.oficio_key as string | null) ?? null,
    oficioVersion: Number(r.oficio_version ?? 1),
    oficioAt: iso(r.oficio_at ?? r.created_at),
    schoolId: numOrNull(r.school_id),
    drseCode: String(r.drse_code),
    printRoute: (r.print_route as string | null) ?? null,
    printRouteReason: (r.print_route_reason as string | null) ?? null,
    chartVersion: Number(r.chart_version),
    state: String(r.state),
    publicStatus: String(r.public_status),
    lastSeq: Number(r.last_seq),
    requested: {
      teslinSheets: numOrNull(r.requested_teslin_sheets),
      micas: numOrNull(r.requested_micas),
      holograms: numOrNull(r.requested_holograms),
      ...(Number(r.requested_ink_sets ?? 0) > 0 ? { inkSets: Number(r.requested_ink_sets) } : {}),
    },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    school: r.school_id == null ? null : { id: Number(r.school_id), cct: String(r.cct), turno: String(r.turno), nombre: String(r.school_name) },
  };
}

const materialTotal = (m: { teslinSheets: number; micas: number; holograms: number; inkSets?: number }): number => m.teslinSheets + m.micas + m.holograms + (m.inkSets ?? 0);

const someQuantity = (q: unknown): boolean =>
  typeof q === 'object' && q !== null && Object.values(q as Record<string, unknown>).some((n) => typeof n === 'number' && n > 0);

/** The open step task (and its escalation, if any) from procedure_task rows. */
function openTaskOf(rows: Row[]): OpenTaskDto | null {
  const step = rows.find((r) => r.kind === 'PASO');
  if (!step) return null;
  const escalation = rows.find((r) => r.kind === 'ESCALAMIENTO');
  return {
    key: String(step.task_key),
    titulo: String(step.title),
    rol: String(step.role),
    vence: step.due_at ? iso(step.due_at) : null,
    vencida: Boolean(step.overdue),
    escaladaA: escalation ? String(escalation.role) : null,
    incidente: Boolean(step.incident),
    descripcion: step.description == null ? null : String(step.description),
  };
}

function summary(r: RequestRow): RequestSummaryDto {
  return {
    id: r.id,
    procedimiento: r.procedure,
    estado: r.publicStatus,
    escuela: r.school,
    drseCode: r.drseCode,
    ruta: r.printRoute,
    creada: r.createdAt,
    actualizada: r.updatedAt,
  };
}

/** Where a replacement filing's problems point: `POST /requests` names `datos.*`, `POST /replacements` its own fields. */
interface ReplacementFields {
  alumno: string;
  numero: string;
  fecha: string;
  importe: string;
  motivo: string;
}
const FILED_REPLACEMENT_FIELDS: ReplacementFields = { alumno: 'datos.alumno', numero: 'datos.recibo.numero', fecha: 'datos.recibo.fecha', importe: 'datos.recibo.importeCentavos', motivo: 'datos.motivo' };
const ENDPOINT_REPLACEMENT_FIELDS: ReplacementFields = { alumno: 'studentId', numero: 'receiptNumber', fecha: 'paidOn', importe: 'amountCents', motivo: 'reason' };

/** Validates a class-validator DTO from plain data; field names are prefixed (e.g. `datos.nuevos`). */
async function validated<T extends object>(cls: new () => T, plain: unknown, prefix: string): Promise<T> {
  const instance = plainToInstance(cls, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: true } });
  if (errors.length) throw invalid(flattenValidationErrors(errors, prefix));
  return instance;
}

/** 422 with each problem; messages name fields as people do («Justificación»), the paths stay in `field`. */
function invalid(problems: FieldProblem[]): InvalidInputError {
  const named = problems.map(humanizeProblem);
  return new InvalidInputError(problemsDetail(named), named);
}

/**
 * Requests over HTTP: filing (oficio + structured lists, or a replacement's receipt), reading
 * (list, detail with timeline and the caller's actions), decisions (the workflow's `decide`
 * Update), withdrawal, corrections while returned to the school, and the inbox. Scope first
 * (404 outside it); the workflow's validator is the judge of what may happen now.
 */
@Injectable()
export class RequestsHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly requests: RequestsService,
    private readonly uploads: UploadStore,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
    private readonly acuses: AcuseService,
  ) {}

  // ---------------------------------------------------------------- filing

  async file(actor: Actor, rawDatos: string, oficio: Buffer | undefined, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<FiledRequestDto> {
    const datos = await this.parseDatos(rawDatos);
    const { school, work } = await this.filingSchool(actor, datos);
    if (datos.procedimiento === 'REPLACEMENT') return this.fileReplacement(actor, school, datos, idem);

    const expectedRoute = datos.procedimiento === 'PROCEDURE_1' ? 'DRSE' : 'ESCUELA';
    if (school.print_route !== expectedRoute) {
      const name = { PROCEDURE_1: 'el Procedimiento 1 (credenciales)', PROCEDURE_2: 'el Procedimiento 2 (material)' };
      const other = school.print_route === 'DRSE' ? 'PROCEDURE_1' : 'PROCEDURE_2';
      throw invalid([
        {
          field: 'datos.procedimiento',
          message: `Su escuela no puede presentar ${name[datos.procedimiento]}: ${school.print_route === 'DRSE' ? 'su DRSE imprime sus credenciales' : 'imprime sus credenciales en el plantel'} (${school.print_route_reason}). Presente ${name[other]}.`,
        },
      ]);
    }
    if (!oficio) throw invalid([{ field: 'oficio', message: 'Falta el oficio escaneado (PDF).' }]);

    let students: Array<{ studentId: number; kind: 'NUEVO' | 'CONTINUO' }> | undefined;
    let requested: { teslinSheets: number; micas: number; holograms: number; inkSets?: number } | undefined;
    let equipmentNeeds: Array<{ tipo: string; cantidad: number; detalle?: string }> | undefined;
    let comment: string | null = datos.comentario?.trim() || null;
    if (datos.procedimiento === 'PROCEDURE_1') {
      students = await this.checkStudentLists(school.id, datos, 'datos.');
      await this.assertNotInOpenRequest(school.id, students, BlobStore.hash(oficio), studentField(datos, 'datos.'));
    } else {
      const { inkSets, ...cards } = datos.material;
      // Ink only when asked: a request without ink starts its workflow exactly as before.
      requested = inkSets ? { ...cards, inkSets } : cards;
      if (materialTotal(requested) === 0) {
        throw invalid([{ field: 'datos.material', message: 'Pida al menos una unidad de material (hojas Teslin, micas, hologramas o juegos de tinta).' }]);
      }
      equipmentNeeds = datos.equipo?.map((e) => ({ tipo: e.tipo, cantidad: e.cantidad, ...(e.detalle?.trim() ? { detalle: e.detalle.trim() } : {}) }));
      comment = [`Justificación de uso: ${datos.justificacion.trim()}`, comment].filter(Boolean).join('\n');
    }

    // Everything is valid: store the scan, then the request, then start its workflow.
    // The row carries its workflow's start arguments until the workflow records its first step, so a
    // filing the engine could not take is started by the sweeper (PendingStartSweeper), never left behind.
    const hash = await this.uploads.put(oficio);
    const input =
      datos.procedimiento === 'PROCEDURE_1'
        ? {
            schoolId: school.id,
            drseCode: school.drse_code,
            newRequested: students!.filter((s) => s.kind === 'NUEVO').length,
            continuingRequested: students!.filter((s) => s.kind === 'CONTINUO').length,
          }
        : { schoolId: school.id, drseCode: school.drse_code, requested: requested! };
    const pendingStart = this.startArguments(actor, school, input, comment, work);
    const created = await this.requests
      .createRequest({ procedure: datos.procedimiento, schoolId: school.id, oficioKey: `${OFICIO_PREFIX}${hash}`, students, requested, equipmentNeeds, pendingStart })
      .catch((err: unknown) => {
        throw err instanceof StudentsInOpenRequestError && datos.procedimiento === 'PROCEDURE_1' ? err.withFields(studentField(datos, 'datos.')) : err;
      });
    await this.assertFirstFiling(created, 'oficio', 'Este oficio ya se presentó', idem);
    if (created.created) await this.audit(actor, school.id, 'OFICIO_PROCEDIMIENTO_1', `Solicitud ${created.requestId}: oficio escaneado.`, work, datos.procedimiento);
    const workflowId = await this.start(datos.procedimiento, created.requestId, pendingStart, true);
    return { id: created.requestId, procedimiento: datos.procedimiento, estado: 'EN_REVISION_PLANEACION', workflowId };
  }

  private startArguments(actor: Actor, school: SchoolRow, input: object, comment: string | null, work: SchoolWork | null = null): PendingStart {
    return {
      input,
      scope: { drseCode: school.drse_code, schoolId: school.id },
      submittedBy: { id: actor.id, role: actor.role, ...(work?.onBehalfSchoolId ? { onBehalfSchoolId: work.onBehalfSchoolId } : {}) },
      ...(comment ? { comment } : {}),
    };
  }

  private async fileReplacement(
    actor: Actor,
    school: SchoolRow,
    datos: ReplacementDatosDto,
    idem: IdempotencyContext,
    work: SchoolWork | null = null,
    f: ReplacementFields = FILED_REPLACEMENT_FIELDS,
  ): Promise<FiledRequestDto> {
    const em = this.em.fork();
    const [student] = await em.execute<Row[]>('select id, school_id from student where id = ?', [datos.alumno]);
    if (!student || Number(student.school_id) !== school.id) {
      throw invalid([{ field: f.alumno, message: `El alumno ${datos.alumno} no existe o no pertenece a su escuela.` }]);
    }
    const issuedFolio = await latestIssuedFolio(em, datos.alumno);
    const numero = normalizeReceiptNumber(datos.recibo.numero);
    const fecha = datos.recibo.fecha;
    const [again] = await em.execute<Row[]>(`select id from procedure_request where procedure = 'REPLACEMENT' and school_id = ? and oficio_key = ?`, [school.id, `recibo:${numero}`]);
    // Checked before anything is stored (production checks again when it records the receipt).
    if (!again) {
      if (issuedFolio === null) throw invalid([{ field: f.alumno, message: 'El alumno no tiene una credencial expedida vigente que reponer.' }]);
      await checkReplacementReceipt(
        em,
        { receiptNumber: numero, paidOn: fecha, amountCents: datos.recibo.importeCentavos, reason: datos.motivo },
        { receiptNumber: f.numero, paidOn: f.fecha, amountCents: f.importe, reason: f.motivo },
      );
      const conflicts = await studentsInOpenRequests(em, 'REPLACEMENT', [datos.alumno]);
      if (conflicts.length) throw new StudentsInOpenRequestError(conflicts, 'REPLACEMENT', () => f.alumno);
    }

    const created = await this.requests
      .createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: `recibo:${numero}`, studentId: datos.alumno })
      .catch((err: unknown) => {
        throw err instanceof StudentsInOpenRequestError ? err.withFields(() => f.alumno) : err;
      });
    await this.assertFirstFiling(created, f.numero, 'Este recibo ya se presentó', idem);
    if (created.created) await this.audit(actor, school.id, 'REPOSICION', `Solicitud ${created.requestId}: recibo ${numero}, ${datos.motivo}.`, work, 'REPLACEMENT');
    const oldFolio = issuedFolio ?? (await replacementByReceipt(em, numero))?.revokedFolio ?? '';
    const input = {
      schoolId: school.id,
      drseCode: school.drse_code,
      studentId: datos.alumno,
      oldFolio,
      printRoute: school.print_route,
    };
    const workflowId = await this.start('REPLACEMENT', created.requestId, this.startArguments(actor, school, input, datos.comentario?.trim() || null, work), false);
    const { paymentId } = await this.requests.recordPayment(
      created.requestId,
      { receiptNumber: numero, paidOn: fecha, amountCents: datos.recibo.importeCentavos, reason: datos.motivo },
      actor,
    );
    const result = await withinTime(this.procedures, DECIDE_MS, () =>
      this.procedures.decideWorkflow(workflowId, { event: { type: 'PAYMENT_RECORDED', paymentId }, actor: { ...this.workflowActor(actor), ...(work?.onBehalfSchoolId ? { onBehalfSchoolId: work.onBehalfSchoolId } : {}) }, comment: `Motivo: ${datos.motivo}` }),
    ).catch((err: unknown) => {
      const problem = decisionProblem(err, { procedure: 'REPLACEMENT', event: 'PAYMENT_RECORDED' });
      // Already delivered by an earlier attempt of this same filing: the workflow moved on.
      if (problem instanceof DomainError && problem.code === 'EVENTO_NO_PERMITIDO') return null;
      throw problem;
    });
    return { id: created.requestId, procedimiento: 'REPLACEMENT', estado: result?.status ?? (await this.statusOf(created.requestId)), workflowId };
  }

  /**
   * REPLACEMENT_PAYMENT_ROUTE: `POST /replacements` files the replacement request and starts its
   * workflow like `POST /requests` with REPLACEMENT does, with the endpoint's field names.
   */
  async recordReplacementPayment(actor: Actor, command: ReplacementPaymentCommand, onBehalfSchoolId: number | null): Promise<{ replacementId: number; requestId: number }> {
    const em = this.em.fork();
    const [student] = await em.execute<Row[]>('select school_id from student where id = ?', [command.studentId]);
    const school = student ? await this.schoolRow(Number(student.school_id)) : null;
    if (!school) throw new NotFoundError(`No existe el alumno ${command.studentId} o no está en su ámbito.`, 'studentId');
    const datos = Object.assign(new ReplacementDatosDto(), {
      procedimiento: 'REPLACEMENT' as const,
      alumno: command.studentId,
      recibo: { numero: command.receiptNumber, fecha: command.paidOn, importeCentavos: command.amountCents },
      motivo: command.reason,
    });
    const filed = await this.fileReplacement(actor, school, datos, NO_IDEMPOTENCY, onBehalfSchoolId ? { onBehalfSchoolId } : null, ENDPOINT_REPLACEMENT_FIELDS);
    const payment = await replacementByReceipt(em, normalizeReceiptNumber(command.receiptNumber));
    if (!payment) throw new EngineUnavailableError('El trámite de reposición quedó registrado pero el pago aún no; vuelva a enviar el mismo recibo más tarde.');
    return { replacementId: payment.id, requestId: filed.id };
  }

  /**
   * A second filing of the same oficio (or receipt) is refused, unless the first never reached its
   * workflow (then it is finished), or this is the retry of a filing whose process died (the same
   * Idempotency-Key and content): then the first filing is this one, answered as if made now.
   */
  private async assertFirstFiling(created: { requestId: number; created: boolean }, field: string, message: string, idem: IdempotencyContext): Promise<void> {
    if (created.created || idem.retry) return;
    const [row] = await this.em.fork().execute<Row[]>('select last_seq from procedure_request where id = ?', [created.requestId]);
    if (Number(row.last_seq) >= 0) throw new DomainError(`${message} (solicitud ${created.requestId}).`, field, 'YA_PRESENTADO', 409);
  }

  /**
   * 409 before anything is stored (the scan included) when a student is in another open Procedure 1
   * request; the same oficio filed again is its own request, not another. The database holds the rule
   * under concurrent filings (RequestsService.createRequest).
   */
  private async assertNotInOpenRequest(schoolId: number, students: Array<{ studentId: number }>, oficioHash: string, fieldOf: (studentId: number) => string): Promise<void> {
    const em = this.em.fork();
    const [same] = await em.execute<Row[]>(`select id from procedure_request where procedure = 'PROCEDURE_1' and school_id = ? and oficio_key = ?`, [
      schoolId,
      `${OFICIO_PREFIX}${oficioHash}`,
    ]);
    const conflicts = await studentsInOpenRequests(em, 'PROCEDURE_1', students.map((s) => s.studentId), same ? Number(same.id) : undefined);
    if (conflicts.length) throw new StudentsInOpenRequestError(conflicts, 'PROCEDURE_1', fieldOf);
  }

  private async start(procedure: ProcedureName, requestId: number, args: PendingStart, swept: boolean): Promise<string> {
    try {
      const handle = await withinTime(this.procedures, START_MS, () => startPending(this.procedures, procedure, requestId, args));
      return handle.workflowId;
    } catch (err) {
      if (err instanceof DomainError && !(err instanceof EngineUnavailableError)) throw err;
      throw new EngineUnavailableError(
        swept
          ? 'El motor de trámites no está disponible ahora. Su solicitud quedó registrada y su trámite iniciará solo en cuanto el motor responda; no necesita enviarla otra vez.'
          : 'El motor de trámites no está disponible; la solicitud quedó registrada: vuelva a enviar el mismo recibo más tarde.',
      );
    }
  }

  private async parseDatos(raw: string): Promise<FileRequestDatos> {
    let plain: unknown;
    try {
      plain = JSON.parse(raw);
    } catch {
      throw invalid([{ field: 'datos', message: 'El campo «datos» debe ser un JSON válido.' }]);
    }
    if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) throw invalid([{ field: 'datos', message: 'El campo «datos» debe ser un objeto JSON.' }]);
    const procedimiento = (plain as Row).procedimiento;
    if (!(FILED_PROCEDURES as readonly unknown[]).includes(procedimiento)) {
      throw invalid([{ field: 'datos.procedimiento', message: `El campo «datos.procedimiento» debe ser uno de: ${FILED_PROCEDURES.join(', ')}.` }]);
    }
    if (procedimiento === 'PROCEDURE_1') return validated(Procedure1DatosDto, plain, 'datos');
    if (procedimiento === 'PROCEDURE_2') return validated(Procedure2DatosDto, plain, 'datos');
    return validated(ReplacementDatosDto, plain, 'datos');
  }

  private async actorSchool(actor: Actor): Promise<SchoolRow> {
    const school = await this.schoolRow(actor.schoolId ?? -1);
    if (!school) throw new NotFoundError('Su usuario no tiene una escuela registrada.', 'schoolId');
    return school;
  }

  private async schoolRow(id: number): Promise<SchoolRow | null> {
    const [school] = await this.em.fork().execute<SchoolRow[]>(
      'select id, cct, turno, name, drse_code, print_route, print_route_reason, has_internet from school where id = ?',
      [id],
    );
    return school ? { ...school, id: Number(school.id) } : null;
  }

  /**
   * Whose oficio this is: a school user's own school; for DRSE staff, the school without internet
   * named in `datos.escuela`, filed on its behalf (assertSchoolWork: 403 for a school with internet).
   */
  private async filingSchool(actor: Actor, datos: FileRequestDatos): Promise<{ school: SchoolRow; work: SchoolWork | null }> {
    if (actor.role === 'ESCUELA') return { school: await this.actorSchool(actor), work: null };
    if (datos.procedimiento !== 'PROCEDURE_1') {
      throw new DomainError('La DRSE presenta en nombre de una escuela sin internet sólo el oficio del Procedimiento 1.', 'datos.procedimiento', 'PROHIBIDO', 403);
    }
    if (datos.escuela === undefined) throw invalid([{ field: 'datos.escuela', message: 'Indique la escuela (sin internet) en cuyo nombre presenta el oficio.' }]);
    const school = await this.schoolRow(datos.escuela);
    if (!school || !actorCovers(actor, { schoolId: school.id, drseCode: school.drse_code })) {
      throw new NotFoundError('La escuela no existe o no está en su ámbito.', 'datos.escuela');
    }
    return { school, work: assertSchoolWork(actor, { id: school.id, drseCode: school.drse_code, hasInternet: school.has_internet }, 'datos.escuela') };
  }

  /** May the actor do this request's school's own steps (file, correct, resend, withdraw)? 403 otherwise; the school itself always. */
  private async schoolStepWork(actor: Actor, row: RequestRow): Promise<SchoolWork | null> {
    if (actor.role === 'ESCUELA' || row.schoolId === null) return null;
    const school = await this.schoolRow(row.schoolId);
    if (!school) throw new NotFoundError(NOT_FOUND, 'id');
    return assertSchoolWork(actor, { id: school.id, drseCode: school.drse_code, hasInternet: school.has_internet }, 'id');
  }

  /** DRSE staff on behalf of an offline school get the school's step too (no exception: reading and deciding use it). */
  private async onBehalfOf(actor: Actor, row: RequestRow): Promise<number | undefined> {
    if (actor.role === 'ESCUELA' || row.schoolId === null || !DRSE_ROLES.includes(actor.role)) return undefined;
    const school = await this.schoolRow(row.schoolId);
    return school ? (schoolWork(actor, { id: school.id, drseCode: school.drse_code, hasInternet: school.has_internet })?.onBehalfSchoolId ?? undefined) : undefined;
  }

  private async audit(actor: Actor, schoolId: number, act: 'OFICIO_PROCEDIMIENTO_1' | 'REPOSICION', detail: string, work: SchoolWork | null, procedure: string): Promise<void> {
    if (procedure !== 'PROCEDURE_1' && procedure !== 'REPLACEMENT') return;
    const em = this.em.fork();
    auditSchoolWork(em, { schoolId, act, detail, actor, work });
    await em.flush();
  }

  /** Both lists: positive ids, each student once, every one of the school (an id of another school reads as unknown). */
  private async checkStudentLists(schoolId: number, lists: StudentListsDto, prefix: string): Promise<Array<{ studentId: number; kind: 'NUEVO' | 'CONTINUO' }>> {
    const entries = [
      ...lists.nuevos.map((id, i) => ({ id, field: `${prefix}nuevos[${i}]`, kind: 'NUEVO' as const })),
      ...lists.continuan.map((id, i) => ({ id, field: `${prefix}continuan[${i}]`, kind: 'CONTINUO' as const })),
    ];
    if (entries.length === 0) throw invalid([{ field: `${prefix}nuevos`, message: 'La solicitud debe incluir al menos un alumno (nuevos o continuan).' }]);
    const rows = await this.em.fork().execute<Row[]>('select id from student where id = any(?::int[]) and school_id = ?', [`{${entries.map((e) => e.id).join(',')}}`, schoolId]);
    const mine = new Set(rows.map((r) => Number(r.id)));
    const seen = new Set<number>();
    const problems: FieldProblem[] = [];
    for (const e of entries) {
      if (!mine.has(e.id)) problems.push({ field: e.field, message: `El alumno ${e.id} no existe o no pertenece a su escuela.` });
      else if (seen.has(e.id)) problems.push({ field: e.field, message: `El alumno ${e.id} aparece más de una vez en la solicitud.` });
      seen.add(e.id);
    }
    if (problems.length) throw invalid(problems);
    return entries.map((e) => ({ studentId: e.id, kind: e.kind }));
  }

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
      tareaAbierta: view ? this.openTaskOf(view) : openTaskOf(recorded.open_tasks as Row[]),
      acciones: this.actions(actor, row, view, context, await this.onBehalfOf(actor, row)),
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
    const row = await this.load(actor, id);
    if (!row.oficioKey?.startsWith(OFICIO_PREFIX)) throw new NotFoundError('Esta solicitud no tiene oficio escaneado.', 'id');
    return this.uploads.get(row.oficioKey.slice(OFICIO_PREFIX.length));
  }

  // ---------------------------------------------------------------- decisions

  async decide(actor: Actor, id: number, dto: DecisionDto, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<DecisionResultDto> {
    const row = await this.load(actor, id);
    if (dto.evento === ACUSE_SIGNED) {
      throw new DomainError(
        'Para concluir la entrega suba el acuse firmado y sellado escaneado (PDF, JPEG o PNG) con «Subir el acuse firmado» en la solicitud.',
        'evento',
        'ACUSE_FIRMADO_REQUERIDO',
      );
    }
    return this.send(actor, row, dto, idem);
  }

  /**
   * The signed and sealed acuse of a delivered request: stored with the acuse (the same checks and
   * storage as any signed scan), then ACUSE_SIGNED is sent to the workflow, which only then marks
   * the request delivered. 409 if the request does not wait for it, 403 if the caller's role does
   * not collect it. An acuse already signed (a retry after the upload) is not stored again.
   */
  async signedAcuse(actor: Actor, id: number, content: Buffer, contentType: string, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<DecisionResultDto> {
    const row = await this.load(actor, id);
    const notYours = () => new DomainError('Su rol no recaba el acuse firmado de esta solicitud.', 'estado', 'NO_PUEDE_ACTUAR', 403);
    if (!this.acuseCollectors(row.procedure, row.chartVersion).has(actor.role)) throw notYours();
    const meta = this.metaOf(row.procedure, row.chartVersion, row.state);
    const roles = meta?.kind === 'task' ? meta.decisions[ACUSE_SIGNED] : undefined;
    if (row.publicStatus !== 'ESPERANDO_ACUSE' || !roles) {
      throw new DomainError('La solicitud no espera el acuse firmado en este momento.', 'estado', 'NO_ESPERA_ACUSE', 409);
    }
    if (!roles.includes(actor.role)) throw notYours();
    const [r] = await this.em.fork().execute<Row[]>('select context from procedure_request where id = ?', [row.id]);
    const acuseId = (r?.context as Record<string, unknown> | null)?.acuseId;
    if (typeof acuseId !== 'number') throw new DomainError('La solicitud aún no tiene acuse de entrega.', 'estado', 'NO_ESPERA_ACUSE', 409);
    const acuse = await this.acuses.get(acuseId);
    if (acuse.signedScanHash === null) {
      await this.acuses
        .attachSignedScan({ key: operationKey(actor, 'acuse.signed', acuseId, idem.operationId ?? undefined), actor, acuseId, content, contentType })
        .catch((err: unknown) => {
          if (!(err instanceof ConflictError)) throw err; // signed meanwhile by another upload: the delivery still closes
        });
    }
    return this.send(actor, row, { evento: ACUSE_SIGNED }, idem);
  }

  private async send(actor: Actor, row: RequestRow, dto: DecisionDto, idem: IdempotencyContext): Promise<DecisionResultDto> {
    const spec = eventSpec(row.procedure, dto.evento);
    const comment = dto.comentario?.trim() || undefined;
    if (spec.requiereComentario && !comment) {
      throw invalid([{ field: 'comentario', message: `La decisión «${spec.etiqueta}» requiere un comentario que explique el motivo.` }]);
    }
    const data = this.decisionData(spec, dto.datos ?? {});
    const workflowId = row.workflowId ?? this.procedures.workflowId(row.procedure, row.id);
    const onBehalfSchoolId = await this.onBehalfOf(actor, row);
    const send = () =>
      withinTime(this.procedures, DECIDE_MS, () =>
        this.procedures.decideWorkflow(workflowId, { event: { type: dto.evento, ...data }, actor: { ...this.workflowActor(actor), ...(onBehalfSchoolId ? { onBehalfSchoolId } : {}) }, comment }, idem.operationId ?? undefined),
      );
    try {
      const r = await this.whenWorkflowCatchesUp(row, dto.evento, send);
      decisions.inc({ procedure: row.procedure, event: dto.evento, outcome: 'applied' });
      return { estado: r.status, state: r.state, seq: r.seq };
    } catch (err) {
      const problem = decisionProblem(err, { procedure: row.procedure, event: dto.evento, reason: await this.refusalReasonOf(row, dto.evento) });
      decisions.inc({ procedure: row.procedure, event: dto.evento, outcome: problem instanceof DomainError && problem.status < 500 ? 'refused' : 'failed' });
      throw problem;
    }
  }

  /** Why the chart would refuse `evento` now, from the context the read model recorded (null if unknown). */
  private async refusalReasonOf(row: RequestRow, evento: string): Promise<string | null> {
    const [r] = await this.em.fork().execute<Row[]>('select context from procedure_request where id = ?', [row.id]).catch(() => [] as Row[]);
    return refusalReason(row.procedure, evento, (r?.context as Record<string, unknown> | null) ?? null);
  }

  /**
   * The workflow records a transition (the read model, which the detail shows) before it moves its
   * own snapshot there, so for a few milliseconds a step the page offers is not yet the workflow's.
   * A decision refused as "not now" while the read model's current step takes it is sent again.
   */
  private async whenWorkflowCatchesUp<T>(row: RequestRow, evento: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (err) {
        // A guard's refusal of the numbers is final; only "not this step" may be the read model being ahead.
        if (!refusedAsNotThisStep(err) || attempt >= 10 || !(await this.recordedStepTakes(row.id, evento))) throw err;
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      }
    }
  }

  private async recordedStepTakes(requestId: number, evento: string): Promise<boolean> {
    const [r] = await this.em.fork().execute<Row[]>('select procedure, chart_version, state from procedure_request where id = ?', [requestId]);
    if (!r) return false;
    const meta = this.metaOf(r.procedure as ProcedureName, Number(r.chart_version), String(r.state));
    return meta?.kind === 'task' && meta.decisions[evento] !== undefined;
  }

  async withdraw(actor: Actor, id: number, comentario?: string): Promise<DecisionResultDto> {
    await this.schoolStepWork(actor, await this.load(actor, id));
    try {
      return await this.decide(actor, id, { evento: 'WITHDRAW', comentario });
    } catch (err) {
      if (err instanceof DomainError && err.status === 409) {
        throw new DomainError('La solicitud ya no puede retirarse: sólo antes de su validación.', 'evento', err.code, 409);
      }
      throw err;
    }
  }

  /** The event's numbers, named in messages by their labels (never `datos.<campo>`; the path stays in `field`). */
  private decisionData(spec: ReturnType<typeof eventSpec>, datos: Record<string, unknown>): Record<string, number> {
    const problems: FieldProblem[] = [];
    const out: Record<string, number> = {};
    const fields = spec.datos ?? [];
    for (const [k, v] of Object.entries(datos)) {
      const f = fields.find((x) => x.campo === k);
      if (!f) problems.push({ field: `datos.${k}`, message: `La decisión «${spec.etiqueta}» no lleva el dato «${k}».` });
      else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problems.push({ field: `datos.${k}`, message: `«${f.etiqueta}» debe ser un número entero, cero o mayor.` });
      else out[k] = v;
    }
    for (const f of fields) if (!f.opcional && !(f.campo in datos)) problems.push({ field: `datos.${f.campo}`, message: `Falta «${f.etiqueta}» para la decisión «${spec.etiqueta}».` });
    if (problems.length) throw invalid(problems);
    return out;
  }

  // ---------------------------------------------------------------- corrections (while returned to the school)

  async replaceStudents(actor: Actor, id: number, lists: StudentListsDto): Promise<RequestDetailDto> {
    const row = await this.returned(actor, id, 'PROCEDURE_1', 'Sólo las solicitudes del Procedimiento 1 llevan lista de alumnos.');
    const students = await this.checkStudentLists(row.schoolId!, lists, '');
    await this.requests.replaceStudents(row.id, students).catch((err: unknown) => {
      throw err instanceof StudentsInOpenRequestError ? err.withFields(studentField(lists, '')) : err;
    });
    return this.detail(actor, id);
  }

  async replaceMaterial(actor: Actor, id: number, dto: MaterialCorrectionDto): Promise<RequestDetailDto> {
    const row = await this.returned(actor, id, 'PROCEDURE_2', 'Sólo las solicitudes del Procedimiento 2 piden material.');
    const m = dto.material;
    if (materialTotal(m) === 0) throw invalid([{ field: 'material', message: 'Pida al menos una unidad de material (hojas Teslin, micas, hologramas o juegos de tinta).' }]);
    const updated = await this.em.fork().execute<Row[]>(
      `update procedure_request set requested_teslin_sheets = ?, requested_micas = ?, requested_holograms = ?, requested_ink_sets = ?, updated_at = now()
       where id = ? and public_status = 'DEVUELTA_A_ESCUELA' returning id`,
      [m.teslinSheets, m.micas, m.holograms, m.inkSets ?? null, row.id],
    );
    if (updated.length === 0) throw this.notReturned();
    return this.detail(actor, id);
  }

  async replaceOficio(actor: Actor, id: number, oficio: Buffer): Promise<RequestDetailDto> {
    const row = await this.load(actor, id);
    const work = await this.schoolStepWork(actor, row);
    if (row.procedure !== 'PROCEDURE_1' && row.procedure !== 'PROCEDURE_2') throw new DomainError('Esta solicitud no lleva oficio.', 'oficio', 'SIN_OFICIO', 409);
    if (row.publicStatus !== 'DEVUELTA_A_ESCUELA') throw this.notReturned();
    const hash = await this.uploads.put(oficio);
    const updated = await this.em.fork().execute<Row[]>(
      `update procedure_request
          set oficio_version = oficio_version + (case when oficio_key = ? then 0 else 1 end), oficio_at = now(), oficio_key = ?, updated_at = now()
        where id = ? and public_status = 'DEVUELTA_A_ESCUELA' returning id`,
      [`${OFICIO_PREFIX}${hash}`, `${OFICIO_PREFIX}${hash}`, row.id],
    );
    if (updated.length === 0) throw this.notReturned();
    if (row.schoolId !== null) await this.audit(actor, row.schoolId, 'OFICIO_PROCEDIMIENTO_1', `Solicitud ${row.id}: oficio corregido.`, work, row.procedure);
    return this.detail(actor, id);
  }

  private async returned(actor: Actor, id: number, procedure: ProcedureName, wrongProcedure: string): Promise<RequestRow> {
    const row = await this.load(actor, id);
    await this.schoolStepWork(actor, row);
    if (row.procedure !== procedure) throw new DomainError(wrongProcedure, 'id', 'PROCEDIMIENTO_DISTINTO', 409);
    if (row.publicStatus !== 'DEVUELTA_A_ESCUELA') throw this.notReturned();
    return row;
  }

  private notReturned(): DomainError {
    return new DomainError('Sólo se puede corregir una solicitud devuelta a la escuela.', 'estado', 'NO_DEVUELTA', 409);
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

  // ---------------------------------------------------------------- helpers

  /** The request if it is in the caller's scope (school: its own; DRSE roles: their DRSE; central: all); 404 otherwise. */
  private async load(actor: Actor, id: number): Promise<RequestRow> {
    const [raw] = await this.em.fork().execute<Row[]>(`${REQUEST_SELECT} where r.id = ?`, [id]);
    if (!raw) throw new NotFoundError(NOT_FOUND, 'id');
    const row = toRequestRow(raw);
    if (!actorCovers(actor, { schoolId: row.schoolId ?? undefined, drseCode: row.drseCode })) throw new NotFoundError(NOT_FOUND, 'id');
    return row;
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
      const meta = this.metaOf(row.procedure, row.chartVersion, row.state);
      events = meta?.kind === 'task' ? Object.entries(meta.decisions).filter(([, allowed]) => roles.some((r) => allowed?.includes(r))).map(([e]) => e) : [];
    }
    return events.filter((evento) => this.guardAllows(row, view?.state ?? row.state, evento, context)).map((evento) => {
      const spec = eventSpec(row.procedure, evento);
      const maxima = fieldMaxima(row.procedure, evento, context);
      const action: ActionDto = { evento, etiqueta: spec.etiqueta, requiereComentario: spec.requiereComentario };
      // An optional number nothing was asked of (ink in a request without ink) is not offered.
      if (spec.datos) action.datos = spec.datos.filter((f) => !(f.opcional && maxima[f.campo] === 0)).map((f) => (maxima[f.campo] === undefined ? { ...f } : { ...f, maximo: maxima[f.campo] }));
      return action;
    });
  }

  /**
   * A decision that carries no numbers is offered only if the chart would take it with the request's
   * recorded context (e.g. «Validar: procede completa» is not offered when the automatic check found
   * students who do not qualify). Decisions with numbers are judged when sent; unknown → offered.
   */
  private guardAllows(row: RequestRow, state: string, evento: string, context: Record<string, unknown> | null): boolean {
    if (!context || eventSpec(row.procedure, evento).datos) return true;
    try {
      const snapshot = chartFor(row.procedure, row.chartVersion).resolveState({ value: state, context } as never);
      return snapshot.can({ type: evento } as never);
    } catch {
      return true;
    }
  }

  /** The roles that collect a signed acuse in some step of the request's chart (none on v1 charts). */
  private acuseCollectors(procedure: ProcedureName, version: number): Set<string> {
    const roles = new Set<string>();
    try {
      for (const node of Object.values(chartFor(procedure, version).states)) {
        const meta = node.config.meta as StepMeta | undefined;
        if (meta?.kind === 'task') for (const role of meta.decisions[ACUSE_SIGNED] ?? []) roles.add(role);
      }
    } catch {
      // an unknown chart: nobody
    }
    return roles;
  }

  private metaOf(procedure: ProcedureName, version: number, state: string): StepMeta | null {
    try {
      const node = chartFor(procedure, version).states[state];
      return (node?.config.meta as StepMeta | undefined) ?? null;
    } catch {
      return null;
    }
  }

  private openTaskOf(view: ProcedureView): OpenTaskDto | null {
    const t = view.openTask;
    return t
      ? { key: t.key, titulo: t.title, rol: t.role, vence: t.dueAt, vencida: t.overdue, escaladaA: t.escalatedTo, incidente: t.incident ?? false, descripcion: t.description ?? null }
      : null;
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

  private workflowActor(actor: Actor): Actor {
    return { id: actor.id, role: actor.role, drseCode: actor.drseCode, schoolId: actor.schoolId, subDrseCodes: actor.subDrseCodes };
  }

  private async statusOf(requestId: number): Promise<string> {
    const [row] = await this.em.fork().execute<Row[]>('select public_status from procedure_request where id = ?', [requestId]);
    return String(row.public_status);
  }
}

/** The list field of a student in a filed oficio (`datos.nuevos[i]` / `datos.continuan[i]`). */
function studentField(lists: StudentListsDto, prefix: string): (studentId: number) => string {
  return (studentId) => {
    const n = lists.nuevos.indexOf(studentId);
    if (n >= 0) return `${prefix}nuevos[${n}]`;
    const c = lists.continuan.indexOf(studentId);
    return c >= 0 ? `${prefix}continuan[${c}]` : `${prefix}nuevos`;
  };
}
