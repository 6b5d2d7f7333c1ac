import { DomainError } from '../common/domain-error';
import { parseCycleCode } from '../catalog';

/**
 * Folio format: `CCCC-NNNNNNN-D`, e.g. `2627-0000123-9`.
 * - `CCCC`: the cycle of issue, last two digits of each year (2026-2027 → 2627);
 * - `NNNNNNN`: the statewide number from the PostgreSQL sequence (at least 7 digits, grows if needed);
 * - `D`: a Luhn check digit over cycle and number, so a mistyped folio is caught before any lookup.
 * The number alone is unique (the sequence never repeats); the cycle makes the folio readable.
 */
export function cycleShort(cycleCode: string): string {
  const code = parseCycleCode(cycleCode);
  return code.slice(2, 4) + code.slice(7, 9);
}

/** 2627 → 2026-2027 (years 2000–2099). */
export function cycleFromShort(short: string): string {
  if (!/^\d{4}$/.test(short)) throw new DomainError('El ciclo del folio no es válido.', 'folio');
  const a = 2000 + Number(short.slice(0, 2));
  const b = 2000 + Number(short.slice(2, 4));
  if (b !== a + 1) throw new DomainError('El ciclo del folio no es válido.', 'folio');
  return `${a}-${b}`;
}

export function luhnDigit(digits: string): number {
  let sum = 0;
  // Double every second digit from the right, counting the check digit's future position.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = digits.charCodeAt(i) - 48;
    // A doubled digit above 4 gives two digits (10–18): add their sum, 2d - 9.
    sum += double ? (d > 4 ? 2 * d - 9 : 2 * d) : d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatFolio(cycleCode: string, number: number): string {
  if (!Number.isSafeInteger(number) || number <= 0) throw new DomainError('El número de folio debe ser un entero positivo.', 'folio');
  const cycle = cycleShort(cycleCode);
  const num = String(number).padStart(7, '0');
  return `${cycle}-${num}-${luhnDigit(cycle + num)}`;
}

export interface ParsedFolio {
  cycleCode: string;
  number: number;
  folio: string;
}

/** Accepts the printed form (dashes and spaces optional); refuses a wrong check digit. */
export function parseFolio(raw: unknown, field = 'folio'): ParsedFolio {
  const m = typeof raw === 'string' ? /^(\d{4})(\d{7,15})(\d)$/.exec(raw.replace(/[\s-]/g, '')) : null;
  if (!m) throw new DomainError('El folio debe tener la forma CCCC-NNNNNNN-D (ej. 2627-0000123-9).', field);
  if (luhnDigit(m[1] + m[2]) !== Number(m[3])) {
    throw new DomainError('El dígito verificador del folio no coincide: revise el folio.', field);
  }
  const number = Number(m[2]); // at most 15 digits: always a safe integer
  if (number === 0) throw new DomainError('El número de folio no es válido.', field);
  const cycleCode = cycleFromShort(m[1]);
  return { cycleCode, number, folio: formatFolio(cycleCode, number) };
}
