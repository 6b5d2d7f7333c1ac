import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { newPayloadKeyLine } from '../../../src/temporal/payload-codec';
import { procedureWorkflowId } from '../../../workflows/messages';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from '../api/inventory-fixtures';
import { detailWhen, fileP1 } from '../api/requests-fixtures';

interface CliPayload {
  metadata: Record<string, string>;
  data: string;
}

/** Every payload of a history as `temporal workflow show -o json` prints it (bytes in base64), with its path. */
function payloadsOf(node: unknown, path = '', found: Array<{ path: string; payload: CliPayload }> = []): Array<{ path: string; payload: CliPayload }> {
  if (Array.isArray(node)) node.forEach((n, i) => payloadsOf(n, `${path}[${i}]`, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && typeof (o.metadata as Record<string, unknown>).encoding === 'string') found.push({ path, payload: o as unknown as CliPayload });
    else Object.entries(o).forEach(([k, v]) => payloadsOf(v, `${path}.${k}`, found));
  }
  return found;
}

const plainText = (p: CliPayload): string => Buffer.from(p.data ?? '', 'base64').toString('utf8');

/** Where Temporal keeps its own bookkeeping as plain JSON (patch markers, local-activity markers). */
const BOOKKEEPING = [
  /\.markerRecordedEventAttributes\.details\.patch-data\./,
  /\.markerRecordedEventAttributes\.details\.data\./,
  /\.searchAttributes\.indexedFields\.TemporalChangeVersion$/,
];

/**
 * With TEMPORAL_PAYLOAD_KEYS set, the API's client and the worker encrypt every payload: the
 * Temporal store (read here with the CLI, no codec) holds no comment, student id or result in
 * clear, and the API's codec endpoint gives an administrator the clear text back.
 */
describe('payload encryption on the real Temporal server', () => {
  let t: TestApp;
  const marker = `Falta la firma del director ${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await startTestApp({ worker: true, env: { TEMPORAL_PAYLOAD_KEYS: newPayloadKeyLine('prueba-1') } });
    await ensureCycles(t);
  });
  afterAll(async () => t?.close());

  it('stores a returned request with its comment only as ciphertext, readable through the codec endpoint', async () => {
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    const student = await t.createStudent(school, { primerIngreso: true });
    const escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    const admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;

    const filed = await fileP1(t, escuela, { nuevos: [student.id] });
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;
    await detailWhen(t, planeacion, id, 'EN_REVISION_PLANEACION');
    const returned = await t.http('POST', `/requests/${id}/decisions`, { token: planeacion, json: { evento: 'RETURN', comentario: marker } });
    expect(returned.status).toBe(200);
    // The API reads the workflow back through the same codec.
    expect((await detailWhen(t, escuela, id, 'DEVUELTA_A_ESCUELA')).body.linea.some((l: { comentario?: string }) => l.comentario === marker)).toBe(true);

    const cli = process.env.TEMPORAL_CLI_PATH;
    if (!cli) throw new Error('TEMPORAL_CLI_PATH is needed (scripts/test.sh sets it)');
    const { stdout } = await promisify(execFile)(
      cli,
      ['workflow', 'show', '--address', t.temporal!.address, '--workflow-id', procedureWorkflowId('PROCEDURE_1', id, `${t.taskQueue}-`), '--output', 'json'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    expect(stdout).toContain('WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
    expect(stdout).not.toContain(marker);
    const found = payloadsOf(JSON.parse(stdout));
    // Headers never pass through a codec (Temporal's design): they carry only the request id and the trace context.
    const headers = found.filter((f) => f.path.includes('.header.fields.'));
    const headerNames = new Set(headers.map((h) => h.path.replace(/.*\.header\.fields\./, '')));
    expect(headerNames.has('x-request-id')).toBe(true);
    expect([...headerNames].filter((n) => n !== 'x-request-id' && n !== '_tracer-data')).toEqual([]);
    // Temporal's own bookkeeping never passes through a codec either: a patch marker and its search
    // attribute carry the patch id, a local activity's marker its sequence, attempt, type and times (its
    // result is a payload like any other, encrypted).
    const bookkeeping = found.filter((f) => BOOKKEEPING.some((b) => b.test(f.path)));
    for (const f of bookkeeping) {
      const value = JSON.parse(plainText(f.payload)) as unknown;
      if (f.path.includes('.patch-data.')) expect(value).toEqual({ id: 'record-transition-local', deprecated: false });
      else if (f.path.includes('TemporalChangeVersion')) expect(value).toEqual(['record-transition-local']);
      else expect(Object.keys(value as object).sort()).toEqual(['activity_id', 'activity_type', 'attempt', 'backoff', 'complete_time', 'original_schedule_time', 'seq']);
    }
    expect(bookkeeping.some((f) => f.path.includes('.details.data.'))).toBe(true);
    const localResults = found.filter((f) => /\.markerRecordedEventAttributes\.details\.result\./.test(f.path));
    expect(localResults.length).toBeGreaterThan(0);
    const stored = found.filter((f) => !f.path.includes('.header.fields.') && !bookkeeping.includes(f)).map((f) => f.payload);
    expect(stored.length).toBeGreaterThan(3);
    const encodings = new Set(stored.map((p) => Buffer.from(p.metadata.encoding, 'base64').toString()));
    expect([...encodings]).toEqual(['binary/encrypted']);
    expect(found.some((f) => plainText(f.payload).includes(marker))).toBe(false);

    const forbidden = await t.http('POST', '/temporal-codec/decode', { token: planeacion, json: { payloads: stored } });
    expect(forbidden.status).toBe(403);
    const decoded = await t.http('POST', '/temporal-codec/decode', { token: admin, json: { payloads: stored } });
    expect(decoded.status).toBe(200);
    const clear = (decoded.body.payloads as CliPayload[]).map(plainText);
    expect(clear.some((s) => s.includes(marker))).toBe(true);
    expect(clear.some((s) => s.includes(`"requestId":${id}`))).toBe(true);

    const bad = await t.http('POST', '/temporal-codec/decode', { token: admin, json: { payloads: [{ metadata: { encoding: 'no es base64!' } }] } });
    expect(bad.status).toBe(422);
  });

  it('answers the Temporal UI preflight for its origin only', async () => {
    const ui = await t.http('OPTIONS', '/temporal-codec/decode', { headers: { Origin: 'http://localhost:8233', 'Access-Control-Request-Method': 'POST' } });
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    expect(ui.headers.get('access-control-allow-headers')).toContain('X-Namespace');
    const other = await t.http('OPTIONS', '/temporal-codec/decode', { headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
