import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, STATE_ROLES, type Role } from '../../access';
import { School } from '../../catalog';

/** Who sees minors' data in production (cards, runs, replacements): as `/students` (docs/api.md). */
export const PRODUCTION_READERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** Who generates print files and previews: the printers (a DRSE's Control Escolar, an on-site school) and central. */
export const PRINTERS: Role[] = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** R9: only central Control Escolar unmarks an issued card. */
export const CORRECTORS: Role[] = ['CONTROL_ESCOLAR_CENTRAL'];
/** R5: who records a replacement's payment receipt: the school, its DRSE for an offline school (assertSchoolWork), central. */
export const REPLACEMENT_RECORDERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** Who reports a card lost, stolen or damaged: the school, its DRSE for offline schools (assertSchoolWork), central. */
export const CARD_REPORTERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

export const isState = (actor: Actor): boolean => STATE_ROLES.includes(actor.role);

/**
 * Does the actor cover this school for production? The usual scope (docs/api.md), plus a DRSE's
 * Sub DRSE schools for DRSE roles (the DRSE prints for them, as `ProductionService` does).
 */
export function coversSchool(actor: Actor, school: School): boolean {
  if (actorCovers(actor, { schoolId: school.id, drseCode: school.drse.code })) return true;
  return !!actor.drseCode && actor.role !== 'ESCUELA' && school.drse.parent?.code === actor.drseCode;
}

/** SQL condition on a school alias `sc` (and its drse `d`) limiting rows to the actor's scope. */
export function schoolScopeSql(actor: Actor, sc = 'sc', d = 'd'): { sql: string; params: unknown[] } {
  if (isState(actor)) return { sql: 'true', params: [] };
  if (actor.role === 'ESCUELA') return { sql: `${sc}.id = ?`, params: [actor.schoolId ?? -1] };
  return { sql: `(${sc}.drse_code = ? or ${d}.parent_code = ?)`, params: [actor.drseCode ?? '', actor.drseCode ?? ''] };
}

/** Schools by id with their DRSE (and its parent), for scope checks. */
export async function loadSchools(em: EntityManager, ids: number[]): Promise<Map<number, School>> {
  if (ids.length === 0) return new Map();
  const schools = await em.find(School, { id: { $in: ids } }, { populate: ['drse', 'drse.parent'] });
  return new Map(schools.map((s) => [s.id, s]));
}
