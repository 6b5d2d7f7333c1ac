import { randomUUID } from 'node:crypto';
import type { School } from '../../../src/catalog/entities';
import { Credential } from '../../../src/production/entities';
import { formatFolio } from '../../../src/production/folio';
import { CardsController } from '../../../src/production/http/cards.controller';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { cardOf, productionSnapshot, stockForPrinting, today } from './production-fixtures';
import { eventually } from './requests-fixtures';

/** R9 correction, a card's audit trail, R5 replacement and what the public verification says after each. */
describe(CardsController.name, () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let tokens: Record<'escuela' | 'escuelaOtra' | 'ceValles' | 'ceNorte' | 'tecValles' | 'central' | 'admin', string>;

  const post = (token: string, path: string, json: unknown, key?: string) => t.http('POST', path, { token, json, headers: key ? { 'Idempotency-Key': key } : {} });
  /** Prints new students of `school` through the API as the VALLES DRSE; returns their cards by student id. */
  const printNew = async (n: number) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await t.createStudent(school)).id);
    const run = await post(tokens.ceValles, '/print-runs', { studentIds: ids });
    expect(run.status).toBe(201);
    return { run: run.body, ids };
  };
  const verify = async (folio: string) => {
    const card = await t.db.orm.em.fork().findOneOrFail(Credential, { folio });
    const res = await t.http('GET', `/verificar/${card.qrPayload}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    // POST /replacements starts the replacement workflow: a worker runs it.
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    school = await t.createSchool({ drse: 'VALLES', matricula: 200 });
    other = await t.createSchool({ drse: 'VALLES', matricula: 100 });
    await stockForPrinting(t, { drseCode: 'VALLES' });
    const token = async (spec: Parameters<TestApp['loginAs']>[0]) => (await t.loginAs(spec)).accessToken;
    tokens = {
      escuela: await token({ role: 'ESCUELA', schoolId: school.id }),
      escuelaOtra: await token({ role: 'ESCUELA', schoolId: other.id }),
      ceValles: await token({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' }),
      ceNorte: await token({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' }),
      tecValles: await token({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' }),
      central: await token({ role: 'CONTROL_ESCOLAR_CENTRAL' }),
      admin: await token({ role: 'ADMIN' }),
    };
  });
  afterAll(async () => t?.close());

  it('R9: only central corrects, with a reason; the card is then void for the public and the student printable again', async () => {
    const { run, ids } = await printNew(1);
    const folio: string = run.issued[0].folio;
    const reason = 'Se imprimió por error durante una prueba del equipo.';
    const before = await productionSnapshot(t);
    for (const token of [tokens.escuela, tokens.ceValles, tokens.admin]) {
      const res = await post(token, `/cards/${folio}/correction`, { reason });
      expect([res.status, res.contentType]).toEqual([403, expect.stringContaining('application/problem+json')]);
    }
    for (const bad of [{}, { reason: 'error' }, { reason: 'x'.repeat(501) }]) {
      const res = await post(tokens.central, `/cards/${folio}/correction`, bad);
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([422, 'reason']);
    }
    const typo = `${folio.slice(0, -1)}${(Number(folio.slice(-1)) + 1) % 10}`;
    const mistyped = await post(tokens.central, `/cards/${typo}/correction`, { reason });
    expect([mistyped.status, mistyped.body.errors]).toEqual([422, [{ field: 'folio', message: expect.stringContaining('verificador') }]]);
    expect((await post(tokens.central, `/cards/${formatFolio('2026-2027', 987654321)}/correction`, { reason })).status).toBe(404);
    expect(await productionSnapshot(t)).toBe(before);
    expect(await verify(folio)).toMatchObject({ signatureValid: true, status: 'VIGENTE' });

    const res = await post(tokens.central, `/cards/${folio}/correction`, { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ folio, status: 'ANULADA', reason });
    const again = await post(tokens.central, `/cards/${folio}/correction`, { reason: 'Otro motivo cualquiera, más tarde.' });
    expect(again.body).toEqual(res.body);

    const publicView = await verify(folio);
    expect(publicView).toEqual({ signatureValid: true, status: 'ANULADA', folio, school: { name: school.name, cct: school.cct, turno: school.turno }, cycleCode: '2026-2027', message: expect.stringContaining('ANULADO') });

    const history = await t.http('GET', `/cards/${folio}/events`, { token: tokens.escuela });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ folio, status: 'ANULADA', studentId: ids[0], events: [{ event: 'CORRECCION', reason, actorRole: 'CONTROL_ESCOLAR_CENTRAL' }] });
    expect(history.body.events).toHaveLength(1);
    expect((await t.http('GET', `/cards/${folio}/events`, { token: tokens.ceNorte })).status).toBe(404);
    expect((await t.http('GET', `/cards/${folio}/events`, { token: tokens.escuelaOtra })).status).toBe(404);
    expect((await t.http('GET', `/cards/${folio}/events`, { token: tokens.tecValles })).status).toBe(403);

    const reprint = await post(tokens.ceValles, '/print-runs', { studentIds: ids });
    expect(reprint.body).toMatchObject({ cards: 1, excludedCount: 0 });
    expect(reprint.body.issued[0].folio).not.toBe(folio);
  });

  it('R5: the receipt must match the tariff and be used once; it starts the replacement procedure, which prints the new card; the old folio verifies as replaced', async () => {
    const { run, ids } = await printNew(2);
    const [first, second] = ids;
    const oldFolio: string = run.issued.find((c: { studentId: number }) => c.studentId === first).folio;
    const receipt = `R-${randomUUID().slice(0, 8)}`.toUpperCase();
    const payment = (studentId: number, extra: Record<string, unknown> = {}) => ({ studentId, receiptNumber: receipt, paidOn: today(), amountCents: 2800, reason: 'PERDIDA', ...extra });

    const before = await productionSnapshot(t);
    const wrongAmount = await post(tokens.escuela, '/replacements', payment(first, { amountCents: 2500 }));
    expect([wrongAmount.status, wrongAmount.body.errors]).toEqual([422, [{ field: 'amountCents', message: expect.stringContaining('$28.00') }]]);
    const outOfScope = await post(tokens.escuelaOtra, '/replacements', payment(first));
    expect([outOfScope.status, outOfScope.body.errors?.[0]?.field]).toEqual([404, 'studentId']);
    // The school has internet: its DRSE does not record it for the school.
    expect((await post(tokens.ceValles, '/replacements', payment(first))).status).toBe(403);
    expect(await productionSnapshot(t)).toBe(before);
    expect(await verify(oldFolio)).toMatchObject({ status: 'VIGENTE' });

    const key = `reposicion-${randomUUID()}`;
    const res = await post(tokens.escuela, '/replacements', payment(first), key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ studentId: first, receiptNumber: receipt, amountCents: 2800, reason: 'PERDIDA', revokedFolio: oldFolio, printedBy: { type: 'DRSE', drseCode: 'VALLES' } });
    const replayed = await post(tokens.escuela, '/replacements', payment(first), key);
    expect([replayed.status, replayed.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(replayed.body).toEqual(res.body);
    expect(await verify(oldFolio)).toMatchObject({ status: expect.stringMatching(/^(REVOCADA|REEMPLAZADA)$/) });

    const duplicate = await post(tokens.escuela, '/replacements', payment(second));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ errors: [{ field: 'receiptNumber' }] });
    expect(await verify(run.issued.find((c: { studentId: number }) => c.studentId === second).folio)).toMatchObject({ status: 'VIGENTE' });

    // One path: the receipt started the replacement procedure, whose production step prints the new card.
    const requests = await t.http('GET', '/requests?procedimiento=REPLACEMENT', { token: tokens.escuela });
    expect(requests.body.items).toEqual([expect.objectContaining({ procedimiento: 'REPLACEMENT', escuela: expect.objectContaining({ id: school.id }) })]);
    const done = await eventually(
      () => t.http('GET', `/replacements?status=EMITIDA&schoolId=${school.id}`, { token: tokens.ceValles }),
      (r) => r.body.items.some((i: { id: number }) => i.id === res.body.id),
      60_000,
    );
    const fresh = done.body.items.find((i: { id: number }) => i.id === res.body.id);
    expect(fresh).toMatchObject({ status: 'EMITIDA', newFolio: expect.any(String) });
    expect((await t.http('GET', '/replacements?status=PENDIENTE', { token: tokens.escuela })).body.items).toEqual([]);
    expect((await t.http('GET', '/replacements', { token: tokens.ceNorte })).body.items).toEqual([]);
    expect((await t.http('GET', '/replacements', { token: tokens.escuelaOtra })).body.items).toEqual([]);
    expect(await verify(oldFolio)).toMatchObject({ signatureValid: true, status: 'REEMPLAZADA', folio: oldFolio });
    expect(await verify(fresh.newFolio)).toMatchObject({ status: 'VIGENTE' });
    const history = await t.http('GET', `/cards/${oldFolio}/events`, { token: tokens.central });
    expect(history.body).toMatchObject({ status: 'REEMPLAZADA', replacedByFolio: fresh.newFolio });
    expect(history.body.events.map((e: { event: string }) => e.event)).toEqual(['REVOCACION', 'REEMPLAZO']);
    expect((await cardOf(t, first)).folio).toBe(fresh.newFolio);
  });

  it('replacement bad input → 422 naming the field, nothing written', async () => {
    const { ids } = await printNew(1);
    const good = { studentId: ids[0], receiptNumber: 'R-0001', paidOn: today(), amountCents: 2800, reason: 'ROBO' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, paidOn: '15/09/2026' }, 'paidOn'],
      [{ ...good, paidOn: '2999-01-01' }, 'paidOn'],
      [{ ...good, reason: 'OLVIDO' }, 'reason'],
      [{ ...good, studentId: 'uno' }, 'studentId'],
      [{ ...good, amountCents: 28.5 }, 'amountCents'],
      [{ ...good, receiptNumber: '¡?' }, 'receiptNumber'],
      [{ ...good, folioViejo: '2627-0000001-8' }, 'folioViejo'],
    ];
    const before = await productionSnapshot(t);
    for (const [json, field] of cases) {
      const res = await post(tokens.escuela, '/replacements', json, `malo-${randomUUID()}`);
      expect({ field, status: res.status, fields: [...new Set(res.body.errors?.map((e: { field: string }) => e.field))] }).toEqual({ field, status: 422, fields: [field] });
    }
    expect(await productionSnapshot(t)).toBe(before);
  });

  it('the public verification and keys answer without login, with minimal data only', async () => {
    const { run } = await printNew(1);
    const body = await verify(run.issued[0].folio);
    expect(Object.keys(body).sort()).toEqual(['cycleCode', 'folio', 'message', 'school', 'signatureValid', 'status']);
    expect(Object.keys(body.school).sort()).toEqual(['cct', 'name', 'turno']);
    expect(JSON.stringify(body)).not.toContain(run.issued[0].studentName.split(' ')[0]);
    const keys = await t.http('GET', '/verificar/claves');
    expect(keys.status).toBe(200);
    expect(keys.body[0]).toMatchObject({ keyId: 'K1', algorithm: 'Ed25519', current: true });
    const doc = (await t.http('GET', '/docs-json')).body;
    expect(doc.paths['/verificar/{payload}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/VerificationResultDto' });
    expect(Object.keys(doc.components.schemas.VerificationResultDto.properties).sort()).toEqual(['cycleCode', 'folio', 'message', 'reportedOn', 'school', 'signatureValid', 'status']);
  });
});
