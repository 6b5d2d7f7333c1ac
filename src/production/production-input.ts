import { DomainError } from '../common/domain-error';

/** An idempotency key as production's commands take it: trimmed, 1 to 200 characters. */
export function requireKey(raw: unknown): string {
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (!key || key.length > 200) throw new DomainError('La clave de idempotencia es obligatoria (hasta 200 caracteres).', 'key');
  return key;
}

/** A calendar date AAAA-MM-DD that exists. */
export function parseIsoDate(raw: unknown, field: string): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new DomainError('La fecha debe tener la forma AAAA-MM-DD.', field);
  }
  return value;
}
