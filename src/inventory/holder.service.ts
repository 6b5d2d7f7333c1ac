import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, NotFoundError } from '../common/domain-error';
import { HolderRow, loadHolder } from './stock-ledger';

/** How callers name a holder: by id, by DRSE code, by school id, or the central warehouse. */
export type HolderRef = { holderId: number } | { drseCode: string } | { schoolId: number } | { central: true };

export const CENTRAL_HOLDER_NAME = 'Dirección General de Recursos Materiales y Servicios Generales (almacén central)';

/**
 * Stock holders, created on demand (insert … on conflict do nothing, so concurrent first calls
 * agree on one row). Given `within` (a caller's open transaction) a method runs on that
 * transaction's connection; otherwise in its own context.
 */
@Injectable()
export class HolderService {
  constructor(private readonly em: EntityManager) {}

  async centralHolder(): Promise<HolderRow> {
    const em = this.em.fork();
    await em.execute(`insert into stock_holder (kind, name) values ('CENTRAL', ?) on conflict do nothing`, [CENTRAL_HOLDER_NAME]);
    const [row] = await em.execute<Array<{ id: number }>>(`select id from stock_holder where kind = 'CENTRAL'`);
    return loadHolder(em, row.id);
  }

  async holderForDrse(drseCode: string, within?: EntityManager): Promise<HolderRow> {
    const em = within ?? this.em.fork();
    const code = typeof drseCode === 'string' ? drseCode.trim().toUpperCase() : '';
    const drse = await em.execute<Array<{ code: string; name: string; seat: string }>>('select code, name, seat from drse where code = ?', [code]);
    if (drse.length === 0) throw new NotFoundError(`La DRSE "${String(drseCode)}" no existe.`, 'drseCode');
    await em.execute(
      `insert into stock_holder (kind, drse_code, name) values ('DRSE', ?, ?) on conflict do nothing`,
      [code, `Oficina de Tecnologías, ${drse[0].name} (${drse[0].seat})`],
    );
    const [row] = await em.execute<Array<{ id: number }>>(`select id from stock_holder where kind = 'DRSE' and drse_code = ?`, [code]);
    return loadHolder(em, row.id);
  }

  /** Only a school that prints on site (R1 route ESCUELA) holds stock. */
  async holderForSchool(schoolId: number, within?: EntityManager): Promise<HolderRow> {
    const em = within ?? this.em.fork();
    const existing = await em.execute<Array<{ id: number }>>(`select id from stock_holder where kind = 'ESCUELA' and school_id = ?`, [schoolId]);
    if (existing.length > 0) return loadHolder(em, existing[0].id);
    if (!Number.isInteger(schoolId)) throw new DomainError('La escuela no es válida.', 'schoolId');
    const school = await em.execute<Array<{ name: string; cct: string; turno: string; print_route: string }>>(
      'select name, cct, turno, print_route from school where id = ?',
      [schoolId],
    );
    if (school.length === 0) throw new NotFoundError(`La escuela ${schoolId} no existe.`, 'schoolId');
    const s = school[0];
    if (s.print_route !== 'ESCUELA') {
      throw new DomainError(
        `La escuela ${s.cct} (${s.turno}) no imprime en sitio: sus credenciales las produce su DRSE, así que no tiene almacén de material.`,
        'schoolId',
        'ESCUELA_SIN_ALMACEN',
      );
    }
    await em.execute(
      `insert into stock_holder (kind, school_id, name) values ('ESCUELA', ?, ?) on conflict do nothing`,
      [schoolId, `${s.name} — CCT ${s.cct}, turno ${s.turno}`],
    );
    const [row] = await em.execute<Array<{ id: number }>>(`select id from stock_holder where kind = 'ESCUELA' and school_id = ?`, [schoolId]);
    return loadHolder(em, row.id);
  }

  async resolve(ref: HolderRef): Promise<HolderRow> {
    const r = (ref ?? {}) as Partial<{ holderId: number; drseCode: string; schoolId: number; central: boolean }>;
    if (r.holderId !== undefined) return loadHolder(this.em.fork(), r.holderId);
    if (r.drseCode !== undefined) return this.holderForDrse(r.drseCode);
    if (r.schoolId !== undefined) return this.holderForSchool(r.schoolId);
    if (r.central === true) return this.centralHolder();
    throw new DomainError('Indique el almacén: holderId, drseCode, schoolId o central.', 'holder');
  }

  async get(holderId: number): Promise<HolderRow> {
    return loadHolder(this.em.fork(), holderId);
  }

  async list(): Promise<HolderRow[]> {
    const em = this.em.fork();
    const rows = await em.execute<Array<{ id: number }>>('select id from stock_holder order by id');
    return Promise.all(rows.map((r) => loadHolder(em, r.id)));
  }
}
