import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoCatalog } from '../../../src/catalog/demo/demo-seeder';
import { DEMO_SHORT_DRSE, seedDemoStock } from '../../../src/inventory/demo-stock';
import { BlobStore } from '../../../src/storage/blob-store';
import { createTestDatabase, TestDatabase } from '../../support/db';

type Row = Record<string, unknown>;

describe(seedDemoStock.name, () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'sej-demo-stock-'));
    await seedDemoCatalog(db.orm.em.fork(), new BlobStore(join(dir, 'uploads')), { schoolsPerDrse: 3, maxStudentsPerSchool: 2 });
  });

  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const q = (sql: string, params: unknown[] = []) => db.orm.em.fork().execute<Row[]>(sql, params);

  it('gives central, every DRSE and every on-site school their kit as receipts, once; one DRSE short of micas', async () => {
    const first = await seedDemoStock(db.orm.em.fork());
    const onSite = await q(`select count(*)::int as n from school where print_route = 'ESCUELA'`);
    expect(first).toEqual({ cycleCode: '2026-2027', central: true, drses: 14, schools: onSite[0].n });
    const byKind = await q(`select h.kind, count(distinct h.id)::int as holders from stock_holder h join stock_entry e on e.holder_id = h.id and e.kind = 'RECEIPT' group by h.kind order by h.kind`);
    expect(byKind).toEqual([{ kind: 'CENTRAL', holders: 1 }, { kind: 'DRSE', holders: 14 }, { kind: 'ESCUELA', holders: onSite[0].n }]);
    // A DRSE's kit covers the matrícula of the schools R1 routes to it, plus the 10% margin.
    const [valles] = await q(
      `select b.on_hand, (select sum(matricula) from school where drse_code = 'VALLES' and print_route = 'DRSE')::int as matricula
         from stock_balance b join stock_holder h on h.id = b.holder_id where h.drse_code = 'VALLES' and b.item_code = 'MICA'`,
    );
    expect(valles.on_hand).toBe(Math.ceil((Number(valles.matricula) * 110) / 100));
    const [short] = await q(`select b.on_hand from stock_balance b join stock_holder h on h.id = b.holder_id where h.drse_code = ? and b.item_code = 'MICA'`, [DEMO_SHORT_DRSE]);
    expect(short).toEqual({ on_hand: 8 });
    const [central] = await q(`select b.on_hand from stock_balance b join stock_holder h on h.id = b.holder_id where h.kind = 'CENTRAL' and b.item_code = 'TESLIN'`);
    expect(Number(central.on_hand)).toBeGreaterThan(50_000);

    const entries = await q('select count(*)::int as n from stock_entry');
    await seedDemoStock(db.orm.em.fork());
    expect(await q('select count(*)::int as n from stock_entry')).toEqual(entries);
  });
});
