/** The inventory's vocabulary: the values its tables' CHECK constraints allow (migrations/), used by the typed SQL of its services. */

export const ACUSE_KINDS = ['MATERIAL_ESCUELA', 'ENVIO_DRSE', 'CREDENCIALES'] as const;
export type AcuseKind = (typeof ACUSE_KINDS)[number];

export interface AcuseLine {
  item: string;
  description: string;
  /** What was delivered (a shipment's acuse: what arrived). */
  quantity: number;
  quantityText: string;
  /** A shipment's acuse (ENVIO_DRSE) since shortfalls are stated: what was shipped, what did not arrive and the note. */
  shipped?: number;
  shippedText?: string;
  missing?: number;
  missingText?: string;
  note?: string | null;
}

export type EquipmentKind = 'PRINTER' | 'LAMINATOR';
export type EquipmentStatus = 'OPERATIVE' | 'FAILED' | 'RETIRED';

export const HOLDER_KINDS = ['CENTRAL', 'DRSE', 'ESCUELA'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const ENTRY_KINDS = ['RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RESERVATION', 'RELEASE', 'CONSUMPTION', 'WASTE', 'ADJUSTMENT'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** LOST_IN_TRANSIT: the shortfall of a supply shipment, written off at the warehouse that shipped it. */
export const WASTE_REASONS = ['VOIDED_BLANK', 'MISPRINT', 'DAMAGED', 'OTHER', 'LOST_IN_TRANSIT'] as const;
export type WasteReason = (typeof WASTE_REASONS)[number];
/** The reasons a person may give when recording waste; LOST_IN_TRANSIT comes only from a shipment's receipt. */
export const MANUAL_WASTE_REASONS: readonly WasteReason[] = ['VOIDED_BLANK', 'MISPRINT', 'DAMAGED', 'OTHER'];

/** DELIVERED: the reserved material was handed over to another holder (Procedure 2: DRSE → school). */
export type ReservationStatus = 'ACTIVE' | 'CONSUMED' | 'RELEASED' | 'DELIVERED';

export const TICKET_STATUSES = ['OPEN', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_FULFILLMENT', 'FULFILLED', 'CLOSED', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketOrigin = 'DRSE' | 'PROCEDIMIENTO';
