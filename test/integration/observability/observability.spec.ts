import { rootLogger, redirectLogs } from '../../../src/observability/logger';
import type { Student } from '../../../src/catalog/entities';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from '../api/inventory-fixtures';
import { stockForPrinting } from '../api/production-fixtures';
import { detailWhen, eventually, fileP1, uploadSignedAcuse } from '../api/requests-fixtures';

/**
 * Issue 17 over a real run (API, worker, PostgreSQL, Temporal): a Procedure 1 from the oficio to
 * delivery while every log line of the process is captured. The lines are JSON with request ids,
 * the request ids cross into the workflow and its activities, and nothing personal is logged.
 */
describe('observability', () => {
  let t: TestApp;
  const lines: string[] = [];
  const token: Record<string, string> = {};
  let students: Student[] = [];
  let requestId = 0;

  beforeAll(async () => {
    redirectLogs({ write: (line: string) => lines.push(line) });
    rootLogger().level = 'info';
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    for (let i = 0; i < 3; i++) students.push(await t.createStudent(school, { primerIngreso: true }));
    students = students.sort((a, b) => a.id - b.id);
    await stockForPrinting(t, { drseCode: 'VALLES' }, 2);
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
  });
  afterAll(async () => {
    await t?.close();
    redirectLogs(null);
    rootLogger().level = process.env.LOG_LEVEL || 'warn';
  });

  const decide = (who: string, id: number, json: unknown, rid?: string) =>
    t.http('POST', `/requests/${id}/decisions`, { token: token[who], json, headers: rid ? { 'X-Request-Id': rid } : {} });
  const parsed = (): Array<Record<string, unknown>> => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  it('a Procedure 1 to delivery logs JSON lines with request ids into the workflow and activities, and no personal data', async () => {
    const filed = await fileP1(t, token.escuela, { nuevos: students.map((s) => s.id) }, { 'X-Request-Id': 'obs-file-1' });
    expect(filed.status).toBe(201);
    expect(filed.headers.get('x-request-id')).toBe('obs-file-1');
    requestId = filed.body.id as number;
    await detailWhen(t, token.planeacion, requestId, 'EN_REVISION_PLANEACION');
    expect((await decide('planeacion', requestId, { evento: 'ACCEPT', comentario: 'Oficio completo y sellado.' }, 'obs-accept-1')).status).toBe(200);
    await eventually(
      () => t.http('GET', `/requests/${requestId}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR' && r.body.fuente === 'FLUJO',
    );
    expect((await decide('control', requestId, { evento: 'VALIDATE' }, 'obs-validate-1')).status).toBe(200);
    await eventually(
      () => t.http('GET', `/requests/${requestId}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'CONFIRMACION_PRODUCCION',
      60_000,
    );
    expect((await decide('control', requestId, { evento: 'PRODUCTION_CONFIRMED' }, 'obs-confirm-1')).status).toBe(200);
    expect((await decide('control', requestId, { evento: 'DELIVER', comentario: 'Entregado al director.' }, 'obs-deliver-1')).status).toBe(200);
    await uploadSignedAcuse(t, token.control, requestId, token.escuela);

    const records = parsed();
    expect(records.length).toBeGreaterThan(20);
    for (const r of records) expect(r).toMatchObject({ level: expect.any(String), time: expect.any(String), process: expect.any(String) });

    // One line per HTTP request: route pattern, status, duration, request id, actor id and role.
    const decisions = records.filter((r) => r.route === '/requests/:id/decisions' && r.status === 200);
    expect(decisions.map((r) => r.requestId)).toEqual(['obs-accept-1', 'obs-validate-1', 'obs-confirm-1', 'obs-deliver-1']);
    expect(decisions[0]).toMatchObject({ method: 'POST', role: 'DRSE_PLANEACION', actorId: expect.any(String), durationMs: expect.any(Number) });
    const reads = records.filter((r) => r.route === '/requests/:id' && r.status === 200);
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);

    // The decision's id reaches the workflow (its Update) and the activities it led to.
    const workflowLine = records.find((r) => r.msg === 'Update recibido' && r.requestId === 'obs-validate-1');
    expect(workflowLine).toMatchObject({ component: 'temporal', workflowId: expect.stringContaining(String(requestId)) });
    const activities = records.filter((r) => r.context === 'Activity');
    expect(activities.length).toBeGreaterThan(3);
    expect(activities.find((r) => r.requestId === 'obs-file-1')).toBeDefined();
    expect(activities.find((r) => r.requestId === 'obs-validate-1')).toMatchObject({ workflowId: expect.any(String), durationMs: expect.any(Number) });
    expect(activities.find((r) => r.requestId === 'obs-deliver-1')).toBeDefined();

    // Nothing personal: no CURP, no name, no comment, no token, no ANSI colour.
    const all = lines.join('\n');
    for (const s of students) {
      expect(all).not.toContain(s.curp);
      expect(all).not.toContain(`${s.nombres} ${s.primerApellido}`);
      expect(all).not.toContain(`${s.primerApellido} ${s.segundoApellido}`);
    }
    expect(all).not.toContain('Oficio completo y sellado.');
    expect(all).not.toContain('Entregado al director.');
    expect(all).not.toContain(token.control);
    expect(all).not.toContain('Bearer');
    expect(all).not.toContain('\u001b[');
  });

  it('/metrics exposes HTTP, decision, task, stock, print-run, render, activity, pool and process families after the Procedure 1', async () => {
    expect(requestId).toBeGreaterThan(0);
    // A second request waits in Planeación's review: an open task in the read model.
    const pending = await fileP1(t, token.escuela, { nuevos: [students[0].id] });
    await detailWhen(t, token.planeacion, pending.body.id as number, 'EN_REVISION_PLANEACION');
    await eventually(
      () => t.http('GET', '/inbox', { token: token.planeacion }),
      (r) => r.body.items.length === 1,
    );
    const res = await fetch(`${t.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (series: string): number => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      if (!line) throw new Error(`no series ${series} in:\n${text.split('\n').filter((l) => l.startsWith(series.split('{')[0])).join('\n')}`);
      return Number(line.slice(series.length + 1));
    };
    expect(value('sej_http_requests_total{method="POST",route="/requests/:id/decisions",status="200"}')).toBe(4);
    expect(value('sej_http_request_duration_seconds_count{method="POST",route="/requests/:id/decisions",status="200"}')).toBe(4);
    expect(text).toContain('sej_http_request_duration_seconds_bucket{le="0.5",method="POST",route="/requests/:id/decisions",status="200"}');
    expect(value('sej_decisions_total{procedure="PROCEDURE_1",event="VALIDATE",outcome="applied"}')).toBe(1);
    expect(value('sej_decisions_total{procedure="PROCEDURE_1",event="DELIVER",outcome="applied"}')).toBe(1);
    expect(value('sej_open_tasks{role="DRSE_PLANEACION",drse="VALLES"}')).toBe(1);
    expect(value('sej_overdue_tasks{role="DRSE_PLANEACION",drse="VALLES"}')).toBe(0);
    expect(value('sej_print_runs_total')).toBe(1);
    expect(value('sej_cards_issued_total')).toBe(3);
    expect(value('sej_cards_rendered_total')).toBe(3);
    expect(value('sej_render_duration_seconds_count{kind="pdf",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    // 2 sheets stocked (16 slots of each item), 3 cards consumed.
    expect(value('sej_stock_available{holder="VALLES",item="MICA"}')).toBe(13);
    expect(value('sej_activity_duration_seconds_count{activity="generateRequestPrintRun",outcome="ok"}')).toBe(1);
    expect(value('sej_db_pool_connections{state="max"}')).toBeGreaterThan(0);
    expect(text).toContain('sej_db_pool_connections{state="pending"}');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    // Nothing personal in labels either.
    for (const s of students) expect(text).not.toContain(s.curp);
  });

  it('takes a well-formed X-Request-Id, replaces any other, and puts it in problem+json bodies', async () => {
    const own = await t.http('GET', '/requests/999999', { token: token.control, headers: { 'X-Request-Id': 'soporte-42.a:b_c' } });
    expect(own.status).toBe(404);
    expect(own.headers.get('x-request-id')).toBe('soporte-42.a:b_c');
    expect(own.body).toMatchObject({ status: 404, requestId: 'soporte-42.a:b_c' });

    for (const bad of ['con espacios', 'x'.repeat(65), '<script>', 'a/b', '%C3%B1']) {
      const res = await t.http('GET', '/requests/999999', { headers: { 'X-Request-Id': bad } });
      expect(res.status).toBe(401);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.requestId).toBe(id);
    }
    const none = await t.http('GET', '/health');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
