import type { Actor } from '../../auth/actor';
import type { ReplacementReason } from '../entities';
import type { ReplacementDto } from './replacements.dto';

/** A replacement's payment receipt as the API received it (already validated and in the caller's scope). */
export interface ReplacementPaymentCommand {
  studentId: number;
  receiptNumber: string;
  paidOn: string;
  amountCents: number;
  reason: ReplacementReason;
}

/**
 * Where a recorded receipt goes. Unbound today: the HTTP service calls
 * `ProductionService.recordReplacementPayment` (revokes the old folio; the next run of whoever prints
 * for the school prints the new card). When the `replacement` workflow takes over (R5 procedure),
 * provide this token from a global module: `record` starts or signals the workflow with ids only and
 * returns the endpoint's answer once the receipt is recorded. Controller, DTOs, scope checks and the
 * authorisation matrix stay as they are.
 */
export const REPLACEMENT_PAYMENT_ROUTE = Symbol('REPLACEMENT_PAYMENT_ROUTE');

export interface ReplacementPaymentRoute {
  record(actor: Actor, command: ReplacementPaymentCommand, key: string): Promise<ReplacementDto>;
}
