import type { School } from '../../../src/catalog/entities';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { stockForPrinting } from './production-fixtures';

/** Issue 11 item 3: opt-out reversal (audited) and R4 refusal complaints with a deadline and an outcome. */
describe('opt-out reversal and refusal complaints (R4)', () => {
  let t: TestApp;
  let online: School;
  let offline: School;
  let tokens: Record<'escuela' | 'escuelaOffline' | 'ceValles' | 'plaValles' | 'ceNorte' | 'central', string>;

  const post = (token: string, path: string, json: unknown) => t.http('POST', path, { token, json });
  const audit = async (studentId: number) =>
    t.db.orm.em.fork().execute<Array<{ act: string; actor_role: string; on_behalf: boolean; detail: string }>>(
      `select act, actor_role, on_behalf, detail from school_work_audit where student_id = ? and act = 'DECLINACION_REVERTIDA' order by id`,
      [studentId],
    );
  const decline = async (token: string, studentId: number) => {
    const res = await post(token, `/students/${studentId}/opt-out`, { reason: 'La familia no la desea.' });
    expect([res.status, res.body.declined]).toEqual([200, true]);
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { COMPLAINT_DUE_DAYS: '3' } });
    await ensureCycles(t);
    online = await t.createSchool({ drse: 'VALLES', matricula: 200 });
    offline = await t.createSchool({ drse: 'VALLES', matricula: 300, hasInternet: false });
    await stockForPrinting(t, { drseCode: 'VALLES' });
    const token = async (spec: Parameters<TestApp['loginAs']>[0]) => (await t.loginAs(spec)).accessToken;
    tokens = {
      escuela: await token({ role: 'ESCUELA', schoolId: online.id }),
      escuelaOffline: await token({ role: 'ESCUELA', schoolId: offline.id }),
      ceValles: await token({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' }),
      plaValles: await token({ role: 'DRSE_PLANEACION', drse: 'VALLES' }),
      ceNorte: await token({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' }),
      central: await token({ role: 'CONTROL_ESCOLAR_CENTRAL' }),
    };
  });
  afterAll(async () => t?.close());

  it('the school reverses an opt-out when the family asks later: audited, the student is printed again', async () => {
    const s = await t.createStudent(online);
    await decline(tokens.escuela, s.id);
    const excluded = await post(tokens.ceValles, '/print-runs', { studentIds: [s.id] });
    expect([excluded.status, JSON.stringify(excluded.body)]).toEqual([422, expect.stringContaining('declinó')]);

    expect((await post(tokens.escuela, `/students/${s.id}/opt-out/reversal`, { reason: 'no' })).status).toBe(422);
    expect((await post(tokens.ceValles, `/students/${s.id}/opt-out/reversal`, { reason: 'La familia la pide.' })).status).toBe(403);
    expect((await post(tokens.ceNorte, `/students/${s.id}/opt-out/reversal`, { reason: 'La familia la pide.' })).status).toBe(404);
    const res = await post(tokens.escuela, `/students/${s.id}/opt-out/reversal`, { reason: 'La familia ahora pide la credencial.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, declined: false });
    expect(res.body).not.toHaveProperty('declinedAt');
    const again = await post(tokens.escuela, `/students/${s.id}/opt-out/reversal`, { reason: 'La familia ahora pide la credencial.' });
    expect([again.status, again.body.detail]).toEqual([409, expect.stringContaining('no ha declinado')]);
    expect(await audit(s.id)).toEqual([
      { act: 'DECLINACION_REVERTIDA', actor_role: 'ESCUELA', on_behalf: false, detail: expect.stringContaining('La familia ahora pide la credencial.') },
    ]);
    const printed = await post(tokens.ceValles, '/print-runs', { studentIds: [s.id] });
    expect(printed.body).toMatchObject({ cards: 1, excludedCount: 0 });
  });

  it('DRSE staff reverse it on behalf of a school without internet', async () => {
    const s = await t.createStudent(offline);
    await decline(tokens.escuelaOffline, s.id);
    const res = await post(tokens.plaValles, `/students/${s.id}/opt-out/reversal`, { reason: 'La familia acudió a la DRSE.' });
    expect([res.status, res.body.declined]).toEqual([200, false]);
    expect(await audit(s.id)).toEqual([expect.objectContaining({ act: 'DECLINACION_REVERTIDA', actor_role: 'DRSE_PLANEACION', on_behalf: true })]);
  });

  it('a complaint filed by the DRSE for the family has a deadline; its Control Escolar resolves it: PROCEDE makes the student eligible and the card shows', async () => {
    const s = await t.createStudent(offline);
    await decline(tokens.escuelaOffline, s.id);
    const filed = await post(tokens.plaValles, '/complaints', { schoolId: offline.id, studentId: s.id, description: 'La familia pidió la credencial y el director se negó.' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'ABIERTA', filedByRole: 'DRSE_PLANEACION', overdue: false, studentId: s.id, studentDeclined: true });
    expect(new Date(filed.body.dueAt).getTime() - new Date(filed.body.createdAt).getTime()).toBe(3 * 86_400_000);

    await t.db.orm.em.fork().execute(`update refusal_complaint set due_at = now() - interval '1 hour' where id = ?`, [filed.body.id]);
    const late = await t.http('GET', '/complaints?status=ABIERTA', { token: tokens.ceValles });
    expect(late.body.items.find((c: { id: number }) => c.id === filed.body.id)).toMatchObject({ overdue: true });

    const resolution = { outcome: 'PROCEDE', resolution: 'Se instruyó al director: la credencial se emite.' };
    expect((await post(tokens.plaValles, `/complaints/${filed.body.id}/resolve`, resolution)).status).toBe(403);
    expect((await post(tokens.ceNorte, `/complaints/${filed.body.id}/resolve`, resolution)).status).toBe(404);
    const noOutcome = await post(tokens.ceValles, `/complaints/${filed.body.id}/resolve`, { resolution: resolution.resolution });
    expect([noOutcome.status, noOutcome.body.errors?.[0]?.field]).toEqual([422, 'outcome']);
    const done = await post(tokens.ceValles, `/complaints/${filed.body.id}/resolve`, resolution);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'ATENDIDA', outcome: 'PROCEDE', overdue: false, studentDeclined: false });
    expect(done.body).not.toHaveProperty('studentFolio');
    expect(await audit(s.id)).toEqual([expect.objectContaining({ act: 'DECLINACION_REVERTIDA', actor_role: 'DRSE_CONTROL_ESCOLAR', detail: expect.stringContaining(`Queja ${filed.body.id} procedente`) })]);
    expect((await post(tokens.ceValles, `/complaints/${filed.body.id}/resolve`, resolution)).status).toBe(409);

    // The next run prints the student; the complaint shows the card.
    const run = await post(tokens.ceValles, '/print-runs', { studentIds: [s.id] });
    expect(run.body.cards).toBe(1);
    const seen = await t.http('GET', `/complaints?schoolId=${offline.id}`, { token: tokens.escuelaOffline });
    expect(seen.body.items.find((c: { id: number }) => c.id === filed.body.id)).toMatchObject({ outcome: 'PROCEDE', studentFolio: run.body.issued[0].folio });
  });

  it('NO_PROCEDE leaves the opt-out as it was', async () => {
    const s = await t.createStudent(online);
    await decline(tokens.escuela, s.id);
    const filed = await post(tokens.escuela, '/complaints', { schoolId: online.id, studentId: s.id, description: 'La familia dice que el director se negó.' });
    const done = await post(tokens.central, `/complaints/${filed.body.id}/resolve`, { outcome: 'no_procede', resolution: 'La familia misma declinó por escrito.' });
    expect(done.body).toMatchObject({ status: 'ATENDIDA', outcome: 'NO_PROCEDE', studentDeclined: true });
    expect(await audit(s.id)).toEqual([]);
  });
});
