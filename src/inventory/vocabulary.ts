/** The inventory's vocabulary: the values its tables' CHECK constraints allow (migrations/), used by the typed SQL of its services. */

export const ACUSE_KINDS = ['MATERIAL_ESCUELA', 'ENVIO_DRSE', 'CREDENCIALES'] as const;
export type AcuseKind = (typeof ACUSE_KINDS)[number];

export interface AcuseLine {
  item: string;
  description: string;
  quantity: number;
  quantityText: string;
}

export type EquipmentKind = 'PRINTER' | 'LAMINATOR';
export type EquipmentStatus = 'OPERATIVE' | 'FAILED' | 'RETIRED';

export const HOLDER_KINDS = ['CENTRAL', 'DRSE', 'ESCUELA'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const ENTRY_KINDS = ['RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RESERVATION', 'RELEASE', 'CONSUMPTION', 'WASTE', 'ADJUSTMENT'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const WASTE_REASONS = ['VOIDED_BLANK', 'MISPRINT', 'DAMAGED', 'OTHER'] as const;
export type WasteReason = (typeof WASTE_REASONS)[number];

/** DELIVERED: the reserved material was handed over to another holder (Procedure 2: DRSE → school). */
export type ReservationStatus = 'ACTIVE' | 'CONSUMED' | 'RELEASED' | 'DELIVERED';

export const TICKET_STATUSES = ['OPEN', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'IN_FULFILLMENT', 'FULFILLED', 'CLOSED', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketOrigin = 'DRSE' | 'PROCEDIMIENTO';
