import { InitialKitsService } from '../../../src/inventory/initial-kits.service';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';

describe(InitialKitsService.name, () => {
  let t: TestApp;
  let admin: string;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(text, params);
  const balances = async () =>
    Object.fromEntries(
      (
        await sql<{ holder: string; item_code: string; on_hand: number }>(
          `select coalesce(h.drse_code, s.cct || '/' || s.turno) as holder, b.item_code, b.on_hand
             from stock_balance b join stock_holder h on h.id = b.holder_id left join school s on s.id = h.school_id`,
        )
      ).map((r) => [`${r.holder} ${r.item_code}`, r.on_hand]),
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;
    await ensureCycles(t);
  });
  afterAll(async () => t?.close());

  it('previews every on-site school and every DRSE for its routed schools, records them once, and a second apply records nothing new', async () => {
    const onSite = await t.createSchool({ cct: '14EPR0500A', drse: 'VALLES', matricula: 500 });
    const small = await t.createSchool({ cct: '14EPR0501B', drse: 'VALLES', matricula: 100 });
    await t.createSchool({ cct: '14EES0502C', nivel: 'SECUNDARIA', drse: 'VALLES', matricula: 300, hasInternet: false });
    await t.createSchool({ cct: '14EPR0503D', drse: 'NORTE', matricula: 40 });
    await t.createSchool({ cct: '14EPR0504E', drse: 'NORTE', matricula: 0 });

    const rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    const preview = await t.http('GET', '/inventory/initial-kits', { token: rm });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ cycleCode: '2026-2027', marginPercent: 10, totals: { recipients: 3, toRecord: 3, alreadyRecorded: 0 } });
    const byName = Object.fromEntries(preview.body.recipients.map((r: { type: string; drseCode: string; cct: string | null }) => [r.type === 'DRSE' ? r.drseCode : r.cct, r]));
    // VALLES prints for 100 + 300 (the secundaria has no internet); NORTE for 40; the 500 primaria on site.
    expect(byName.VALLES).toMatchObject({ type: 'DRSE', matricula: 400, cards: 440, status: 'POR_REGISTRAR' });
    expect(byName.VALLES.lines).toEqual([
      { item: 'HOLOGRAMA:2026-2027', quantity: 440 },
      { item: 'MICA', quantity: 440 },
      { item: 'TESLIN', quantity: 440 },
      { item: 'TINTA', quantity: 100 },
    ]);
    expect(byName.NORTE).toMatchObject({ matricula: 40, cards: 44 });
    expect(byName['14EPR0500A']).toMatchObject({ type: 'ESCUELA', schoolId: onSite.id, matricula: 500, cards: 550 });
    expect(preview.body.totals.pendingLines).toContainEqual({ item: 'MICA', quantity: 440 + 44 + 550 });
    expect(await sql('select 1 from stock_entry')).toHaveLength(0);

    expect((await t.http('POST', '/inventory/initial-kits', { token: rm, json: {} })).status).toBe(403);
    const applied = await t.http('POST', '/inventory/initial-kits', { token: admin, json: {} });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ recorded: 3, totals: { toRecord: 0, alreadyRecorded: 3 } });
    const after = await balances();
    expect(after).toMatchObject({ 'VALLES MICA': 440, 'NORTE MICA': 44, '14EPR0500A/MATUTINO MICA': 550, 'VALLES TINTA': 100 });
    const entries = await sql<{ n: number }>('select count(*)::int as n from stock_entry');

    const again = await t.http('POST', '/inventory/initial-kits', { token: admin, json: { ciclo: '2026-2027' } });
    expect(again.body).toMatchObject({ recorded: 0, totals: { toRecord: 0, alreadyRecorded: 3 } });
    expect(await sql<{ n: number }>('select count(*)::int as n from stock_entry')).toEqual(entries);
    expect(await balances()).toEqual(after);

    // A school that moves on site afterwards gets its kit on the next apply; the others are not touched.
    const patched = await t.http('PATCH', `/schools/${small.id}`, { token: admin, json: { matricula: 480 } });
    expect(patched.body.school.printRoute).toBe('ESCUELA');
    const third = await t.http('POST', '/inventory/initial-kits', { token: admin, json: {} });
    expect(third.body).toMatchObject({ recorded: 1, totals: { toRecord: 0 } });
    expect((await balances())['14EPR0501B/MATUTINO MICA']).toBe(528);
    expect((await balances())['VALLES MICA']).toBe(440);
  });

  it('gives a Sub-DRSE the kit of its own routed schools, apart from its parent DRSE', async () => {
    expect((await t.http('POST', '/drses', { token: admin, json: { code: 'SUR_PONIENTE', name: 'Sub DRSE Sur Poniente', seat: 'Tamazula', parentCode: 'SUR' } })).status).toBe(201);
    await t.createSchool({ cct: '14EPR0510F', drse: 'SUR', matricula: 200 });
    await t.createSchool({ cct: '14EPR0511G', drse: 'SUR_PONIENTE', matricula: 70 });
    const preview = await t.http('GET', '/inventory/initial-kits', { token: admin });
    const of = (code: string) => preview.body.recipients.find((r: { type: string; drseCode: string }) => r.type === 'DRSE' && r.drseCode === code);
    expect(of('SUR')).toMatchObject({ matricula: 200, cards: 220, status: 'POR_REGISTRAR' });
    expect(of('SUR_PONIENTE')).toMatchObject({ matricula: 70, cards: 77, status: 'POR_REGISTRAR' });
    const applied = await t.http('POST', '/inventory/initial-kits', { token: admin, json: {} });
    expect(applied.body.recorded).toBe(2);
    const [row] = await sql<{ on_hand: number }>(
      `select b.on_hand from stock_balance b join stock_holder h on h.id = b.holder_id where h.drse_code = 'SUR_PONIENTE' and b.item_code = 'MICA'`,
    );
    expect(row.on_hand).toBe(77);
  });

  it('answers in Spanish for an unknown cycle', async () => {
    const res = await t.http('GET', '/inventory/initial-kits?ciclo=2030-2031', { token: admin });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/no está registrado/);
    const bad = await t.http('GET', '/inventory/initial-kits?ciclo=2030', { token: admin });
    expect(bad.status).toBe(422);
  });
});
