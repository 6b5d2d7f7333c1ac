import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, DRSE_ROLES, assertSchoolWork, SchoolWork, schoolWork } from '../../access';
import { NotFoundError } from '../../common/domain-error';
import { NOT_FOUND, RequestRow, REQUEST_SELECT, Row, SchoolRow, toRequestRow } from './request-mapping';

/** How long the API waits for the engine: a start, a decision, a query. */
export const START_MS = 8_000;
export const DECIDE_MS = 20_000;
export const VIEW_MS = 3_000;

/**
 * Requests over HTTP, scope: the request if the caller may see it (404 otherwise), its school, and
 * whether the caller does the school's own steps (DRSE staff for an offline school).
 */
@Injectable()
export class RequestAccess {
  constructor(private readonly em: EntityManager) {}

  async actorSchool(actor: Actor): Promise<SchoolRow> {
    const school = await this.schoolRow(actor.schoolId ?? -1);
    if (!school) throw new NotFoundError('Su usuario no tiene una escuela registrada.', 'schoolId');
    return school;
  }

  async schoolRow(id: number): Promise<SchoolRow | null> {
    const [school] = await this.em.fork().execute<SchoolRow[]>(
      'select id, cct, turno, name, drse_code, print_route, print_route_reason, has_internet from school where id = ?',
      [id],
    );
    return school ? { ...school, id: Number(school.id) } : null;
  }

  /** May the actor do this request's school's own steps (file, correct, resend, withdraw)? 403 otherwise; the school itself always. */
  async schoolStepWork(actor: Actor, row: RequestRow): Promise<SchoolWork | null> {
    if (actor.role === 'ESCUELA' || row.schoolId === null) return null;
    const school = await this.schoolRow(row.schoolId);
    if (!school) throw new NotFoundError(NOT_FOUND, 'id');
    return assertSchoolWork(actor, { id: school.id, drseCode: school.drse_code, hasInternet: school.has_internet }, 'id');
  }

  /** DRSE staff on behalf of an offline school get the school's step too (no exception: reading and deciding use it). */
  async onBehalfOf(actor: Actor, row: RequestRow): Promise<number | undefined> {
    if (actor.role === 'ESCUELA' || row.schoolId === null || !DRSE_ROLES.includes(actor.role)) return undefined;
    const school = await this.schoolRow(row.schoolId);
    return school ? (schoolWork(actor, { id: school.id, drseCode: school.drse_code, hasInternet: school.has_internet })?.onBehalfSchoolId ?? undefined) : undefined;
  }


  /** The request if it is in the caller's scope (school: its own; DRSE roles: their DRSE; central: all); 404 otherwise. */
  async load(actor: Actor, id: number): Promise<RequestRow> {
    const [raw] = await this.em.fork().execute<Row[]>(`${REQUEST_SELECT} where r.id = ?`, [id]);
    if (!raw) throw new NotFoundError(NOT_FOUND, 'id');
    const row = toRequestRow(raw);
    if (!actorCovers(actor, { schoolId: row.schoolId ?? undefined, drseCode: row.drseCode })) throw new NotFoundError(NOT_FOUND, 'id');
    return row;
  }
}
