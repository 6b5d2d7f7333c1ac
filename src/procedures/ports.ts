import type { MaterialQuantities } from '../../statecharts/step-meta';

/**
 * Ports through which the procedure activities reach the inventory and production modules. Small,
 * id/number based, and idempotent on `key` (built from the workflow id and the transition sequence
 * number, so Temporal's retries repeat nothing). Bound in the worker module to the real services.
 */

export const MATERIAL_GATEWAY = 'MaterialGateway';
export const PRODUCTION_GATEWAY = 'ProductionGateway';
export const SUPPLY_GATEWAY = 'SupplyGateway';

export type ReserveResult = { reserved: true; reservationId: number } | { reserved: false; shortage: MaterialQuantities };

/** Inventory: DRSE stock, reservations, acuses, consumption records. */
export interface MaterialGateway {
  /** Reserves `quantities` of the DRSE's stock for a request; all or nothing; says what is missing. */
  reserve(input: { key: string; requestId: number; drseCode: string; quantities: MaterialQuantities }): Promise<ReserveResult>;
  /**
   * Records the school's acuse de recibido for what the request delivers and moves the stock:
   * CREDENCIALES (Procedure 1: cards and holograms), MATERIAL (Procedure 2: DRSE → school stock),
   * REPOSICION (a replacement card).
   */
  recordDeliveryAcuse(input: {
    key: string;
    requestId: number;
    drseCode: string;
    schoolId: number;
    reservationId: number | null;
    kind: 'CREDENCIALES' | 'MATERIAL' | 'REPOSICION';
  }): Promise<{ acuseId: number }>;
  /** What a school did with its material (R6 justification): cards printed, slots voided and wasted. */
  consumptionSummary(input: { schoolId: number }): Promise<{ printedCards: number; voidedSlots: number; wastedSlots: number }>;
}

/** Production: folios, print runs (planillas of 8, R7 voided blanks), rendering, revocation. */
export interface ProductionGateway {
  /** Of `studentIds`, those that already have a card issued in the current cycle. */
  issuedThisCycle(input: { studentIds: number[] }): Promise<number[]>;
  /** Renders the cards of `studentIds` on planillas of 8 (voiding blanks), marks them issued, records consumption against the reservation. */
  generatePrintRun(input: {
    key: string;
    requestId: number;
    drseCode: string;
    schoolId: number;
    reservationId: number | null;
    studentIds: number[];
  }): Promise<{ printRunId: number | null; cards: number; voidedSlots: number }>;
  /** A replacement card with a new folio, printed by whoever prints for the school. */
  produceReplacement(input: {
    key: string;
    requestId: number;
    schoolId: number;
    studentId: number;
    oldFolio: number;
    printRoute: 'DRSE' | 'ESCUELA';
  }): Promise<{ printRunId: number; newFolio: number }>;
  /** Revokes a folio replaced by another one (R5). */
  revokeFolio(input: { key: string; requestId: number; folio: number; replacedByFolio: number }): Promise<void>;
}

/** Inventory: supply tickets (abastecimiento) and their shipments. */
export interface SupplyGateway {
  /** Opens a ticket (consumption attached by inventory); idempotent on key. */
  openTicket(input: {
    key: string;
    drseCode: string;
    quantities: MaterialQuantities;
    requestId: number;
    parentRequestId: number | null;
  }): Promise<{ ticketId: number }>;
  decideTicket(input: { key: string; ticketId: number; decision: 'APROBADO' | 'RECHAZADO' | 'CANCELADO' }): Promise<void>;
  recordShipment(input: { key: string; ticketId: number; quantities: MaterialQuantities }): Promise<{ shipmentId: number }>;
  /** The DRSE's acuse of a shipment: its stock grows. Returns the totals received so far. */
  confirmReceipt(input: { key: string; ticketId: number; shipmentId: number }): Promise<{
    acuseId: number;
    received: MaterialQuantities;
    complete: boolean;
  }>;
}
