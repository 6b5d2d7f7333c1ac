import type { FilterQuery } from '@mikro-orm/core';
import type { School } from '../catalog/entities/school.entity';
import type { Student } from '../catalog/entities/student.entity';
import { NotFoundError } from '../common/domain-error';
import { Actor, actorCovers, coveredDrseCodes, Scope, STATE_ROLES } from './actor';

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

/** The scope a school's work belongs to (its id and its DRSE). `school.drse` may be a reference. */
export function schoolScope(school: School): Scope {
  return { schoolId: school.id, drseCode: school.drse.code };
}

/** A MikroORM filter limiting School queries to the actor's scope. */
export function schoolsInScope(actor: Actor): FilterQuery<School> {
  if (isStateActor(actor)) return {};
  if (actor.role === 'ESCUELA') return { id: actor.schoolId ?? -1 };
  return { drse: { $in: coveredDrseCodes(actor) } };
}

/** A MikroORM filter limiting Student queries to the actor's scope. */
export function studentsInScope(actor: Actor): FilterQuery<Student> {
  if (isStateActor(actor)) return {};
  if (actor.role === 'ESCUELA') return { school: actor.schoolId ?? -1 };
  return { school: { drse: { $in: coveredDrseCodes(actor) } } };
}
