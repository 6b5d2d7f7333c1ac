import type { Actor } from '../../access';
import type { ItemLine } from '../items';
import type { ReceiptLine, SupplyTicketView } from '../supply-ticket.service';

/** What a person may do to a supply ticket over HTTP (after it is open). */
export type SupplyTicketCommand =
  | { action: 'REVIEW' }
  | { action: 'APPROVE'; lines?: ItemLine[]; note?: string }
  | { action: 'REJECT'; reason: string }
  | { action: 'CANCEL'; reason: string }
  | { action: 'SHIP'; lines: ItemLine[] }
  /** `lines`: what arrived of every line of the shipment (the HTTP layer fills in omitted ones). */
  | { action: 'CONFIRM_RECEIPT'; shipmentId: number; lines?: ReceiptLine[] };

/**
 * The seam for tickets a procedure's `supply` workflow drives: when a provider of this token is
 * bound and `drives(ticket)` is true, the command goes to the workflow (its `decide` update) instead
 * of the service, so the workflow stays the single writer of that ticket. Bound by
 * RequestsHttpModule (requests/http/supply-ticket-route.ts); without a binding every command goes
 * straight to SupplyTicketService.
 */
export const SUPPLY_TICKET_WORKFLOW_ROUTE = Symbol('SUPPLY_TICKET_WORKFLOW_ROUTE');

export interface SupplyTicketWorkflowRoute {
  drives(ticket: SupplyTicketView): boolean | Promise<boolean>;
  /** Delivers the command and returns the ticket as it is afterwards. */
  execute(actor: Actor, ticket: SupplyTicketView, command: SupplyTicketCommand, key: string): Promise<SupplyTicketView>;
}
