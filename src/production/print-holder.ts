import { DomainError } from '../common/domain-error';

/** Who prints: a DRSE (for the schools R1 routes to it) or a school printing on site. */
export type PrintHolder = { type: 'DRSE'; drseCode: string } | { type: 'ESCUELA'; schoolId: number };

export function parsePrintHolder(raw: unknown): PrintHolder {
  const h = (raw ?? {}) as Record<string, unknown>;
  if (h.type === 'DRSE' && typeof h.drseCode === 'string' && /^[A-Z0-9_]{2,40}$/.test(h.drseCode)) {
    return { type: 'DRSE', drseCode: h.drseCode };
  }
  if (h.type === 'ESCUELA' && Number.isInteger(h.schoolId) && (h.schoolId as number) > 0) {
    return { type: 'ESCUELA', schoolId: h.schoolId as number };
  }
  throw new DomainError('Quien imprime debe ser una DRSE (type DRSE, drseCode) o una escuela (type ESCUELA, schoolId).', 'holder');
}
