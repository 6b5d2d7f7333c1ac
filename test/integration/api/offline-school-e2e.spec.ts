import type { School } from '../../../src/catalog/entities';
import { formWith, pngPhoto } from '../../support/files';
import { HttpResult, startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { stockForPrinting } from './production-fixtures';
import { detailWhen, eventually, oficioForm, requestForm, uploadSignedAcuse } from './requests-fixtures';

/**
 * Issue 11 item 2 over HTTP: a school without internet is served through its DRSE. DRSE staff load
 * a student and photo, file the school's Procedure 1 oficio (the scanned paper one), correct and
 * resend it when returned, and the procedure reaches ENTREGADA with the signed acuse; every act names the real actor and
 * that it was done on the school's behalf.
 */
describe('a Procedure 1 for a school without internet, filed and carried by DRSE staff', () => {
  let t: TestApp;
  let offline: School;
  let online: School;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    offline = await t.createSchool({ drse: 'VALLES', matricula: 80, hasInternet: false });
    online = await t.createSchool({ drse: 'VALLES', matricula: 90 });
    await stockForPrinting(t, { drseCode: 'VALLES' });
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: offline.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    token.tecnologias = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    token.controlNorte = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' })).accessToken;
  });
  afterAll(async () => t?.close());

  const decide = (who: string, id: number, json: unknown) => t.http('POST', `/requests/${id}/decisions`, { token: token[who], json });
  const expectOk = (res: HttpResult, status = 200): HttpResult => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  it('DRSE staff load students and photos for it, but not for a school with internet', async () => {
    const curp = t.newCurp();
    const created = expectOk(await t.http('POST', '/students', { token: token.control, json: { curp, nombres: 'Ana', primerApellido: 'Ruiz', primerIngreso: true, schoolId: offline.id } }), 201);
    expectOk(await t.http('PUT', `/students/${created.body.id}/photo`, { token: token.planeacion, form: formWith('foto', pngPhoto(4), 'foto.png', 'image/png') }));
    const refused = await t.http('POST', '/students', { token: token.control, json: { curp: t.newCurp(), nombres: 'Luis', primerApellido: 'Paz', primerIngreso: true, schoolId: online.id } });
    expect([refused.status, refused.body.detail]).toEqual([403, expect.stringContaining('internet')]);
    expect((await t.http('POST', '/students', { token: token.controlNorte, json: { curp: t.newCurp(), nombres: 'Luis', primerApellido: 'Paz', primerIngreso: true, schoolId: offline.id } })).status).toBe(404);
    expect((await t.http('POST', '/students', { token: token.tecnologias, json: { curp: t.newCurp(), nombres: 'Luis', primerApellido: 'Paz', primerIngreso: true, schoolId: offline.id } })).status).toBe(403);

    const log = expectOk(await t.http('GET', `/schools/${offline.id}/work-log`, { token: token.escuela }));
    expect(log.body.items).toEqual([
      expect.objectContaining({ act: 'Fotografía de alumno', studentId: created.body.id, actorRole: 'DRSE_PLANEACION', onBehalf: true, actorUsername: expect.any(String) }),
      expect.objectContaining({ act: 'Alta de alumno', studentId: created.body.id, actorRole: 'DRSE_CONTROL_ESCOLAR', onBehalf: true }),
    ]);
  });

  it('files the oficio on its behalf, corrects and resends it when returned; delivered once the signed acuse is uploaded', async () => {
    const students = [(await t.createStudent(offline)).id, (await t.createStudent(offline)).id, (await t.createStudent(offline)).id];
    const datos = { procedimiento: 'PROCEDURE_1', escuela: offline.id, nuevos: students, continuan: [] };

    const forOnline = await t.http('POST', '/requests', { token: token.planeacion, form: requestForm({ ...datos, escuela: online.id, nuevos: [(await t.createStudent(online)).id] }) });
    expect(forOnline.status).toBe(403);
    const noSchool = await t.http('POST', '/requests', { token: token.planeacion, form: requestForm({ ...datos, escuela: undefined }) });
    expect([noSchool.status, noSchool.body.errors?.[0]?.field]).toEqual([422, 'datos.escuela']);

    const filed = expectOk(await t.http('POST', '/requests', { token: token.planeacion, form: requestForm(datos) }), 201);
    const id = filed.body.id as number;
    await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    expectOk(await decide('planeacion', id, { evento: 'RETURN', comentario: 'El oficio no trae sello.' }));
    const returned = await detailWhen(t, token.control, id, 'DEVUELTA_A_ESCUELA');
    expect(returned.body.acciones.map((a: { evento: string }) => a.evento)).toEqual(expect.arrayContaining(['RESUBMIT', 'WITHDRAW']));
    expect((await decide('tecnologias', id, { evento: 'RESUBMIT' })).status).toBe(403);
    expectOk(await t.http('PUT', `/requests/${id}/oficio`, { token: token.control, form: oficioForm() }));
    expect((await decide('control', id, { evento: 'RESUBMIT' })).body).toMatchObject({ estado: 'EN_REVISION_PLANEACION' });
    expectOk(await decide('planeacion', id, { evento: 'ACCEPT', comentario: 'Oficio sellado.' }));
    await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR',
      60_000,
    );
    expectOk(await decide('control', id, { evento: 'VALIDATE' }));
    await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'CONFIRMACION_PRODUCCION',
      60_000,
    );
    expectOk(await decide('control', id, { evento: 'PRODUCTION_CONFIRMED' }));
    expectOk(await decide('control', id, { evento: 'DELIVER' }));
    // Delivered on paper; the DRSE's Control Escolar uploads the signed acuse and only then it is ENTREGADA.
    await detailWhen(t, token.control, id, 'ESPERANDO_ACUSE', 60_000);
    const delivered = await uploadSignedAcuse(t, token.control, id, token.escuela);
    expect(delivered.body.linea.slice(0, 4).map((e: { evento: string; actor: { rol: string } }) => [e.evento, e.actor.rol])).toEqual([
      ['SUBMIT', 'DRSE_PLANEACION'],
      ['RETURN', 'DRSE_PLANEACION'],
      ['RESUBMIT', 'DRSE_CONTROL_ESCOLAR'],
      ['ACCEPT', 'DRSE_PLANEACION'],
    ]);

    const audit = await t.db.orm.em.fork().execute<Array<{ event: string; actor_role: string; on_behalf_school_id: number | null }>>(
      'select event, actor_role, on_behalf_school_id from procedure_audit where request_id = ? order by seq',
      [id],
    );
    const onBehalf = audit.filter((a) => a.on_behalf_school_id !== null);
    expect(onBehalf.map((a) => [a.event, a.actor_role, Number(a.on_behalf_school_id)])).toEqual([
      ['SUBMIT', 'DRSE_PLANEACION', offline.id],
      ['RESUBMIT', 'DRSE_CONTROL_ESCOLAR', offline.id],
    ]);
    const log = expectOk(await t.http('GET', `/schools/${offline.id}/work-log`, { token: token.planeacion }));
    expect(log.body.items.filter((e: { act: string }) => e.act === 'Oficio del Procedimiento 1')).toEqual([
      expect.objectContaining({ detail: `Solicitud ${id}: oficio corregido.`, actorRole: 'DRSE_CONTROL_ESCOLAR', onBehalf: true }),
      expect.objectContaining({ detail: `Solicitud ${id}: oficio escaneado.`, actorRole: 'DRSE_PLANEACION', onBehalf: true }),
    ]);
  });
});
