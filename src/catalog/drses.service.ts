import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { Drse } from './entities/drse.entity';
import type { CreateDrseDto, DrseDto, DrseListDto, UpdateDrseDto } from './drses.dto';

/**
 * DRSEs and Sub-DRSEs as managed data. The 14 regions are seeded by migration; an administrator
 * adds Sub-DRSEs (one level: a Sub-DRSE's parent is a DRSE without parent) and renames seats.
 */
@Injectable()
export class DrsesService {
  constructor(private readonly em: EntityManager) {}

  async list(): Promise<DrseListDto> {
    const rows = await this.em.execute<Array<{ code: string; name: string; seat: string; parent_code: string | null; schools: number; subs: string[] | null }>>(
      `select d.code, d.name, d.seat, d.parent_code,
              (select count(*)::int from school s where s.drse_code = d.code) as schools,
              (select array_agg(c.code order by c.code) from drse c where c.parent_code = d.code) as subs
       from drse d order by coalesce(d.parent_code, d.code), d.parent_code nulls first, d.code`,
    );
    return {
      items: rows.map((r) => ({ code: r.code, name: r.name, seat: r.seat, parentCode: r.parent_code ?? undefined, subDrseCodes: r.subs ?? [], schools: r.schools })),
    };
  }

  async create(dto: CreateDrseDto): Promise<DrseDto> {
    if (await this.em.findOne(Drse, { code: dto.code })) throw new ConflictError(`Ya existe la DRSE o Sub-DRSE ${dto.code}.`, 'code');
    let parent: Drse | undefined;
    if (dto.parentCode) {
      parent = (await this.em.findOne(Drse, { code: dto.parentCode })) ?? undefined;
      if (!parent) throw new NotFoundError(`No existe la DRSE ${dto.parentCode}.`, 'parentCode');
      if (parent.parent) throw new DomainError(`${parent.code} es una Sub-DRSE; una Sub-DRSE pertenece a una DRSE, no a otra Sub-DRSE.`, 'parentCode');
    }
    const drse = new Drse(dto.code, dto.name, dto.seat, parent);
    await this.em.persistAndFlush(drse);
    return { code: drse.code, name: drse.name, seat: drse.seat, parentCode: parent?.code, subDrseCodes: [], schools: 0 };
  }

  async update(code: string, dto: UpdateDrseDto): Promise<DrseDto> {
    const drse = await this.em.findOne(Drse, { code: code.toUpperCase() });
    if (!drse) throw new NotFoundError(`No existe la DRSE o Sub-DRSE ${code}.`, 'code');
    if (dto.name !== undefined) {
      if (!dto.name.trim()) throw new DomainError('El nombre de la DRSE es obligatorio.', 'name');
      drse.name = dto.name.trim();
    }
    if (dto.seat !== undefined) {
      if (!dto.seat.trim()) throw new DomainError('La sede de la DRSE es obligatoria.', 'seat');
      drse.seat = dto.seat.trim();
    }
    await this.em.flush();
    const listed = (await this.list()).items.find((d) => d.code === drse.code)!;
    return listed;
  }
}
