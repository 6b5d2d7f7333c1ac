import { syntheticPerson } from '../../src/catalog/demo/synthetic-people';
import { Prng } from '../../src/common/prng';

/**
 * A deterministic statewide data set the size of Jalisco (issue 10 item 9): the 14 DRSEs (seeded by
 * the catalogue migration) plus a few Sub-DRSEs, about 8,000 schools by turno and about 1.2 million
 * students. Everything is synthetic: names from the demo's lists of common words, CURPs built to pass
 * format and check digit (src/catalog/demo/synthetic-people.ts), CCTs numbered per service type;
 * nothing comes from real people or real schools. The same options always give the same rows.
 */
export interface StatewideOptions {
  seed: number;
  schools: number;
  students: number;
}

export const DEFAULT_STATEWIDE: StatewideOptions = { seed: 14, schools: 8000, students: 1_200_000 };

export interface SubDrseSpec {
  code: string;
  name: string;
  seat: string;
  parentCode: string;
}

/** Sub-DRSEs of the data set (the parent DRSE's staff see their schools). */
export const SUB_DRSES: SubDrseSpec[] = [
  { code: 'CENTRO_1_ORIENTE', name: 'Sub DRSE Centro 1 Oriente', seat: 'Tonalá', parentCode: 'CENTRO_1' },
  { code: 'CENTRO_2_NORTE', name: 'Sub DRSE Centro 2 Norte', seat: 'Tesistán', parentCode: 'CENTRO_2' },
  { code: 'NORTE_HUEJUQUILLA', name: 'Sub DRSE Huejuquilla', seat: 'Huejuquilla el Alto', parentCode: 'NORTE' },
  { code: 'COSTA_SIERRA_MASCOTA', name: 'Sub DRSE Mascota', seat: 'Mascota', parentCode: 'COSTA_SIERRA_OCCIDENTAL' },
];

/** Share of the state's schools per region (the metropolitan DRSEs are the largest). */
const REGIONS: Array<[code: string, seat: string, weight: number]> = [
  ['VALLES', 'Ameca', 5],
  ['COSTA_SUR', 'La Huerta', 3],
  ['SIERRA_DE_AMULA', 'Autlán', 3],
  ['SUR', 'Ciudad Guzmán', 5],
  ['LAGUNAS', 'Cocula', 3],
  ['NORTE', 'Colotlán', 2],
  ['NORTE_HUEJUQUILLA', 'Huejuquilla el Alto', 1],
  ['ALTOS_NORTE', 'Lagos de Moreno', 5],
  ['CIENEGA', 'Ocotlán', 6],
  ['ALTOS_SUR', 'Tepatitlán', 6],
  ['COSTA_SIERRA_OCCIDENTAL', 'Puerto Vallarta', 5],
  ['COSTA_SIERRA_MASCOTA', 'Mascota', 1],
  ['SURESTE', 'Jocotepec', 3],
  ['CENTRO_1', 'Guadalajara', 12],
  ['CENTRO_1_ORIENTE', 'Tonalá', 4],
  ['CENTRO_2', 'Zapopan', 12],
  ['CENTRO_2_NORTE', 'Tesistán', 3],
  ['CENTRO_3', 'Tlaquepaque', 11],
];

export interface SchoolRow {
  cct: string;
  turno: 'MATUTINO' | 'VESPERTINO' | 'NOCTURNO' | 'CONTINUO';
  nivel: 'PRIMARIA' | 'SECUNDARIA';
  nombre: string;
  domicilio: string;
  telefono: string;
  municipio: string;
  drse: string;
  matricula: number;
  internet: boolean;
  sostenimiento: 'ESTATAL' | 'FEDERAL';
}

export interface StudentRow {
  cct: string;
  turno: string;
  curp: string;
  nombres: string;
  primerApellido: string;
  segundoApellido: string;
  primerIngreso: boolean;
}

const STREETS = ['Hidalgo', 'Morelos', 'Juárez', 'Independencia', 'Reforma', 'Libertad', 'Allende', 'Zaragoza', 'Guerrero', 'Madero', 'Constitución', 'Revolución'];
const LETTERS = 'ABCDEFGHJKLMNRSTUVWXYZ';

function pickRegion(rng: Prng, total: number): [string, string] {
  let r = rng.next() * total;
  for (const [code, seat, w] of REGIONS) {
    r -= w;
    if (r < 0) return [code, seat];
  }
  return [REGIONS[0][0], REGIONS[0][1]];
}

/** The schools, by turno: about 70 % primarias; some CCTs have a second (afternoon) turno. */
export function generateSchools(opts: StatewideOptions = DEFAULT_STATEWIDE): SchoolRow[] {
  const rng = new Prng(opts.seed);
  const weightTotal = REGIONS.reduce((s, [, , w]) => s + w, 0);
  const serial = new Map<string, number>();
  const rows: SchoolRow[] = [];
  const raw: number[] = [];
  while (rows.length < opts.schools) {
    const primaria = rng.chance(0.7);
    const service = primaria ? rng.pick(['EPR', 'DPR']) : rng.pick(['EES', 'DES', 'EST', 'DST', 'ETV', 'DTV']);
    const n = (serial.get(service) ?? 0) + 1;
    serial.set(service, n);
    const cct = `14${service}${String(n).padStart(4, '0')}${LETTERS[(n * 7 + service.charCodeAt(1)) % LETTERS.length]}`;
    const [drse, seat] = pickRegion(rng, weightTotal);
    const turnos: SchoolRow['turno'][] = ['MATUTINO'];
    if (rng.chance(0.3)) turnos.push('VESPERTINO');
    if (!primaria && rng.chance(0.02)) turnos.push('NOCTURNO');
    const internet = rng.chance(0.88);
    for (const turno of turnos) {
      if (rows.length >= opts.schools) break;
      // Size classes: rural small, urban medium, large urban (R1 routes most small ones to the DRSE).
      const cls = rng.next();
      const size = primaria
        ? cls < 0.35 ? rng.int(12, 90) : cls < 0.78 ? rng.int(90, 330) : rng.int(330, 720)
        : cls < 0.4 ? rng.int(25, 150) : cls < 0.75 ? rng.int(150, 400) : rng.int(400, 900);
      raw.push(turno === 'VESPERTINO' ? Math.round(size * 0.7) : size);
      rows.push({
        cct,
        turno,
        nivel: primaria ? 'PRIMARIA' : 'SECUNDARIA',
        nombre: `Escuela ${primaria ? 'Primaria' : service.endsWith('TV') ? 'Telesecundaria' : service.endsWith('ST') ? 'Secundaria Técnica' : 'Secundaria'} ${n}`,
        domicilio: `Calle ${rng.pick(STREETS)} ${rng.int(1, 999)}, ${seat}`,
        telefono: `3${String(rng.int(100000000, 999999999))}`,
        municipio: seat,
        drse,
        matricula: 0,
        internet,
        sostenimiento: service.startsWith('E') ? 'ESTATAL' : 'FEDERAL',
      });
    }
  }
  // Scale the sizes so the matrículas add up to exactly `students`.
  const sum = raw.reduce((a, b) => a + b, 0);
  let assigned = 0;
  rows.forEach((r, i) => {
    r.matricula = Math.max(1, Math.round((raw[i] * opts.students) / sum));
    assigned += r.matricula;
  });
  for (let i = 0; assigned !== opts.students; i = (i + 1) % rows.length) {
    const step = assigned < opts.students ? 1 : -1;
    if (rows[i].matricula + step >= 1) {
      rows[i].matricula += step;
      assigned += step;
    }
  }
  return rows;
}

/**
 * The students of every school (as many as its matrícula), in school order. CURPs are unique over the
 * whole set (one `taken` set), so the order is part of the determinism. About 30 % first entry.
 */
export function* generateStudents(schools: SchoolRow[], opts: StatewideOptions = DEFAULT_STATEWIDE): Generator<StudentRow> {
  const rng = new Prng(opts.seed ^ 0x5e1ec7);
  const taken = new Set<string>();
  for (const s of schools) {
    for (let i = 0; i < s.matricula; i++) {
      const birthYear = s.nivel === 'PRIMARIA' ? rng.int(2014, 2020) : rng.int(2011, 2014);
      const p = syntheticPerson(rng, birthYear, taken);
      yield { cct: s.cct, turno: s.turno, ...p, primerIngreso: rng.chance(0.3) };
    }
  }
}

const csvCell = (v: string | number): string => {
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The schools as a SCEJAL-style CSV (the columns `POST /schools/import` reads). */
export function schoolsCsv(rows: SchoolRow[]): Buffer {
  const head = 'CCT,TURNO,NIVEL,NOMBRE,DOMICILIO,TELEFONO,MUNICIPIO,DRSE,MATRICULA,INTERNET,SOSTENIMIENTO';
  const body = rows.map((r) =>
    [r.cct, r.turno, r.nivel, r.nombre, r.domicilio, r.telefono, r.municipio, r.drse, r.matricula, r.internet ? 'SI' : 'NO', r.sostenimiento].map(csvCell).join(','),
  );
  return Buffer.from(`${head}\r\n${body.join('\r\n')}\r\n`, 'utf8');
}

/** Students as CSV files of at most `perFile` rows (the upload limit), with CCT and TURNO columns. */
export function* studentCsvChunks(students: Iterable<StudentRow>, perFile: number): Generator<Buffer> {
  const head = 'CCT,TURNO,CURP,NOMBRES,PRIMER_APELLIDO,SEGUNDO_APELLIDO,PRIMER_INGRESO';
  let lines: string[] = [];
  for (const s of students) {
    lines.push([s.cct, s.turno, s.curp, s.nombres, s.primerApellido, s.segundoApellido, s.primerIngreso ? 'SI' : 'NO'].map(csvCell).join(','));
    if (lines.length === perFile) {
      yield Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\n`, 'utf8');
      lines = [];
    }
  }
  if (lines.length) yield Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}
