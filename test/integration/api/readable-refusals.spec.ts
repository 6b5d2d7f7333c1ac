import { RequestsHttpService } from '../../../src/requests/http/requests-http.service';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles, ok } from './inventory-fixtures';
import { detailWhen, eventually, fileP1, requestForm } from './requests-fixtures';

/** Event, status, role and item codes, and field paths: none may reach a person. */
const CODES = /[A-Z]{3,}_[A-Z_]+|"[A-Z]+"|\b(VALIDATE|DELIVER|OPEN|UNDER_REVIEW|TESLIN|MICA)\b|datos\.|lines\[|evento:/;

/**
 * Refusals over HTTP read as sentences (issue 13, Medium): a refused decision is named by its label
 * and says why and the limits (real API, PostgreSQL, Temporal and worker); ticket statuses and
 * articles in Spanish; request fields by their names.
 */
describe(`${RequestsHttpService.name} refusals`, () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let id: number;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    const onSite = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    const students = [(await t.createStudent(school)).id, (await t.createStudent(school)).id];
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    token.sitio = (await t.loginAs({ role: 'ESCUELA', schoolId: onSite.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    token.tec = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    token.rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    // One of the two students declines the card (R4): the automatic check finds 1 of 2 eligible.
    await ok(t, token.escuela, `/students/${students[1]}/opt-out`, { reason: 'La familia no desea la credencial.' });
    id = (await fileP1(t, token.escuela, { nuevos: students })).body.id as number;
    await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
  });
  afterAll(async () => t?.close());

  const decide = (who: string, json: unknown) => t.http('POST', `/requests/${id}/decisions`, { token: token[who], json });

  it('names a decision of another step by its label, without the event or status code', async () => {
    const res = await decide('planeacion', { evento: 'DELIVER' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('La decisión «Registrar la entrega a la escuela» no corresponde al paso en que está la solicitud ahora; vuelva a abrirla para ver lo que puede hacer.');
    expect(res.body.detail).not.toMatch(CODES);
  });

  it('says why «Validar: procede completa» and a partial validation beyond the limits do not proceed', async () => {
    expect((await decide('planeacion', { evento: 'ACCEPT' })).status).toBe(200);
    await eventually(() => t.http('GET', `/requests/${id}`, { token: token.control }), (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR');
    // Not offered: the automatic check found a student who does not qualify (sent anyway, it is refused with the reason).
    const offered = (await t.http('GET', `/requests/${id}`, { token: token.control })).body.acciones.map((a: { evento: string }) => a.evento);
    expect(offered).toEqual(expect.arrayContaining(['VALIDATE_PARTIAL', 'INVALIDATE']));
    expect(offered).not.toContain('VALIDATE');
    const whole = await decide('control', { evento: 'VALIDATE' });
    expect(whole.status).toBe(409);
    expect(whole.body.detail).toBe(
      'La decisión «Validar: procede completa» no procede con los datos enviados: cumplen los requisitos 1 de 2 alumnos de primer ingreso y 0 de 0 alumnos que continúan; use «Validar parcialmente (ajustar cantidades)» o «No procede: devolver a la escuela».',
    );
    const partial = await decide('control', { evento: 'VALIDATE_PARTIAL', comentario: 'Uno declinó.', datos: { newApproved: 2, continuingApproved: 0 } });
    expect(partial.status).toBe(409);
    expect(partial.body.detail).toMatch(/^La decisión «Validar parcialmente \(ajustar cantidades\)» no procede con los datos enviados: «Credenciales nuevas aprobadas» puede ser a lo más 1 /);
    const missing = await decide('control', { evento: 'VALIDATE_PARTIAL', comentario: 'Uno declinó.', datos: { newApproved: 1 } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ field: 'datos.continuingApproved', message: 'Falta «Hologramas aprobados (alumnos que continúan)» para la decisión «Validar parcialmente (ajustar cantidades)».' }]);
    for (const r of [whole, partial, missing]) {
      expect(r.body.detail).not.toMatch(CODES);
      for (const e of r.body.errors ?? []) expect(e.message).not.toMatch(CODES);
    }
    // Within the limits it proceeds.
    expect((await decide('control', { evento: 'VALIDATE_PARTIAL', comentario: 'Uno declinó.', datos: { newApproved: 1, continuingApproved: 0 } })).status).toBe(200);
  });

  it('says a supply ticket\'s status and articles in Spanish, Teslin in sheets', async () => {
    const opened = await ok(t, token.tec, '/supply-tickets', { lines: [{ item: 'TESLIN', quantity: 16 }], justification: 'Se terminaron las hojas del primer periodo.' });
    const early = await t.http('POST', `/supply-tickets/${opened.id}/approve`, { token: token.rm, json: {} });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(`No se puede aprobar el ticket ${opened.folio}: está abierto; primero tómelo en revisión.`);
    const ship = await t.http('POST', `/supply-tickets/${opened.id}/shipments`, { token: token.rm, json: { lines: [{ item: 'TESLIN', quantity: 8 }] } });
    expect(ship.body.detail).toBe(`No se puede surtir el ticket ${opened.folio}: está abierto; primero debe aprobarse.`);
    await ok(t, token.rm, `/supply-tickets/${opened.id}/review`, {});
    const reduced = await t.http('POST', `/supply-tickets/${opened.id}/approve`, { token: token.rm, json: { lines: [{ item: 'TESLIN', quantity: 24 }] } });
    expect(reduced.status).toBe(422);
    expect(reduced.body.detail).toBe('La cantidad aprobada de Hojas Teslin (8 credenciales por hoja) debe estar entre 0 y lo pedido: 16 ranuras (2 hojas).');
    for (const r of [early, ship, reduced]) expect(r.body.detail).not.toMatch(CODES);
  });

  it('names request fields as the form does', async () => {
    const res = await t.http('POST', '/requests', { token: token.sitio, form: requestForm({ procedimiento: 'PROCEDURE_2', material: { teslinSheets: 1, micas: 5, holograms: 5 } }) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'datos.justificacion', message: expect.stringContaining('«Justificación»') })]);
    expect(res.body.detail).not.toMatch(CODES);
    const wrong = await t.http('POST', '/requests', { token: token.escuela, form: requestForm({ procedimiento: 'PROCEDURE_2', material: { teslinSheets: 1, micas: 5, holograms: 5 }, justificacion: 'Se agotaron las micas del ciclo.' }) });
    expect(wrong.body.detail).toMatch(/^Su escuela no puede presentar el Procedimiento 2 \(material\): su DRSE imprime sus credenciales .*Presente el Procedimiento 1 \(credenciales\)\.$/);
    expect(wrong.body.detail).not.toMatch(CODES);
  });
});
