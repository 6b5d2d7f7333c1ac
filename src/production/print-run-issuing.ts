import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { SchoolCycle, recordHolograms } from '../catalog';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { cardsIssued, printRuns } from '../observability/metrics';
import type { ConsumptionRecorder, PrintRunConsumption } from './consumption-recorder';
import { Credential, CredentialEvent, CardReplacement, Exclusion, HologramOnly, PrintRun } from './entities';
import { formatFolio } from './folio';
import { packPlanillas } from './planilla-packing';
import { parsePrintHolder, PrintHolder } from './print-holder';
import { assertCanPrint, classifyForPrint, parseStudentIds, resolveCycle, sortKeys } from './print-run-rules';
import { requireKey } from './production-input';
import type { ProductionOptions } from './production.tokens';
import type { QrKeyStore } from './qr-key-store';
import { signClaims } from './qr-payload';

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

const BLANK_VOID_REASON = 'Espacio en blanco de la planilla, anulado antes de generar el archivo (R7).';

/**
 * Issuing: print runs (folios, planillas of 8, R7 voiding, R9 issue on generation, pending R5
 * replacements printed and closed) and the consumption each run reports. Every method opens its own
 * MikroORM context.
 */
export class PrintRunIssuing {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: QrKeyStore,
    private readonly options: ProductionOptions,
    private readonly recorder?: ConsumptionRecorder,
  ) {}

  async createPrintRun(input: CreatePrintRunInput): Promise<PrintRunSummary> {
    const key = requireKey(input.key);
    const holder = parsePrintHolder(input.holder);
    const studentIds = parseStudentIds(input.studentIds, this.options.maxStudentsPerRun);
    const newPlanillaPerSchool = input.newPlanillaPerSchool === true;
    const includePending = input.includePendingReplacements !== false;
    const em = this.em.fork();
    await assertCanPrint(em, input.actor, holder);
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
    const { eligible, excluded, hologramOnly } = await classifyForPrint(tx, p.holder, ids, p.cycle.code);
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

async function nextFolioNumbers(em: EntityManager, count: number): Promise<number[]> {
  const rows = await em.execute<Array<{ n: string }>>(`select nextval('credential_folio_seq')::text as n from generate_series(1, ?)`, [count]);
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}

function pgIntArray(ids: number[]): string {
  return `{${ids.map((n) => String(Math.trunc(n))).join(',')}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
