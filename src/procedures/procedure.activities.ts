import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MaterialQuantities } from '../../statecharts/step-meta';
import { RequestReadModel } from '../requests';
import { replacementTariff, recordHolograms, studentsWithHologram } from '../catalog';
import { loadInventoryConfig, materialCeilingForMatricula } from '../inventory';
import { eligibility, INELIGIBLE_TEXT, replacementById } from '../production';
import type { ProcedureActivityContract, StepInput, StepResult, TransitionRecord } from './procedure-activities.types';
import { MATERIAL_GATEWAY, MaterialGateway, MaterialNeed, PRODUCTION_GATEWAY, ProductionGateway, SUPPLY_GATEWAY, SupplyGateway } from './ports';

type Row = Record<string, unknown>;

/** Idempotency key of a step: the workflow and the transition that entered the step. */
export const stepKey = (s: StepInput) => `${s.workflowId}:${s.seq}`;
/** Key, workflow and request of a step: what every port call carries. */
const stepRef = (s: StepInput) => ({ key: stepKey(s), workflowId: s.workflowId, requestId: s.requestId });

/**
 * The activities of the procedure workflows: the read model and audit (own tables), the procedencia
 * checks against the catalogue (own), and the material/production/supply work delegated to ports.
 */
@Injectable()
export class ProcedureActivities implements ProcedureActivityContract {
  constructor(
    private readonly em: EntityManager,
    private readonly readModel: RequestReadModel,
    @Inject(MATERIAL_GATEWAY) private readonly material: MaterialGateway,
    @Inject(PRODUCTION_GATEWAY) private readonly production: ProductionGateway,
    @Inject(SUPPLY_GATEWAY) private readonly supply: SupplyGateway,
  ) {}

  private readonly planillasPerInkSet = loadInventoryConfig().planillasPerInkSet;

  async recordProcedureTransition(record: TransitionRecord): Promise<{ requestId: number }> {
    const { requestId } = await this.readModel.recordTransition(record);
    return { requestId };
  }

  /**
   * Procedure 1, step 3: students belong to the school, count ≤ matrícula, photo (R8), not declined (R4),
   * new vs continuing (R3), not issued this cycle. A student holding a card in force (any cycle) gets
   * the cycle's hologram, never a new card: listed as new, they are counted as continuing (the row's
   * kind changes, with the reason); one who already has this cycle's hologram gets nothing more.
   */
  async checkProcedencia(s: StepInput): Promise<StepResult> {
    const em = this.em.fork();
    const [school] = await em.execute<Row[]>(
      'select s.id, s.matricula from procedure_request r join school s on s.id = r.school_id where r.id = ?',
      [s.requestId],
    );
    if (!school) throw new Error(`La solicitud ${s.requestId} no tiene escuela`);
    const rows = await em.execute<Row[]>(
      `select rs.student_id, rs.kind, st.school_id, st.photo_hash, st.declined, st.primer_ingreso
       from request_student rs join student st on st.id = rs.student_id
       where rs.request_id = ? order by rs.kind desc, rs.student_id`,
      [s.requestId],
    );
    const ids = rows.map((r) => Number(r.student_id));
    const issued = new Set(await this.production.issuedThisCycle({ studentIds: ids }));
    const inForce = new Map((await this.production.cardsInForce({ studentIds: ids })).map((c) => [c.studentId, c]));
    const withHologram = await studentsWithHologram(em, [...inForce.keys()]);
    let eligibleCount = 0;
    const verdicts = rows.map((r) => {
      const id = Number(r.student_id);
      const sameSchool = Number(r.school_id) === Number(school.id);
      const e = eligibility({ declined: !!r.declined, issuedThisCycle: issued.has(id), cardInForce: inForce.get(id) ?? null, hologramThisCycle: withHologram.has(id), hasPhoto: !!r.photo_hash });
      const isNew = r.kind === 'NUEVO' && !(sameSchool && e.kind === 'HOLOGRAM_ONLY');
      let reason: string | null = null;
      let note: string | null = null;
      if (!sameSchool) reason = 'El alumno no pertenece a la escuela.';
      else if (e.kind === 'HOLOGRAM_ONLY') note = `Tiene credencial vigente (folio ${e.folio}, ciclo ${e.cardCycleCode}): recibe sólo el holograma del ciclo (R3).`;
      else if (e.kind === 'NONE' && e.reason !== 'SIN_FOTOGRAFIA') reason = INELIGIBLE_TEXT[e.reason];
      else if (isNew && !r.primer_ingreso) reason = 'No es de primer ingreso: le corresponde holograma (R3).';
      else if (!isNew && r.primer_ingreso) reason = 'Es de primer ingreso: requiere credencial nueva (R3).';
      else if (isNew && e.kind === 'NONE') reason = INELIGIBLE_TEXT[e.reason];
      else if (eligibleCount >= Number(school.matricula)) reason = 'Excede la matrícula de la escuela.';
      if (reason === null) eligibleCount++;
      return { studentId: id, isNew, reason, note };
    });
    await em.transactional(async (tx) => {
      for (const v of verdicts) {
        await tx.execute('update request_student set kind = ?, eligible = ?, reason = ?, approved = null where request_id = ? and student_id = ?', [
          v.isNew ? 'NUEVO' : 'CONTINUO',
          v.reason === null,
          v.reason ?? v.note,
          s.requestId,
          v.studentId,
        ]);
      }
    });
    const hologramOnly = verdicts.filter((v) => v.note !== null).length;
    const count = (isNew: boolean, eligible?: boolean) =>
      verdicts.filter((v) => v.isNew === isNew && (eligible === undefined || (v.reason === null) === eligible)).length;
    return {
      outcome: 'CHECKED',
      data: { newRequested: count(true), continuingRequested: count(false), newEligible: count(true, true), continuingEligible: count(false, true) },
      ...(hologramOnly > 0 ? { note: `${hologramOnly} alumno(s) con credencial vigente reciben sólo el holograma del ciclo, no una credencial nueva (R3).` } : {}),
    };
  }

  /** Procedure 2, step 3: requested material against matrícula; the consumption travels for the reviewer. */
  async checkMaterialJustification(s: StepInput): Promise<StepResult> {
    const em = this.em.fork();
    const [row] = await em.execute<Row[]>(
      `select s.id as school_id, s.matricula, r.requested_teslin_sheets, r.requested_micas, r.requested_holograms, r.requested_ink_sets
       from procedure_request r join school s on s.id = r.school_id where r.id = ?`,
      [s.requestId],
    );
    if (!row) throw new Error(`La solicitud ${s.requestId} no tiene escuela`);
    const fromContext = s.context.requested as MaterialQuantities & { inkSets?: number };
    const requested: MaterialQuantities & { inkSets?: number } = {
      teslinSheets: row.requested_teslin_sheets == null ? fromContext.teslinSheets : Number(row.requested_teslin_sheets),
      micas: row.requested_micas == null ? fromContext.micas : Number(row.requested_micas),
      holograms: row.requested_holograms == null ? fromContext.holograms : Number(row.requested_holograms),
    };
    // Ink sets (chart v2): only when asked, so a request without ink checks as before.
    const inkSets = row.requested_ink_sets == null ? (fromContext.inkSets ?? 0) : Number(row.requested_ink_sets);
    if (inkSets > 0) requested.inkSets = inkSets;
    const consumption = await this.material.consumptionSummary({ schoolId: Number(row.school_id) });
    const ceiling = materialCeilingForMatricula(Number(row.matricula), { planillasPerInkSet: this.planillasPerInkSet });
    const allowed = inkSets > 0 ? ceiling : { teslinSheets: ceiling.teslinSheets, micas: ceiling.micas, holograms: ceiling.holograms };
    return { outcome: 'CHECKED', data: { requested, allowed, consumption } };
  }

  /** Reserves what the validated request needs (Procedure 1: by approved students; Procedure 2: approved quantities). */
  async reserveRequestMaterial(s: StepInput): Promise<StepResult> {
    let need: MaterialNeed;
    if (s.procedure === 'PROCEDURE_1') {
      const approved = await this.approveStudents(s);
      need = { kind: 'CARDS', newCards: approved.newIds.length, continuingStudents: approved.continuingIds.length };
    } else {
      need = { kind: 'QUANTITIES', quantities: { ...(s.context.approved as MaterialQuantities) } };
    }
    const result = await this.material.reserve({ ...stepRef(s), drseCode: s.scope.drseCode, need });
    return result.reserved
      ? { outcome: 'RESERVED', data: { reservationId: result.reservationId } }
      : { outcome: 'SHORT', data: { ...result.shortage } };
  }

  async generateRequestPrintRun(s: StepInput): Promise<StepResult> {
    const { newIds } = await this.approveStudents(s);
    const run = await this.production.generatePrintRun({
      ...stepRef(s),
      drseCode: s.scope.drseCode,
      schoolId: s.scope.schoolId!,
      reservationId: (s.context.reservationId as number | null) ?? null,
      studentIds: newIds,
    });
    return { outcome: 'GENERATED', data: { printRunId: run.printRunId, cards: run.cards, voidedSlots: run.voidedSlots } };
  }

  /** Delivery to the school with its acuse: P1 the cards' folios, P2 the material (DRSE → school stock), replacement the new card. */
  async recordRequestAcuse(s: StepInput): Promise<StepResult> {
    const { acuseId } = await this.material.recordDelivery({
      ...stepRef(s),
      procedure: s.procedure,
      drseCode: s.scope.drseCode,
      schoolId: s.scope.schoolId!,
      reservationId: (s.context.reservationId as number | null | undefined) ?? null,
      printRunId: (s.context.printRunId as number | null | undefined) ?? null,
      cardFolio: (s.context.newFolio as string | null | undefined) ?? null,
      deliveredBy: s.procedure === 'REPLACEMENT' && s.context.printRoute === 'ESCUELA' ? 'ESCUELA' : 'DRSE',
    });
    if (s.procedure === 'PROCEDURE_1') {
      const em = this.em.fork();
      const approved = await em.execute<Row[]>('select student_id from request_student where request_id = ? and approved', [s.requestId]);
      const studentIds = approved.map((r) => Number(r.student_id));
      await recordHolograms(em, { studentIds, source: 'ENTREGA_P1', reference: `solicitud-${s.requestId}`, recordedBy: 'sistema' }, false);
    }
    return { outcome: 'RECORDED', data: { acuseId } };
  }

  /**
   * Cancellation, first compensation (v2): the cards of the request's print runs, never printed (the
   * request is cancelled before production is confirmed), are voided with the reason, and the material
   * those runs consumed or wasted goes back to the DRSE. Idempotent: a repeat voids and returns nothing more.
   */
  async voidRequestFolios(s: StepInput): Promise<StepResult> {
    const reservationId = (s.context.reservationId as number | null | undefined) ?? null;
    if (reservationId === null) return { outcome: 'VOIDED', data: { folios: 0 }, note: 'No se generaron folios ni se consumió material: nada que anular.' };
    const reason = await this.cancellationReason(s);
    const { printRunIds, folios } = await this.production.voidUnprintedCards({
      ...stepRef(s), drseCode: s.scope.drseCode, reservationId, reason: `Solicitud cancelada antes de imprimirse: ${reason}`,
    });
    const returned = await this.material.returnPrintRunMaterial({
      ...stepRef(s), drseCode: s.scope.drseCode, printRunRefs: [...printRunIds.map(String), `solicitud-${s.requestId}`],
      reason: `Devolución por cancelación de la solicitud: ${reason}`,
    });
    const notes = [
      folios.length > 0 ? `${folios.length} folio(s) anulado(s) sin imprimir: ${folioRange(folios)}.` : 'No había folios sin imprimir que anular.',
      returned.lines.length > 0 ? `Material devuelto a la DRSE: ${describeLines(returned.lines)}.` : 'No había material consumido que devolver.',
    ];
    return { outcome: 'VOIDED', data: { folios: folios.length }, note: notes.join(' ') };
  }

  /** Cancellation, last compensation (v2): what the request still holds reserved at the DRSE is released with the reason. */
  async releaseRequestMaterial(s: StepInput): Promise<StepResult> {
    const reason = await this.cancellationReason(s);
    const { lines } = await this.material.releaseReservations({ ...stepRef(s), drseCode: s.scope.drseCode, reason: `Cancelación de la solicitud: ${reason}` });
    return { outcome: 'RELEASED', note: lines.length > 0 ? `Reserva liberada: ${describeLines(lines)}.` : 'No había material reservado que liberar.' };
  }

  async supplyOpenTicket(s: StepInput): Promise<StepResult> {
    const { ticketId } = await this.supply.openTicket({
      ...stepRef(s),
      drseCode: s.scope.drseCode,
      quantities: { ...(s.context.requested as MaterialQuantities) },
      parentRequestId: (s.context.parentRequestId as number | null) ?? null,
    });
    return { outcome: 'OPENED', data: { ticketId } };
  }

  supplyApproveTicket(s: StepInput): Promise<StepResult> {
    return this.decideTicket(s, 'APROBADO');
  }

  supplyRejectTicket(s: StepInput): Promise<StepResult> {
    return this.decideTicket(s, 'RECHAZADO');
  }

  supplyCancelTicket(s: StepInput): Promise<StepResult> {
    return this.decideTicket(s, 'CANCELADO');
  }

  async supplyRecordShipment(s: StepInput): Promise<StepResult> {
    const { shipmentId } = await this.supply.recordShipment({
      ...stepRef(s),
      ticketId: s.context.ticketId as number,
      quantities: { ...(s.context.pendingShipment as MaterialQuantities) },
    });
    return { outcome: 'RECORDED', data: { shipmentId } };
  }

  async supplyConfirmReceipt(s: StepInput): Promise<StepResult> {
    const r = await this.supply.confirmReceipt({
      ...stepRef(s),
      drseCode: s.scope.drseCode,
      ticketId: s.context.ticketId as number,
      shipmentId: s.context.currentShipmentId as number,
    });
    return { outcome: 'RECORDED', data: { complete: r.complete, ...r.received } };
  }

  /**
   * R5: the payment is production's replacement record (`card_replacement`) of this request's
   * student, for the request's old folio, at the tariff of its cycle.
   */
  async verifyReplacementPayment(s: StepInput): Promise<StepResult> {
    const em = this.em.fork();
    const recorded = Number.isInteger(s.context.paymentId) ? await replacementById(em, s.context.paymentId as number) : null;
    const payment = recorded && recorded.studentId === Number(s.context.studentId) && recorded.revokedFolio !== null ? recorded : null;
    const tariff = payment && (await replacementTariff(em, payment.cycleCode, payment.recordedAt));
    const valid =
      payment !== null &&
      payment.amountCents === tariff?.cents &&
      (s.context.oldFolio == null || payment.revokedFolio === s.context.oldFolio);
    return { outcome: valid ? 'VALID' : 'INVALID' };
  }

  async produceReplacementCard(s: StepInput): Promise<StepResult> {
    const r = await this.production.produceReplacement({
      ...stepRef(s),
      drseCode: s.scope.drseCode,
      schoolId: s.scope.schoolId!,
      paymentId: s.context.paymentId as number,
      printRoute: s.context.printRoute as 'DRSE' | 'ESCUELA',
    });
    return { outcome: 'PRODUCED', data: { printRunId: r.printRunId, newFolio: r.newFolio } };
  }

  /** R5: production revoked the old folio when the payment was recorded and replaced it when the new card was printed; this checks it. */
  async revokeReplacedFolio(s: StepInput): Promise<StepResult> {
    await this.production.confirmFolioReplaced({ folio: s.context.oldFolio as string, replacedByFolio: s.context.newFolio as string });
    return { outcome: 'REVOKED' };
  }

  /** Support (R10): the ticket the workflow runs is stored (with its description, which never travels in the workflow). */
  async receiveSupportTicket(s: StepInput): Promise<StepResult> {
    const [ticket] = await this.em.fork().execute<Row[]>('select kind from support_ticket where request_id = ?', [s.requestId]);
    if (!ticket || ticket.kind !== s.context.kind) throw new Error(`El ticket de soporte ${s.requestId} no está registrado`);
    return { outcome: 'RECEIVED' };
  }

  private async decideTicket(s: StepInput, decision: 'APROBADO' | 'RECHAZADO' | 'CANCELADO'): Promise<StepResult> {
    await this.supply.decideTicket({ ...stepRef(s), drseCode: s.scope.drseCode, ticketId: s.context.ticketId as number, decision });
    return { outcome: 'DONE' };
  }

  /** The reason the person who cancelled gave (the comment of the CANCEL decision in the audit trail). */
  private async cancellationReason(s: StepInput): Promise<string> {
    const [row] = await this.em.fork().execute<Row[]>(
      `select comment from procedure_audit where workflow_id = ? and event = 'CANCEL' and comment is not null order by seq desc limit 1`,
      [s.workflowId],
    );
    return row ? String(row.comment).trim() : 'sin motivo registrado';
  }

  /**
   * Marks which eligible students the validation approved: all of them, or, after a partial
   * validation with adjusted quantities, the first ones by id. Deterministic, so idempotent.
   */
  private async approveStudents(s: StepInput): Promise<{ newIds: number[]; continuingIds: number[] }> {
    const newApproved = Number(s.context.newApproved ?? 0);
    const continuingApproved = Number(s.context.continuingApproved ?? 0);
    return this.em.fork().transactional(async (em) => {
      const rows = await em.execute<Row[]>(
        'select student_id, kind from request_student where request_id = ? and eligible order by student_id for update',
        [s.requestId],
      );
      const newIds = rows.filter((r) => r.kind === 'NUEVO').map((r) => Number(r.student_id)).slice(0, newApproved);
      const continuingIds = rows.filter((r) => r.kind === 'CONTINUO').map((r) => Number(r.student_id)).slice(0, continuingApproved);
      const approved = [...newIds, ...continuingIds];
      await em.execute(
        `update request_student set approved = (student_id = any(?::int[])),
           reason = case when student_id = any(?::int[]) then reason when eligible then 'Ajuste de cantidades en la validación.' else reason end
         where request_id = ?`,
        [`{${approved.join(',')}}`, `{${approved.join(',')}}`, s.requestId],
      );
      return { newIds, continuingIds };
    });
  }
}

const ITEM_NAMES: Record<string, string> = { TESLIN: 'espacios de Teslin', MICA: 'micas', TINTA: 'planilla(s) de tinta' };

/** "24 espacios de Teslin, 17 micas, 22 hologramas 2026-2027" (for audit notes). */
function describeLines(lines: Array<{ item: string; quantity: number }>): string {
  return lines.map((l) => `${l.quantity} ${ITEM_NAMES[l.item] ?? (l.item.startsWith('HOLOGRAMA:') ? `hologramas ${l.item.slice(10)}` : l.item)}`).join(', ');
}

function folioRange(folios: string[]): string {
  return folios.length === 1 ? folios[0] : `${folios[0]} … ${folios[folios.length - 1]}`;
}
