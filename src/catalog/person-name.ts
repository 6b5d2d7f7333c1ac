import { DomainError } from '../common/domain-error';

/** How a person reads each name field (messages name the field as the form and the CSV do). */
export const NAME_FIELD_LABELS = {
  nombres: 'Nombre(s)',
  primerApellido: 'Primer apellido',
  segundoApellido: 'Segundo apellido',
} as const;
export type NameField = keyof typeof NAME_FIELD_LABELS;

export const NAME_MAX = 80;

/** Letters of the Latin script (Spanish and other languages written with it) and combining marks. */
const LETTER = /[\p{Script=Latin}\p{M}]/u;
/** What may stand between letters: space, apostrophes (' and ’), hyphen, dot. */
const JOINER = /[ '’.-]/u;

/**
 * A student's name field as stored: trimmed, inner whitespace as one space, Unicode NFC (so "É" is one
 * character however it was typed or exported). Refuses, in Spanish and naming the field, anything a
 * name does not have: digits, markup (< > & …), symbols, other scripts, control characters. A name
 * starts with a letter; combining marks only follow a letter.
 */
export function normalizePersonName(raw: unknown, field: NameField, required: boolean): string | undefined {
  const label = NAME_FIELD_LABELS[field];
  const value = typeof raw === 'string' ? raw.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
  if (!value) {
    if (required) throw new DomainError(`«${label}» es obligatorio.`, field);
    return undefined;
  }
  if ([...value].length > NAME_MAX) throw new DomainError(`«${label}» admite a lo más ${NAME_MAX} caracteres.`, field);
  const chars = [...value];
  chars.forEach((c, i) => {
    const ok = LETTER.test(c) ? !/\p{M}/u.test(c) || (i > 0 && LETTER.test(chars[i - 1])) : i > 0 && JOINER.test(c);
    if (!ok) throw new DomainError(`«${label}» solo admite letras, espacios, apóstrofos, guiones y puntos, y empieza con una letra; ${shown(c)} no es parte de un nombre.`, field);
  });
  return value;
}

function shown(c: string): string {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? `«${c}»` : `el carácter U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The form names are searched in (the `student.search_name` column computes the same from the
 * stored names, migrations/Migration202612051100_student_names.ts): decomposed, combining marks
 * U+0300–U+036F removed, lower case. "MÉNDEZ", "Mendez" and a decomposed "ME\u0301NDEZ" all give "mendez".
 */
export function nameSearchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/\s+/g, ' ');
}
