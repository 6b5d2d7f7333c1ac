import { DomainError } from '../common/domain-error';
import type { FieldProblem } from '../http/problem';
import type { Drse } from './entities/drse.entity';
import { School, type FieldChange, type SchoolChanges } from './entities/school.entity';
import { parseYesNo, normalizeHeader } from './csv-table';
import { normalizeCct, parseNivel, parseTurno, type Nivel, type Turno } from './identifiers';
import { computePrintRoute, type PrintRoute } from './print-route';

/** Columns of a SCEJAL school export and the header spellings accepted for each. */
export const SCHOOL_COLUMNS = {
  CCT: ['CCT', 'CLAVE_CT', 'CLAVE_CCT', 'CLAVE_CENTRO_TRABAJO'],
  TURNO: ['TURNO'],
  NIVEL: ['NIVEL', 'NIVEL_EDUCATIVO'],
  NOMBRE: ['NOMBRE', 'NOMBRE_CT', 'NOMBRE_ESCUELA', 'NOMBRE_CENTRO_TRABAJO'],
  DOMICILIO: ['DOMICILIO', 'DIRECCION'],
  TELEFONO: ['TELEFONO', 'TEL'],
  MUNICIPIO: ['MUNICIPIO', 'NOMBRE_MUNICIPIO'],
  DRSE: ['DRSE', 'SUB_DRSE', 'CLAVE_DRSE', 'DRSE_O_SUB_DRSE', 'REGION'],
  MATRICULA: ['MATRICULA', 'ALUMNOS', 'TOTAL_ALUMNOS'],
  INTERNET: ['INTERNET', 'INTERNET_SCEJAL', 'ACCESO_INTERNET', 'ACCESO_SCEJAL', 'CONEXION_SCEJAL'],
  SOSTENIMIENTO: ['SOSTENIMIENTO', 'CONTROL', 'TIPO_SOSTENIMIENTO'],
} as const;
export type SchoolColumn = keyof typeof SCHOOL_COLUMNS;
export const SCHOOL_REQUIRED_COLUMNS: SchoolColumn[] = ['CCT', 'TURNO', 'NIVEL', 'NOMBRE', 'DOMICILIO', 'TELEFONO', 'DRSE', 'MATRICULA', 'INTERNET'];

/** One input row, from a CSV line or a JSON object: column → text as given. */
export interface RawSchoolRow {
  line: number;
  values: Partial<Record<SchoolColumn, string>>;
}

/** Sostenimiento values of official schools; PARTICULAR/PRIVADO are refused. */
const PUBLIC_FUNDING = new Set(['PUBLICO', 'OFICIAL', 'ESTATAL', 'FEDERAL', 'FEDERAL_TRANSFERIDO', 'FEDERALIZADO', 'AUTONOMO', 'MUNICIPAL']);
const PRIVATE_FUNDING = new Set(['PARTICULAR', 'PRIVADO', 'PRIVADA']);

/**
 * The third character of a CCT is the clasificador of sostenimiento; `P` marks a private
 * (particular) school, out of scope (R12: only official schools are credentialed).
 */
export function isPrivateCct(cct: string): boolean {
  return cct[2] === 'P';
}

/** The school after the row is applied, without identity (for creation) or the changes (for an update). */
export interface PlannedSchool {
  line: number;
  cct: string;
  turno: Turno;
  changes: Required<Omit<SchoolChanges, 'municipality' | 'nivel'>> & { nivel: Nivel; municipality?: string };
  /** R1 for the row's data. */
  route: PrintRoute;
}

export interface SchoolImportPlan {
  create: PlannedSchool[];
  change: Array<PlannedSchool & { existing: School; fields: FieldChange[] }>;
  unchanged: number;
  refused: FieldProblem[];
  /** Existing schools whose R1 route the row changes. */
  routeChanges: Array<{ line: number; cct: string; turno: Turno; schoolId: number; oldRoute: PrintRoute; newRoute: PrintRoute; reason: string }>;
}

/** Reads one row into a planned school, or the problems of the line (every field checked). */
export function readSchoolRow(row: RawSchoolRow, drses: Map<string, Drse>): PlannedSchool | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { line } = row;
  const refuse = (field: SchoolColumn, message: string) => problems.push({ line, field, message: `Línea ${line}: ${message}` });
  const text = (c: SchoolColumn) => (row.values[c] ?? '').trim();
  const attempt = <T>(field: SchoolColumn, read: () => T): T | undefined => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      refuse(field, err.message);
      return undefined;
    }
  };
  const cct = attempt('CCT', () => normalizeCct(text('CCT'), 'CCT'));
  if (cct && isPrivateCct(cct)) {
    refuse('CCT', `la escuela ${cct} es particular (la tercera letra de la CCT, «P», indica sostenimiento particular); sólo se admiten escuelas oficiales.`);
  }
  const funding = normalizeHeader(text('SOSTENIMIENTO'));
  if (funding && PRIVATE_FUNDING.has(funding)) refuse('SOSTENIMIENTO', `el sostenimiento «${text('SOSTENIMIENTO')}» es particular; sólo se admiten escuelas oficiales.`);
  else if (funding && !PUBLIC_FUNDING.has(funding)) refuse('SOSTENIMIENTO', `el sostenimiento «${text('SOSTENIMIENTO')}» no se reconoce (use ESTATAL, FEDERAL o PÚBLICO).`);
  const turno = attempt('TURNO', () => parseTurno(text('TURNO'), 'TURNO'));
  const nivel = attempt('NIVEL', () => parseNivel(text('NIVEL'), 'NIVEL'));
  const required = (c: SchoolColumn, label: string, max: number) => {
    const v = text(c);
    if (!v) refuse(c, `el campo ${c} (${label}) es obligatorio.`);
    else if (v.length > max) refuse(c, `el campo ${c} (${label}) admite a lo más ${max} caracteres.`);
    return v;
  };
  const name = required('NOMBRE', 'nombre de la escuela', 200);
  const address = required('DOMICILIO', 'domicilio', 300);
  const phone = required('TELEFONO', 'teléfono', 30);
  const municipality = text('MUNICIPIO');
  if (municipality.length > 120) refuse('MUNICIPIO', 'el campo MUNICIPIO admite a lo más 120 caracteres.');
  const drseCode = normalizeHeader(text('DRSE'));
  const drse = drses.get(drseCode);
  if (!drse) refuse('DRSE', text('DRSE') ? `no existe la DRSE o Sub-DRSE «${text('DRSE')}».` : 'el campo DRSE es obligatorio.');
  const rawMatricula = text('MATRICULA');
  const matricula = /^\d{1,5}$/.test(rawMatricula) ? Number(rawMatricula) : NaN;
  if (!(matricula <= 20000)) refuse('MATRICULA', `la MATRICULA debe ser un número entero entre 0 y 20000 (se leyó «${rawMatricula}»).`);
  const hasInternet = parseYesNo(text('INTERNET'));
  if (hasInternet === undefined) refuse('INTERNET', `INTERNET debe ser SI o NO (se leyó «${text('INTERNET')}»).`);
  if (problems.length) return problems;
  return {
    line,
    cct: cct!,
    turno: turno!,
    changes: { nivel: nivel!, name, address, phone, municipality: municipality || undefined, matricula, hasInternet: hasInternet!, drse: drse! },
    route: computePrintRoute({ nivel: nivel!, matricula, hasInternet: hasInternet! }).route,
  };
}

/**
 * Plans an import: what would be created, changed (old → new per field) and refused, and which
 * schools change printing route under R1. `existing` holds the schools already stored, by
 * "CCT-TURNO". Nothing is written; the schools in `existing` are left untouched.
 */
export function planSchoolImport(rows: RawSchoolRow[], drses: Map<string, Drse>, existing: Map<string, School>): SchoolImportPlan {
  const plan: SchoolImportPlan = { create: [], change: [], unchanged: 0, refused: [], routeChanges: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    const read = readSchoolRow(row, drses);
    if (Array.isArray(read)) {
      plan.refused.push(...read);
      continue;
    }
    const key = `${read.cct}-${read.turno}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      plan.refused.push({ line: row.line, field: 'CCT', message: `Línea ${row.line}: la escuela ${read.cct} ${read.turno} ya venía en la línea ${earlier}.` });
      continue;
    }
    seen.set(key, row.line);
    const current = existing.get(key);
    if (!current) {
      plan.create.push(read);
      continue;
    }
    const fields = previewChanges(current, read.changes);
    if (!fields.length) {
      plan.unchanged++;
      continue;
    }
    plan.change.push({ ...read, existing: current, fields });
    if (read.route !== current.printRoute) {
      const decision = computePrintRoute(read.changes);
      plan.routeChanges.push({ line: row.line, cct: read.cct, turno: read.turno, schoolId: current.id, oldRoute: current.printRoute, newRoute: decision.route, reason: decision.reason });
    }
  }
  plan.refused.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return plan;
}

/** What `changes` would change on `school`, computed on a detached copy. */
function previewChanges(school: School, changes: SchoolChanges): FieldChange[] {
  const copy = Object.assign(Object.create(School.prototype) as School, {
    cct: school.cct,
    turno: school.turno,
    nivel: school.nivel,
    name: school.name,
    address: school.address,
    phone: school.phone,
    municipality: school.municipality,
    matricula: school.matricula,
    hasInternet: school.hasInternet,
    drse: school.drse,
    printRoute: school.printRoute,
    printRouteReason: school.printRouteReason,
  });
  return copy.edit(changes);
}
