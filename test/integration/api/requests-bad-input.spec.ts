import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { WorkflowNotFoundError } from '@temporalio/client';
import { RequestsController } from '../../../src/requests/http/requests.controller';
import { pdfDocument, pngPhoto } from '../../support/files';
import { startTestApp, TestApp } from '../../support/app';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { requestForm } from './requests-fixtures';

/** Filing refused for bad input: 422 (413 for size) problem+json naming the field, and nothing stored. */
describe(RequestsController.name, () => {
  let t: TestApp;
  let temporal: TestTemporal;
  let token: string;
  let onSiteToken: string;
  let mine: number;
  let other: number;
  let filesBefore: string[];
  /** Every file under DATA_DIR/uploads (the students' photos live there too). */
  const storedFiles = async () => ((await fs.readdir(path.join(t.dataDir, 'uploads'), { recursive: true }).catch(() => [])) as string[]).sort();

  beforeAll(async () => {
    t = await startTestApp();
    temporal = await connectTestTemporal();
    const small = await t.createSchool({ drse: 'VALLES', matricula: 80 });
    const big = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    const elsewhere = await t.createSchool({ drse: 'VALLES', matricula: 90 });
    mine = (await t.createStudent(small)).id;
    other = (await t.createStudent(elsewhere)).id;
    token = (await t.loginAs({ role: 'ESCUELA', schoolId: small.id })).accessToken;
    onSiteToken = (await t.loginAs({ role: 'ESCUELA', schoolId: big.id })).accessToken;
    filesBefore = await storedFiles();
  });
  afterAll(async () => {
    await temporal?.close();
    await t?.close();
  });

  const p1 = (extra: Record<string, unknown> = {}) => ({ procedimiento: 'PROCEDURE_1', nuevos: [mine], continuan: [], ...extra });
  const post = (form: FormData, who = token) => t.http('POST', '/requests', { token: who, form });

  // Every row has all six cells: jest would take a missing last argument for a `done` callback.
  const cases: Array<[string, () => FormData, number, string, RegExp, 'school' | 'onSite']> = [
    ['a text file named .pdf', () => requestForm(p1(), Buffer.from('esto no es un PDF, es texto'), 'oficio.pdf'), 422, 'oficio', /PDF/, 'school'],
    ['a PNG named .pdf', () => requestForm(p1(), pngPhoto(1), 'oficio.pdf', 'application/pdf'), 422, 'oficio', /./, 'school'],
    ['a PDF over the size limit (10 MB)', () => requestForm(p1(), pdfDocument('x'.repeat(10 * 1024 * 1024 + 1))), 413, 'oficio', /tamaño máximo/, 'school'],
    ['no oficio for Procedure 1', () => requestForm(p1(), null), 422, 'oficio', /oficio/, 'school'],
    ['datos that are not JSON', () => requestForm('{nuevos: [1'), 422, 'datos', /JSON/, 'school'],
    ['an unknown field in datos', () => requestForm(p1({ grado: 3 })), 422, 'datos.grado', /no está permitido/, 'school'],
    ['an unknown form field', () => {
      const f = requestForm(p1());
      f.append('grupo', 'A');
      return f;
    }, 422, 'grupo', /no está permitido/, 'school'],
    ['an unknown procedure', () => requestForm(p1({ procedimiento: 'PROCEDURE_9' })), 422, 'datos.procedimiento', /PROCEDURE_1/, 'school'],
    ['a student of another school', () => requestForm(p1({ nuevos: [mine, other] })), 422, 'datos.nuevos[1]', /no existe o no pertenece/, 'school'],
    ['an unknown student id', () => requestForm(p1({ continuan: [999999] })), 422, 'datos.continuan[0]', /no existe o no pertenece/, 'school'],
    ['ids that are not positive integers', () => requestForm(p1({ nuevos: ['abc', 0] })), 422, 'datos.nuevos', /entero|al menos/, 'school'],
    ['a student listed twice', () => requestForm(p1({ continuan: [mine] })), 422, 'datos.continuan[0]', /más de una vez/, 'school'],
    ['no student at all', () => requestForm(p1({ nuevos: [] })), 422, 'datos.nuevos', /al menos un alumno/, 'school'],
    ['Procedure 2 from a school its DRSE prints for (R1)', () =>
      requestForm({ procedimiento: 'PROCEDURE_2', material: { teslinSheets: 2, micas: 10, holograms: 10 }, justificacion: 'Se agotaron las micas del ciclo.' }),
    422, 'datos.procedimiento', /DRSE imprime/, 'school'],
    ['Procedure 1 from a school that prints on site (R1)', () => requestForm(p1({ nuevos: [1] })), 422, 'datos.procedimiento', /imprime sus credenciales en el plantel/, 'onSite'],
    ['Procedure 2 asking for nothing', () =>
      requestForm({ procedimiento: 'PROCEDURE_2', material: { teslinSheets: 0, micas: 0, holograms: 0 }, justificacion: 'Justificación suficiente.' }),
    422, 'datos.material', /al menos una unidad/, 'onSite'],
    ['Procedure 2 with a negative quantity', () =>
      requestForm({ procedimiento: 'PROCEDURE_2', material: { teslinSheets: -1, micas: 0, holograms: 0 }, justificacion: 'Justificación suficiente.' }),
    422, 'datos.material.teslinSheets', /al menos 0/, 'onSite'],
    ['a replacement of a student without an issued card', () =>
      requestForm({ procedimiento: 'REPLACEMENT', alumno: mine, recibo: { numero: 'REC-1', fecha: '2026-01-10', importeCentavos: 2800 }, motivo: 'PERDIDA' }, null),
    422, 'datos.alumno', /credencial expedida/, 'school'],
    ['a replacement with an unknown reason', () =>
      requestForm({ procedimiento: 'REPLACEMENT', alumno: mine, recibo: { numero: 'REC-1', fecha: '2026-01-10', importeCentavos: 2800 }, motivo: 'OLVIDO' }, null),
    422, 'datos.motivo', /PERDIDA/, 'school'],
  ];

  it.each(cases)('refuses %s', async (_, form, status, field, message, who) => {
    const res = await post(form(), who === 'onSite' ? onSiteToken : token);
    expect(res.status).toBe(status);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
    expect(res.body.detail).toEqual(expect.any(String));
  });

  it('refuses ids in the path that are not integers', async () => {
    const res = await t.http('GET', '/requests/abc', { token });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('id');
  });

  it('stored nothing for any refused filing: no request row (the id sequence never moved), no workflow, no file', async () => {
    const em = t.db.orm.em.fork();
    const [{ n }] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from procedure_request');
    expect(n).toBe(0);
    const [seq] = await em.execute<Array<{ is_called: boolean }>>('select is_called from procedure_request_id_seq');
    expect(seq.is_called).toBe(false);
    await expect(temporal.client.workflow.getHandle(`${t.taskQueue}-procedure1-request-1`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('an idempotent retry returns the first answer and starts one workflow', async () => {
    const form = () => requestForm(p1(), pdfDocument('Oficio reintentado'));
    const headers = { 'Idempotency-Key': 'oficio-reintento-1' };
    const first = await t.http('POST', '/requests', { token, form: form(), headers });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(Number), procedimiento: 'PROCEDURE_1', estado: 'EN_REVISION_PLANEACION', workflowId: `${t.taskQueue}-procedure1-request-${first.body.id}` });
    const again = await t.http('POST', '/requests', { token, form: form(), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const [{ n }] = await t.db.orm.em.fork().execute<Array<{ n: number }>>('select count(*)::int as n from procedure_request');
    expect(n).toBe(1);
    const description = await temporal.client.workflow.getHandle(first.body.workflowId).describe();
    expect(description.taskQueue).toBe(t.taskQueue);
    expect(description.type).toBe('procedure1Workflow');

    // The same scan again without the key: the first filing already reached its workflow? Not yet
    // (no worker here), so the filing is completed, not duplicated: same request, same workflow.
    const third = await t.http('POST', '/requests', { token, form: form() });
    expect(third.status).toBe(201);
    expect(third.body.id).toBe(first.body.id);
    const [{ m }] = await t.db.orm.em.fork().execute<Array<{ m: number }>>('select count(*)::int as m from procedure_request');
    expect(m).toBe(1);
    await expect(temporal.client.workflow.getHandle(`${t.taskQueue}-procedure1-request-${first.body.id + 1}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });
});
