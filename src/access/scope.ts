import { DomainError, NotFoundError } from '../common/domain-error';
import { Actor, actorCovers, ON_BEHALF_ROLES, Role, Scope, STATE_ROLES } from './actor';

/**
 * Scope checks for services. The rule (docs/api.md): a role that may not use an endpoint at all
 * gets 403; a role that may, asking for something outside its scope, gets 404, exactly as if the
 * thing did not exist, so existence is never leaked across schools or DRSEs.
 */
export function assertCovers(actor: Actor, scope: Scope, message = 'El recurso no existe o no está en su ámbito.', field?: string): void {
  if (!actorCovers(actor, scope)) throw new NotFoundError(message, field);
}

export function isStateActor(actor: Actor): boolean {
  return STATE_ROLES.includes(actor.role);
}

/** Roles that may do a school's own work (each call still passes `assertSchoolWork`). */
export const SCHOOL_WORKERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

/** What `schoolWork` needs of a school: its id, its DRSE and whether it reaches the system itself. */
export interface WorkSchool {
  id: number;
  drseCode: string;
  hasInternet: boolean;
}

/** Who does a school's work: the school itself, its DRSE on its behalf, or a central role. */
export interface SchoolWork {
  /** Set when DRSE staff act for an offline school: the act is recorded «en nombre de la escuela». */
  onBehalfSchoolId: number | null;
}

/**
 * The one rule for a school's own work (students and photos, opt-outs, oficios, replacements, loss
 * reports): a school user for its own school; DRSE Control Escolar / Planeación for schools of their
 * scope without internet (R1 sends them to the DRSE), on the school's behalf; central roles for any.
 * Out of scope → 404; a DRSE user for a school with internet → 403 (the school does it itself); any
 * other role → 403.
 */
export function assertSchoolWork(actor: Actor, school: WorkSchool, field?: string): SchoolWork {
  if (isStateActor(actor)) return { onBehalfSchoolId: null };
  if (!actorCovers(actor, { schoolId: school.id, drseCode: school.drseCode })) {
    throw new NotFoundError('La escuela no existe o no está en su ámbito.', field);
  }
  if (actor.role === 'ESCUELA') return { onBehalfSchoolId: null };
  if (!ON_BEHALF_ROLES.includes(actor.role)) {
    throw new DomainError('Su rol no hace el trabajo de las escuelas.', field, 'PROHIBIDO', 403);
  }
  if (school.hasInternet) {
    throw new DomainError('Esta escuela cuenta con internet: lo hace ella misma; la DRSE actúa en nombre sólo de las escuelas sin internet.', field, 'PROHIBIDO', 403);
  }
  return { onBehalfSchoolId: school.id };
}

/** `assertSchoolWork` as a yes/no, for filters (no exception). */
export function schoolWork(actor: Actor, school: WorkSchool): SchoolWork | null {
  try {
    return assertSchoolWork(actor, school);
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}
