import { InventoryHttpModule } from '../../../src/inventory/http/inventory-http.module';
import { startTestApp, TestApp } from '../../support/app';
import { CYCLE, ensureCycles, holderId, ok, OTHER_CYCLE } from './inventory-fixtures';

/** Refused input: 422 problem+json naming the field, and nothing written anywhere in the inventory. */
describe(InventoryHttpModule.name, () => {
  let t: TestApp;
  let tecValles: string;
  let rm: string;
  let vallesId: number;
  let centralId: number;
  let ticketId: number;

  const snapshot = async () => {
    const em = t.db.orm.em.fork();
    const one = async (sql: string) => (await em.execute(sql)) as unknown[];
    return JSON.stringify({
      operations: await one('select count(*) as n from inventory_operation'),
      entries: await one('select count(*) as n from stock_entry'),
      balances: await one('select holder_id, item_code, on_hand, reserved from stock_balance order by 1, 2'),
      tickets: await one('select id, status from supply_ticket order by id'),
      lines: await one('select ticket_id, item_code, requested, approved, shipped from supply_ticket_line order by 1, 2'),
      thresholds: await one('select * from stock_threshold order by 1, 2'),
      equipment: await one('select count(*) as n from equipment'),
      idempotency: await one(`select count(*) as n from idempotency_record where state = 'EN_CURSO'`),
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    tecValles = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    vallesId = await holderId(t, tecValles, 'kind=DRSE');
    centralId = await holderId(t, rm, 'kind=CENTRAL');
    await ok(t, rm, `/inventory/holders/${centralId}/receipts`, { lines: [{ item: 'MICA', quantity: 100 }] });
    ticketId = (await ok(t, tecValles, '/supply-tickets', { lines: [{ item: 'MICA', quantity: 40 }], justification: 'Micas para el segundo periodo.' })).id;
    await ok(t, rm, `/supply-tickets/${ticketId}/review`, {});
  });
  afterAll(async () => t?.close());

  const ticket = (lines: unknown, extra: Record<string, unknown> = {}) => ({ lines, justification: 'Material para el ciclo escolar.', ...extra });

  const cases: Array<[string, () => [string, string, string, unknown], string[]]> = [
    ['zero quantity', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 0 }])], ['lines[0].quantity']],
    ['negative quantity', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 8 }, { item: 'TESLIN', quantity: -8 }])], ['lines[1].quantity']],
    ['fractional quantity', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 2.5 }])], ['lines[0].quantity']],
    ['unknown item', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'PAPEL_BOND', quantity: 10 }])], ['lines[0].item']],
    ['hologram of another cycle', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 5 }, { item: `HOLOGRAMA:${OTHER_CYCLE}`, quantity: 10 }])], ['lines[1].item']],
    ['hologram of an unregistered cycle', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'HOLOGRAMA:2031-2032', quantity: 10 }])], ['lines[0].item']],
    ['Teslin not in whole sheets', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'TESLIN', quantity: 12 }])], ['lines[0].quantity']],
    ['no lines', () => [tecValles, 'POST', '/supply-tickets', ticket([])], ['lines']],
    ['missing justification', () => [tecValles, 'POST', '/supply-tickets', { lines: [{ item: 'MICA', quantity: 5 }] }], ['justification']],
    ['unknown field', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 5 }], { prioridad: 'alta' })], ['prioridad']],
    ['unknown nested field', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 5, color: 'azul' }])], ['lines[0].color']],
    ['bad cycle', () => [tecValles, 'POST', '/supply-tickets', ticket([{ item: 'MICA', quantity: 5 }], { cycleCode: '2026' })], ['cycleCode']],
    ['adjustment without reason', () => [tecValles, 'POST', `/inventory/holders/${vallesId}/adjustments`, { item: 'MICA', delta: 5 }], ['reason']],
    ['adjustment of zero', () => [tecValles, 'POST', `/inventory/holders/${vallesId}/adjustments`, { item: 'MICA', delta: 0, reason: 'Conteo físico.' }], ['delta']],
    ['receipt of an unknown item', () => [rm, 'POST', `/inventory/holders/${centralId}/receipts`, { lines: [{ item: 'TONER', quantity: 1 }] }], ['lines[0].item']],
    ['approval above the requested quantity', () => [rm, 'POST', `/supply-tickets/${ticketId}/approve`, { lines: [{ item: 'MICA', quantity: 41 }] }], ['lines[0].quantity']],
    ['approval of an item not in the ticket', () => [rm, 'POST', `/supply-tickets/${ticketId}/approve`, { lines: [{ item: 'TESLIN', quantity: 8 }] }], ['lines[0].item']],
    ['threshold target not above minimum', () => [tecValles, 'PUT', `/inventory/holders/${vallesId}/thresholds`, { thresholds: [{ item: 'MICA', minimum: 10, target: 20 }, { item: 'TESLIN', minimum: 16, target: 16 }] }], ['thresholds[1].target']],
    ['equipment of an unknown kind', () => [tecValles, 'POST', '/equipment', { holderId: vallesId, kind: 'SCANNER', serialNumber: 'SC-0001' }], ['kind']],
  ];

  it.each(cases)('%s → 422 naming the field, nothing written', async (_, make, fields) => {
    const [token, method, path, json] = make();
    const before = await snapshot();
    const res = await t.http(method, path, { token, json, headers: { 'Idempotency-Key': `malo-${path}-${Math.random()}` } });
    expect(res.status).toBe(422);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    for (const text of [res.body.detail, ...res.body.errors.map((e: { message: string }) => e.message)]) {
      expect(text).toMatch(/\b(el|la|las|los|de|debe)\b/i);
      expect(text).not.toMatch(/\b(must|should|each)\b/);
    }
    expect(await snapshot()).toBe(before);
  });

  it('names the field in query strings too', async () => {
    const ledger = await t.http('GET', `/inventory/holders/${vallesId}/ledger?item=PAPEL`, { token: tecValles });
    expect(ledger.status).toBe(422);
    expect(ledger.body.errors[0].field).toBe('item');
    const cycle = await t.http('GET', `/inventory/holders/${vallesId}/justification?ciclo=2030-2031`, { token: tecValles });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0]).toMatchObject({ field: 'ciclo', message: expect.stringContaining('2030-2031') });
    const ok2 = await t.http('GET', `/inventory/holders/${vallesId}/justification?ciclo=${CYCLE}`, { token: tecValles });
    expect(ok2.status).toBe(200);
  });
});
