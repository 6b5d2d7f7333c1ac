/** Who may print, for whom, and which students a run prints: shared by print runs and their previews. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, Scope } from '../access';
import { School, SchoolCycle, Student, studentsWithHologram } from '../catalog';
import { DomainError, NotFoundError } from '../common/domain-error';
import { cardsInForce } from './cards-in-force';
import { eligibility, INELIGIBLE_TEXT } from './eligibility';
import type { Exclusion, HologramOnly } from './entities';
import type { PrintHolder } from './print-holder';
import { studentsIssuedInCycle } from './production-reads';

/** Roles that may generate print files (and previews). */
export const PRINT_ROLES = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] as const;

const EXCLUSION_TEXT: Record<Exclusion['reason'], string> = {
  NO_ENCONTRADO: 'El alumno no existe en el catálogo.',
  FUERA_DE_ALCANCE: 'El alumno no pertenece a una escuela para la que imprime este responsable.',
  RUTA_DE_IMPRESION: 'La escuela del alumno no imprime por esta vía (R1).',
  ...INELIGIBLE_TEXT,
};

/**
 * Who may be printed, who gets only the hologram, and who nothing (with the reason): the holder's
 * scope and R1 route, then the cycle's eligibility (./eligibility.ts; a replacement's old card is
 * revoked, so it holds none in force).
 */
export async function classifyForPrint(
  em: EntityManager,
  holder: PrintHolder,
  ids: number[],
  cycleCode: string,
): Promise<{ eligible: Student[]; excluded: Exclusion[]; hologramOnly: HologramOnly[] }> {
  const students = ids.length ? await em.find(Student, { id: { $in: ids } }, { populate: ['school', 'school.drse'] }) : [];
  const byId = new Map(students.map((s) => [s.id, s]));
  const issued = await studentsIssuedInCycle(em, ids, cycleCode);
  const inForce = await cardsInForce(em, ids);
  const withHologram = await studentsWithHologram(em, [...inForce.keys()], cycleCode);
  const eligible: Student[] = [];
  const excluded: Exclusion[] = [];
  const hologramOnly: HologramOnly[] = [];
  const exclude = (studentId: number, reason: Exclusion['reason']) => excluded.push({ studentId, reason, detail: EXCLUSION_TEXT[reason] });
  for (const id of ids) {
    const s = byId.get(id);
    if (!s) exclude(id, 'NO_ENCONTRADO');
    else if (!inHolderScope(holder, s.school)) exclude(id, 'FUERA_DE_ALCANCE');
    else if (s.school.printRoute !== holder.type) exclude(id, 'RUTA_DE_IMPRESION');
    else {
      const e = eligibility({ declined: s.declined, issuedThisCycle: issued.has(id), cardInForce: inForce.get(id) ?? null, hologramThisCycle: withHologram.has(id), hasPhoto: !!s.photoHash });
      if (e.kind === 'NONE') exclude(id, e.reason);
      else if (e.kind === 'HOLOGRAM_ONLY') hologramOnly.push({ studentId: id, folio: e.folio, cardCycleCode: e.cardCycleCode });
      else eligible.push(s);
    }
  }
  return { eligible, excluded, hologramOnly };
}

/** Distinct student ids of a run, at most `maxStudentsPerRun`. */
export function parseStudentIds(raw: unknown, maxStudentsPerRun: number): number[] {
  // An empty list is allowed: a run may print only the holder's pending replacements (R5).
  if (!Array.isArray(raw)) throw new DomainError('Indique los alumnos como una lista de ids.', 'studentIds');
  if (!raw.every((id) => Number.isInteger(id) && id > 0)) throw new DomainError('Los alumnos se indican por su id (entero positivo).', 'studentIds');
  const ids = [...new Set(raw as number[])];
  if (ids.length > maxStudentsPerRun) {
    throw new DomainError(`Una corrida admite a lo más ${maxStudentsPerRun} alumnos; divídala.`, 'studentIds');
  }
  return ids;
}

/** The actor's role may print and the holder (a DRSE, or a school printing on site) is in its scope. */
export async function assertCanPrint(em: EntityManager, actor: Actor, holder: PrintHolder): Promise<void> {
  if (!actor || !(PRINT_ROLES as readonly string[]).includes(actor.role)) {
    throw new DomainError('Su rol no puede generar archivos de impresión de credenciales.', 'actor', 'NO_AUTORIZADO', 403);
  }
  let scope: Scope;
  if (holder.type === 'DRSE') {
    if (actor.role === 'ESCUELA') throw new DomainError('Una escuela no puede imprimir por la DRSE.', 'holder', 'NO_AUTORIZADO', 403);
    if (!(await em.count('Drse', { code: holder.drseCode }))) throw new NotFoundError(`No existe la DRSE ${holder.drseCode}.`, 'holder');
    scope = { drseCode: holder.drseCode };
  } else {
    const school = await em.findOne(School, { id: holder.schoolId });
    if (!school) throw new NotFoundError(`No existe la escuela ${holder.schoolId}.`, 'holder');
    scope = { schoolId: school.id, drseCode: school.drse.code };
  }
  if (!actorCovers(actor, scope)) throw new DomainError('No tiene permiso para imprimir por este responsable.', 'holder', 'NO_AUTORIZADO', 403);
}

function inHolderScope(holder: PrintHolder, school: School): boolean {
  if (holder.type === 'ESCUELA') return school.id === holder.schoolId;
  return school.drse.code === holder.drseCode || school.drse.parent?.code === holder.drseCode;
}

export function sortKeys(s: Student): { studentId: number; schoolId: number; schoolSortKey: string; nameSortKey: string } {
  return {
    studentId: s.id,
    schoolId: s.school.id,
    schoolSortKey: `${s.school.name} ${s.school.cct} ${s.school.turno}`,
    nameSortKey: [s.primerApellido, s.segundoApellido ?? '', s.nombres].join(' '),
  };
}

export async function resolveCycle(em: EntityManager, code: string | undefined): Promise<SchoolCycle> {
  const cycle = code ? await em.findOne(SchoolCycle, { code }) : await em.findOne(SchoolCycle, { isCurrent: true });
  if (!cycle) throw new DomainError(code ? `No existe el ciclo escolar ${code}.` : 'No hay un ciclo escolar vigente.', 'cycleCode');
  return cycle;
}
