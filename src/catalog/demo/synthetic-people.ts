import { Prng } from '../../common/prng';
import { curpCheckDigit } from '../identifiers';

/** Common given names and surnames: generic words, not the names of anyone in the seed. */
const GIVEN_H = ['José', 'Juan', 'Luis', 'Carlos', 'Miguel', 'Ángel', 'Diego', 'Santiago', 'Mateo', 'Emiliano', 'Iker', 'Sebastián', 'Leonardo', 'Daniel', 'Héctor', 'Íñigo'];
const GIVEN_M = ['María', 'Guadalupe', 'Sofía', 'Valentina', 'Regina', 'Camila', 'Ximena', 'Fernanda', 'Renata', 'Itzel', 'Natalia', 'Ana', 'Lucía', 'Begoña', 'Zoé', 'Abril'];
const SURNAMES = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Jiménez', 'Reyes', 'Díaz', 'Torres', 'Gutiérrez', 'Ruiz', 'Mendoza', 'Aguilar', 'Ortiz', 'Castillo', 'Núñez', 'Ibarra', 'Muñoz', 'Orozco', 'Zúñiga', 'Peña'];

function plain(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/Ñ/g, 'X')
    .replace(/[^A-Z]/g, 'X');
}

const VOWELS = 'AEIOU';
const isConsonant = (c: string) => /[B-DF-HJ-NP-TV-Z]/.test(c);

function firstInternal(word: string, pred: (c: string) => boolean): string {
  for (const c of word.slice(1)) if (pred(c)) return c;
  return 'X';
}

export interface SyntheticPerson {
  nombres: string;
  primerApellido: string;
  segundoApellido: string;
  curp: string;
}

/**
 * Builds a synthetic person with a CURP that passes format and check-digit validation
 * (initials, birth date, sex, JC, internal consonants, differentiator, check digit).
 * `taken` guarantees uniqueness within one generation by varying the differentiator.
 */
export function syntheticPerson(rng: Prng, birthYear: number, taken: Set<string>): SyntheticPerson {
  const sex = rng.chance(0.5) ? 'H' : 'M';
  const nombres = rng.pick(sex === 'H' ? GIVEN_H : GIVEN_M);
  const primerApellido = rng.pick(SURNAMES);
  const segundoApellido = rng.pick(SURNAMES);
  const p1 = plain(primerApellido);
  const p2 = plain(segundoApellido);
  // CURP uses the second given name when the first is José or María.
  const n = plain(nombres);
  const vowel = firstInternal(p1, (c) => VOWELS.includes(c));
  const yy = String(birthYear % 100).padStart(2, '0');
  const mm = String(rng.int(1, 12)).padStart(2, '0');
  const dd = String(rng.int(1, 28)).padStart(2, '0');
  const consonants = firstInternal(p1, isConsonant) + firstInternal(p2, isConsonant) + firstInternal(n, isConsonant);
  const diffs = birthYear >= 2000 ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789';
  const start = rng.int(0, diffs.length - 1);
  for (let i = 0; i < diffs.length; i++) {
    const first17 = `${p1[0]}${vowel}${p2[0]}${n[0]}${yy}${mm}${dd}${sex}JC${consonants}${diffs[(start + i) % diffs.length]}`;
    const curp = first17 + curpCheckDigit(first17);
    if (!taken.has(curp)) {
      taken.add(curp);
      return { nombres, primerApellido, segundoApellido, curp };
    }
  }
  // Every differentiator taken for this date: draw another person.
  return syntheticPerson(rng, birthYear, taken);
}
