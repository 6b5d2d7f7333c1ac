/**
 * Who gets what in a cycle, once the student is known to be in scope (R3, R4, R8): a new card, only
 * the cycle's hologram (a card in force, of any cycle, is never printed twice), or nothing. Shared by
 * Procedure 1's automatic check and by print runs. Pure code.
 */
export interface EligibilityFacts {
  declined: boolean;
  issuedThisCycle: boolean;
  cardInForce: { folio: string; cycleCode: string } | null;
  hologramThisCycle: boolean;
  hasPhoto: boolean;
}

export type IneligibleReason = 'RECHAZADA' | 'YA_EXPEDIDA' | 'HOLOGRAMA_ENTREGADO' | 'SIN_FOTOGRAFIA';

export type Eligibility =
  | { kind: 'CARD' }
  | { kind: 'HOLOGRAM_ONLY'; folio: string; cardCycleCode: string }
  | { kind: 'NONE'; reason: IneligibleReason };

export const INELIGIBLE_TEXT: Record<IneligibleReason, string> = {
  RECHAZADA: 'La familia declinó la credencial (R4).',
  YA_EXPEDIDA: 'El alumno ya tiene una credencial expedida en este ciclo.',
  HOLOGRAMA_ENTREGADO: 'El alumno tiene credencial vigente y ya recibió el holograma de este ciclo.',
  SIN_FOTOGRAFIA: 'El alumno no tiene fotografía cargada (R8).',
};

export function eligibility(f: EligibilityFacts): Eligibility {
  if (f.declined) return { kind: 'NONE', reason: 'RECHAZADA' };
  if (f.issuedThisCycle) return { kind: 'NONE', reason: 'YA_EXPEDIDA' };
  if (f.cardInForce && f.hologramThisCycle) return { kind: 'NONE', reason: 'HOLOGRAMA_ENTREGADO' };
  if (f.cardInForce) return { kind: 'HOLOGRAM_ONLY', folio: f.cardInForce.folio, cardCycleCode: f.cardInForce.cycleCode };
  if (!f.hasPhoto) return { kind: 'NONE', reason: 'SIN_FOTOGRAFIA' };
  return { kind: 'CARD' };
}
