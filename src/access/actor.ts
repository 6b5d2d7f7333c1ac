/**
 * Who is acting: the identity every service, API guard and workflow update carries. Pure types and
 * functions (no Nest, no I/O) so workflow code may import it.
 */
export const ROLES = [
  'ESCUELA',
  'DRSE_PLANEACION',
  'DRSE_CONTROL_ESCOLAR',
  'DRSE_TECNOLOGIAS',
  'RECURSOS_MATERIALES',
  'CONTROL_ESCOLAR_CENTRAL',
  'DGTI',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose scope is the whole state. */
export const STATE_ROLES: readonly Role[] = ['RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'];
/** Roles whose scope is one DRSE. */
export const DRSE_ROLES: readonly Role[] = ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS'];
/** DRSE roles that do a school's own work for it when the school has no internet (R1, issue 11; see access/scope.ts). */
export const ON_BEHALF_ROLES: readonly Role[] = ['DRSE_CONTROL_ESCOLAR', 'DRSE_PLANEACION'];

export interface Actor {
  /** User id (opaque; never a name or an e-mail in workflow payloads). */
  id: string;
  role: Role;
  /** For DRSE roles: the DRSE code. For ESCUELA: the school's DRSE. */
  drseCode?: string;
  /** For ESCUELA: the school id (CCT + turno identify it). */
  schoolId?: number;
  /** For DRSE roles: the Sub-DRSEs of its DRSE, whose schools and work it also covers (docs/catalog.md). */
  subDrseCodes?: string[];
}

/** The scope a piece of work belongs to: a school (and its DRSE) or a DRSE, or the state. */
export interface Scope {
  drseCode?: string;
  schoolId?: number;
}

/** Is `actor` allowed to act within `scope`? State roles see everything. */
export function actorCovers(actor: Actor, scope: Scope): boolean {
  if (STATE_ROLES.includes(actor.role)) return true;
  if (actor.role === 'ESCUELA') return actor.schoolId !== undefined && actor.schoolId === scope.schoolId;
  if (actor.drseCode === undefined || scope.drseCode === undefined) return false;
  return actor.drseCode === scope.drseCode || (actor.subDrseCodes ?? []).includes(scope.drseCode);
}

/** The DRSE codes whose work a DRSE role covers: its own and its Sub-DRSEs'. */
export function coveredDrseCodes(actor: Actor): string[] {
  return actor.drseCode ? [actor.drseCode, ...(actor.subDrseCodes ?? [])] : [];
}

/** The id prefix of an automatic step's actor (`workflow:<workflowId>`, see procedures/adapters/system-actor.ts). */
export const WORKFLOW_ACTOR_PREFIX = 'workflow:';
