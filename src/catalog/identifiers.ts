import { DomainError } from '../common/domain-error';

/** Alphabet RENAPO uses to compute the CURP check digit (note the Ñ between N and O). */
const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

const CURP_STATES =
  'AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE';

const CURP_PATTERN = new RegExp(
  '^[A-Z][AEIOUX][A-Z]{2}' + // initials
    '\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])' + // birth date YYMMDD
    '[HMX]' + // sex
    `(${CURP_STATES})` + // state of birth (NE: born abroad)
    '[B-DF-HJ-NP-TV-Z]{3}' + // internal consonants
    '[A-Z\\d]' + // homonym differentiator
    '\\d$', // check digit
);

/** Check digit computed over the first 17 characters of `curp` (a whole CURP or just those 17). */
export function curpCheckDigit(curp: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CURP_ALPHABET.indexOf(curp[i]);
    if (value < 0) throw new DomainError(`La CURP contiene un carácter no permitido: "${curp[i]}".`, 'curp');
    sum += value * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Validates a CURP and returns it normalised (trimmed, upper case). Lower-case input is accepted
 * because clerks type it that way; accents, Ñ and wrong check digits are refused.
 */
export function normalizeCurp(raw: unknown, field = 'curp'): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new DomainError('La CURP es obligatoria.', field);
  }
  const curp = raw.trim().toUpperCase();
  if (curp.length !== 18) {
    throw new DomainError(`La CURP debe tener 18 caracteres; "${curp}" tiene ${curp.length}.`, field);
  }
  if (/[^A-Z0-9]/.test(curp)) {
    throw new DomainError('La CURP sólo admite letras A-Z sin acentos ni Ñ y dígitos.', field);
  }
  if (!CURP_PATTERN.test(curp)) {
    throw new DomainError(`La CURP "${curp}" no tiene el formato oficial (iniciales, fecha, sexo, entidad, consonantes).`, field);
  }
  const expected = curpCheckDigit(curp);
  if (Number(curp[17]) !== expected) {
    throw new DomainError(`El dígito verificador de la CURP "${curp}" no es válido (debería ser ${expected}).`, field);
  }
  return curp;
}

export function isValidCurp(raw: unknown): boolean {
  try {
    normalizeCurp(raw);
    return true;
  } catch {
    return false;
  }
}

/** CCT: state 14 (Jalisco), 3 letters of service type, 4 digits, 1 check letter. */
const CCT_PATTERN = /^14[A-Z]{3}\d{4}[A-Z]$/;

export function normalizeCct(raw: unknown, field = 'cct'): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new DomainError('La clave del centro de trabajo (CCT) es obligatoria.', field);
  }
  const cct = raw.trim().toUpperCase();
  if (cct.length !== 10) {
    throw new DomainError(`La CCT debe tener 10 caracteres; "${cct}" tiene ${cct.length}.`, field);
  }
  if (/[^A-Z0-9]/.test(cct)) {
    throw new DomainError('La CCT sólo admite letras A-Z sin acentos y dígitos.', field);
  }
  if (!cct.startsWith('14')) {
    throw new DomainError(`La CCT "${cct}" no es de Jalisco: debe comenzar con 14.`, field);
  }
  if (!CCT_PATTERN.test(cct)) {
    throw new DomainError(`La CCT "${cct}" no tiene el formato 14 + 3 letras + 4 dígitos + 1 letra (ej. 14EPR0123X).`, field);
  }
  return cct;
}

export const TURNOS = ['MATUTINO', 'VESPERTINO', 'NOCTURNO', 'DISCONTINUO', 'CONTINUO'] as const;
export type Turno = (typeof TURNOS)[number];

export const NIVELES = ['PRIMARIA', 'SECUNDARIA'] as const;
export type Nivel = (typeof NIVELES)[number];

export function parseTurno(raw: unknown, field = 'turno'): Turno {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : raw;
  if (!TURNOS.includes(value as Turno)) {
    throw new DomainError(`El turno debe ser uno de: ${TURNOS.join(', ')}.`, field);
  }
  return value as Turno;
}

export function parseNivel(raw: unknown, field = 'nivel'): Nivel {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : raw;
  if (!NIVELES.includes(value as Nivel)) {
    throw new DomainError(`El nivel debe ser PRIMARIA o SECUNDARIA.`, field);
  }
  return value as Nivel;
}

/** School cycle code such as 2025-2026: two consecutive years. */
export function parseCycleCode(raw: unknown, field = 'ciclo'): string {
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{4})$/.exec(raw.trim()) : null;
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new DomainError('El ciclo escolar debe tener la forma AAAA-AAAA con años consecutivos (ej. 2025-2026).', field);
  }
  return m[0];
}
