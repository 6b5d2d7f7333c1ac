import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, assertSchoolWork, SchoolWork } from '../../access';
import { auditSchoolWork } from '../../catalog';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { FieldProblem } from '../../http/problem';
import { IdempotencyContext, NO_IDEMPOTENCY } from '../../http/idempotency.interceptor';
import { ProcedureClient } from '../../procedures';
import { checkReplacementReceipt, latestIssuedFolio, normalizeReceiptNumber, replacementByReceipt, type ReplacementPaymentCommand } from '../../production';
import { BlobStore } from '../../storage/blob-store';
import { UploadStore } from '../../uploads/upload-store.service';
import type { ProcedureName } from '../../../statecharts/step-meta';
import { StudentsInOpenRequestError, studentsInOpenRequests } from '../open-requests';
import { PendingStart, startPending } from '../pending-start';
import { RequestsService } from '../requests.service';
import { decisionProblem, EngineUnavailableError, withinTime } from './decision-errors';
import { PROCEDURE_CLIENT } from './procedure-client.provider';
import { DECIDE_MS, RequestAccess, START_MS } from './request-access';
import { invalid, studentField, validated } from './request-input';
import { materialTotal, OFICIO_PREFIX, RequestRow, Row, SchoolRow, workflowActor } from './request-mapping';
import { RequestQueriesService } from './request-queries.service';
import {
  FILED_PROCEDURES,
  FiledRequestDto,
  FileRequestDatos,
  MaterialCorrectionDto,
  Procedure1DatosDto,
  Procedure2DatosDto,
  ReplacementDatosDto,
  RequestDetailDto,
  StudentListsDto,
} from './requests.dto';

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

/**
 * Requests over HTTP, filing: an oficio with its structured lists (Procedure 1 and 2) or a
 * replacement's receipt, its workflow started; and the school's corrections while the request is
 * returned to it (students, material, oficio).
 */
@Injectable()
export class RequestFilingService {
  constructor(
    private readonly em: EntityManager,
    private readonly requests: RequestsService,
    private readonly uploads: UploadStore,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
    private readonly access: RequestAccess,
    private readonly queries: RequestQueriesService,
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
      this.procedures.decideWorkflow(workflowId, { event: { type: 'PAYMENT_RECORDED', paymentId }, actor: { ...workflowActor(actor), ...(work?.onBehalfSchoolId ? { onBehalfSchoolId: work.onBehalfSchoolId } : {}) }, comment: `Motivo: ${datos.motivo}` }),
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
    const school = student ? await this.access.schoolRow(Number(student.school_id)) : null;
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


  /**
   * Whose oficio this is: a school user's own school; for DRSE staff, the school without internet
   * named in `datos.escuela`, filed on its behalf (assertSchoolWork: 403 for a school with internet).
   */
  private async filingSchool(actor: Actor, datos: FileRequestDatos): Promise<{ school: SchoolRow; work: SchoolWork | null }> {
    if (actor.role === 'ESCUELA') return { school: await this.access.actorSchool(actor), work: null };
    if (datos.procedimiento !== 'PROCEDURE_1') {
      throw new DomainError('La DRSE presenta en nombre de una escuela sin internet sólo el oficio del Procedimiento 1.', 'datos.procedimiento', 'PROHIBIDO', 403);
    }
    if (datos.escuela === undefined) throw invalid([{ field: 'datos.escuela', message: 'Indique la escuela (sin internet) en cuyo nombre presenta el oficio.' }]);
    const school = await this.access.schoolRow(datos.escuela);
    if (!school || !actorCovers(actor, { schoolId: school.id, drseCode: school.drse_code })) {
      throw new NotFoundError('La escuela no existe o no está en su ámbito.', 'datos.escuela');
    }
    return { school, work: assertSchoolWork(actor, { id: school.id, drseCode: school.drse_code, hasInternet: school.has_internet }, 'datos.escuela') };
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

  // ---------------------------------------------------------------- corrections (while returned to the school)

  async replaceStudents(actor: Actor, id: number, lists: StudentListsDto): Promise<RequestDetailDto> {
    const row = await this.returned(actor, id, 'PROCEDURE_1', 'Sólo las solicitudes del Procedimiento 1 llevan lista de alumnos.');
    const students = await this.checkStudentLists(row.schoolId!, lists, '');
    await this.requests.replaceStudents(row.id, students).catch((err: unknown) => {
      throw err instanceof StudentsInOpenRequestError ? err.withFields(studentField(lists, '')) : err;
    });
    return this.queries.detail(actor, id);
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
    return this.queries.detail(actor, id);
  }

  async replaceOficio(actor: Actor, id: number, oficio: Buffer): Promise<RequestDetailDto> {
    const row = await this.access.load(actor, id);
    const work = await this.access.schoolStepWork(actor, row);
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
    return this.queries.detail(actor, id);
  }

  private async returned(actor: Actor, id: number, procedure: ProcedureName, wrongProcedure: string): Promise<RequestRow> {
    const row = await this.access.load(actor, id);
    await this.access.schoolStepWork(actor, row);
    if (row.procedure !== procedure) throw new DomainError(wrongProcedure, 'id', 'PROCEDIMIENTO_DISTINTO', 409);
    if (row.publicStatus !== 'DEVUELTA_A_ESCUELA') throw this.notReturned();
    return row;
  }

  private notReturned(): DomainError {
    return new DomainError('Sólo se puede corregir una solicitud devuelta a la escuela.', 'estado', 'NO_DEVUELTA', 409);
  }

  private async statusOf(requestId: number): Promise<string> {
    const [row] = await this.em.fork().execute<Row[]>('select public_status from procedure_request where id = ?', [requestId]);
    return String(row.public_status);
  }
}
