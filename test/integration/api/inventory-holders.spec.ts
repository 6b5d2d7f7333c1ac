import { HoldersController } from '../../../src/inventory/http/holders.controller';
import { StockService } from '../../../src/inventory/stock.service';
import { startTestApp, TestApp } from '../../support/app';
import { CYCLE, ensureCycles, holderId, ok, OTHER_CYCLE } from './inventory-fixtures';

describe(HoldersController.name, () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let tecValles: string;
  let tecNorte: string;
  let planeacionValles: string;
  let rm: string;
  let escuelaSitio: string;
  let escuelaOtra: string;
  let vallesId: number;
  let centralId: number;
  let onSiteSchoolId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    const onSite = await t.createSchool({ drse: 'VALLES', matricula: 700 });
    const other = await t.createSchool({ drse: 'VALLES', matricula: 800 });
    onSiteSchoolId = onSite.id;
    const a = await t.loginAs({ role: 'ADMIN' });
    admin = a.accessToken;
    adminId = a.user.id;
    tecValles = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    tecNorte = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' })).accessToken;
    planeacionValles = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    escuelaSitio = (await t.loginAs({ role: 'ESCUELA', schoolId: onSite.id })).accessToken;
    escuelaOtra = (await t.loginAs({ role: 'ESCUELA', schoolId: other.id })).accessToken;
    vallesId = await holderId(t, tecValles, 'kind=DRSE');
    centralId = await holderId(t, rm, 'kind=CENTRAL');
  });
  afterAll(async () => t?.close());

  it('lists holders by scope: a school printing on site sees only its own, a DRSE its own and its schools, central everything', async () => {
    const school = await t.http('GET', '/inventory/holders', { token: escuelaSitio });
    expect(school.body.items).toHaveLength(1);
    expect(school.body.items[0]).toMatchObject({ kind: 'ESCUELA', schoolId: onSiteSchoolId, drseCode: 'VALLES' });
    const schoolHolder = school.body.items[0].id as number;
    expect((await t.http('GET', `/inventory/holders/${schoolHolder}/balances`, { token: escuelaSitio })).status).toBe(200);
    expect((await t.http('GET', `/inventory/holders/${schoolHolder}/balances`, { token: escuelaOtra })).status).toBe(404);
    expect((await t.http('GET', `/inventory/holders/${vallesId}/balances`, { token: escuelaSitio })).status).toBe(404);
    expect((await t.http('GET', `/inventory/holders/${centralId}/balances`, { token: tecValles })).status).toBe(404);

    const drse = await t.http('GET', '/inventory/holders', { token: planeacionValles });
    expect(drse.body.items.map((h: { id: number }) => h.id).sort()).toEqual(expect.arrayContaining([vallesId, schoolHolder]));
    expect(drse.body.items.some((h: { kind: string }) => h.kind === 'CENTRAL')).toBe(false);
    expect((await t.http('GET', '/inventory/holders', { token: tecNorte })).body.items.map((h: { id: number }) => h.id)).not.toContain(vallesId);

    const all = await t.http('GET', '/inventory/holders?pageSize=2', { token: rm });
    expect(all.body.items[0]).toMatchObject({ id: centralId, kind: 'CENTRAL' });
    expect(all.body.total).toBeGreaterThanOrEqual(4);
  });

  it('R6: the justification report of a cycle adds up receipts, consumption, waste by reason and adjustments, with the print runs behind them', async () => {
    const stock = t.app.get(StockService);
    const actor = { id: adminId, role: 'ADMIN' as const };
    await ok(t, admin, `/inventory/holders/${vallesId}/receipts`, { lines: [{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 60 }], reason: 'Kit inicial' });
    const adjusted = await t.http('POST', `/inventory/holders/${vallesId}/adjustments`, { token: tecValles, json: { item: 'MICA', delta: -2, reason: 'Conteo físico: dos micas rotas.' } });
    expect(adjusted.status).toBe(201);
    expect(adjusted.body).toMatchObject({ delta: -2, lines: [{ item: 'MICA', quantity: 2 }] });
    await stock.recordWaste({ key: 'just-waste-1', actor, holderId: vallesId, item: 'TESLIN', quantity: 8, wasteReason: 'DAMAGED' });
    await stock.consume({
      key: 'just-run-1', actor, holderId: vallesId, cycleCode: CYCLE, printRunId: 'tiraje-1', requestId: 'solicitud-9',
      usage: [{ item: 'TESLIN', consumed: 14, wasted: 2, wasteReason: 'VOIDED_BLANK' }, { item: 'MICA', consumed: 14 }],
    });

    const res = await t.http('GET', `/inventory/holders/${vallesId}/justification?ciclo=${CYCLE}`, { token: planeacionValles });
    expect(res.status).toBe(200);
    const byItem = Object.fromEntries(res.body.items.map((i: { item: string }) => [i.item, i]));
    expect(byItem.TESLIN).toMatchObject({ received: 80, consumed: 14, wasted: 10, adjusted: 0, onHand: 56, wastedByReason: { DAMAGED: 8, VOIDED_BLANK: 2, MISPRINT: 0, OTHER: 0 } });
    expect(byItem.MICA).toMatchObject({ received: 60, consumed: 14, wasted: 0, adjusted: -2, onHand: 44 });
    expect(res.body.printRuns).toEqual([
      { printRunId: 'tiraje-1', requestIds: ['solicitud-9'], items: [{ item: 'MICA', consumed: 14, wasted: 0 }, { item: 'TESLIN', consumed: 14, wasted: 2 }] },
    ]);
    expect(res.body.outsidePrintRuns).toEqual([{ item: 'TESLIN', consumed: 0, wasted: 8 }]);

    const current = await t.http('GET', `/inventory/holders/${vallesId}/justification`, { token: tecValles });
    expect(current.body).toEqual(res.body);
    const previous = await t.http('GET', `/inventory/holders/${vallesId}/justification?ciclo=${OTHER_CYCLE}`, { token: tecValles });
    expect(previous.body.items.every((i: { received: number; consumed: number }) => i.received === 0 && i.consumed === 0)).toBe(true);

    const ticket = await ok(t, tecValles, '/supply-tickets', { lines: [{ item: 'TESLIN', quantity: 80 }], justification: 'Consumo del primer tiraje, ver reporte.' });
    expect(ticket.justificationReport.items).toEqual(res.body.items);
    expect(ticket.justificationReport.printRuns).toEqual(res.body.printRuns);
  });

  it('flags low stock against thresholds and suggests whole packs; thresholds belong to the DRSE IT office and the administrator', async () => {
    const put = await t.http('PUT', `/inventory/holders/${vallesId}/thresholds`, {
      token: tecValles,
      json: { thresholds: [{ item: 'MICA', minimum: 50, target: 100 }, { item: 'TESLIN', minimum: 16, target: 80 }] },
    });
    expect(put.status).toBe(200);
    const byItem = Object.fromEntries(put.body.items.map((i: { item: string }) => [i.item, i]));
    expect(byItem.MICA).toMatchObject({ available: 44, minimum: 50, target: 100, low: true, suggestedOrder: 56 });
    expect(byItem.TESLIN).toMatchObject({ available: 56, low: false, suggestedOrder: null, availableText: '56 ranuras (7 hojas)' });
    expect(put.body.anyLow).toBe(true);
    const fewer = await t.http('PUT', `/inventory/holders/${vallesId}/thresholds`, { token: admin, json: { thresholds: [{ item: 'TESLIN', minimum: 60, target: 100 }] } });
    expect(fewer.body.items.find((i: { item: string }) => i.item === 'TESLIN')).toMatchObject({ low: true, suggestedOrder: 48 });

    expect((await t.http('PUT', `/inventory/holders/${vallesId}/thresholds`, { token: tecNorte, json: { thresholds: [{ item: 'MICA', minimum: 1, target: 2 }] } })).status).toBe(404);
    expect((await t.http('PUT', `/inventory/holders/${vallesId}/thresholds`, { token: planeacionValles, json: { thresholds: [{ item: 'MICA', minimum: 1, target: 2 }] } })).status).toBe(403);
    const read = await t.http('GET', `/inventory/holders/${vallesId}/balances`, { token: planeacionValles });
    expect(read.body.items.find((i: { item: string }) => i.item === 'MICA')).toMatchObject({ minimum: 50, low: true });
  });

  it('receipts: central staff only at the central warehouse; adjustments never leave stock negative', async () => {
    const atDrse = await t.http('POST', `/inventory/holders/${vallesId}/receipts`, { token: rm, json: { lines: [{ item: 'MICA', quantity: 5 }] } });
    expect(atDrse.status).toBe(403);
    expect(atDrse.body.detail).toContain('almacén central');
    const before = await t.http('GET', `/inventory/holders/${vallesId}/balances`, { token: tecValles });
    const tooMuch = await t.http('POST', `/inventory/holders/${vallesId}/adjustments`, { token: tecValles, json: { item: 'MICA', delta: -1000, reason: 'Conteo físico equivocado.' } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('EXISTENCIA_INSUFICIENTE');
    expect((await t.http('GET', `/inventory/holders/${vallesId}/balances`, { token: tecValles })).body).toEqual(before.body);
  });
});
