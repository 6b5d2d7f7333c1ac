import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SupplyTicketsController } from '../../../src/inventory/http/supply-tickets.controller';
import { startTestApp, TestApp } from '../../support/app';
import { CYCLE, ensureCycles, holderId, ok } from './inventory-fixtures';

const run = promisify(execFile);
const HOLO = `HOLOGRAMA:${CYCLE}`;

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'acuse-')), 'acuse.pdf');
  await fs.writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  await fs.rm(path.dirname(file), { recursive: true, force: true });
  return stdout;
}

describe(SupplyTicketsController.name, () => {
  let t: TestApp;
  let tecValles: string;
  let tecNorte: string;
  let planeacionValles: string;
  let rm: string;
  let centralId: number;
  let vallesId: number;

  const balances = async (holder: number, token = rm) => {
    const res = await t.http('GET', `/inventory/holders/${holder}/balances`, { token });
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.items as Array<{ item: string; onHand: number; reserved: number }>).map((b) => [b.item, { onHand: b.onHand, reserved: b.reserved }]));
  };

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    tecValles = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    tecNorte = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' })).accessToken;
    planeacionValles = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    centralId = await holderId(t, rm, 'kind=CENTRAL');
    vallesId = await holderId(t, tecValles, 'kind=DRSE');
    await ok(t, rm, `/inventory/holders/${centralId}/receipts`, {
      lines: [{ item: 'TESLIN', quantity: 800 }, { item: 'MICA', quantity: 500 }, { item: HOLO, quantity: 500 }, { item: 'TINTA', quantity: 100 }],
      reason: 'Compra 2026, remisión 4411',
    });
  });
  afterAll(async () => t?.close());

  it('runs a ticket from opening to closing: reduced approval, two partial shipments, stock grows only on confirmed receipt, acuse PDF', async () => {
    const opened = await t.http('POST', '/supply-tickets', {
      token: tecValles,
      json: { lines: [{ item: 'TESLIN', quantity: 160 }, { item: 'MICA', quantity: 100 }, { item: HOLO.toLowerCase(), quantity: 100 }], justification: 'Se agotó el material del primer periodo de credencialización.' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'OPEN', drseCode: 'VALLES', holderId: vallesId, origin: 'DRSE', cycleCode: CYCLE, finished: false });
    expect(opened.body.folio).toMatch(/^AB-\d{4}-\d{6}$/);
    expect(opened.body.justificationReport).toMatchObject({ holderId: vallesId, cycleCode: CYCLE });
    const id = opened.body.id as number;

    const seen = await t.http('GET', '/supply-tickets?status=OPEN', { token: planeacionValles });
    expect(seen.body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await t.http('GET', `/supply-tickets/${id}`, { token: tecNorte })).status).toBe(404);
    expect((await t.http('POST', `/supply-tickets/${id}/approve`, { token: tecValles, json: {} })).status).toBe(403);

    expect((await t.http('POST', `/supply-tickets/${id}/review`, { token: rm })).body.status).toBe('UNDER_REVIEW');
    const approved = await t.http('POST', `/supply-tickets/${id}/approve`, {
      token: rm,
      json: { lines: [{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 60 }], note: 'Se surte la mitad de Teslin por existencia.' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.lines.map((l: { item: string; requested: number; approved: number; backorder: number }) => [l.item, l.requested, l.approved, l.backorder])).toEqual([
      [HOLO, 100, 100, 100],
      ['MICA', 100, 60, 60],
      ['TESLIN', 160, 80, 80],
    ]);

    // Opening the ticket created the DRSE's balance rows, at zero.
    const nothingYet = { [HOLO]: { onHand: 0, reserved: 0 }, MICA: { onHand: 0, reserved: 0 }, TESLIN: { onHand: 0, reserved: 0 } };
    const first = await t.http('POST', `/supply-tickets/${id}/shipments`, { token: rm, json: { lines: [{ item: 'TESLIN', quantity: 40 }, { item: 'MICA', quantity: 60 }, { item: HOLO, quantity: 100 }] } });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('IN_FULFILLMENT');
    expect(first.body.lines.find((l: { item: string }) => l.item === 'TESLIN')).toMatchObject({ shipped: 40, backorder: 40, received: 0 });
    expect(await balances(vallesId)).toEqual(nothingYet);
    expect((await balances(centralId)).TESLIN).toEqual({ onHand: 800, reserved: 40 });

    const tooMuch = await t.http('POST', `/supply-tickets/${id}/shipments`, { token: rm, json: { lines: [{ item: 'TESLIN', quantity: 48 }] } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0].field).toBe('lines[0].quantity');
    const second = await t.http('POST', `/supply-tickets/${id}/shipments`, { token: rm, json: { lines: [{ item: 'TESLIN', quantity: 40 }] } });
    expect(second.status).toBe(201);
    expect(second.body.status).toBe('FULFILLED');
    expect(second.body.lines.every((l: { backorder: number }) => l.backorder === 0)).toBe(true);
    const [s1, s2] = second.body.shipments as Array<{ id: number; number: number; status: string }>;
    expect([s1.number, s2.number, s1.status, s2.status]).toEqual([1, 2, 'IN_TRANSIT', 'IN_TRANSIT']);
    expect(await balances(vallesId)).toEqual(nothingYet);

    expect((await t.http('POST', `/supply-tickets/${id}/shipments/${s1.id}/receipt`, { token: tecNorte })).status).toBe(404);
    expect((await t.http('POST', `/supply-tickets/${id}/shipments/${s1.id}/receipt`, { token: rm })).status).toBe(403);
    const got1 = await t.http('POST', `/supply-tickets/${id}/shipments/${s1.id}/receipt`, { token: tecValles });
    expect(got1.status).toBe(200);
    expect(got1.body.status).toBe('FULFILLED');
    expect(got1.body.acuseFolio).toMatch(/^AC-\d{4}-\d{6}$/);
    expect(await balances(vallesId, tecValles)).toEqual({ [HOLO]: { onHand: 100, reserved: 0 }, MICA: { onHand: 60, reserved: 0 }, TESLIN: { onHand: 40, reserved: 0 } });
    expect((await balances(centralId)).TESLIN).toEqual({ onHand: 760, reserved: 40 });

    const again = await t.http('POST', `/supply-tickets/${id}/shipments/${s1.id}/receipt`, { token: tecValles });
    expect(again.status).toBe(200);
    expect(again.body.acuseId).toBe(got1.body.acuseId);
    expect((await balances(vallesId)).TESLIN.onHand).toBe(40);

    const got2 = await t.http('POST', `/supply-tickets/${id}/shipments/${s2.id}/receipt`, { token: tecValles });
    expect(got2.body).toMatchObject({ status: 'CLOSED', finished: true });
    expect(got2.body.acuseId).not.toBe(got1.body.acuseId);
    expect(await balances(vallesId)).toMatchObject({ TESLIN: { onHand: 80, reserved: 0 } });
    expect((await balances(centralId)).TESLIN).toEqual({ onHand: 720, reserved: 0 });

    const ledger = await t.http('GET', `/inventory/holders/${vallesId}/ledger?item=teslin&pageSize=1`, { token: planeacionValles });
    expect(ledger.body.total).toBe(2);
    expect(ledger.body.items).toHaveLength(1);
    expect(ledger.body.items[0]).toMatchObject({ kind: 'TRANSFER_IN', item: 'TESLIN', quantity: 40, ticketId: id, shipmentId: s2.id, counterpartHolderId: centralId });

    const acuses = await t.http('GET', `/acuses?ticketId=${id}`, { token: tecValles });
    expect(acuses.body.items.map((a: { folio: string }) => a.folio).sort()).toEqual([got1.body.acuseFolio, got2.body.acuseFolio].sort());
    expect(acuses.body.items.find((a: { id: number }) => a.id === got1.body.acuseId)).toMatchObject({ kind: 'ENVIO_DRSE', drseCode: 'VALLES', shipmentId: s1.id, signed: false });
    expect((await t.http('GET', `/acuses/${got1.body.acuseId}`, { token: tecNorte })).status).toBe(404);

    const pdf = await t.http('GET', `/acuses/${got1.body.acuseId}/pdf`, { token: tecValles });
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`acuse-${got1.body.acuseFolio}.pdf`);
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(got1.body.acuseFolio);
    expect(text).toContain(opened.body.folio);
  });

  it('rejects and cancels with a reason; a DRSE cancels only its own tickets', async () => {
    const a = await ok(t, tecValles, '/supply-tickets', { lines: [{ item: 'MICA', quantity: 10 }], justification: 'Reposición de micas dañadas.' });
    await ok(t, rm, `/supply-tickets/${a.id}/review`, {});
    const noReason = await t.http('POST', `/supply-tickets/${a.id}/reject`, { token: rm, json: {} });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const rejected = await t.http('POST', `/supply-tickets/${a.id}/reject`, { token: rm, json: { reason: 'Ya se surtió en el ticket anterior.' } });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionNote: 'Ya se surtió en el ticket anterior.', finished: true });
    const late = await t.http('POST', `/supply-tickets/${a.id}/approve`, { token: rm, json: {} });
    expect(late.status).toBe(409);
    expect(late.contentType).toContain('application/problem+json');

    const b = await ok(t, tecValles, '/supply-tickets', { lines: [{ item: 'MICA', quantity: 10 }], justification: 'Reposición de micas dañadas.' });
    expect((await t.http('POST', `/supply-tickets/${b.id}/cancel`, { token: tecNorte, json: { reason: 'No es mío.' } })).status).toBe(404);
    const cancelled = await t.http('POST', `/supply-tickets/${b.id}/cancel`, { token: tecValles, json: { reason: 'Se pidió por error.' } });
    expect(cancelled.body.status).toBe('CANCELLED');
  });

  it('replays a retried POST with the same Idempotency-Key and writes once', async () => {
    const count = async () => Number((await t.db.orm.em.fork().execute<Array<{ n: string }>>('select count(*) as n from supply_ticket'))[0].n);
    const before = await count();
    const body = { lines: [{ item: 'TINTA', quantity: 50 }], justification: 'Se terminó el juego de cartuchos.' };
    const headers = { 'Idempotency-Key': 'ticket-tinta-001' };
    const first = await t.http('POST', '/supply-tickets', { token: tecValles, json: body, headers });
    const second = await t.http('POST', '/supply-tickets', { token: tecValles, json: body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    const changed = await t.http('POST', '/supply-tickets', { token: tecValles, json: { ...body, justification: 'Otra justificación distinta.' }, headers });
    expect(changed.status).toBe(422);
    expect(await count()).toBe(before + 1);

    const receiptHeaders = { 'Idempotency-Key': 'entrada-central-77' };
    const receipt = { lines: [{ item: 'MICA', quantity: 7 }] };
    const onHand = async () => (await balances(centralId)).MICA.onHand;
    const start = await onHand();
    expect((await t.http('POST', `/inventory/holders/${centralId}/receipts`, { token: rm, json: receipt, headers: receiptHeaders })).status).toBe(201);
    const replay = await t.http('POST', `/inventory/holders/${centralId}/receipts`, { token: rm, json: receipt, headers: receiptHeaders });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await onHand()).toBe(start + 7);

    const approved = await ok(t, tecValles, '/supply-tickets', { lines: [{ item: 'MICA', quantity: 30 }], justification: 'Micas para el tercer periodo.' });
    await ok(t, rm, `/supply-tickets/${approved.id}/review`, {});
    await ok(t, rm, `/supply-tickets/${approved.id}/approve`, {});
    const ship = { lines: [{ item: 'MICA', quantity: 10 }] };
    const shipHeaders = { 'Idempotency-Key': 'envio-parcial-1' };
    const s1 = await t.http('POST', `/supply-tickets/${approved.id}/shipments`, { token: rm, json: ship, headers: shipHeaders });
    const s2 = await t.http('POST', `/supply-tickets/${approved.id}/shipments`, { token: rm, json: ship, headers: shipHeaders });
    expect(s2.body.shipmentId).toBe(s1.body.shipmentId);
    const after = await t.http('GET', `/supply-tickets/${approved.id}`, { token: rm });
    expect(after.body.shipments).toHaveLength(1);
    expect(after.body.lines[0]).toMatchObject({ shipped: 10, backorder: 20 });
  });
});
