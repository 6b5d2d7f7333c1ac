import type { Actor } from '../../access';
import type { ReplacementReason } from '../entities';

/** A replacement's payment receipt as the API received it (already validated and in the caller's scope). */
export interface ReplacementPaymentCommand {
  studentId: number;
  receiptNumber: string;
  paidOn: string;
  amountCents: number;
  reason: ReplacementReason;
}

/**
 * Where a recorded receipt goes: the replacement workflow, the one path of a replacement (R5: DRSE
 * task, printing, delivery with acuse). Provided by RequestsHttpModule (global); `record` files the
 * REPLACEMENT request, starts its workflow and hands it the payment, answering with the recorded
 * replacement's id. `onBehalfSchoolId`: DRSE staff for a school without internet.
 */
export const REPLACEMENT_PAYMENT_ROUTE = Symbol('REPLACEMENT_PAYMENT_ROUTE');

export interface ReplacementPaymentRoute {
  record(actor: Actor, command: ReplacementPaymentCommand, onBehalfSchoolId: number | null): Promise<{ replacementId: number; requestId: number }>;
}
