import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InboxController } from '../../../src/requests/http/inbox.controller';
import { startTestApp, TestApp } from '../../support/app';
import { detailWhen, eventually, fileP1, requestForm } from './requests-fixtures';

/** The inbox after an SLA expiry (short SLA from the environment), Procedure 2 filing and correction, and the diagrams. */
describe(InboxController.name, () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let student: number;
  let other: number;

  beforeAll(async () => {
    t = await startTestApp({ worker: true, env: { PROCEDURE_SLA_REVISION_PLANEACION: '4s' } });
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    student = (await t.createStudent(school)).id;
    other = (await t.createStudent(school)).id;
    const onSite = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    token.sitio = (await t.loginAs({ role: 'ESCUELA', schoolId: onSite.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.planeacionNorte = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'NORTE' })).accessToken;
    token.central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
  });
  afterAll(async () => t?.close());

  it('puts an overdue task first and gives its supervisor an escalation task', async () => {
    const a = (await fileP1(t, token.escuela, { nuevos: [student] })).body.id as number;
    const overdue = await eventually(
      () => t.http('GET', `/requests/${a}`, { token: token.planeacion }),
      (r) => r.body.tareaAbierta?.vencida === true,
    );
    expect(overdue.body.tareaAbierta).toMatchObject({ key: 'REVISION_PLANEACION', vencida: true, escaladaA: 'CONTROL_ESCOLAR_CENTRAL' });
    expect(overdue.body.linea.map((e: { evento: string }) => e.evento)).toEqual(['SUBMIT', 'SLA_EXPIRED']);

    const b = (await fileP1(t, token.escuela, { nuevos: [other] })).body.id as number;
    await detailWhen(t, token.planeacion, b, 'EN_REVISION_PLANEACION');
    const inbox = await t.http('GET', '/inbox', { token: token.planeacion });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { requestId: number; vencida: boolean }) => [i.requestId, i.vencida])).toEqual([
      [a, true],
      [b, expect.any(Boolean)],
    ]);
    expect(inbox.body.items[0]).toMatchObject({ procedimiento: 'PROCEDURE_1', estado: 'EN_REVISION_PLANEACION', rol: 'DRSE_PLANEACION', escalamiento: false, escuela: expect.objectContaining({ cct: expect.any(String) }) });
    const onlyOverdue = await t.http('GET', '/inbox?vencidas=true', { token: token.planeacion });
    expect(onlyOverdue.body.items.map((i: { requestId: number }) => i.requestId)).toContain(a);
    expect(onlyOverdue.body.items.every((i: { vencida: boolean }) => i.vencida)).toBe(true);
    const escalations = await t.http('GET', '/inbox', { token: token.central });
    expect(escalations.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ requestId: a, escalamiento: true, rol: 'CONTROL_ESCOLAR_CENTRAL' })]));
    expect((await t.http('GET', '/inbox', { token: token.planeacionNorte })).body.items).toEqual([]);
    // The overdue step is still Planeación's to decide.
    expect((await t.http('POST', `/requests/${a}/decisions`, { token: token.planeacion, json: { evento: 'REJECT', comentario: 'Oficio sin sello.' } })).body.estado).toBe('RECHAZADA');
    expect((await t.http('GET', `/inbox?vencidas=true`, { token: token.central })).status).toBe(200);
  });

  it('files Procedure 2 for a school that prints on site, and lets it correct the material when returned', async () => {
    const filed = await t.http('POST', '/requests', {
      token: token.sitio,
      form: requestForm({ procedimiento: 'PROCEDURE_2', material: { teslinSheets: 4, micas: 30, holograms: 30 }, justificacion: 'Se imprimieron 30 credenciales del primer ingreso.' }),
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;
    const detail = await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    expect(detail.body.material).toEqual({ solicitado: { teslinSheets: 4, micas: 30, holograms: 30 } });
    expect(detail.body.linea[0].comentario).toContain('Se imprimieron 30 credenciales');
    expect((await t.http('PUT', `/requests/${id}/material`, { token: token.sitio, json: { material: { teslinSheets: 3, micas: 24, holograms: 24 } } })).status).toBe(409);
    await t.http('POST', `/requests/${id}/decisions`, { token: token.planeacion, json: { evento: 'RETURN', comentario: 'Ajuste las cantidades al consumo.' } });
    const fixed = await t.http('PUT', `/requests/${id}/material`, { token: token.sitio, json: { material: { teslinSheets: 3, micas: 24, holograms: 24 } } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.material.solicitado).toEqual({ teslinSheets: 3, micas: 24, holograms: 24 });
    expect((await t.http('PUT', `/requests/${id}/students`, { token: token.sitio, json: { nuevos: [student], continuan: [] } })).status).toBe(409);
    expect((await t.http('POST', `/requests/${id}/decisions`, { token: token.sitio, json: { evento: 'RESUBMIT' } })).body.estado).toBe('EN_REVISION_PLANEACION');
  });

  it('serves each procedure diagram from the chart, the same text the diagram script commits', async () => {
    const res = await t.http('GET', '/procedures/PROCEDURE_1/diagram', { token: token.escuela });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(3); // the latest chart version (v3 since the signed acuse)
    expect(res.body.mermaid).toBe(readFileSync(path.join(__dirname, '../../../docs/diagrams/procedure1.mmd'), 'utf8'));
    expect(res.body.states).toEqual(expect.arrayContaining([
      { id: 'revisionPlaneacion', status: 'EN_REVISION_PLANEACION', kind: 'task', titulo: 'Revisar el oficio de la escuela', area: 'Planeación de la DRSE', rol: 'DRSE_PLANEACION', plazo: '3 días', principal: true },
      { id: 'verificacionMaterial', status: 'PREPARANDO_MATERIAL', kind: 'auto', titulo: 'El sistema aparta el material de las existencias', area: 'El sistema', principal: true },
      { id: 'entregada', status: 'ENTREGADA', kind: 'final', titulo: 'Entregada', area: 'Fin', principal: true },
    ]));
    expect((await t.http('GET', '/procedures/PROCEDURE_9/diagram', { token: token.escuela })).status).toBe(404);
    expect((await t.http('GET', '/procedures/SUPPLY/diagram?version=7', { token: token.escuela })).status).toBe(404);
    expect((await t.http('GET', '/procedures/SUPPLY/diagram')).status).toBe(401);
  });
});
