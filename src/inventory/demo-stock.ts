import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { ConflictError } from '../common/domain-error';
import { HolderService } from './holder.service';
import { InventoryConfig, loadInventoryConfig } from './inventory-config';
import { ItemLine } from './items';
import { computeInitialKit } from './material-requirement';
import { StockService } from './stock.service';

/** The DRSE whose demo kit is short of micas (8 pieces), so a Procedure 1 there shows shortage → supply → resume. */
export const DEMO_SHORT_DRSE = 'NORTE';
/** Matrícula the central warehouse's demo stock covers (enough to fulfil supply tickets). */
export const DEMO_CENTRAL_MATRICULA = 50_000;

export interface DemoStockResult {
  cycleCode: string | null;
  central: boolean;
  drses: number;
  schools: number;
}

/**
 * Demo stock for `npm run up`: the central warehouse gets stock, every DRSE the initial kit (R6) of
 * the schools R1 routes to it, every on-site school its own kit — all as receipts of the current
 * cycle, idempotent on `demo-stock:<holder>:<cycle>` (a second run writes nothing). DEMO_SHORT_DRSE
 * gets only 8 micas.
 */
export async function seedDemoStock(em: EntityManager, config: InventoryConfig = loadInventoryConfig()): Promise<DemoStockResult> {
  const holders = new HolderService(em);
  const stock = new StockService(em, config);
  const actor: Actor = { id: 'demo-stock', role: 'ADMIN' };
  const [current] = await em.fork().execute<Array<{ code: string }>>('select code from school_cycle where is_current');
  if (!current) return { cycleCode: null, central: false, drses: 0, schools: 0 };
  const cycleCode = current.code;
  const receive = async (key: string, holderId: number, lines: ItemLine[], reason: string): Promise<void> => {
    try {
      await stock.receive({ key: `demo-stock:${key}:${cycleCode}`, actor, holderId, lines, cycleCode, reason });
    } catch (err) {
      // Loaded before with other figures (the catalogue changed): keep what is there.
      if (!(err instanceof ConflictError)) throw err;
    }
  };

  const central = await holders.centralHolder();
  await receive('central', central.id, computeInitialKit({ matricula: DEMO_CENTRAL_MATRICULA, cycleCode, config }).lines, 'Existencia de demostración del almacén central');

  const drses = await em.fork().execute<Array<{ code: string; matricula: string | null }>>(
    `select d.code, (select sum(s.matricula) from school s where s.drse_code = d.code and s.print_route = 'DRSE') as matricula from drse d order by d.code`,
  );
  for (const d of drses) {
    const matricula = Number(d.matricula ?? 0) || 100;
    let lines = computeInitialKit({ matricula, cycleCode, config }).lines;
    if (d.code === DEMO_SHORT_DRSE) lines = lines.map((l) => (l.item === 'MICA' ? { ...l, quantity: 8 } : l));
    const holder = await holders.holderForDrse(d.code);
    await receive(`drse:${d.code}`, holder.id, lines, `Kit inicial de demostración (matrícula atendida: ${matricula})`);
  }

  const schools = await em.fork().execute<Array<{ id: number; matricula: number }>>(`select id, matricula from school where print_route = 'ESCUELA' and matricula > 0 order by id`);
  for (const s of schools) {
    const holder = await holders.holderForSchool(s.id);
    await receive(`school:${s.id}`, holder.id, computeInitialKit({ matricula: s.matricula, cycleCode, config }).lines, `Kit inicial de demostración (matrícula ${s.matricula})`);
  }
  return { cycleCode, central: true, drses: drses.length, schools: schools.length };
}
