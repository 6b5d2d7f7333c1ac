import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, WORKFLOW_ACTOR_PREFIX } from '../../access';
import { Drse, School, SchoolCycle, Student } from '../../catalog';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Bulkhead } from '../../http/bulkhead';
import { pageOptions } from '../../http/pagination';
import { FieldProblem, InvalidInputError } from '../../http/problem';
import { operationKey } from '../../inventory';
import { Credential, Exclusion, HologramOnly, PrintRun } from '../entities';
import { formatFolio } from '../folio';
import { PrintHolder } from '../print-holder';
import { ProductionService } from '../production.service';
import { CreatePrintRunDto, PreviewPrintRunDto, PrintHolderDto, PrintHolderViewDto, PrintRunDto, PrintRunPageDto, PrintRunQueryDto, PrintRunSummaryDto } from './print-runs.dto';
import { coversSchool, isState, loadSchools } from './production-scope';

const RUN_NOT_FOUND = 'No existe la corrida de impresión o no está en su ámbito.';
const NOT_IN_SCOPE_TEXT = 'El alumno no existe o no está en su ámbito.';

export interface PrintSelection {
  holder: PrintHolder;
  studentIds: number[];
  cycleCode: string;
  newPlanillaPerSchool: boolean;
}

export interface PreviewFile {
  pdf: Buffer;
  planillas: number;
  cards: number;
  excluded: number;
  /** Students with a card in force who get only the cycle's hologram. */
  hologramOnly: number;
}

/**
 * Print runs over HTTP. Before the service runs: who prints (the caller's own DRSE or school; central
 * roles name it), R1 for a school printing on site, and every id of the body in the caller's scope
 * (404 naming `studentIds[i]` / `schoolIds[i]`). The service then does the run in one transaction.
 */
@Injectable()
export class PrintRunsHttpService {
  /** Print runs and renderings in progress in this process are bounded (503 past the line): docs/procedures.md. */
  private readonly generation: Bulkhead;
  private readonly rendering: Bulkhead;

  constructor(
    private readonly em: EntityManager,
    private readonly production: ProductionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const bounds = { concurrency: config.printRunConcurrency, queue: config.printRunQueue, maxWaitMs: config.printRunQueueWaitMs };
    this.generation = new Bulkhead({ ...bounds, busyMessage: 'Hay demasiadas corridas de impresión en proceso; no se generó esta. Reintente en unos segundos con la misma Idempotency-Key.' });
    this.rendering = new Bulkhead({ ...bounds, busyMessage: 'Hay demasiados archivos de impresión generándose; reintente en unos segundos.' });
  }

  async create(actor: Actor, dto: CreatePrintRunDto, idempotencyKey?: string): Promise<PrintRunDto> {
    this.generation.assertRoom();
    const em = this.em.fork();
    const holder = await this.resolveHolder(em, actor, dto.holder);
    const key = operationKey(actor, 'print-run', holderLabel(holder), idempotencyKey);
    // A retry after a crash between the run's commit and the HTTP record: the first run, as it was.
    const earlier = await em.findOne(PrintRun, { key });
    if (earlier) return this.get(actor, earlier.id);

    const run = await this.generation.run(async () => {
      const selection = await this.resolveSelection(em, actor, holder, dto);
      return this.production.createPrintRun({ key, ...selection, actor });
    });
    if (run.runId === null) throw nothingToPrint(run.excluded, run.hologramOnly, dto.studentIds ?? []);
    return this.get(actor, run.runId);
  }

  async preview(actor: Actor, dto: PreviewPrintRunDto): Promise<PreviewFile> {
    this.rendering.assertRoom();
    const em = this.em.fork();
    const holder = await this.resolveHolder(em, actor, dto.holder);
    const result = await this.rendering.run(async () => this.production.preview({ ...(await this.resolveSelection(em, actor, holder, dto)), actor }));
    return { pdf: result.pdf, planillas: result.planillas, cards: result.cards, excluded: result.excluded.length, hologramOnly: result.hologramOnly.length };
  }

  async list(actor: Actor, query: PrintRunQueryDto): Promise<PrintRunPageDto> {
    const { limit, offset } = pageOptions(query);
    const where: string[] = [];
    const params: unknown[] = [];
    if (actor.role === 'ESCUELA') {
      where.push('pr.holder_school_id = ?');
      params.push(actor.schoolId ?? -1);
    } else if (!isState(actor)) {
      where.push('(pr.holder_drse_code = ? or sc.drse_code = ?)');
      params.push(actor.drseCode ?? '', actor.drseCode ?? '');
    }
    if (query.cycleCode) {
      where.push('pr.cycle_code = ?');
      params.push(query.cycleCode);
    }
    if (query.holderType) {
      where.push('pr.holder_type = ?');
      params.push(query.holderType);
    }
    const from = `from print_run pr left join school sc on sc.id = pr.holder_school_id where ${where.length ? where.join(' and ') : 'true'}`;
    const em = this.em.fork();
    const [{ n }] = await em.execute<Array<{ n: string }>>(`select count(*)::text as n ${from}`, params);
    const rows = await em.execute<Array<{ id: number }>>(`select pr.id ${from} order by pr.id desc limit ? offset ?`, [...params, limit, offset]);
    const runs = rows.length ? await em.find(PrintRun, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { id: 'desc' } }) : [];
    const items: PrintRunSummaryDto[] = [];
    for (const run of runs) items.push(await this.summary(em, run));
    return { items, total: Number(n), page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<PrintRunDto> {
    const em = this.em.fork();
    const run = await this.visibleRun(em, actor, id);
    const cards = await em.find(Credential, { runId: run.id }, { orderBy: { planilla: 'asc', slot: 'asc' } });
    return {
      ...(await this.summary(em, run, cards)),
      issued: cards
        .filter((c) => c.kind === 'TARJETA')
        .map((c) => ({
          folio: c.folio,
          planilla: c.planilla + 1,
          slot: c.slot + 1,
          status: c.status,
          studentId: c.studentId!,
          studentName: c.studentName!,
          schoolId: c.schoolId!,
          cct: c.cct!,
          turno: c.turno!,
          replacedByFolio: c.replacedByFolio ?? null,
        })),
      voidedFolios: cards
        .filter((c) => c.kind === 'BLANCO')
        .map((c) => ({ folio: c.folio, planilla: c.planilla + 1, slot: c.slot + 1, reason: c.voidReason ?? '' })),
      excluded: await this.excludedView(em, actor, run.excluded),
      hologramOnly: await this.hologramOnlyView(em, actor, run.hologramOnly ?? []),
    };
  }

  /** The run's PDF (rendered on first download, then served from the blob store). */
  async pdf(actor: Actor, id: number): Promise<{ runId: number; content: Buffer }> {
    const run = await this.visibleRun(this.em.fork(), actor, id);
    return { runId: run.id, content: await this.rendering.run(() => this.production.getRunPdf(run.id)) };
  }

  // ------------------------------------------------------------------ who prints, and whom

  /** The caller's own holder; central roles must name one (`holder`), the others may not. */
  private async resolveHolder(em: EntityManager, actor: Actor, dto: PrintHolderDto | undefined): Promise<PrintHolder> {
    if (!isState(actor)) {
      if (dto) {
        throw new DomainError('Solo los roles centrales indican quién imprime; usted imprime como su DRSE o su escuela. Omita «holder».', 'holder');
      }
      if (actor.role === 'ESCUELA') {
        const school = await em.findOne(School, { id: actor.schoolId ?? -1 });
        if (!school) throw new NotFoundError('Su escuela no existe en el catálogo.', 'holder');
        assertPrintsOnSite(school, undefined);
        return { type: 'ESCUELA', schoolId: school.id };
      }
      return { type: 'DRSE', drseCode: actor.drseCode ?? '' };
    }
    if (!dto) throw new DomainError('Indique por quién se imprime («holder»): una DRSE o una escuela que imprime en sitio.', 'holder');
    if (dto.type === 'DRSE') {
      if (!(await em.findOne(Drse, { code: dto.drseCode! }))) throw new NotFoundError(`No existe la DRSE ${dto.drseCode}.`, 'holder.drseCode');
      return { type: 'DRSE', drseCode: dto.drseCode! };
    }
    const school = await em.findOne(School, { id: dto.schoolId! });
    if (!school) throw new NotFoundError(`No existe la escuela ${dto.schoolId}.`, 'holder.schoolId');
    assertPrintsOnSite(school, 'holder.schoolId');
    return { type: 'ESCUELA', schoolId: school.id };
  }

  /** Student ids (given, plus every pending student of the given schools), all in the caller's scope. */
  private async resolveSelection(em: EntityManager, actor: Actor, holder: PrintHolder, dto: PreviewPrintRunDto): Promise<PrintSelection> {
    const requested = dto.studentIds ?? [];
    const schoolIds = dto.schoolIds ?? [];
    if (requested.length === 0 && schoolIds.length === 0) {
      throw new DomainError('Indique los alumnos («studentIds») o las escuelas («schoolIds») por imprimir.', 'studentIds');
    }
    const cycle = dto.cycleCode ? await em.findOne(SchoolCycle, { code: dto.cycleCode }) : await em.findOne(SchoolCycle, { isCurrent: true });
    if (!cycle) throw new DomainError(dto.cycleCode ? `El ciclo escolar ${dto.cycleCode} no está registrado.` : 'No hay un ciclo escolar vigente: indique «cycleCode».', 'cycleCode');

    const schools = await loadSchools(em, schoolIds);
    schoolIds.forEach((id, i) => {
      const school = schools.get(id);
      if (!school || !coversSchool(actor, school)) throw new NotFoundError(`No existe la escuela ${id} o no está en su ámbito.`, `schoolIds[${i}]`);
    });
    const students = requested.length ? await em.find(Student, { id: { $in: requested } }, { populate: ['school', 'school.drse', 'school.drse.parent'] }) : [];
    const byId = new Map(students.map((s) => [s.id, s]));
    requested.forEach((id, i) => {
      const student = byId.get(id);
      if (!student || !coversSchool(actor, student.school)) throw new NotFoundError(`No existe el alumno ${id} o no está en su ámbito.`, `studentIds[${i}]`);
    });

    // Pending: no card issued this cycle, and not (a card in force and this cycle's hologram). A student
    // with a card in force of an earlier cycle is selected for the hologram only (the service decides).
    const pending = schoolIds.length
      ? await em.execute<Array<{ id: number }>>(
          `select s.id from student s
            where s.school_id = any(?::int[])
              and not exists (select 1 from credential c where c.student_id = s.id and c.cycle_code = ? and c.status = 'EXPEDIDA')
              and not (exists (select 1 from credential c where c.student_id = s.id and c.kind = 'TARJETA' and c.status = 'EXPEDIDA')
                       and exists (select 1 from student_hologram h where h.student_id = s.id and h.cycle_code = ?))
            order by s.id`,
          [`{${schoolIds.join(',')}}`, cycle.code, cycle.code],
        )
      : [];
    const ids = [...new Set([...requested, ...pending.map((r) => Number(r.id))])];
    if (ids.length === 0) {
      throw new DomainError(`Las escuelas indicadas no tienen alumnos pendientes de credencial en el ciclo ${cycle.code}.`, 'schoolIds');
    }
    return { holder, studentIds: ids, cycleCode: cycle.code, newPlanillaPerSchool: dto.newPlanillaPerSchool === true };
  }

  // ------------------------------------------------------------------ views

  /** The run if the caller sees it: its DRSE (or its school's DRSE), the school printing on site, state roles. */
  private async visibleRun(em: EntityManager, actor: Actor, id: number): Promise<PrintRun> {
    const run = await em.findOne(PrintRun, { id });
    if (!run) throw new NotFoundError(RUN_NOT_FOUND, 'id');
    if (isState(actor)) return run;
    if (run.holderType === 'DRSE') {
      if (actor.role !== 'ESCUELA' && actor.drseCode === run.holderDrseCode) return run;
      throw new NotFoundError(RUN_NOT_FOUND, 'id');
    }
    const school = (await loadSchools(em, [run.holderSchoolId!])).get(run.holderSchoolId!);
    if (school && coversSchool(actor, school)) return run;
    throw new NotFoundError(RUN_NOT_FOUND, 'id');
  }

  private async summary(em: EntityManager, run: PrintRun, cards?: Credential[]): Promise<PrintRunSummaryDto> {
    let first: number | undefined;
    let last: number | undefined;
    if (cards) {
      const numbers = cards.map((c) => Number(c.folioNumber));
      if (numbers.length) [first, last] = [Math.min(...numbers), Math.max(...numbers)];
    } else {
      const [b] = await em.execute<Array<{ first: string | null; last: string | null }>>(
        'select min(folio_number)::text as first, max(folio_number)::text as last from credential where run_id = ?',
        [run.id],
      );
      if (b?.first) [first, last] = [Number(b.first), Number(b.last)];
    }
    return {
      id: run.id,
      holder: await holderView(em, run),
      cycleCode: run.cycleCode,
      newPlanillaPerSchool: run.newPlanillaPerSchool,
      planillas: run.planillas,
      cards: run.cards,
      voided: run.voided,
      excludedCount: run.excluded.length,
      hologramOnlyCount: (run.hologramOnly ?? []).length,
      firstFolio: first !== undefined ? formatFolio(run.cycleCode, first) : null,
      lastFolio: last !== undefined ? formatFolio(run.cycleCode, last) : null,
      createdAt: run.createdAt,
      createdByRole: run.createdByRole,
      pdfReady: !!run.pdfHash,
      consumptionRecorded: !!run.consumptionRecordedAt,
      requestId: await requestOfRun(em, run),
    };
  }

  /** Names only for students in the caller's scope (a run's students are in its holder's scope). */
  private async hologramOnlyView(em: EntityManager, actor: Actor, given: HologramOnly[]): Promise<PrintRunDto['hologramOnly']> {
    const ids = given.map((g) => g.studentId);
    const students = ids.length ? await em.find(Student, { id: { $in: ids } }, { populate: ['school', 'school.drse', 'school.drse.parent'] }) : [];
    const byId = new Map(students.map((s) => [s.id, s]));
    return given.map((g) => {
      const s = byId.get(g.studentId);
      return { studentId: g.studentId, studentName: s && coversSchool(actor, s.school) ? s.fullName : null, folio: g.folio, cardCycleCode: g.cardCycleCode };
    });
  }

  /** Names only for students in the caller's scope; "out of this holder's scope" reads as "not found" outside state roles. */
  private async excludedView(em: EntityManager, actor: Actor, excluded: Exclusion[]): Promise<PrintRunDto['excluded']> {
    const ids = excluded.map((e) => e.studentId);
    const students = ids.length ? await em.find(Student, { id: { $in: ids } }, { populate: ['school', 'school.drse', 'school.drse.parent'] }) : [];
    const byId = new Map(students.map((s) => [s.id, s]));
    return excluded.map((e) => {
      const s = byId.get(e.studentId);
      const visible = !!s && coversSchool(actor, s.school);
      if (!visible || (e.reason === 'FUERA_DE_ALCANCE' && !isState(actor))) {
        return { studentId: e.studentId, reason: 'NO_ENCONTRADO', detail: NOT_IN_SCOPE_TEXT, studentName: null };
      }
      return { studentId: e.studentId, reason: e.reason, detail: e.detail, studentName: s.fullName };
    });
  }
}

function assertPrintsOnSite(school: School, field: string | undefined): void {
  if (school.printRoute !== 'ESCUELA') {
    throw new DomainError(`La escuela no imprime en sitio: ${school.printRouteReason} Sus credenciales las produce su DRSE.`, field, 'RUTA_DE_IMPRESION');
  }
}

function holderLabel(holder: PrintHolder): string {
  return holder.type === 'DRSE' ? `DRSE:${holder.drseCode}` : `ESCUELA:${holder.schoolId}`;
}

async function holderView(em: EntityManager, run: PrintRun): Promise<PrintHolderViewDto> {
  if (run.holderType === 'DRSE') {
    const drse = await em.findOne(Drse, { code: run.holderDrseCode! });
    return { type: 'DRSE', drseCode: run.holderDrseCode!, schoolId: null, name: drse ? `DRSE ${drse.name}` : run.holderDrseCode! };
  }
  const school = await em.findOne(School, { id: run.holderSchoolId! });
  return {
    type: 'ESCUELA',
    drseCode: school?.drse.code ?? null,
    schoolId: run.holderSchoolId!,
    name: school ? `${school.name} (${school.cct}, ${school.turno})` : String(run.holderSchoolId),
  };
}

/**
 * No requested student needs a new card: 422 naming each one (by id) with the reason; nothing was
 * written. (A DRSE's run: students with a card in force get the cycle's hologram through their
 * school's Procedure 1; a school printing on site records them in a run without planillas.)
 */
function nothingToPrint(excluded: Exclusion[], hologramOnly: HologramOnly[], requested: number[]): InvalidInputError {
  const field = (studentId: number) => {
    const i = requested.indexOf(studentId);
    return i >= 0 ? `studentIds[${i}]` : 'studentIds';
  };
  const errors: FieldProblem[] = excluded.map((e) => {
    const reason = e.reason === 'FUERA_DE_ALCANCE' ? NOT_IN_SCOPE_TEXT : e.detail;
    return { field: field(e.studentId), message: `Alumno ${e.studentId}: ${reason}` };
  });
  for (const h of hologramOnly) {
    errors.push({ field: field(h.studentId), message: `Alumno ${h.studentId}: tiene credencial vigente (folio ${h.folio}, ciclo ${h.cardCycleCode}); recibe sólo el holograma del ciclo, no una credencial nueva.` });
  }
  return new InvalidInputError('Ninguno de los alumnos indicados puede imprimirse; no se generó la corrida. «errors» dice por qué, alumno por alumno.', errors, 'NADA_QUE_IMPRIMIR');
}

/** The request whose procedure generated the run (its workflow created it, see workflowActor); null for runs made by hand. */
async function requestOfRun(em: EntityManager, run: PrintRun): Promise<number | null> {
  if (!run.createdById.startsWith(WORKFLOW_ACTOR_PREFIX)) return null;
  const [row] = await em.execute<Array<{ id: number }>>('select id from procedure_request where workflow_id = ?', [run.createdById.slice(WORKFLOW_ACTOR_PREFIX.length)]);
  return row ? Number(row.id) : null;
}
