import { randomUUID } from 'node:crypto';
import type { School } from '../../../src/catalog/entities';
import { Credential } from '../../../src/production/entities';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { productionSnapshot, stockForPrinting, today } from './production-fixtures';
import { eventually } from './requests-fixtures';

/** Issue 11 item 4 over HTTP: a loss report (at once «reportada» for the public), then the paid replacement. */
describe('a loss report followed by a replacement', () => {
  let t: TestApp;
  let online: School;
  let offline: School;
  let tokens: Record<'escuela' | 'escuelaOtra' | 'ceValles' | 'plaValles' | 'ceNorte' | 'tecValles' | 'central', string>;

  const post = (token: string, path: string, json: unknown, key?: string) => t.http('POST', path, { token, json, headers: key ? { 'Idempotency-Key': key } : {} });
  const printFor = async (school: School) => {
    const student = await t.createStudent(school);
    const run = await post(tokens.ceValles, '/print-runs', { studentIds: [student.id] });
    expect(run.status).toBe(201);
    return { studentId: student.id, folio: run.body.issued[0].folio as string };
  };
  const verify = async (folio: string) => {
    const card = await t.db.orm.em.fork().findOneOrFail(Credential, { folio });
    const res = await t.http('GET', `/verificar/${card.qrPayload}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    online = await t.createSchool({ drse: 'VALLES', matricula: 200 });
    offline = await t.createSchool({ drse: 'VALLES', matricula: 300, hasInternet: false });
    const other = await t.createSchool({ drse: 'VALLES', matricula: 100 });
    await stockForPrinting(t, { drseCode: 'VALLES' });
    const token = async (spec: Parameters<TestApp['loginAs']>[0]) => (await t.loginAs(spec)).accessToken;
    tokens = {
      escuela: await token({ role: 'ESCUELA', schoolId: online.id }),
      escuelaOtra: await token({ role: 'ESCUELA', schoolId: other.id }),
      ceValles: await token({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' }),
      plaValles: await token({ role: 'DRSE_PLANEACION', drse: 'VALLES' }),
      ceNorte: await token({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' }),
      tecValles: await token({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' }),
      central: await token({ role: 'CONTROL_ESCOLAR_CENTRAL' }),
    };
  });
  afterAll(async () => t?.close());

  it('the school reports a lost card: the public sees it «reportada» at once; the paid replacement then revokes and replaces it', async () => {
    const { studentId, folio } = await printFor(online);
    const report = { studentId, kind: 'PERDIDA', reportedOn: yesterday() };

    const before = await productionSnapshot(t);
    expect((await post(tokens.escuelaOtra, '/replacements/reports', report)).status).toBe(404);
    expect((await post(tokens.ceNorte, '/replacements/reports', report)).status).toBe(404);
    expect((await post(tokens.tecValles, '/replacements/reports', report)).status).toBe(403);
    const drseForOnline = await post(tokens.ceValles, '/replacements/reports', report);
    expect([drseForOnline.status, drseForOnline.body.detail]).toEqual([403, expect.stringContaining('internet')]);
    expect(await productionSnapshot(t)).toBe(before);
    expect(await verify(folio)).toMatchObject({ status: 'VIGENTE' });
    expect(await verify(folio)).not.toHaveProperty('reportedOn');

    const key = `reporte-${randomUUID()}`;
    const res = await post(tokens.escuela, '/replacements/reports', report, key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ studentId, folio, kind: 'PERDIDA', reportedOn: yesterday(), actorRole: 'ESCUELA', onBehalfOfSchool: false, replacementStatus: null });
    const replayed = await post(tokens.escuela, '/replacements/reports', report, key);
    expect([replayed.status, replayed.body]).toEqual([201, res.body]);
    const twice = await post(tokens.escuela, '/replacements/reports', { ...report, kind: 'ROBO' });
    expect([twice.status, twice.body.detail]).toEqual([409, expect.stringContaining('ya fue reportada')]);

    // Before any payment the card is no longer valid for whoever checks it.
    const reported = await verify(folio);
    expect(reported).toMatchObject({ signatureValid: true, status: 'REPORTADA', folio, reportedOn: yesterday(), message: expect.stringContaining('REPORTADA') });
    expect(reported.message).toContain(yesterday().split('-').reverse().join('/'));
    const page = await t.http('GET', `/verificar/${(await t.db.orm.em.fork().findOneOrFail(Credential, { folio })).qrPayload}`, { headers: { Accept: 'text/html' } });
    expect([page.contentType, page.body.toString('utf8')]).toEqual([expect.stringContaining('html'), expect.stringContaining('REPORTADA')]);
    const history = await t.http('GET', `/cards/${folio}/events`, { token: tokens.escuela });
    expect(history.body.events).toEqual([expect.objectContaining({ event: 'REPORTE', actorRole: 'ESCUELA', reason: expect.stringContaining('pérdida') })]);
    const listed = await t.http('GET', '/replacements/reports', { token: tokens.escuela });
    expect(listed.body.items.map((i: { id: number }) => i.id)).toEqual([res.body.id]);
    expect((await t.http('GET', '/replacements/reports', { token: tokens.escuelaOtra })).body.items).toEqual([]);
    expect((await t.http('GET', '/replacements/reports', { token: tokens.ceNorte })).body.items).toEqual([]);

    // The replacement still needs its receipt (the tariff as today).
    const receipt = `R-${randomUUID().slice(0, 8)}`.toUpperCase();
    const payment = { studentId, receiptNumber: receipt, paidOn: today(), amountCents: 2800, reason: 'PERDIDA' };
    expect((await post(tokens.escuela, '/replacements', { ...payment, amountCents: 100 })).status).toBe(422);
    const paid = await post(tokens.escuela, '/replacements', payment, `reposicion-${randomUUID()}`);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ revokedFolio: folio });
    expect(await verify(folio)).toMatchObject({ status: expect.stringMatching(/^(REVOCADA|REEMPLAZADA)$/), reportedOn: yesterday() });

    // The replacement procedure prints the new card; the reported one reads as replaced.
    const issued = await eventually(
      () => t.http('GET', `/replacements?schoolId=${online.id}&status=EMITIDA`, { token: tokens.ceValles }),
      (r) => r.body.items.some((i: { studentId: number }) => i.studentId === studentId),
      60_000,
    );
    const fresh = issued.body.items.find((r: { studentId: number }) => r.studentId === studentId);
    expect(await verify(folio)).toMatchObject({ status: 'REEMPLAZADA', reportedOn: yesterday() });
    expect(await verify(fresh.newFolio)).toMatchObject({ status: 'VIGENTE' });
    expect((await t.http('GET', '/replacements/reports', { token: tokens.escuela })).body.items[0]).toMatchObject({ replacementStatus: 'EMITIDA' });
  });

  it('DRSE Control Escolar or Planeación report for a school without internet, recorded on its behalf', async () => {
    const a = await printFor(offline);
    const b = await printFor(offline);
    const byCe = await post(tokens.ceValles, '/replacements/reports', { studentId: a.studentId, kind: 'ROBO', reportedOn: today() });
    expect(byCe.status).toBe(201);
    expect(byCe.body).toMatchObject({ folio: a.folio, kind: 'ROBO', actorRole: 'DRSE_CONTROL_ESCOLAR', onBehalfOfSchool: true });
    const byPla = await post(tokens.plaValles, '/replacements/reports', { studentId: b.studentId, kind: 'DANO', reportedOn: today() });
    expect(byPla.status).toBe(201);
    expect(await verify(a.folio)).toMatchObject({ status: 'REPORTADA', reportedOn: today() });
    const history = await t.http('GET', `/cards/${a.folio}/events`, { token: tokens.ceValles });
    expect(history.body.events[0]).toMatchObject({ event: 'REPORTE', reason: expect.stringContaining('en nombre de la escuela') });
    expect((await post(tokens.ceNorte, '/replacements/reports', { studentId: b.studentId, kind: 'DANO', reportedOn: today() })).status).toBe(404);
    const log = await t.http('GET', `/schools/${offline.id}/work-log`, { token: tokens.ceValles });
    expect(log.body.items.filter((e: { act: string }) => e.act === 'Reporte de credencial')).toEqual([
      expect.objectContaining({ studentId: b.studentId, actorRole: 'DRSE_PLANEACION', onBehalf: true, detail: expect.stringContaining(b.folio) }),
      expect.objectContaining({ studentId: a.studentId, actorRole: 'DRSE_CONTROL_ESCOLAR', onBehalf: true, detail: expect.stringContaining(a.folio) }),
    ]);
  });

  it('bad input → 422 naming the field; a student without a card in force → 422; nothing written', async () => {
    const { studentId } = await printFor(online);
    const cardless = await t.createStudent(online);
    const good = { studentId, kind: 'ROBO', reportedOn: today() };
    const before = await productionSnapshot(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, kind: 'OLVIDO' }, 'kind'],
      [{ ...good, reportedOn: '02/10/2026' }, 'reportedOn'],
      [{ ...good, reportedOn: '2999-01-01' }, 'reportedOn'],
      [{ ...good, reportedOn: '2026-02-30' }, 'reportedOn'],
      [{ ...good, studentId: 'uno' }, 'studentId'],
      [{ ...good, studentId: cardless.id }, 'studentId'],
    ];
    for (const [json, field] of cases) {
      const res = await post(tokens.escuela, '/replacements/reports', json, `malo-${randomUUID()}`);
      expect({ field, status: res.status, fields: [...new Set(res.body.errors?.map((e: { field: string }) => e.field))] }).toEqual({ field, status: 422, fields: [field] });
    }
    expect(await productionSnapshot(t)).toBe(before);
  });
});
