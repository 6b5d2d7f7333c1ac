import type { Actor } from '../../access';
import type { FailureReportView } from '../equipment.service';

/**
 * Where an equipment failure report goes besides the failure list (R10): a support ticket of kind
 * EQUIPO for the DRSE's Tecnologías office (docs/support.md). Provided by the support module
 * (global); answers the ticket's id, or null for equipment of the central warehouse (no DRSE).
 */
export const FAILURE_TICKET_ROUTE = Symbol('FAILURE_TICKET_ROUTE');

export interface FailureTicketRoute {
  openForFailure(actor: Actor, report: FailureReportView): Promise<number | null>;
}
