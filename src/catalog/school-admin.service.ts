import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { DomainError, NotFoundError } from '../common/domain-error';
import { InvalidInputError } from '../http/problem';
import { openRequestsOfSchool } from '../requests';
import { UPLOAD_LIMITS } from '../uploads/upload-limits';
import { readCsvTable } from './csv-table';
import { Drse } from './entities/drse.entity';
import { SchoolChange } from './entities/school-change.entity';
import { School, type FieldChange, type SchoolChanges } from './entities/school.entity';
import { planSchoolImport, SCHOOL_COLUMNS, SCHOOL_REQUIRED_COLUMNS, type RawSchoolRow, type SchoolImportPlan } from './school-import';
import type { SchoolChangeListDto, SchoolEditResultDto, SchoolImportReportDto, SchoolImportRowDto, SchoolWorkLogDto, UpdateSchoolDto } from './school-admin.dto';
import { SCHOOL_WORK_ACTS, type SchoolWorkAct } from './entities/school-work-audit.entity';
import { SchoolsService, toSchoolDto } from './schools.service';

/** Fields a DRSE's Control Escolar may change on its own schools; central roles change all of them. */
const DRSE_EDITABLE = new Set<keyof UpdateSchoolDto>(['matricula', 'hasInternet']);

export interface SchoolImportOptions {
  simular?: boolean;
  parcial?: boolean;
}

/** Schools as managed data: SCEJAL imports (dry run, upsert by CCT + turno) and audited single edits. */
@Injectable()
export class SchoolAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly schools: SchoolsService,
  ) {}

  async importCsv(actor: Actor, data: Buffer, options: SchoolImportOptions): Promise<SchoolImportReportDto> {
    const table = readCsvTable(data, SCHOOL_COLUMNS, SCHOOL_REQUIRED_COLUMNS, UPLOAD_LIMITS.csvMaxRows, 'escuelas');
    const columns = Object.keys(SCHOOL_COLUMNS) as (keyof typeof SCHOOL_COLUMNS)[];
    const rows: RawSchoolRow[] = table.rows.map(({ record, line }) => ({
      line,
      values: Object.fromEntries(columns.map((c) => [c, table.cell(record, c)])),
    }));
    return this.importRows(actor, rows, options, table.ignoredColumns);
  }

  /** JSON rows: row i is reported as line i + 1. */
  async importJson(actor: Actor, schools: SchoolImportRowDto[], options: SchoolImportOptions): Promise<SchoolImportReportDto> {
    const rows: RawSchoolRow[] = schools.map((s, i) => ({
      line: i + 1,
      values: {
        CCT: s.cct,
        TURNO: s.turno,
        NIVEL: s.nivel,
        NOMBRE: s.nombre,
        DOMICILIO: s.domicilio,
        TELEFONO: s.telefono,
        MUNICIPIO: s.municipio,
        DRSE: s.drse,
        MATRICULA: String(s.matricula),
        INTERNET: s.internet ? 'SI' : 'NO',
        SOSTENIMIENTO: s.sostenimiento,
      },
    }));
    return this.importRows(actor, rows, options, []);
  }

  private async importRows(actor: Actor, rows: RawSchoolRow[], options: SchoolImportOptions, ignoredColumns: string[]): Promise<SchoolImportReportDto> {
    if (options.simular) {
      const plan = await this.plan(this.em, rows);
      return report(plan, rows.length, true, ignoredColumns);
    }
    return this.em.transactional(async (tx) => {
      const plan = await this.plan(tx, rows);
      if (plan.refused.length && !options.parcial) {
        const lines = new Set(plan.refused.map((p) => p.line)).size;
        throw new InvalidInputError(
          `El archivo tiene ${lines} renglón(es) con errores; no se importó nada. Corríjalos, revise con ?simular=true o use ?parcial=true para importar sólo los correctos.`,
          plan.refused,
        );
      }
      const at = new Date();
      for (const p of plan.create) {
        const school = new School({ cct: p.cct, turno: p.turno, ...p.changes });
        tx.persist(school);
        tx.persist(new SchoolChange(school, actor, 'IMPORTACION', { field: 'alta', old: null, new: `${p.cct} ${p.turno}` }, at));
      }
      for (const p of plan.change) {
        for (const change of p.existing.edit(p.changes)) tx.persist(new SchoolChange(p.existing, actor, 'IMPORTACION', change, at));
      }
      await tx.flush();
      return report(plan, rows.length, false, ignoredColumns);
    });
  }

  private async plan(em: EntityManager, rows: RawSchoolRow[]): Promise<SchoolImportPlan> {
    const drses = new Map((await em.find(Drse, {})).map((d) => [d.code, d]));
    const ccts = [...new Set(rows.map((r) => (r.values.CCT ?? '').trim().toUpperCase()).filter(Boolean))];
    const existing = new Map<string, School>();
    for (let i = 0; i < ccts.length; i += 1000) {
      for (const s of await em.find(School, { cct: { $in: ccts.slice(i, i + 1000) } })) existing.set(s.key, s);
    }
    return planSchoolImport(rows, drses, existing);
  }

  /**
   * One school's edit: audited field by field and R1 recomputed. Open requests keep the route
   * stored on them when they started; the answer lists them so the editor knows.
   */
  async edit(actor: Actor, id: number, dto: UpdateSchoolDto): Promise<SchoolEditResultDto> {
    const given = (Object.keys(dto) as (keyof UpdateSchoolDto)[]).filter((k) => dto[k] !== undefined);
    if (!given.length) throw new DomainError('Indique al menos un dato que cambiar (matrícula, internet, domicilio, teléfono o DRSE).', 'matricula');
    await this.schools.findInScope(actor, id);
    if (actor.role === 'DRSE_CONTROL_ESCOLAR') {
      const forbidden = given.find((k) => !DRSE_EDITABLE.has(k));
      if (forbidden) {
        throw new DomainError('Control Escolar de la DRSE sólo cambia la matrícula y el acceso a internet de sus escuelas; lo demás lo cambia Control Escolar central.', forbidden, 'PROHIBIDO', 403);
      }
    }
    const { school, changes } = await this.em.transactional(async (tx) => {
      const target = await tx.findOneOrFail(School, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const patch: SchoolChanges = { matricula: dto.matricula, hasInternet: dto.hasInternet, address: dto.address, phone: dto.phone };
      if (dto.drseCode !== undefined) {
        const drse = await tx.findOne(Drse, { code: dto.drseCode });
        if (!drse) throw new NotFoundError(`No existe la DRSE o Sub-DRSE ${dto.drseCode}.`, 'drseCode');
        patch.drse = drse;
      }
      const made: FieldChange[] = target.edit(patch);
      const at = new Date();
      for (const change of made) tx.persist(new SchoolChange(target, actor, 'EDICION', change, at));
      await tx.flush();
      return { school: target, changes: made };
    });
    return {
      school: toSchoolDto(school),
      changes,
      routeChanged: changes.some((c) => c.field === 'ruta de impresión'),
      openRequests: await openRequestsOfSchool(this.em, id),
    };
  }

  /** The school's own work (students, photos, opt-outs, oficios, replacements, reports), newest first, with who did it and for whom. */
  async workLog(actor: Actor, id: number): Promise<SchoolWorkLogDto> {
    await this.schools.findInScope(actor, id);
    const rows = await this.em.execute<Array<Record<string, unknown>>>(
      `select a.at, a.act, a.detail, a.student_id, a.actor_id, a.actor_role, a.on_behalf, u.username
         from school_work_audit a
         left join app_user u on u.id::text = a.actor_id
        where a.school_id = ? order by a.at desc, a.id desc limit 500`,
      [id],
    );
    return {
      items: rows.map((r) => ({
        at: new Date(r.at as string).toISOString(),
        act: SCHOOL_WORK_ACTS[r.act as SchoolWorkAct] ?? String(r.act),
        detail: (r.detail as string | null) ?? null,
        studentId: r.student_id == null ? null : Number(r.student_id),
        actorId: String(r.actor_id),
        actorUsername: (r.username as string | null) ?? null,
        actorRole: String(r.actor_role),
        onBehalf: Boolean(r.on_behalf),
      })),
    };
  }

  async changes(actor: Actor, id: number): Promise<SchoolChangeListDto> {
    await this.schools.findInScope(actor, id);
    const rows = await this.em.find(SchoolChange, { school: id }, { orderBy: { at: 'desc', id: 'desc' }, limit: 500 });
    return {
      items: rows.map((c) => ({
        at: c.at.toISOString(),
        actorId: c.actorId,
        actorRole: c.actorRole,
        source: c.source,
        field: c.field,
        old: c.oldValue ?? null,
        new: c.newValue ?? null,
      })),
    };
  }
}

function report(plan: SchoolImportPlan, lines: number, dryRun: boolean, ignoredColumns: string[]): SchoolImportReportDto {
  return {
    dryRun,
    lines,
    created: plan.create.map((p) => ({ line: p.line, cct: p.cct, turno: p.turno, name: p.changes.name, printRoute: p.route })),
    changed: plan.change.map((p) => ({ line: p.line, schoolId: p.existing.id, cct: p.cct, turno: p.turno, changes: p.fields })),
    unchanged: plan.unchanged,
    refused: plan.refused.map((p) => ({ line: p.line ?? 0, field: p.field, message: p.message })),
    routeChanges: plan.routeChanges,
    ignoredColumns,
  };
}
