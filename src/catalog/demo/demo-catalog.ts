import { Prng } from '../../common/prng';
import type { Nivel, Turno } from '../identifiers';
import { syntheticPerson, SyntheticPerson } from './synthetic-people';

export interface DemoSchool {
  cct: string;
  turno: Turno;
  nivel: Nivel;
  name: string;
  address: string;
  phone: string;
  matricula: number;
  hasInternet: boolean;
  drseCode: string;
}

export interface DemoStudent extends SyntheticPerson {
  schoolIndex: number;
  primerIngreso: boolean;
  hasPhoto: boolean;
  photoVariant: number;
  declined: boolean;
}

export interface DemoCatalog {
  schools: DemoSchool[];
  students: DemoStudent[];
}

export interface DemoOptions {
  seed?: number;
  /** Schools per DRSE (default 6). */
  schoolsPerDrse?: number;
  /** Cap on students generated per school (default: the whole matrícula). */
  maxStudentsPerSchool?: number;
}

/**
 * Matrícula sizes chosen to sit on both sides of the R1 thresholds (475 primaria, 222 secundaria),
 * including the exact boundaries.
 */
const PRIMARIA_SIZES = [96, 188, 310, 474, 475, 520, 690];
const SECUNDARIA_SIZES = [64, 150, 221, 222, 260, 410];
const STREETS = ['Av. Hidalgo', 'Calle Morelos', 'Av. Juárez', 'Calle Independencia', 'Calle Allende', 'Av. Revolución', 'Calle Zaragoza', 'Calle Obregón'];

/** Deterministic demo catalogue: same seed, same schools, students and CURPs. */
export function generateDemoCatalog(drseCodes: readonly string[], options: DemoOptions = {}): DemoCatalog {
  const rng = new Prng(options.seed ?? 20262027);
  const perDrse = options.schoolsPerDrse ?? 6;
  const schools: DemoSchool[] = [];
  const students: DemoStudent[] = [];
  const taken = new Set<string>();
  const usedCct = new Set<string>();
  let serial = 0;
  drseCodes.forEach((drseCode, d) => {
    for (let i = 0; i < perDrse; i++) {
      serial++;
      const nivel: Nivel = i % 2 === 0 ? 'PRIMARIA' : 'SECUNDARIA';
      const sizes = nivel === 'PRIMARIA' ? PRIMARIA_SIZES : SECUNDARIA_SIZES;
      const matricula = sizes[(d + i) % sizes.length];
      const service = nivel === 'PRIMARIA' ? rng.pick(['EPR', 'DPR']) : rng.pick(['EES', 'EST', 'DES']);
      let cct: string;
      do {
        cct = `14${service}${String(rng.int(1, 9999)).padStart(4, '0')}${String.fromCharCode(65 + rng.int(0, 25))}`;
      } while (usedCct.has(cct));
      usedCct.add(cct);
      const turno: Turno = rng.chance(0.7) ? 'MATUTINO' : 'VESPERTINO';
      const kind = nivel === 'PRIMARIA' ? 'Escuela Primaria' : service === 'EST' ? 'Escuela Secundaria Técnica' : 'Escuela Secundaria General';
      schools.push({
        cct,
        turno,
        nivel,
        name: `${kind} No. ${serial}`,
        address: `${rng.pick(STREETS)} ${rng.int(1, 999)}, Col. Centro`,
        phone: `33${String(rng.int(10000000, 99999999))}`,
        matricula,
        // About one school in six has no internet access to SCEJAL (R1 routes it to the DRSE).
        hasInternet: !rng.chance(1 / 6),
        drseCode,
      });
      const schoolIndex = schools.length - 1;
      const count = Math.min(matricula, options.maxStudentsPerSchool ?? matricula);
      for (let s = 0; s < count; s++) {
        const age = nivel === 'PRIMARIA' ? rng.int(6, 12) : rng.int(12, 15);
        students.push({
          ...syntheticPerson(rng, 2026 - age, taken),
          schoolIndex,
          primerIngreso: rng.chance(0.2),
          hasPhoto: rng.chance(0.92),
          photoVariant: rng.int(0, 5),
          declined: rng.chance(0.01),
        });
      }
    }
  });
  return { schools, students };
}
