import { ApiInstance } from '../../../src/http/api-instance';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { PendingStartSweeper } from '../../../src/requests/pending-start';
import { PROCEDURE_CLIENT } from '../../../src/requests/http/procedure-client.provider';
import { pdfDocument } from '../../support/files';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { detailWhen, eventually, requestForm } from './requests-fixtures';

/**
 * Issue 12 item 5: a filing is never left without its workflow, and an idempotent request that a
 * dead API process left half-done is retried at once and answered as the first one would have been.
 */
describe('Recoverable filings and decisions', () => {
  let t: TestApp;
  let token: Record<'escuela' | 'planeacion', string>;
  let students: number[];

  beforeAll(async () => {
    t = await startTestApp({ worker: true, env: { PENDING_START_SWEEP_MS: '0' } });
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'ALTOS_SUR', matricula: 80 });
    students = [];
    for (let i = 0; i < 4; i++) students.push((await t.createStudent(school, { primerIngreso: true })).id);
    token = {
      escuela: (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken,
      planeacion: (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'ALTOS_SUR' })).accessToken,
    };
  });
  afterAll(async () => t?.close());

  const em = () => t.db.orm.em.fork();
  const row = async (id: number) =>
    (await em().execute<Array<{ last_seq: number; pending_start: unknown }>>('select last_seq, pending_start from procedure_request where id = ?', [id]))[0];
  const file = (studentId: number, headers: Record<string, string> = {}, oficio = pdfDocument(`Oficio ${studentId}`)) =>
    t.http('POST', '/requests', { token: token.escuela, headers, form: requestForm({ procedimiento: 'PROCEDURE_1', nuevos: [studentId], continuan: [] }, oficio) });
  /** What a process killed right after doing the work, before storing its answer, leaves behind. */
  const interrupt = (key: string, owner: number) =>
    em().execute(`update idempotency_record set state = 'EN_CURSO', status_code = null, response_body = null, owner_instance = ? where idempotency_key = ?`, [owner, key]);
  const deadOwner = () => (t.app.get(ApiInstance).instanceId % 1_000_000) + 1;

  it('answers 503 when the engine does not take a filing, keeps the request with its start, and the sweeper starts it', async () => {
    const procedures = t.app.get<ProcedureClient>(PROCEDURE_CLIENT);
    const refused = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    const spy = jest.spyOn(procedures, 'start').mockRejectedValueOnce(refused);
    const res = await file(students[0]);
    spy.mockRestore();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.body.detail).toMatch(/iniciará solo en cuanto el motor responda/);

    const [{ id }] = await em().execute<Array<{ id: number }>>('select id from procedure_request where pending_start is not null');
    expect(await row(id)).toMatchObject({ last_seq: -1, pending_start: expect.objectContaining({ scope: expect.any(Object), submittedBy: expect.any(Object) }) });
    // Ids and codes only: nothing of the students travels to the engine.
    expect(JSON.stringify((await row(id)).pending_start)).not.toMatch(/nombre|curp/i);

    const sweeper = t.app.get(PendingStartSweeper);
    expect(await sweeper.sweep(0)).toBe(1);
    const review = await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    expect(review.body.tareaAbierta).toMatchObject({ key: 'REVISION_PLANEACION' });
    expect(await row(id)).toMatchObject({ pending_start: null });
    expect(Number((await row(id)).last_seq)).toBeGreaterThanOrEqual(0);
    expect(await sweeper.sweep(0)).toBe(0);
  });

  it('takes over at once a filing whose API process died, answering with the same request instead of 409', async () => {
    const key = 'oficio-proceso-muerto';
    const oficio = pdfDocument('Oficio del proceso muerto');
    const first = await file(students[1], { 'Idempotency-Key': key }, oficio);
    expect(first.status).toBe(201);
    await detailWhen(t, token.planeacion, first.body.id, 'EN_REVISION_PLANEACION');

    // The owner is alive: the retry waits (409), as a concurrent duplicate must.
    await interrupt(key, t.app.get(ApiInstance).instanceId);
    const whileAlive = await file(students[1], { 'Idempotency-Key': key }, oficio);
    expect([whileAlive.status, whileAlive.body.detail]).toEqual([409, expect.stringMatching(/sigue en curso/)]);

    // The owner died (its advisory lock is gone): taken over at once, same answer as the first.
    await interrupt(key, deadOwner());
    const retried = await file(students[1], { 'Idempotency-Key': key }, oficio);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const [{ n }] = await em().execute<Array<{ n: number }>>(`select count(*)::int as n from procedure_request where workflow_id = ?`, [first.body.workflowId]);
    expect(n).toBe(1);

    // Without the key, the same oficio is still a duplicate.
    const duplicate = await file(students[1], {}, oficio);
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'YA_PRESENTADO']);
  });

  it('applies a decision once: a retry with its Idempotency-Key gets the first outcome, even after the process died', async () => {
    const filed = await file(students[2]);
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;
    await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    const key = `aceptar-${id}`;
    const decide = () => t.http('POST', `/requests/${id}/decisions`, { token: token.planeacion, headers: { 'Idempotency-Key': key }, json: { evento: 'ACCEPT' } });

    const first = await decide();
    expect(first.status).toBe(200);
    const replayed = await decide();
    expect([replayed.status, replayed.body, replayed.headers.get('idempotent-replayed')]).toEqual([200, first.body, 'true']);

    // The process died after the workflow applied it: the Update is sent again with the same id and
    // the engine answers with the first outcome, not "event not allowed now".
    await interrupt(key, deadOwner());
    const retried = await decide();
    expect([retried.status, retried.body]).toEqual([200, first.body]);
    const audit = await eventually(
      () => em().execute<Array<{ n: number }>>(`select count(*)::int as n from procedure_audit where request_id = ? and event = 'ACCEPT'`, [id]),
      (r) => r[0].n >= 1,
    );
    expect(audit[0].n).toBe(1);

    // A different decision under the same key is refused, not applied.
    const other = await t.http('POST', `/requests/${id}/decisions`, { token: token.planeacion, headers: { 'Idempotency-Key': key }, json: { evento: 'REJECT', comentario: 'No procede.' } });
    expect(other.status).toBe(422);
  });

  it('reads a detail from the read model (the context the workflow recorded), querying the workflow only for older rows', async () => {
    const filed = await file(students[3]);
    const id = filed.body.id as number;
    const first = await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    const procedures = t.app.get<ProcedureClient>(PROCEDURE_CLIENT);
    const query = jest.spyOn(procedures, 'viewWorkflow');
    try {
      const fromTable = await t.http('GET', `/requests/${id}`, { token: token.planeacion });
      expect(query).not.toHaveBeenCalled();
      expect(fromTable.body).toMatchObject({ estado: 'EN_REVISION_PLANEACION', fuente: 'FLUJO', tareaAbierta: { key: 'REVISION_PLANEACION' } });
      expect(fromTable.body.acciones).toEqual(first.body.acciones);
      const [{ context }] = await em().execute<Array<{ context: Record<string, unknown> }>>('select context from procedure_request where id = ?', [id]);
      expect(context).toMatchObject({ requestId: id, newRequested: 1 });

      // A row recorded before the context was (an older worker): the workflow answers.
      await em().execute('update procedure_request set context = null where id = ?', [id]);
      const fromWorkflow = await t.http('GET', `/requests/${id}`, { token: token.planeacion });
      expect(query).toHaveBeenCalledTimes(1);
      expect({ ...fromWorkflow.body, linea: undefined }).toEqual({ ...fromTable.body, linea: undefined });
    } finally {
      query.mockRestore();
    }
  });
});
