import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { coveredDrseCodes, type Actor, isStateActor } from '../access';
import { schoolsInScope } from './catalog-scope';
import { DomainError, NotFoundError } from '../common/domain-error';
import { Page, pageOptions } from '../http/pagination';
import { SchoolDto, SchoolQueryDto } from './catalog.dto';
import { School } from './entities/school.entity';

export function toSchoolDto(s: School): SchoolDto {
  return {
    id: s.id,
    cct: s.cct,
    turno: s.turno,
    nivel: s.nivel,
    name: s.name,
    address: s.address,
    phone: s.phone,
    municipality: s.municipality ?? undefined,
    matricula: s.matricula,
    hasInternet: s.hasInternet,
    drseCode: s.drse.code,
    printRoute: s.printRoute,
    printRouteReason: s.printRouteReason,
  };
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class SchoolsService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor, query: SchoolQueryDto): Promise<Page<SchoolDto>> {
    const where: FilterQuery<School> = { ...(schoolsInScope(actor) as object) };
    if (query.drse) {
      if (!isStateActor(actor) && !coveredDrseCodes(actor).includes(query.drse)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      Object.assign(where, { drse: query.drse });
    }
    if (query.cct) Object.assign(where, { cct: query.cct });
    if (query.turno) Object.assign(where, { turno: query.turno });
    if (query.nivel) Object.assign(where, { nivel: query.nivel });
    if (query.printRoute) Object.assign(where, { printRoute: query.printRoute });
    if (query.q) Object.assign(where, { name: { $ilike: likePattern(query.q) } });
    const [rows, total] = await this.em.findAndCount(School, where, { orderBy: { cct: 'asc', turno: 'asc' }, ...pageOptions(query) });
    return { items: rows.map(toSchoolDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<SchoolDto> {
    return toSchoolDto(await this.findInScope(actor, id));
  }

  /** The school, if the actor's scope covers it; otherwise 404 as if it did not exist. */
  async findInScope(actor: Actor, id: number | undefined, field = 'id'): Promise<School> {
    if (id === undefined) throw new DomainError('Indique la escuela.', field);
    const school = await this.em.findOne(School, { $and: [{ id }, schoolsInScope(actor)] });
    if (!school) throw new NotFoundError('No existe la escuela o no está en su ámbito.', field);
    return school;
  }
}
