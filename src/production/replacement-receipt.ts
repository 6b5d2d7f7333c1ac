import type { EntityManager } from '@mikro-orm/postgresql';
import { assertTariffAmount, replacementTariff } from '../catalog';
import { ConflictError, DomainError } from '../common/domain-error';
import { REPLACEMENT_REASONS, ReplacementReason } from './entities';

/** A replacement's payment receipt as entered (R5): number, payment date, amount, reason. */
export interface ReceiptInput {
  receiptNumber: unknown;
  paidOn: unknown;
  amountCents: unknown;
  reason: unknown;
}

/** The field each part is reported against: the API's names differ per endpoint. */
export interface ReceiptFields {
  receiptNumber: string;
  paidOn: string;
  amountCents: string;
  reason: string;
}

export const RECEIPT_FIELDS: ReceiptFields = { receiptNumber: 'receiptNumber', paidOn: 'paidOn', amountCents: 'amountCents', reason: 'reason' };

export interface CheckedReceipt {
  receiptNumber: string;
  paidOn: string;
  amountCents: number;
  reason: ReplacementReason;
  cycleCode: string;
}

/** A receipt number as the rule reads it: 3 to 40 letters, digits, hyphens or slashes, upper case. */
export const RECEIPT_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9\-/]{2,39}$/;

/** The receipt number as it is stored and compared: trimmed and upper-cased ('' when not a string). */
export function normalizeReceiptNumber(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().toUpperCase() : '';
}

/**
 * The one rule for a replacement's payment receipt (R5): a receipt number of 3 to 40 letters, digits,
 * hyphens or slashes (upper-cased), a real payment date not in the future, the current cycle's
 * tariff as the amount, a replacement reason, and a receipt never used before (409). Uses the
 * caller's connection.
 */
export async function checkReplacementReceipt(em: EntityManager, input: ReceiptInput, fields: ReceiptFields = RECEIPT_FIELDS): Promise<CheckedReceipt> {
  const receiptNumber = normalizeReceiptNumber(input.receiptNumber);
  if (!RECEIPT_NUMBER_PATTERN.test(receiptNumber)) {
    throw new DomainError('El número de recibo debe tener de 3 a 40 letras, dígitos, guiones o diagonales.', fields.receiptNumber);
  }
  const paidOn = typeof input.paidOn === 'string' ? input.paidOn.trim() : '';
  const day = new Date(`${paidOn}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== paidOn) {
    throw new DomainError('La fecha de pago debe ser una fecha válida de la forma AAAA-MM-DD.', fields.paidOn);
  }
  if (paidOn > new Date().toISOString().slice(0, 10)) throw new DomainError('La fecha de pago no puede ser futura.', fields.paidOn);
  if (typeof input.amountCents !== 'number' || !Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw new DomainError('El importe debe ser un número entero positivo de centavos.', fields.amountCents);
  }
  if (!(REPLACEMENT_REASONS as readonly unknown[]).includes(input.reason)) {
    throw new DomainError(`El motivo de la reposición debe ser uno de: ${REPLACEMENT_REASONS.join(', ')}.`, fields.reason);
  }
  const tariff = await replacementTariff(em);
  assertTariffAmount(input.amountCents, tariff, fields.amountCents);
  await assertReceiptUnused(em, receiptNumber, fields.receiptNumber);
  return { receiptNumber, paidOn, amountCents: input.amountCents, reason: input.reason as ReplacementReason, cycleCode: tariff.cycleCode };
}

/** Each receipt pays one replacement only. */
export async function assertReceiptUnused(em: EntityManager, receiptNumber: string, field: string): Promise<void> {
  const [used] = await em.execute<Array<{ n: number }>>('select 1 as n from card_replacement where receipt_number = ?', [receiptNumber]);
  if (used) throw new ConflictError(`El recibo de pago ${receiptNumber} ya fue registrado; un recibo sirve una sola vez.`, field);
}
