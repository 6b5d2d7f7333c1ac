import { DomainError } from '../common/domain-error';
import type { ShortfallLine } from './material-requirement';

/** The actor's role or scope does not allow this operation. */
export class ForbiddenError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, field, 'PROHIBIDO', 403);
    this.name = 'ForbiddenError';
  }
}

/** Not enough available stock: carries the per-item shortfall so callers can open a supply ticket. */
export class InsufficientStockError extends DomainError {
  constructor(
    message: string,
    readonly shortfall: ShortfallLine[],
  ) {
    super(message, 'lines', 'EXISTENCIA_INSUFICIENTE', 409);
    this.name = 'InsufficientStockError';
  }
}

/** PostgreSQL error code and constraint of a (possibly wrapped) driver error. */
export function pgErrorInfo(err: unknown): { code?: string; constraint?: string } {
  let e = err as { code?: unknown; constraint?: unknown; cause?: unknown; previous?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    e = (e.previous ?? e.cause) as typeof e;
  }
  return {};
}
