import type { FilterQuery } from '@mikro-orm/core';
import { Actor, coveredDrseCodes, isStateActor, Scope, WorkSchool } from '../access';
import type { School } from './entities/school.entity';
import type { Student } from './entities/student.entity';

/** The access rules of ../access applied to catalog entities (schools and students). */

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

export const workSchoolOf = (school: School): WorkSchool => ({ id: school.id, drseCode: school.drse.code, hasInternet: school.hasInternet });
