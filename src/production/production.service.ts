import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, Scope } from '../access';
import { School, SchoolCycle, Student, recordHolograms, studentsWithHologram } from '../catalog';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { BlobStore } from '../storage/blob-store';
import { isNormalizedPhoto, normalizePhoto } from '../uploads/photo-normalize';
import { photoAsset } from './artwork';
import { PhotoAsset, SlotView } from './card-html';
import { CardSheetRenderer } from './card-renderer';
import { planillaViews, previewQrImage, PrintableCard } from './card-views';
import { CONSUMPTION_RECORDER, ConsumptionRecorder, PrintRunConsumption } from './consumption-recorder';
import {
  Credential,
  CredentialEvent,
  Exclusion,
  HologramOnly,
  PrintRun,
  CardReplacement,
  CardReport,
  REPLACEMENT_REASONS,
  ReplacementReason,
} from './entities';
import { cardsInForce } from './cards-in-force';
import { studentsIssuedInCycle } from './production-reads';
import { checkReplacementReceipt } from './replacement-receipt';
import { formatFolio, parseFolio } from './folio';
import { packPlanillas } from './planilla-packing';
import { parsePrintHolder, PrintHolder } from './print-holder';
import { signClaims } from './qr-payload';
import { cardsIssued, cardsRendered, printRuns } from '../observability/metrics';
import { QrKeyStore } from './qr-key-store';
import { PRODUCTION_BLOBS, PRODUCTION_OPTIONS, ProductionOptions } from './production.tokens';

export interface CreatePrintRunInput {
  /** Idempotency key: the same key returns the same run; with different data it is refused. */
  key: string;
  holder: PrintHolder;
  studentIds: number[];
  /** Defaults to the current cycle. */
  cycleCode?: string;
  /** Start each school on a new planilla (a DRSE run may hold several schools). */
  newPlanillaPerSchool?: boolean;
  /** Also print the holder's pending replacements (R5). Default true. */
  includePendingReplacements?: boolean;
  /** The inventory reservation this run draws on (a request's material); passed to the consumption recorder. */
  reservationId?: number;
  actor: Actor;
}

export interface PrintRunSummary {
  runId: number | null;
  key: string;
  cycleCode: string;
  planillas: number;
  cards: number;
  voided: number;
  firstFolio?: string;
  lastFolio?: string;
  excluded: Exclusion[];
  /** Students with a card in force: the cycle's hologram, no new card (recorded when a school prints on site). */
  hologramOnly: HologramOnly[];
  pdfHash?: string;
  consumptionRecorded: boolean;
}

export interface PreviewInput {
  holder: PrintHolder;
  studentIds: number[];
  cycleCode?: string;
  newPlanillaPerSchool?: boolean;
  actor: Actor;
}

export interface PreviewResult {
  pdf: Buffer;
  planillas: number;
  cards: number;
  excluded: Exclusion[];
  hologramOnly: HologramOnly[];
}

export interface CorrectionResult {
  folio: string;
  status: 'ANULADA';
  correctedAt: Date;
  correctedById: string;
  reason: string;
}

export interface ReplacementPaymentInput {
  key: string;
  studentId: number;
  receiptNumber: string;
  /** ISO date, YYYY-MM-DD. */
  paidOn: string;
  amountCents: number;
  reason: ReplacementReason;
  actor: Actor;
}

export interface ReplacementPaymentResult {
  replacementId: number;
  studentId: number;
  revokedFolio: string;
  status: 'PENDIENTE' | 'EMITIDA';
  newFolio?: string;
}

export interface CardReportInput {
  key: string;
  studentId: number;
  kind: ReplacementReason;
  /** ISO date the family reported it, YYYY-MM-DD; not future. */
  reportedOn: string;
  actor: Actor;
  /** Set when DRSE staff report for an offline school (assertSchoolWork). */
  onBehalfSchoolId: number | null;
}

export interface CardReportResult {
  reportId: number;
  folio: string;
}

/** Roles that may generate print files (and previews). */
export const PRINT_ROLES = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] as const;
/** R9: only central staff may unmark an issued card. */
export const CORRECTION_ROLES = ['CONTROL_ESCOLAR_CENTRAL'] as const;

const EXCLUSION_TEXT: Record<Exclusion['reason'], string> = {
  NO_ENCONTRADO: 'El alumno no existe en el catálogo.',
  FUERA_DE_ALCANCE: 'El alumno no pertenece a una escuela para la que imprime este responsable.',
  RUTA_DE_IMPRESION: 'La escuela del alumno no imprime por esta vía (R1).',
  RECHAZADA: 'La familia declinó la credencial (R4).',
  SIN_FOTOGRAFIA: 'El alumno no tiene fotografía cargada (R8).',
  YA_EXPEDIDA: 'El alumno ya tiene una credencial expedida en este ciclo.',
  HOLOGRAMA_ENTREGADO: 'El alumno tiene credencial vigente y ya recibió el holograma de este ciclo.',
};

const REPORT_WORDS: Record<ReplacementReason, string> = { PERDIDA: 'pérdida', ROBO: 'robo', DANO: 'daño' };

const BLANK_VOID_REASON = 'Espacio en blanco de la planilla, anulado antes de generar el archivo (R7).';

/**
 * Credential production: print runs (folios, planillas of 8, R7 voiding, R9 issue on generation),
 * previews, rendering, corrections and replacements (R5). Every method opens its own MikroORM context.
 */
@Injectable()
export class ProductionService {
  constructor(
    private readonly em: EntityManager,
    private readonly sheets: CardSheetRenderer,
    private readonly keys: QrKeyStore,
    @Inject(PRODUCTION_BLOBS) private readonly blobs: BlobStore,
    @Inject(PRODUCTION_OPTIONS) private readonly options: ProductionOptions,
    @Optional() @Inject(CONSUMPTION_RECORDER) private readonly recorder?: ConsumptionRecorder,
  ) {}

  // ---------------------------------------------------------------- print runs

  async createPrintRun(input: CreatePrintRunInput): Promise<PrintRunSummary> {
    const key = requireKey(input.key);
    const holder = parsePrintHolder(input.holder);
    const studentIds = this.parseStudentIds(input.studentIds);
    const newPlanillaPerSchool = input.newPlanillaPerSchool === true;
    const includePending = input.includePendingReplacements !== false;
    const em = this.em.fork();
    await this.assertCanPrint(em, input.actor, holder);
    const cycle = await resolveCycle(em, input.cycleCode);
    const reservationId = input.reservationId ?? null;
    if (reservationId !== null && (!Number.isInteger(reservationId) || reservationId <= 0)) throw new DomainError('La reserva de material no es válida.', 'reservationId');
    const fingerprint = sha256(JSON.stringify([holder, studentIds, cycle.code, newPlanillaPerSchool, includePending, ...(reservationId === null ? [] : [reservationId])]));

    const existing = await em.findOne(PrintRun, { key });
    if (existing) return this.replay(existing, fingerprint);

    let summary: PrintRunSummary;
    try {
      summary = await em.transactional((tx) => this.issueRun(tx, { key, fingerprint, holder, studentIds, cycle, newPlanillaPerSchool, includePending, reservationId, actor: input.actor }));
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException && /print_run_key_unique/.test(err.message)) {
        const winner = await this.em.fork().findOneOrFail(PrintRun, { key });
        return this.replay(winner, fingerprint);
      }
      throw err;
    }
    if (summary.runId !== null) {
      printRuns.inc();
      cardsIssued.inc(summary.cards);
    }
    // Runs linked to a reservation (and any run whose recording failed after its commit) record it now; idempotent.
    if (summary.runId !== null) summary.consumptionRecorded = await this.recordConsumption(summary.runId, input.actor);
    return summary;
  }

  private async replay(run: PrintRun, fingerprint: string): Promise<PrintRunSummary> {
    if (run.fingerprint !== fingerprint) {
      throw new ConflictError('La clave de idempotencia ya se usó para otra corrida de impresión con datos distintos.', 'key');
    }
    return this.getRun(run.id);
  }

  private async issueRun(
    tx: EntityManager,
    p: {
      key: string;
      fingerprint: string;
      holder: PrintHolder;
      studentIds: number[];
      cycle: SchoolCycle;
      newPlanillaPerSchool: boolean;
      includePending: boolean;
      reservationId: number | null;
      actor: Actor;
    },
  ): Promise<PrintRunSummary> {
    const pending = p.includePending ? await this.pendingReplacementRows(tx, p.holder) : [];
    const ids = [...new Set([...p.studentIds, ...pending.map((r) => r.studentId)])].sort((a, b) => a - b);
    // Lock the students in id order: a concurrent run for an overlapping set waits here, then sees
    // the cards this one issued (READ COMMITTED: each statement sees what committed before it).
    await tx.execute(`select id from student where id = any(?::int[]) order by id for update`, [pgIntArray(ids)]);
    const { eligible, excluded, hologramOnly } = await this.classify(tx, p.holder, ids, p.cycle.code);
    // A school printing on site places the holograms itself: its run records them (a DRSE's are recorded
    // when Procedure 1 delivers them). A run that gives only holograms has no planilla and no card.
    const onSite = p.holder.type === 'ESCUELA';
    if (eligible.length === 0 && !(onSite && hologramOnly.length > 0)) {
      return { runId: null, key: p.key, cycleCode: p.cycle.code, planillas: 0, cards: 0, voided: 0, excluded, hologramOnly, consumptionRecorded: false };
    }
    const packed = packPlanillas(
      eligible.map((s) => ({ student: s, ...sortKeys(s) })),
      { newPlanillaPerSchool: p.newPlanillaPerSchool },
    );
    const now = new Date();
    // A run without a reservation consumes its holder's stock in this transaction (R6/R7): the
    // balance rows are locked here and a shortage refuses the run before any folio is taken.
    const consumeHere = this.recorder !== undefined && p.reservationId === null && (packed.cards > 0 || (onSite && hologramOnly.length > 0));
    const runId = (await tx.insert(PrintRun, {
      key: p.key,
      fingerprint: p.fingerprint,
      holderType: p.holder.type,
      holderDrseCode: p.holder.type === 'DRSE' ? p.holder.drseCode : undefined,
      holderSchoolId: p.holder.type === 'ESCUELA' ? p.holder.schoolId : undefined,
      cycleCode: p.cycle.code,
      newPlanillaPerSchool: p.newPlanillaPerSchool,
      planillas: packed.planillas,
      cards: packed.cards,
      voided: packed.blanks,
      excluded,
      hologramOnly,
      reservationId: p.reservationId ?? undefined,
      createdById: p.actor.id,
      createdByRole: p.actor.role,
      createdAt: now,
      consumptionRecordedAt: consumeHere || packed.cards + (onSite ? hologramOnly.length : 0) === 0 ? now : undefined,
    })) as number;
    if (onSite) {
      // One hologram per student per cycle (catalog's rule): the new cards and the continuing students.
      const given = [...eligible.map((s) => s.id), ...hologramOnly.map((h) => h.studentId)];
      await recordHolograms(tx, { studentIds: given, source: 'TIRADA_EN_SITIO', reference: `corrida-${runId}`, recordedBy: p.actor.id, cycleCode: p.cycle.code }, false);
    }
    if (consumeHere) {
      const consumption = consumptionOf({ id: runId, holder: p.holder, cycleCode: p.cycle.code, reservationId: null, cards: packed.cards, planillas: packed.planillas, voided: packed.blanks, hologramsOnly: onSite ? hologramOnly.length : 0 });
      await this.recorder!.recordPrintRunConsumption(consumption, p.actor, tx);
    }
    if (packed.cards === 0) {
      return { runId, key: p.key, cycleCode: p.cycle.code, planillas: 0, cards: 0, voided: 0, excluded, hologramOnly, consumptionRecorded: consumeHere };
    }

    const numbers = await nextFolioNumbers(tx, packed.slots.length);
    const { keyId, privateKey } = await this.keys.currentSigningKey();

    const rows = packed.slots.map((slot, i) => {
      const number = numbers[i];
      const folio = formatFolio(p.cycle.code, number);
      const base = { folioNumber: String(number), folio, cycleCode: p.cycle.code, runId, planilla: slot.planilla, slot: slot.slot, issuedAt: now };
      if (!slot.card) {
        return { ...base, kind: 'BLANCO' as const, status: 'ANULADA' as const, voidedAt: now, voidReason: BLANK_VOID_REASON, voidedById: p.actor.id };
      }
      const s = slot.card.student;
      const school = s.school;
      return {
        ...base,
        kind: 'TARJETA' as const,
        status: 'EXPEDIDA' as const,
        studentId: s.id,
        schoolId: school.id,
        studentName: s.fullName,
        photoHash: s.photoHash,
        cct: school.cct,
        turno: school.turno,
        nivel: school.nivel,
        schoolName: school.name,
        schoolAddress: school.address,
        schoolPhone: school.phone,
        qrPayload: signClaims({ keyId, folioNumber: number, cct: school.cct, turno: school.turno, cycleCode: p.cycle.code }, privateKey),
        keyId,
      };
    });
    await tx.insertMany(Credential, rows);

    // R5: a pending replacement printed in this run closes: the old card is now "replaced".
    const printedPending = pending.filter((r) => eligible.some((s) => s.id === r.studentId));
    if (printedPending.length > 0) {
      const fresh = await tx.find(Credential, { runId, studentId: { $in: printedPending.map((r) => r.studentId) } });
      for (const r of printedPending) {
        const card = fresh.find((c) => c.studentId === r.studentId)!;
        await tx.nativeUpdate(CardReplacement, { id: r.id, status: 'PENDIENTE' }, { status: 'EMITIDA', newCredentialId: card.id });
        await tx.nativeUpdate(Credential, { id: r.revokedCredentialId }, { status: 'REEMPLAZADA', replacedByFolio: card.folio });
        await tx.insert(CredentialEvent, {
          credentialId: r.revokedCredentialId,
          folio: r.revokedFolio,
          event: 'REEMPLAZO',
          actorId: p.actor.id,
          actorRole: p.actor.role,
          reason: `Reemplazada por el folio ${card.folio} (recibo ${r.receiptNumber}).`,
          at: now,
        });
      }
    }
    return {
      runId,
      key: p.key,
      cycleCode: p.cycle.code,
      planillas: packed.planillas,
      cards: packed.cards,
      voided: packed.blanks,
      firstFolio: rows[0].folio,
      lastFolio: rows[rows.length - 1].folio,
      excluded,
      hologramOnly,
      consumptionRecorded: false,
    };
  }

  /**
   * Who may be printed, who gets only the hologram, and who nothing (with the reason): R1 route, R4,
   * already issued this cycle, a card in force of an earlier cycle (R3: the cycle's hologram, once per
   * student and cycle, never a second card; a replacement's old card is revoked, so it holds none), R8.
   */
  private async classify(
    em: EntityManager,
    holder: PrintHolder,
    ids: number[],
    cycleCode: string,
  ): Promise<{ eligible: Student[]; excluded: Exclusion[]; hologramOnly: HologramOnly[] }> {
    const students = ids.length ? await em.find(Student, { id: { $in: ids } }, { populate: ['school', 'school.drse'] }) : [];
    const byId = new Map(students.map((s) => [s.id, s]));
    const issued = await studentsIssuedInCycle(em, ids, cycleCode);
    const inForce = await cardsInForce(em, ids);
    const withHologram = await studentsWithHologram(em, [...inForce.keys()], cycleCode);
    const eligible: Student[] = [];
    const excluded: Exclusion[] = [];
    const hologramOnly: HologramOnly[] = [];
    const exclude = (studentId: number, reason: Exclusion['reason']) => excluded.push({ studentId, reason, detail: EXCLUSION_TEXT[reason] });
    for (const id of ids) {
      const s = byId.get(id);
      if (!s) exclude(id, 'NO_ENCONTRADO');
      else if (!inHolderScope(holder, s.school)) exclude(id, 'FUERA_DE_ALCANCE');
      else if (s.school.printRoute !== holder.type) exclude(id, 'RUTA_DE_IMPRESION');
      else if (s.declined) exclude(id, 'RECHAZADA');
      else if (issued.has(id)) exclude(id, 'YA_EXPEDIDA');
      else if (inForce.has(id) && withHologram.has(id)) exclude(id, 'HOLOGRAMA_ENTREGADO');
      else if (inForce.has(id)) hologramOnly.push({ studentId: id, folio: inForce.get(id)!.folio, cardCycleCode: inForce.get(id)!.cycleCode });
      else if (!s.photoHash) exclude(id, 'SIN_FOTOGRAFIA');
      else eligible.push(s);
    }
    return { eligible, excluded, hologramOnly };
  }

  private async pendingReplacementRows(
    em: EntityManager,
    holder: PrintHolder,
  ): Promise<Array<{ id: number; studentId: number; revokedCredentialId: number; revokedFolio: string; receiptNumber: string }>> {
    const rows = await em.execute<Array<{ id: number; student_id: number; revoked_credential_id: number; folio: string; receipt_number: string }>>(
      `select rp.id, rp.student_id, rp.revoked_credential_id, c.folio, rp.receipt_number
         from card_replacement rp
         join credential c on c.id = rp.revoked_credential_id
         join student s on s.id = rp.student_id
         join school sc on sc.id = s.school_id
         left join drse d on d.code = sc.drse_code
        where rp.status = 'PENDIENTE' and sc.print_route = ?
          and ${holder.type === 'DRSE' ? '(sc.drse_code = ? or d.parent_code = ?)' : 'sc.id = ?'}
        order by rp.id`,
      holder.type === 'DRSE' ? ['DRSE', holder.drseCode, holder.drseCode] : ['ESCUELA', holder.schoolId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      studentId: Number(r.student_id),
      revokedCredentialId: Number(r.revoked_credential_id),
      revokedFolio: r.folio,
      receiptNumber: r.receipt_number,
    }));
  }

  /** Student ids with a pending replacement that this holder's next run will print (R5). */
  async pendingReplacements(holder: PrintHolder): Promise<number[]> {
    return (await this.pendingReplacementRows(this.em.fork(), parsePrintHolder(holder))).map((r) => r.studentId);
  }

  async getRun(runId: number): Promise<PrintRunSummary> {
    const em = this.em.fork();
    const run = await em.findOne(PrintRun, { id: runId });
    if (!run) throw new NotFoundError(`No existe la corrida de impresión ${runId}.`, 'runId');
    const [bounds] = await em.execute<Array<{ first: string; last: string }>>(
      `select min(folio_number)::text as first, max(folio_number)::text as last from credential where run_id = ?`,
      [run.id],
    );
    return {
      runId: run.id,
      key: run.key,
      cycleCode: run.cycleCode,
      planillas: run.planillas,
      cards: run.cards,
      voided: run.voided,
      firstFolio: bounds?.first ? formatFolio(run.cycleCode, Number(bounds.first)) : undefined,
      lastFolio: bounds?.last ? formatFolio(run.cycleCode, Number(bounds.last)) : undefined,
      excluded: run.excluded,
      hologramOnly: run.hologramOnly ?? [],
      pdfHash: run.pdfHash,
      consumptionRecorded: !!run.consumptionRecordedAt,
    };
  }

  /**
   * The run's PDF. Rendered from the stored cards (same folios, same signed QR payloads, same
   * snapshot of names and school data) the first time, then served from the blob store.
   * Never assigns a folio: idempotent.
   */
  async getRunPdf(runId: number): Promise<Buffer> {
    const em = this.em.fork();
    const run = await em.findOne(PrintRun, { id: runId });
    if (!run) throw new NotFoundError(`No existe la corrida de impresión ${runId}.`, 'runId');
    if (run.pdfHash && (await this.blobs.has(run.pdfHash))) return this.blobs.get(run.pdfHash);
    if (run.cards === 0) throw new DomainError('Esta corrida sólo entregó hologramas del ciclo: no tiene planillas que imprimir.', 'runId');

    const cards = await em.find(Credential, { runId }, { orderBy: { planilla: 'asc', slot: 'asc' } });
    const photos = await this.loadPhotos(cards.map((c) => c.photoHash).filter((h): h is string => !!h));
    const printable: PrintableCard[] = cards.map((c) => ({
      planilla: c.planilla,
      slot: c.slot,
      folio: c.folio,
      student:
        c.kind === 'BLANCO'
          ? null
          : {
              name: c.studentName!,
              photoHash: c.photoHash!,
              schoolName: c.schoolName!,
              cct: c.cct!,
              turno: c.turno!,
              nivel: c.nivel!,
              address: c.schoolAddress!,
              phone: c.schoolPhone!,
              qrPayload: c.qrPayload!,
            },
    }));
    const pdf = await this.sheets.render(planillaViews(printable, this.options.publicBaseUrl), photos, false);
    cardsRendered.inc(printable.filter((c) => c.student).length);
    const hash = await this.blobs.put(pdf);
    await em.nativeUpdate(PrintRun, { id: runId, pdfHash: null }, { pdfHash: hash, renderedAt: new Date() });
    const stored = await this.em.fork().findOneOrFail(PrintRun, { id: runId });
    // Two renders at once: the first stored file wins and both callers get it.
    return stored.pdfHash === hash ? pdf : this.blobs.get(stored.pdfHash!);
  }

  /** Renders (if needed) and returns ids and counts only: for the Temporal activity. */
  async renderRun(runId: number): Promise<{ runId: number; pdfHash: string; planillas: number; cards: number; bytes: number }> {
    const pdf = await this.getRunPdf(runId);
    const run = await this.em.fork().findOneOrFail(PrintRun, { id: runId });
    return { runId, pdfHash: run.pdfHash!, planillas: run.planillas, cards: run.cards, bytes: pdf.length };
  }

  // ---------------------------------------------------------------- preview (R9 decision)

  /** The same rendering, watermarked "MUESTRA — SIN VALIDEZ": marks nothing, uses no folio. */
  async preview(input: PreviewInput): Promise<PreviewResult> {
    const holder = parsePrintHolder(input.holder);
    const ids = this.parseStudentIds(input.studentIds);
    if (ids.length === 0) throw new DomainError('Indique al menos un alumno para la muestra.', 'studentIds');
    const em = this.em.fork();
    await this.assertCanPrint(em, input.actor, holder);
    const cycle = await resolveCycle(em, input.cycleCode);
    const { eligible, excluded, hologramOnly } = await this.classify(em, holder, [...ids].sort((a, b) => a - b), cycle.code);
    if (eligible.length === 0) {
      throw new DomainError(
        hologramOnly.length > 0
          ? `Ningún alumno necesita credencial nueva: ${hologramOnly.length} con credencial vigente recibe(n) sólo el holograma del ciclo; no hay muestra que generar.`
          : 'Ninguno de los alumnos indicados puede imprimirse; no hay muestra que generar.',
        'studentIds',
      );
    }
    const packed = packPlanillas(
      eligible.map((s) => ({ student: s, ...sortKeys(s) })),
      { newPlanillaPerSchool: input.newPlanillaPerSchool === true },
    );
    const photos = await this.loadPhotos(eligible.map((s) => s.photoHash!));
    const qr = previewQrImage();
    const planillas: SlotView[][] = Array.from({ length: packed.planillas }, () => []);
    for (const slot of packed.slots) {
      const s = slot.card?.student;
      planillas[slot.planilla][slot.slot] = s
        ? {
            card: {
              folio: 'MUESTRA',
              studentName: s.fullName,
              photoKey: s.photoHash!,
              schoolName: s.school.name,
              cct: s.school.cct,
              turno: s.school.turno,
              nivel: s.school.nivel,
              address: s.school.address,
              phone: s.school.phone,
              ...qr,
            },
          }
        : { empty: true };
    }
    const pdf = await this.sheets.render(planillas, photos, true);
    return { pdf, planillas: packed.planillas, cards: packed.cards, excluded, hologramOnly };
  }

  // ---------------------------------------------------------------- R9 correction

  /** Unmarks an issued card (e.g. printed by mistake): central staff only, with a reason; audited. */
  async correctIssuedCard(input: { folio: string; reason: string; actor: Actor }): Promise<CorrectionResult> {
    if (!input.actor || !(CORRECTION_ROLES as readonly string[]).includes(input.actor.role)) {
      throw new DomainError('Solo el personal de Control Escolar central puede desmarcar una credencial expedida (R9).', 'actor', 'NO_AUTORIZADO', 403);
    }
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (reason.length < 10 || reason.length > 500) {
      throw new DomainError('El motivo de la corrección es obligatorio (de 10 a 500 caracteres).', 'reason');
    }
    const { folio } = parseFolio(input.folio);
    return this.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<Array<{ id: number }>>(`select id from credential where folio = ? for update`, [folio]);
      if (!row) throw new NotFoundError(`No existe el folio ${folio}.`, 'folio');
      const card = await tx.findOneOrFail(Credential, { id: row.id });
      if (card.status === 'ANULADA' && card.kind === 'TARJETA') {
        // Already corrected: the same answer again (idempotent), whatever reason is given now.
        const event = await tx.findOne(CredentialEvent, { credentialId: card.id, event: 'CORRECCION' }, { orderBy: { id: 'asc' } });
        if (event) return { folio, status: 'ANULADA', correctedAt: event.at, correctedById: event.actorId, reason: event.reason };
      }
      if (card.kind !== 'TARJETA' || card.status !== 'EXPEDIDA') {
        throw new DomainError(`El folio ${folio} no está expedido (estado: ${card.status}); no hay nada que corregir.`, 'folio');
      }
      const now = new Date();
      card.status = 'ANULADA';
      card.voidedAt = now;
      card.voidReason = `Corrección R9: ${reason}`;
      card.voidedById = input.actor.id;
      tx.create(CredentialEvent, { credentialId: card.id, folio, event: 'CORRECCION', actorId: input.actor.id, actorRole: input.actor.role, reason, at: now });
      await tx.flush();
      return { folio, status: 'ANULADA', correctedAt: now, correctedById: input.actor.id, reason };
    });
  }

  /**
   * A request cancelled before its cards were printed: every card of the run still EXPEDIDA is voided
   * (ANULADA, with the reason; event ANULACION). Idempotent: a second call voids nothing more and
   * returns the same folios. Returns the folios voided for this reason.
   */
  async voidUnprintedRun(input: { runId: number; reason: string; actor: Actor }): Promise<string[]> {
    const reason = input.reason.trim().slice(0, 500);
    if (!reason) throw new DomainError('El motivo de la anulación es obligatorio.', 'reason');
    return this.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<Array<{ id: number }>>(
        `select id from credential where run_id = ? and kind = 'TARJETA' and status = 'EXPEDIDA' order by folio_number for update`,
        [input.runId],
      );
      const now = new Date();
      for (const { id } of rows) {
        const card = await tx.findOneOrFail(Credential, { id });
        card.status = 'ANULADA';
        card.voidedAt = now;
        card.voidReason = reason;
        card.voidedById = input.actor.id;
        tx.create(CredentialEvent, { credentialId: card.id, folio: card.folio, event: 'ANULACION', actorId: input.actor.id, actorRole: input.actor.role, reason, at: now });
      }
      await tx.flush();
      const voided = await tx.execute<Array<{ folio: string }>>(
        `select folio from credential where run_id = ? and kind = 'TARJETA' and status = 'ANULADA' and void_reason = ? order by folio_number`,
        [input.runId, reason],
      );
      return voided.map((r) => r.folio);
    });
  }

  /** The audit trail of one folio. */
  async cardEvents(folio: string): Promise<CredentialEvent[]> {
    const parsed = parseFolio(folio);
    return this.em.fork().find(CredentialEvent, { folio: parsed.folio }, { orderBy: { id: 'asc' } });
  }

  // ---------------------------------------------------------------- R5 replacement

  /**
   * Records the payment receipt of a replacement and revokes the student's current card. The new
   * card is printed by the next run of whoever prints for the school.
   */
  async recordReplacementPayment(input: ReplacementPaymentInput): Promise<ReplacementPaymentResult> {
    const key = requireKey(input.key);
    if (!Number.isInteger(input.studentId) || input.studentId <= 0) throw new DomainError('El alumno no es válido.', 'studentId');
    const receiptNumber = typeof input.receiptNumber === 'string' ? input.receiptNumber.trim().toUpperCase() : '';

    const em = this.em.fork();
    const again = await em.findOne(CardReplacement, { key });
    if (again) {
      if (again.receiptNumber !== receiptNumber || again.studentId !== input.studentId) {
        throw new ConflictError('La clave de idempotencia ya se usó para otro registro de pago.', 'key');
      }
      return this.replacementResult(em, again);
    }
    const student = await em.findOne(Student, { id: input.studentId }, { populate: ['school'] });
    if (!student) throw new NotFoundError(`No existe el alumno ${input.studentId}.`, 'studentId');
    if (!actorCovers(input.actor, { schoolId: student.school.id, drseCode: student.school.drse.code })) {
      throw new DomainError('No tiene permiso sobre la escuela de este alumno.', 'studentId', 'NO_AUTORIZADO', 403);
    }
    const receipt = await checkReplacementReceipt(em, input);
    const { paidOn } = receipt;
    try {
      return await em.transactional(async (tx) => {
        const [row] = await tx.execute<Array<{ id: number }>>(
          `select id from credential where student_id = ? and status = 'EXPEDIDA' order by issued_at desc, id desc limit 1 for update`,
          [student.id],
        );
        if (!row) throw new DomainError('El alumno no tiene una credencial expedida vigente que reponer.', 'studentId');
        const card = await tx.findOneOrFail(Credential, { id: row.id });
        const now = new Date();
        card.status = 'REVOCADA';
        card.revokedAt = now;
        const payment = tx.create(CardReplacement, {
          key,
          studentId: student.id,
          receiptNumber,
          paidOn,
          amountCents: receipt.amountCents,
          cycleCode: receipt.cycleCode,
          reason: receipt.reason,
          revokedCredentialId: card.id,
          status: 'PENDIENTE',
          recordedById: input.actor.id,
          recordedByRole: input.actor.role,
          recordedAt: now,
        });
        tx.create(CredentialEvent, {
          credentialId: card.id,
          folio: card.folio,
          event: 'REVOCACION',
          actorId: input.actor.id,
          actorRole: input.actor.role,
          reason: `Reposición por ${input.reason.toLowerCase()}, recibo ${receiptNumber} del ${paidOn}.`,
          at: now,
        });
        await tx.flush();
        return { replacementId: payment.id, studentId: student.id, revokedFolio: card.folio, status: 'PENDIENTE' as const };
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        const winner = await this.em.fork().findOne(CardReplacement, { key });
        if (winner && winner.receiptNumber === receiptNumber) return this.replacementResult(this.em.fork(), winner);
        throw new ConflictError(`El recibo de pago ${receiptNumber} ya fue registrado; un recibo sirve una sola vez.`, 'receiptNumber');
      }
      throw err;
    }
  }

  /**
   * A card reported lost, stolen or damaged: the student's card in force is «reportada» for the
   * public from now on (a REPORTE event); it stays the student's card until the replacement is paid.
   * The caller has checked the actor may do this school's work. A second report of the card → 409.
   */
  async reportCard(input: CardReportInput): Promise<CardReportResult> {
    const key = requireKey(input.key);
    if (!(REPLACEMENT_REASONS as readonly string[]).includes(input.kind)) {
      throw new DomainError(`El tipo de reporte debe ser uno de: ${REPLACEMENT_REASONS.join(', ')}.`, 'kind');
    }
    const reportedOn = parseIsoDate(input.reportedOn, 'reportedOn');
    if (reportedOn > new Date().toISOString().slice(0, 10)) throw new DomainError('La fecha del reporte no puede ser futura.', 'reportedOn');
    const em = this.em.fork();
    const again = await em.findOne(CardReport, { key });
    if (again) {
      if (again.studentId !== input.studentId) throw new ConflictError('La clave de idempotencia ya se usó para otro reporte.', 'key');
      return { reportId: again.id, folio: (await em.findOneOrFail(Credential, { id: again.credentialId })).folio };
    }
    try {
      return await em.transactional(async (tx) => {
        const [row] = await tx.execute<Array<{ id: number }>>(
          `select id from credential where student_id = ? and status = 'EXPEDIDA' and kind = 'TARJETA' order by issued_at desc, id desc limit 1 for update`,
          [input.studentId],
        );
        if (!row) throw new DomainError('El alumno no tiene una credencial expedida vigente que reportar.', 'studentId');
        const card = await tx.findOneOrFail(Credential, { id: row.id });
        const earlier = await tx.findOne(CardReport, { credentialId: card.id });
        if (earlier) throw new ConflictError(`La credencial ${card.folio} ya fue reportada el ${earlier.reportedOn}.`, 'studentId');
        const now = new Date();
        const report = tx.create(CardReport, {
          key,
          credentialId: card.id,
          studentId: input.studentId,
          kind: input.kind,
          reportedOn,
          actorId: input.actor.id,
          actorRole: input.actor.role,
          onBehalfSchoolId: input.onBehalfSchoolId,
          recordedAt: now,
        });
        tx.create(CredentialEvent, {
          credentialId: card.id,
          folio: card.folio,
          event: 'REPORTE',
          actorId: input.actor.id,
          actorRole: input.actor.role,
          reason: `Reportada por ${REPORT_WORDS[input.kind]} el ${reportedOn}${input.onBehalfSchoolId ? ', en nombre de la escuela' : ''}.`,
          at: now,
        });
        await tx.flush();
        return { reportId: report.id, folio: card.folio };
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        const winner = await this.em.fork().findOne(CardReport, { key });
        if (winner && winner.studentId === input.studentId) return { reportId: winner.id, folio: (await this.em.fork().findOneOrFail(Credential, { id: winner.credentialId })).folio };
        throw new ConflictError('La credencial de este alumno ya fue reportada.', 'studentId');
      }
      throw err;
    }
  }

  private async replacementResult(em: EntityManager, r: CardReplacement): Promise<ReplacementPaymentResult> {
    const old = await em.findOneOrFail(Credential, { id: r.revokedCredentialId });
    const fresh = r.newCredentialId ? await em.findOne(Credential, { id: r.newCredentialId }) : null;
    return { replacementId: r.id, studentId: r.studentId, revokedFolio: old.folio, status: r.status, newFolio: fresh?.folio };
  }

  // ---------------------------------------------------------------- consumption

  /** Reports the run's consumption once (idempotent per run); false when no recorder is wired. */
  async recordConsumption(runId: number, actor: Actor): Promise<boolean> {
    if (!this.recorder) return false;
    const em = this.em.fork();
    const run = await em.findOneOrFail(PrintRun, { id: runId });
    if (run.consumptionRecordedAt) return true;
    const holder: PrintHolder = run.holderType === 'DRSE' ? { type: 'DRSE', drseCode: run.holderDrseCode! } : { type: 'ESCUELA', schoolId: run.holderSchoolId! };
    const hologramsOnly = run.holderType === 'ESCUELA' ? (run.hologramOnly ?? []).length : 0;
    await this.recorder.recordPrintRunConsumption(consumptionOf({ id: run.id, holder, cycleCode: run.cycleCode, reservationId: run.reservationId ?? null, cards: run.cards, planillas: run.planillas, voided: run.voided, hologramsOnly }), actor);
    await em.nativeUpdate(PrintRun, { id: runId, consumptionRecordedAt: null }, { consumptionRecordedAt: new Date() });
    return true;
  }

  // ---------------------------------------------------------------- helpers

  private parseStudentIds(raw: unknown): number[] {
    // An empty list is allowed: a run may print only the holder's pending replacements (R5).
    if (!Array.isArray(raw)) throw new DomainError('Indique los alumnos como una lista de ids.', 'studentIds');
    if (!raw.every((id) => Number.isInteger(id) && id > 0)) throw new DomainError('Los alumnos se indican por su id (entero positivo).', 'studentIds');
    const ids = [...new Set(raw as number[])];
    if (ids.length > this.options.maxStudentsPerRun) {
      throw new DomainError(`Una corrida admite a lo más ${this.options.maxStudentsPerRun} alumnos; divídala.`, 'studentIds');
    }
    return ids;
  }

  private async assertCanPrint(em: EntityManager, actor: Actor, holder: PrintHolder): Promise<void> {
    if (!actor || !(PRINT_ROLES as readonly string[]).includes(actor.role)) {
      throw new DomainError('Su rol no puede generar archivos de impresión de credenciales.', 'actor', 'NO_AUTORIZADO', 403);
    }
    let scope: Scope;
    if (holder.type === 'DRSE') {
      if (actor.role === 'ESCUELA') throw new DomainError('Una escuela no puede imprimir por la DRSE.', 'holder', 'NO_AUTORIZADO', 403);
      if (!(await em.count('Drse', { code: holder.drseCode }))) throw new NotFoundError(`No existe la DRSE ${holder.drseCode}.`, 'holder');
      scope = { drseCode: holder.drseCode };
    } else {
      const school = await em.findOne(School, { id: holder.schoolId });
      if (!school) throw new NotFoundError(`No existe la escuela ${holder.schoolId}.`, 'holder');
      scope = { schoolId: school.id, drseCode: school.drse.code };
    }
    if (!actorCovers(actor, scope)) throw new DomainError('No tiene permiso para imprimir por este responsable.', 'holder', 'NO_AUTORIZADO', 403);
  }

  /**
   * The run's distinct photos, as embedded. Photos are normalised at upload (240 × 300 JPEG, no
   * metadata); one stored before that (or by a path that skipped it) is normalised here, in memory,
   * so a print file never carries an original's metadata and a run's memory does not grow with the
   * originals' size (one original read at a time). `normalize-photos` fixes the stored copies.
   */
  private async loadPhotos(hashes: string[]): Promise<Map<string, PhotoAsset>> {
    const photos = new Map<string, PhotoAsset>();
    for (const hash of new Set(hashes)) {
      let data: Buffer;
      try {
        data = await this.blobs.get(hash);
      } catch {
        throw new DomainError(`Falta el archivo de una fotografía (${hash.slice(0, 12)}…) en el almacén.`, 'foto');
      }
      if (!isNormalizedPhoto(data)) data = await normalizePhoto(data, `${hash.slice(0, 12)}…`, 'foto');
      photos.set(hash, photoAsset(data));
    }
    return photos;
  }
}

export function consumptionOf(run: {
  id: number;
  holder: PrintHolder;
  cycleCode: string;
  reservationId: number | null;
  cards: number;
  planillas: number;
  voided: number;
  hologramsOnly?: number;
}): PrintRunConsumption {
  return {
    key: `print-run:${run.id}`,
    runId: run.id,
    holder: run.holder,
    cycleCode: run.cycleCode,
    reservationId: run.reservationId,
    cardsPrinted: run.cards,
    planillas: run.planillas,
    voidedSlots: run.voided,
    micas: run.cards,
    inkPlanillas: run.planillas,
    hologramsOnly: run.hologramsOnly ?? 0,
  };
}

function inHolderScope(holder: PrintHolder, school: School): boolean {
  if (holder.type === 'ESCUELA') return school.id === holder.schoolId;
  return school.drse.code === holder.drseCode || school.drse.parent?.code === holder.drseCode;
}

function sortKeys(s: Student): { studentId: number; schoolId: number; schoolSortKey: string; nameSortKey: string } {
  return {
    studentId: s.id,
    schoolId: s.school.id,
    schoolSortKey: `${s.school.name} ${s.school.cct} ${s.school.turno}`,
    nameSortKey: [s.primerApellido, s.segundoApellido ?? '', s.nombres].join(' '),
  };
}

async function nextFolioNumbers(em: EntityManager, count: number): Promise<number[]> {
  const rows = await em.execute<Array<{ n: string }>>(`select nextval('credential_folio_seq')::text as n from generate_series(1, ?)`, [count]);
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}

async function resolveCycle(em: EntityManager, code: string | undefined): Promise<SchoolCycle> {
  const cycle = code ? await em.findOne(SchoolCycle, { code }) : await em.findOne(SchoolCycle, { isCurrent: true });
  if (!cycle) throw new DomainError(code ? `No existe el ciclo escolar ${code}.` : 'No hay un ciclo escolar vigente.', 'cycleCode');
  return cycle;
}

function requireKey(raw: unknown): string {
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (!key || key.length > 200) throw new DomainError('La clave de idempotencia es obligatoria (hasta 200 caracteres).', 'key');
  return key;
}

function parseIsoDate(raw: unknown, field: string): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new DomainError('La fecha debe tener la forma AAAA-MM-DD.', field);
  }
  return value;
}

function pgIntArray(ids: number[]): string {
  return `{${ids.map((n) => String(Math.trunc(n))).join(',')}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
