import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../src/access';
import { HolderService } from '../../../src/inventory/holder.service';
import { DEFAULT_INVENTORY_CONFIG } from '../../../src/inventory/inventory-config';
import type { TestDatabase } from '../../support/db';

export const CONFIG = { ...DEFAULT_INVENTORY_CONFIG };
export const CYCLE = '2026-2027';
export const OTHER_CYCLE = '2025-2026';
export const HOLO = `HOLOGRAMA:${CYCLE}`;
export const OLD_HOLO = `HOLOGRAMA:${OTHER_CYCLE}`;

export const ADMIN: Actor = { id: 'u-admin', role: 'ADMIN' };
export const CENTRAL_STAFF: Actor = { id: 'u-rm', role: 'RECURSOS_MATERIALES' };
export const valleyIt: Actor = { id: 'u-valles-ti', role: 'DRSE_TECNOLOGIAS', drseCode: 'VALLES' };

let cctSeq = 0;

/** Two cycles (one current) and a school that prints on site (matrícula ≥ 475, internet). */
export async function seedCatalog(db: TestDatabase): Promise<{ schoolId: number; smallSchoolId: number }> {
  const em = db.orm.em.fork();
  await em.execute(`insert into school_cycle (code, starts_on, ends_on, is_current) values (?, '2026-08-24', '2027-07-09', true), (?, '2025-08-25', '2026-07-10', false)`, [CYCLE, OTHER_CYCLE]);
  const schoolId = await insertSchool(em, 600, 'VALLES');
  const smallSchoolId = await insertSchool(em, 120, 'VALLES');
  return { schoolId, smallSchoolId };
}

export async function insertSchool(em: EntityManager, matricula: number, drse: string): Promise<number> {
  cctSeq++;
  const cct = `14EPR${String(1000 + cctSeq).padStart(4, '0')}K`;
  const route = matricula >= 475 ? 'ESCUELA' : 'DRSE';
  const [row] = await em.execute<Array<{ id: number }>>(
    `insert into school (cct, turno, nivel, name, address, phone, matricula, has_internet, drse_code, print_route, print_route_reason)
     values (?, 'MATUTINO', 'PRIMARIA', ?, 'Av. Juárez 10, Ameca', '3750000000', ?, true, ?, ?, 'prueba') returning id`,
    [cct, `Escuela Primaria Benito Juárez ${cctSeq}`, matricula, drse, route],
  );
  return row.id;
}

export async function holders(db: TestDatabase) {
  const svc = new HolderService(db.orm.em);
  return { svc, central: await svc.centralHolder(), valles: await svc.holderForDrse('VALLES'), sur: await svc.holderForDrse('SUR') };
}

export async function counts(db: TestDatabase): Promise<{ ops: number; entries: number; balances: string }> {
  const em = db.orm.em.fork();
  const [o] = await em.execute<Array<{ n: string }>>('select count(*) as n from inventory_operation');
  const [e] = await em.execute<Array<{ n: string }>>('select count(*) as n from stock_entry');
  const b = await em.execute('select holder_id, item_code, on_hand, reserved from stock_balance order by holder_id, item_code');
  return { ops: Number(o.n), entries: Number(e.n), balances: JSON.stringify(b) };
}

/** Every (holder, item): balance row equals the ledger sums, and nothing is negative. */
export async function ledgerMismatches(db: TestDatabase): Promise<unknown[]> {
  return db.orm.em.fork().execute(
    `select b.holder_id, b.item_code, b.on_hand, b.reserved, coalesce(l.on_hand, 0) as l_on_hand, coalesce(l.reserved, 0) as l_reserved
       from stock_balance b
       left join (select holder_id, item_code, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved from stock_entry group by holder_id, item_code) l
         on l.holder_id = b.holder_id and l.item_code = b.item_code
      where b.on_hand <> coalesce(l.on_hand, 0) or b.reserved <> coalesce(l.reserved, 0) or b.reserved < 0 or b.on_hand - b.reserved < 0`,
  );
}
