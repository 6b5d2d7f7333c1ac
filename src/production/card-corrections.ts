import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers } from '../access';
import { Student } from '../catalog';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { CardReplacement, CardReport, Credential, CredentialEvent, REPLACEMENT_REASONS, ReplacementReason } from './entities';
import { parseFolio } from './folio';
import { parseIsoDate, requireKey } from './production-input';
import { checkReplacementReceipt, normalizeReceiptNumber } from './replacement-receipt';

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

/** R9: only central staff may unmark an issued card. */
export const CORRECTION_ROLES = ['CONTROL_ESCOLAR_CENTRAL'] as const;

const REPORT_WORDS: Record<ReplacementReason, string> = { PERDIDA: 'pérdida', ROBO: 'robo', DANO: 'daño' };

/**
 * Corrections of issued cards: R9 unmarking, voiding a cancelled request's unprinted cards, the
 * folio's audit trail, R5 replacement payments (the old card revoked) and card reports. Every
 * method opens its own MikroORM context.
 */
export class CardCorrections {
  constructor(private readonly em: EntityManager) {}

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

  /**
   * Records the payment receipt of a replacement and revokes the student's current card. The new
   * card is printed by the next run of whoever prints for the school.
   */
  async recordReplacementPayment(input: ReplacementPaymentInput): Promise<ReplacementPaymentResult> {
    const key = requireKey(input.key);
    if (!Number.isInteger(input.studentId) || input.studentId <= 0) throw new DomainError('El alumno no es válido.', 'studentId');
    const receiptNumber = normalizeReceiptNumber(input.receiptNumber);

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
}
