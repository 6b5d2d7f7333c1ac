import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '../../support/app';
import { CYCLE, ensureCycles, holderId, ok } from './inventory-fixtures';

const run = promisify(execFile);

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'acuse-')), 'acuse.pdf');
  await fs.writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  await fs.rm(path.dirname(file), { recursive: true, force: true });
  return stdout;
}

type Line = { item: string; shipped: number; received: number; missing: number; backorder: number };

/** Issue 13 (Low): a shipment's receipt states what arrived; the shortfall is written off at central and shipped again. */
describe('Receipt of a supply shipment with a shortfall (faltante)', () => {
  let t: TestApp;
  let tec: string;
  let rm: string;
  let centralId: number;
  let vallesId: number;

  const balances = async (holder: number) => {
    const res = await t.http('GET', `/inventory/holders/${holder}/balances`, { token: rm });
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.items as Array<{ item: string; onHand: number; reserved: number }>).map((b) => [b.item, { onHand: b.onHand, reserved: b.reserved }]));
  };
  const entries = async (shipmentId: number) =>
    t.db.orm.em
      .fork()
      .execute<Array<{ holder_id: number; item_code: string; kind: string; quantity: number; waste_reason: string | null; reason: string | null }>>(
        'select holder_id, item_code, kind, quantity, waste_reason, reason from stock_entry where shipment_id = ? order by id',
        [shipmentId],
      );
  const shippedTicket = async (lines: Array<{ item: string; quantity: number }>) => {
    const opened = await ok(t, tec, '/supply-tickets', { lines, justification: 'Material para el segundo periodo de credencialización.' });
    await ok(t, rm, `/supply-tickets/${opened.id}/review`, {});
    await ok(t, rm, `/supply-tickets/${opened.id}/approve`, {});
    const shipped = await ok(t, rm, `/supply-tickets/${opened.id}/shipments`, { lines });
    return { id: opened.id as number, folio: opened.folio as string, shipmentId: shipped.shipmentId as number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    tec = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    centralId = await holderId(t, rm, 'kind=CENTRAL');
    vallesId = await holderId(t, tec, 'kind=DRSE');
    await ok(t, rm, `/inventory/holders/${centralId}/receipts`, {
      lines: [{ item: 'TESLIN', quantity: 800 }, { item: 'MICA', quantity: 500 }, { item: 'TINTA', quantity: 100 }],
      reason: 'Compra 2026, remisión 5120',
    });
  });
  afterAll(async () => t?.close());

  it('refuses, naming the field, more than shipped, a negative number, a broken sheet, an item not shipped or twice, and writes nothing', async () => {
    const s = await shippedTicket([{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 60 }]);
    const url = `/supply-tickets/${s.id}/shipments/${s.shipmentId}/receipt`;
    const central = await balances(centralId);
    const cases: Array<[unknown, string, RegExp]> = [
      [[{ item: 'MICA', quantity: 61 }], 'lines[0].quantity', /Micas.*0 a 60 piezas/],
      [[{ item: 'TESLIN', quantity: 88 }], 'lines[0].quantity', /Teslin.*0 a 80 ranuras \(10 hojas\)/],
      [[{ item: 'TESLIN', quantity: 20 }], 'lines[0].quantity', /hojas completas/],
      [[{ item: 'MICA', quantity: -1 }], 'lines[0].quantity', /«lines\[0\]\.quantity».*al menos 0/],
      [[{ item: 'MICA', quantity: 60 }, { item: 'TINTA', quantity: 10 }], 'lines[1].item', /no viene en este envío/],
      [[{ item: 'MICA', quantity: 60 }, { item: 'mica', quantity: 50 }], 'lines[1].item', /más de una vez/],
      [[{ item: 'PAPEL', quantity: 1 }], 'lines[0].item', /no existe/],
    ];
    for (const [lines, field, message] of cases) {
      const res = await t.http('POST', url, { token: tec, json: { lines } });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([422, field]);
      expect(res.body.errors[0].message).toMatch(message);
      expect(JSON.stringify(res.body)).not.toMatch(/DomainError|Error:/);
    }
    expect(await balances(centralId)).toEqual(central);
    expect((await balances(vallesId)).MICA?.onHand ?? 0).toBe(0);
    expect((await t.http('GET', `/supply-tickets/${s.id}`, { token: tec })).body.shipments[0].status).toBe('IN_TRANSIT');
    expect(await entries(s.shipmentId)).toEqual([
      expect.objectContaining({ kind: 'RESERVATION', item_code: 'MICA' }),
      expect.objectContaining({ kind: 'RESERVATION', item_code: 'TESLIN' }),
    ]);
  });

  it('receives a shortfall: the DRSE grows by what arrived, central writes the rest off as lost in transit, it is pending again, shipped again and closed', async () => {
    const before = await balances(centralId);
    const dBefore = await balances(vallesId);
    const s = await shippedTicket([{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 60 }]);
    const url = `/supply-tickets/${s.id}/shipments/${s.shipmentId}/receipt`;
    const body = { lines: [{ item: 'TESLIN', quantity: 64, note: 'Llegaron 8 hojas; faltan 2 del paquete.' }] };
    const headers = { 'Idempotency-Key': 'recepcion-faltante-1' };
    const got = await t.http('POST', url, { token: tec, json: body, headers });
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('IN_FULFILLMENT');
    expect(got.body.lines.map((l: Line) => [l.item, l.shipped, l.received, l.missing, l.backorder])).toEqual([
      ['MICA', 60, 60, 0, 0],
      ['TESLIN', 80, 64, 16, 16],
    ]);
    expect(got.body.shipments[0]).toMatchObject({
      status: 'RECEIVED',
      lines: [
        { item: 'MICA', quantity: 60, received: 60, missing: 0, note: null },
        { item: 'TESLIN', quantity: 80, received: 64, missing: 16, note: 'Llegaron 8 hojas; faltan 2 del paquete.' },
      ],
    });
    const central = await balances(centralId);
    expect(central.TESLIN).toEqual({ onHand: before.TESLIN.onHand - 80, reserved: before.TESLIN.reserved });
    expect(central.MICA).toEqual({ onHand: before.MICA.onHand - 60, reserved: before.MICA.reserved });
    const drse = await balances(vallesId);
    expect(drse.TESLIN.onHand).toBe((dBefore.TESLIN?.onHand ?? 0) + 64);
    expect(drse.MICA.onHand).toBe((dBefore.MICA?.onHand ?? 0) + 60);
    const ledger = (await entries(s.shipmentId)).filter((e) => e.item_code === 'TESLIN');
    expect(ledger.map((e) => [e.holder_id, e.kind, e.quantity, e.waste_reason])).toEqual([
      [centralId, 'RESERVATION', 80, null],
      [centralId, 'TRANSFER_OUT', 64, null],
      [vallesId, 'TRANSFER_IN', 64, null],
      [centralId, 'WASTE', 16, 'LOST_IN_TRANSIT'],
    ]);
    expect(ledger[3].reason).toContain(`envío 1 del ticket ${s.folio}: Llegaron 8 hojas`);

    // A retry with the same key, or the same receipt without one, returns the same; other quantities are a 409.
    const replay = await t.http('POST', url, { token: tec, json: body, headers });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(got.body);
    const same = await t.http('POST', url, { token: tec, json: body });
    expect([same.status, same.body.acuseId]).toEqual([200, got.body.acuseId]);
    const other = await t.http('POST', url, { token: tec, json: { lines: [{ item: 'TESLIN', quantity: 72 }] } });
    expect(other.status).toBe(409);
    expect(other.body.detail).toMatch(/ya fue recibido con otras cantidades/);
    expect(await entries(s.shipmentId)).toHaveLength(7);
    expect(await balances(centralId)).toEqual(central);

    // The acuse states what arrived and what was missing.
    const pdf = await t.http('GET', `/acuses/${got.body.acuseId}/pdf`, { token: tec });
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Faltante');
    expect(text).toMatch(/Enviado Recibido Faltante Observaciones/);
    expect(text).toMatch(/80 ranuras .*64 ranuras .*16 ranuras/);
    expect(text).toContain('faltó Hojas Teslin (8 credenciales por hoja): 16 ranuras (2 hojas)');
    expect(text).toMatch(/Llegaron 8 hojas; faltan/);
    const acuse = await t.http('GET', `/acuses/${got.body.acuseId}`, { token: tec });
    expect(acuse.body.lines.find((l: { item: string }) => l.item === 'TESLIN')).toMatchObject({ quantity: 64, shipped: 80, missing: 16 });

    // Central's R6 report shows the loss as waste lost in transit.
    const r6 = await t.http('GET', `/inventory/holders/${centralId}/justification?ciclo=${CYCLE}`, { token: rm });
    expect(r6.status).toBe(200);
    expect(r6.body.items.find((i: { item: string }) => i.item === 'TESLIN').wastedByReason.LOST_IN_TRANSIT).toBeGreaterThanOrEqual(16);

    // Central ships the missing sheets again; the one-click receipt (no body) takes all; the ticket closes.
    const again = await ok(t, rm, `/supply-tickets/${s.id}/shipments`, { lines: [{ item: 'TESLIN', quantity: 16 }] });
    expect(again.status).toBe('FULFILLED');
    const closed = await t.http('POST', `/supply-tickets/${s.id}/shipments/${again.shipmentId}/receipt`, { token: tec });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', finished: true });
    expect(closed.body.lines.find((l: Line) => l.item === 'TESLIN')).toMatchObject({ shipped: 96, received: 80, missing: 16, backorder: 0 });
    expect((await balances(vallesId)).TESLIN.onHand).toBe((dBefore.TESLIN?.onHand ?? 0) + 80);
  });

  it('a receipt that states everything arrived is the one-click receipt (same acuse, nothing missing)', async () => {
    const s = await shippedTicket([{ item: 'MICA', quantity: 20 }]);
    const url = `/supply-tickets/${s.id}/shipments/${s.shipmentId}/receipt`;
    const all = await t.http('POST', url, { token: tec, json: { lines: [{ item: 'MICA', quantity: 20 }] } });
    expect(all.body).toMatchObject({ status: 'CLOSED' });
    const oneClick = await t.http('POST', url, { token: tec });
    expect([oneClick.status, oneClick.body.acuseId]).toEqual([200, all.body.acuseId]);
    expect((await entries(s.shipmentId)).map((e) => e.kind)).toEqual(['RESERVATION', 'TRANSFER_OUT', 'TRANSFER_IN']);
  });
});
