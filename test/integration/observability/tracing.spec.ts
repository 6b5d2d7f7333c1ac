import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing, tracing } from '../../../src/observability/tracing';
import { startTestApp, TestApp } from '../../support/app';
import { detailWhen, eventually, fileP1 } from '../api/requests-fixtures';

/** One decision's trace: the API's HTTP and Temporal client spans, the workflow's Update and the activity it ran (worker). */
describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  let t: TestApp;

  beforeAll(async () => {
    startTracing('test', exporter);
    t = await startTestApp({ worker: true });
  });
  afterAll(async () => {
    await t?.close();
    await stopTracing();
  });


  it('spans HTTP → Temporal client → workflow Update → activities under one trace id', async () => {
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    const student = await t.createStudent(school, { primerIngreso: true });
    const escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    const filed = await fileP1(t, escuela, { nuevos: [student.id] });
    expect(filed.status).toBe(201);
    await detailWhen(t, planeacion, filed.body.id as number, 'EN_REVISION_PLANEACION');

    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const accepted = await t.http('POST', `/requests/${filed.body.id}/decisions`, { token: planeacion, json: { evento: 'ACCEPT' }, headers: { traceparent } });
    expect(accepted.status).toBe(200);

    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const names = (spans: ReadableSpan[]) => spans.filter((s) => s.spanContext().traceId === traceId).map((s) => s.name);
    const inTrace = await eventually(
      async () => names(exporter.getFinishedSpans()),
      (found) => found.includes('RunActivity:recordProcedureTransition'),
    );
    const spans = exporter.getFinishedSpans();
    expect(inTrace).toEqual(expect.arrayContaining(['POST /requests/:id/decisions']));
    expect(inTrace.some((n) => /^StartWorkflowUpdate:decide/.test(n))).toBe(true);
    expect(inTrace.some((n) => /^HandleUpdate:decide/.test(n))).toBe(true);
    // The Update's own step is recorded by an activity of the same trace (steps the workflow's main
    // loop runs afterwards continue the trace that started the workflow).
    expect(inTrace).toEqual(expect.arrayContaining(['ValidateUpdate:decide', 'StartActivity:recordProcedureTransition', 'RunActivity:recordProcedureTransition']));
    const server = spans.find((s) => s.name === 'POST /requests/:id/decisions')!;
    expect(server.attributes).toMatchObject({ 'http.route': '/requests/:id/decisions', 'http.response.status_code': 200 });
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    // PostgreSQL: the activity's statements are client spans of the same trace, children of spans in it, without bound values.
    const inThisTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const queries = inThisTrace.filter((s) => s.attributes['db.system'] === 'postgresql');
    expect(queries.length).toBeGreaterThan(0);
    const ids = new Set(inThisTrace.map((s) => s.spanContext().spanId));
    expect(queries.every((q) => ids.has(q.parentSpanId!))).toBe(true);
    expect(queries.map((q) => q.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^pg (INSERT|UPDATE|SELECT)/)]));
    const writes = queries.filter((q) => /procedure_audit/.test(String(q.attributes['db.query.text'])));
    expect(writes.length).toBeGreaterThan(0);
    // Nothing personal in span names or attributes.
    expect(JSON.stringify(spans.map((s) => [s.name, s.attributes]))).not.toContain(student.curp);
  });
});

describe('tracing at shutdown', () => {
  afterAll(() => stopTracing());

  it('closing the application flushes the spans still queued and stops tracing (Nest shutdown hook)', async () => {
    startTracing('test', new InMemorySpanExporter());
    const app = await startTestApp();
    expect(tracing()).toBeDefined();
    await app.close();
    expect(tracing()).toBeUndefined();
  });
});
