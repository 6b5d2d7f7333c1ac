import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { SchoolCycle } from './entities/school-cycle.entity';
import { replacementTariff } from './replacement-tariff';
import { recordHolograms } from './student-holograms';
import type { CreateCycleDto, CycleDto, CycleListDto, HologramConfirmationResultDto, OpenCycleResultDto, SetTariffDto, TariffHistoryDto } from './cycles.dto';
import { SchoolsService } from './schools.service';

type Row = Record<string, unknown>;
const iso = (v: unknown): string | undefined => (v ? new Date(v as string).toISOString() : undefined);

/** School cycles: create the next one, open it (the previous one closes), tariffs, holograms. */
@Injectable()
export class CyclesService {
  constructor(
    private readonly em: EntityManager,
    private readonly schools: SchoolsService,
  ) {}

  async list(): Promise<CycleListDto> {
    const rows = await this.em.execute<Row[]>('select code from school_cycle order by code desc');
    return { items: await Promise.all(rows.map((r) => this.get(String(r.code)))) };
  }

  async get(code: string, em: EntityManager = this.em): Promise<CycleDto> {
    const [c] = await em.execute<Row[]>(
      `select code, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on, is_current, opened_at, closed_at from school_cycle where code = ?`,
      [code],
    );
    if (!c) throw new NotFoundError(`No existe el ciclo escolar ${code}.`, 'code');
    return {
      code: String(c.code),
      startsOn: String(c.starts_on),
      endsOn: String(c.ends_on),
      isCurrent: Boolean(c.is_current),
      openedAt: iso(c.opened_at),
      closedAt: iso(c.closed_at),
      tariffCents: (await replacementTariff(em, String(c.code))).cents,
      hologramItem: `HOLOGRAMA:${String(c.code)}`,
    };
  }

  async create(dto: CreateCycleDto): Promise<CycleDto> {
    if (await this.em.findOne(SchoolCycle, { code: dto.code })) throw new ConflictError(`Ya existe el ciclo escolar ${dto.code}.`, 'code');
    const cycle = new SchoolCycle(dto.code, dto.startsOn, dto.endsOn, dto.replacementTariffCents ?? 2800);
    await this.em.persistAndFlush(cycle);
    return this.get(cycle.code);
  }

  /**
   * Opens `code`: it becomes the current cycle and the previous one closes (one current: a
   * partial unique index). Students holding an issued card become continuing (their card stays
   * valid and needs only the new hologram, R3); the hologram item requests and runs use is the
   * new cycle's, since they resolve the current cycle. Opening the current cycle again changes nothing.
   */
  async open(code: string): Promise<OpenCycleResultDto> {
    return this.em.transactional(async (tx) => {
            const cycles = await tx.execute<Row[]>('select code, is_current from school_cycle order by code for update');
      const target = cycles.find((c) => c.code === code);
      if (!target) throw new NotFoundError(`No existe el ciclo escolar ${code}.`, 'code');
      if (target.is_current) return { cycle: await this.get(code, tx), nowContinuing: 0 };
      const previous = cycles.find((c) => c.is_current);
      if (previous && String(previous.code) > code) {
        throw new ConflictError(`El ciclo ${code} es anterior al vigente (${String(previous.code)}); sólo se abre un ciclo posterior.`, 'code');
      }
      if (previous) await tx.execute('update school_cycle set is_current = false, closed_at = now() where code = ?', [previous.code]);
      await tx.execute('update school_cycle set is_current = true, opened_at = now(), closed_at = null where code = ?', [code]);
      const continuing = await tx.execute<Row[]>(
        `update student s set primer_ingreso = false
         where s.primer_ingreso and exists (select 1 from credential c where c.student_id = s.id and c.status = 'EXPEDIDA')
         returning s.id`,
      );
      return { cycle: await this.get(code, tx), closed: previous ? String(previous.code) : undefined, nowContinuing: continuing.length };
    });
  }

  async tariffs(code: string): Promise<TariffHistoryDto> {
    const cycle = await this.get(code);
    const rows = await this.em.execute<Row[]>(
      `select t.cents, case when t.effective_at = '-infinity' then null else t.effective_at end as effective_at, t.set_by, t.reason
       from replacement_tariff t where t.cycle_code = ? order by t.effective_at desc, t.id desc`,
      [code],
    );
    return {
      cycleCode: code,
      currentCents: cycle.tariffCents,
      history: rows.map((r) => ({ cents: Number(r.cents), effectiveAt: iso(r.effective_at) ?? null, setBy: String(r.set_by), reason: (r.reason as string | null) ?? undefined })),
    };
  }

  /** ADMIN only (the controller says so): a new tariff from now on; earlier payments keep theirs. */
  async setTariff(actor: Actor, code: string, dto: SetTariffDto): Promise<TariffHistoryDto> {
    await this.get(code);
    if (!dto.reason.trim()) throw new DomainError('Indique el motivo del cambio de tarifa.', 'reason');
    await this.em.execute('insert into replacement_tariff (cycle_code, cents, set_by, reason) values (?, ?, ?, ?)', [code, dto.cents, actor.id, dto.reason.trim()]);
    return this.tariffs(code);
  }

  /** A school's confirmation that it placed the current cycle's hologram on these students' cards. */
  async confirmHolograms(actor: Actor, schoolId: number, studentIds: number[]): Promise<HologramConfirmationResultDto> {
    await this.schools.findInScope(actor, schoolId);
    const ids = [...new Set(studentIds)];
    const rows = await this.em.execute<Row[]>('select id from student where school_id = ? and id = any(?::int[])', [schoolId, `{${ids.join(',')}}`]);
    if (rows.length !== ids.length) throw new DomainError('Hay alumnos que no son de esta escuela.', 'alumnos');
    const result = await this.em.transactional((tx) =>
      recordHolograms(tx, { studentIds: ids, source: 'CONFIRMACION_ESCUELA', reference: `escuela-${schoolId}`, recordedBy: actor.id }, true),
    );
    return { cycleCode: result.cycleCode, recorded: result.recorded.length };
  }
}
