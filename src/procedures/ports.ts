import type { MaterialQuantities, ProcedureName } from '../../statecharts/step-meta';

/**
 * Ports through which the procedure activities reach the inventory and production modules. Small,
 * id/number based, and idempotent on `key` (built from the workflow id and the transition sequence
 * number, so Temporal's retries repeat nothing). Bound by ProceduresModule to the adapters in
 * `adapters/` over the real services; `workflowId` names the system actor of the step.
 *
 * Units: `MaterialQuantities` are what people count — Teslin SHEETS, micas, holograms of the
 * current cycle. The adapters convert them to inventory item lines (TESLIN in slots = sheets × 8,
 * `HOLOGRAMA:<current cycle>`); ink (TINTA) is not part of the charts' quantities (docs/procedures.md).
 */

export const MATERIAL_GATEWAY = 'MaterialGateway';
export const PRODUCTION_GATEWAY = 'ProductionGateway';
export const SUPPLY_GATEWAY = 'SupplyGateway';

export type ReserveResult = { reserved: true; reservationId: number } | { reserved: false; shortage: MaterialQuantities };

/** What a request needs reserved: cards and holograms (Procedure 1) or explicit quantities (Procedure 2). */
export type MaterialNeed =
  | { kind: 'CARDS'; newCards: number; continuingStudents: number }
  | { kind: 'QUANTITIES'; quantities: MaterialQuantities & { inkSets?: number } };

interface StepRef {
  /** Idempotency key of the step (`<workflowId>:<seq>`). */
  key: string;
  /** The workflow running the step: the system actor is `workflow:<workflowId>`. */
  workflowId: string;
  requestId: number;
}

/** Inventory: DRSE stock, reservations, deliveries with their acuses, consumption records. */
export interface MaterialGateway {
  /** Reserves at the DRSE's stock what the request needs; all or nothing; says what is missing. */
  reserve(input: StepRef & { drseCode: string; need: MaterialNeed }): Promise<ReserveResult>;
  /**
   * Records the delivery to the school and its acuse de recibido:
   * CREDENCIALES (Procedure 1: the request's card folios from its print run),
   * MATERIAL (Procedure 2: the reservation moves DRSE → school stock, MATERIAL_ESCUELA acuse),
   * REPOSICION (a replacement card: CREDENCIALES acuse with its new folio).
   */
  recordDelivery(
    input: StepRef & {
      procedure: ProcedureName;
      drseCode: string;
      schoolId: number;
      reservationId: number | null;
      printRunId: number | null;
      /** REPOSICION: the new card's folio. */
      cardFolio: string | null;
      /** Who delivers (REPOSICION printed by the school: the school). */
      deliveredBy: 'DRSE' | 'ESCUELA';
    },
  ): Promise<{ acuseId: number }>;
  /**
   * Cancellation (v2): releases what the request still holds reserved at the DRSE, with the reason.
   * Idempotent per workflow (a retried or repeated compensation releases nothing twice).
   */
  releaseReservations(input: StepRef & { drseCode: string; reason: string }): Promise<{ lines: Array<{ item: string; quantity: number }> }>;
  /**
   * Cancellation (v2): gives back to the DRSE what print runs whose cards were never printed consumed
   * or wasted (`printRunRefs`: the ledger's print-run references), as adjustments with the reason.
   * Idempotent per workflow, run and item.
   */
  returnPrintRunMaterial(input: StepRef & { drseCode: string; printRunRefs: string[]; reason: string }): Promise<{ lines: Array<{ item: string; quantity: number }> }>;
  /** What a school did with its material this cycle (R6 justification): cards printed, slots voided and otherwise wasted. */
  consumptionSummary(input: { schoolId: number }): Promise<{ printedCards: number; voidedSlots: number; wastedSlots: number }>;
}

/** Production: folios, print runs (planillas of 8, R7 voided blanks), rendering, replacements. */
export interface ProductionGateway {
  /** Of `studentIds`, those that already have a card issued in the current cycle. */
  issuedThisCycle(input: { studentIds: number[] }): Promise<number[]>;
  /** Of `studentIds`, those holding a card in force (any cycle; R3: they get the cycle's hologram, not a new card), with its folio and cycle. */
  cardsInForce(input: { studentIds: number[] }): Promise<Array<{ studentId: number; folio: string; cycleCode: string }>>;
  /**
   * The DRSE's print run of `studentIds` (planillas of 8, blanks voided, cards issued), linked to the
   * request's reservation (its consumption consumes it), rendered to PDF.
   */
  generatePrintRun(
    input: StepRef & { drseCode: string; schoolId: number; reservationId: number | null; studentIds: number[] },
  ): Promise<{ printRunId: number | null; cards: number; voidedSlots: number }>;
  /**
   * The replacement card of a recorded payment (production's `card_replacement`), printed by the next
   * run of whoever prints for the school (R5); that run replaces the old folio.
   */
  produceReplacement(
    input: StepRef & { drseCode: string; schoolId: number; paymentId: number; printRoute: 'DRSE' | 'ESCUELA' },
  ): Promise<{ printRunId: number; newFolio: string }>;
  /** Cancellation (v2): the print runs drawn on the reservation; their cards never printed are voided with the reason. Idempotent. */
  voidUnprintedCards(input: StepRef & { drseCode: string; reservationId: number; reason: string }): Promise<{ printRunIds: number[]; folios: string[] }>;
  /** R5: checks that the old folio is replaced by the new one (production revoked it on payment and replaced it on printing). */
  confirmFolioReplaced(input: { folio: string; replacedByFolio: string }): Promise<void>;
}

/** Inventory: supply tickets (abastecimiento) and their shipments. */
export interface SupplyGateway {
  /** Opens a ticket for the DRSE (its R6 justification attached by inventory). */
  openTicket(input: StepRef & { drseCode: string; quantities: MaterialQuantities; parentRequestId: number | null }): Promise<{ ticketId: number }>;
  decideTicket(input: StepRef & { drseCode: string; ticketId: number; decision: 'APROBADO' | 'RECHAZADO' | 'CANCELADO' }): Promise<void>;
  /** A shipment from the central warehouse (reserved there while in transit). */
  recordShipment(input: StepRef & { ticketId: number; quantities: MaterialQuantities }): Promise<{ shipmentId: number }>;
  /** The DRSE's acuse of a shipment: its stock grows. Returns the totals received so far. */
  confirmReceipt(input: StepRef & { drseCode: string; ticketId: number; shipmentId: number }): Promise<{
    acuseId: number;
    received: MaterialQuantities;
    complete: boolean;
  }>;
}
