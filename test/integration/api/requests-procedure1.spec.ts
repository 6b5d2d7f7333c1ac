import { RequestsHttpService } from '../../../src/requests/http/requests-http.service';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles, holderId, ok } from './inventory-fixtures';
import { detailWhen, eventually, fileP1, uploadSignedAcuse } from './requests-fixtures';

/**
 * Procedure 1 over HTTP with the real worker and the real modules: oficio → returned for
 * correction → lists corrected and resubmitted → Planeación accepts → procedencia checked →
 * Control Escolar validates → material (the DRSE has none: a supply ticket is opened and the
 * request waits) — and the refusals on the way (422 comment, 409 not now, 403 role, 404 scope).
 */
describe(RequestsHttpService.name, () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let waitingRequest = 0;
  let supplyRequest = 0;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    ids.school = school.id;
    ids.n1 = (await t.createStudent(school, { primerIngreso: true })).id;
    ids.n2 = (await t.createStudent(school, { primerIngreso: true })).id;
    ids.c1 = (await t.createStudent(school, { primerIngreso: false })).id;
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.planeacionNorte = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'NORTE' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    token.tecnologias = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    token.central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    token.materiales = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
  });
  afterAll(async () => t?.close());

  const decide = (who: string, id: number, json: unknown) => t.http('POST', `/requests/${id}/decisions`, { token: token[who], json });

  it('runs from the oficio through correction, acceptance and validation to the material step', async () => {
    const filed = await fileP1(t, token.escuela, { nuevos: [ids.n1], continuan: [ids.c1] });
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;

    // Planeación's review is open; each role sees only what it may do.
    const review = await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    expect(review.body.tareaAbierta).toMatchObject({ key: 'REVISION_PLANEACION', rol: 'DRSE_PLANEACION', vencida: false });
    expect(review.body.acciones.map((a: { evento: string }) => a.evento).sort()).toEqual(['ACCEPT', 'REJECT', 'RETURN']);
    expect(review.body.acciones.find((a: { evento: string }) => a.evento === 'RETURN')).toMatchObject({ etiqueta: expect.stringContaining('Devolver'), requiereComentario: true });
    expect(review.body.chart).toEqual({ procedure: 'PROCEDURE_1', version: 3, state: 'revisionPlaneacion' });
    expect(review.body.documentos).toEqual([{ tipo: 'OFICIO', id: String(id), url: `/requests/${id}/oficio`, version: 1, fecha: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    const escuelaView = await t.http('GET', `/requests/${id}`, { token: token.escuela });
    expect(escuelaView.body.acciones.map((a: { evento: string }) => a.evento)).toEqual(['WITHDRAW']);
    expect((await t.http('GET', `/requests/${id}`, { token: token.control })).body.acciones).toEqual([]);
    const pdf = await t.http('GET', `/requests/${id}/oficio`, { token: token.control });
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // Refusals: the comment a return needs (422), an event of another step (409), a role not of this step (403), another DRSE (404).
    expect((await decide('planeacion', id, { evento: 'RETURN' })).body.errors[0].field).toBe('comentario');
    const notNow = await decide('planeacion', id, { evento: 'VALIDATE' });
    expect([notNow.status, notNow.body.code]).toEqual([409, 'EVENTO_NO_PERMITIDO']);
    const wrongRole = await decide('escuela', id, { evento: 'ACCEPT' });
    expect([wrongRole.status, wrongRole.contentType]).toEqual([403, expect.stringContaining('application/problem+json')]);
    expect((await decide('central', id, { evento: 'ACCEPT' })).status).toBe(403);
    expect((await decide('planeacionNorte', id, { evento: 'ACCEPT' })).status).toBe(404);
    expect((await t.http('GET', `/requests/${id}`, { token: token.planeacionNorte })).status).toBe(404);

    // Returned for correction: the school fixes the lists and resubmits.
    const returned = await decide('planeacion', id, { evento: 'RETURN', comentario: 'Falta un alumno de primer ingreso.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ estado: 'DEVUELTA_A_ESCUELA', state: 'correccionEscuela' });
    const inbox = await t.http('GET', '/inbox', { token: token.escuela });
    expect(inbox.body.items).toEqual([expect.objectContaining({ requestId: id, titulo: 'Corregir y reenviar el oficio', rol: 'ESCUELA', vencida: false, escalamiento: false })]);
    const corrected = await t.http('PUT', `/requests/${id}/students`, { token: token.escuela, json: { nuevos: [ids.n1, ids.n2], continuan: [ids.c1] } });
    expect(corrected.status).toBe(200);
    expect(corrected.body.alumnos).toEqual({ nuevos: [ids.n1, ids.n2].sort((a, b) => a - b), continuan: [ids.c1] });
    expect((await decide('escuela', id, { evento: 'RESUBMIT' })).body).toMatchObject({ estado: 'EN_REVISION_PLANEACION' });
    // Once resubmitted, the lists are no longer the school's to change.
    expect((await t.http('PUT', `/requests/${id}/students`, { token: token.escuela, json: { nuevos: [ids.n1], continuan: [] } })).status).toBe(409);

    // Accepted: the procedencia check runs and Control Escolar's validation opens with the counts.
    expect((await decide('planeacion', id, { evento: 'ACCEPT', comentario: 'Oficio completo.' })).status).toBe(200);
    const validation = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR' && r.body.fuente === 'FLUJO',
    );
    expect(validation.body.estado).toBe('EN_VALIDACION');
    expect(validation.body.verificacion).toMatchObject({ matricula: 60, nuevosElegibles: 2, continuanElegibles: 1 });
    const partial = validation.body.acciones.find((a: { evento: string }) => a.evento === 'VALIDATE_PARTIAL');
    expect(partial).toMatchObject({ requiereComentario: true, comentarioMaximo: 1000 });
    expect(partial.datos).toEqual([
      { campo: 'newApproved', tipo: 'entero', etiqueta: expect.any(String), minimo: 0, maximo: 2 },
      { campo: 'continuingApproved', tipo: 'entero', etiqueta: expect.any(String), minimo: 0, maximo: 1 },
    ]);
    // Adjusted quantities beyond the eligible ones: not allowed (409); unknown numbers: 422.
    const tooMany = await decide('control', id, { evento: 'VALIDATE_PARTIAL', comentario: 'Ajuste.', datos: { newApproved: 3, continuingApproved: 0 } });
    expect(tooMany.status).toBe(409);
    expect((await decide('control', id, { evento: 'VALIDATE_PARTIAL', comentario: 'Ajuste.', datos: { newApproved: 1, grado: 2 } })).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['datos.continuingApproved', 'datos.grado']);

    // Validated: the DRSE has no stock, so the request waits for a supply that the engine opened.
    expect((await decide('control', id, { evento: 'VALIDATE' })).body.state).toBe('verificacionMaterial');
    const waiting = await detailWhen(t, token.control, id, 'ESPERANDO_MATERIAL');
    expect(waiting.body.tareaAbierta).toBeNull();
    expect(waiting.body.acciones).toEqual([]);
    expect(waiting.body.verificacion.alumnos.map((s: { aprobado: boolean }) => s.aprobado)).toEqual([true, true, true]);
    expect(waiting.body.linea.map((e: { evento: string }) => e.evento)).toEqual([
      'SUBMIT', 'RETURN', 'RESUBMIT', 'ACCEPT', 'PROCEDENCIA_CHECKED', 'VALIDATE', 'MATERIAL_SHORT',
    ]);
    expect(waiting.body.linea[1]).toMatchObject({ de: 'revisionPlaneacion', a: 'correccionEscuela', estado: 'DEVUELTA_A_ESCUELA', comentario: 'Falta un alumno de primer ingreso.', actor: { rol: 'DRSE_PLANEACION' } });

    // The supply request is in central's inbox and readable by the DRSE; its ticket came from the procedure.
    const supplyTask = await eventually(
      () => t.http('GET', '/inbox?procedimiento=SUPPLY', { token: token.central }),
      (r) => r.body.items.length === 1,
    );
    expect(supplyTask.body.items[0]).toMatchObject({ procedimiento: 'SUPPLY', estado: 'EN_REVISION_CENTRAL', escuela: null, drseCode: 'VALLES' });
    const supply = await t.http('GET', `/requests/${supplyTask.body.items[0].requestId}`, { token: token.tecnologias });
    expect(supply.body.acciones.map((a: { evento: string }) => a.evento)).toEqual(['CANCEL']);
    const tickets = await t.http('GET', '/supply-tickets', { token: token.tecnologias });
    expect(tickets.body.items).toEqual([expect.objectContaining({ origin: 'PROCEDIMIENTO', drseCode: 'VALLES' })]);
    waitingRequest = id;
    supplyRequest = supplyTask.body.items[0].requestId;
  });

  it('drives the procedure\'s supply ticket through its workflow, and the request resumes to delivery', async () => {
    expect(supplyRequest).toBeGreaterThan(0);
    const ticket = (await t.http('GET', '/supply-tickets', { token: token.materiales })).body.items[0];
    // The ticket endpoint hands the command to the workflow's central review (Recursos Materiales may decide it).
    const approved = await t.http('POST', `/supply-tickets/${ticket.id}/approve`, { token: token.materiales, json: {} });
    expect(approved.status).toBe(200);
    expect((await t.http('GET', `/requests/${supplyRequest}`, { token: token.tecnologias })).body.estado).toBe('EN_SURTIDO');
    // Decided once: a second approval, now through the request, is not allowed any more.
    expect((await decide('central', supplyRequest, { evento: 'APPROVE', comentario: 'Procede.' })).status).toBe(409);
    await eventually(() => t.http('GET', `/supply-tickets/${ticket.id}`, { token: token.materiales }), (r) => r.body.status === 'APPROVED');

    const lines = ticket.lines.map((l: { item: string; requested: number }) => ({ item: l.item, quantity: l.requested }));
    const central = await holderId(t, token.materiales, 'kind=CENTRAL');
    await ok(t, token.materiales, `/inventory/holders/${central}/receipts`, { lines, reason: 'Existencia para el surtido' });
    const shipped = await t.http('POST', `/supply-tickets/${ticket.id}/shipments`, { token: token.materiales, json: { lines } });
    expect(shipped.status).toBe(201);
    expect(shipped.body.shipmentId).toEqual(expect.any(Number));
    expect((await t.http('GET', `/requests/${supplyRequest}`, { token: token.tecnologias })).body.estado).toBe('EN_RECEPCION');
    const received = await t.http('POST', `/supply-tickets/${ticket.id}/shipments/${shipped.body.shipmentId}/receipt`, { token: token.tecnologias });
    expect(received.status).toBe(200);
    await detailWhen(t, token.tecnologias, supplyRequest, 'SURTIDA');
    // Ink is not in the charts' quantities (docs/procedures.md): without it the request waits visibly (chart v2)
    // in Tecnologías' inbox, which stocks it and has the reservation repeated.
    const noInk = await detailWhen(t, token.tecnologias, waitingRequest, 'ESPERANDO_EXISTENCIAS');
    expect(noInk.body.tareaAbierta).toMatchObject({ key: 'ESPERA_EXISTENCIAS', rol: 'DRSE_TECNOLOGIAS', descripcion: expect.stringContaining('TINTA') });
    const valles = await holderId(t, token.tecnologias, 'drseCode=VALLES&kind=DRSE');
    await ok(t, token.tecnologias, `/inventory/holders/${valles}/adjustments`, { item: 'TINTA', delta: 50, reason: 'Juego de tinta recibido con el kit.' });
    expect((await decide('tecnologias', waitingRequest, { evento: 'RECHECK_MATERIAL' })).status).toBe(200);

    // With the material in the DRSE, the request reserves it, prints its run and waits for Control Escolar.
    const production = await eventually(
      () => t.http('GET', `/requests/${waitingRequest}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'CONFIRMACION_PRODUCCION',
      90_000,
    );
    expect(production.body.documentos.map((d: { tipo: string }) => d.tipo)).toEqual(['OFICIO', 'PLANILLAS']);
    expect((await decide('control', waitingRequest, { evento: 'PRODUCTION_CONFIRMED' })).body.estado).toBe('LISTA_PARA_ENTREGA');
    expect((await decide('control', waitingRequest, { evento: 'DELIVER' })).status).toBe(200);
    const delivered = await uploadSignedAcuse(t, token.control, waitingRequest, token.escuela);
    expect(delivered.body.documentos.map((d: { tipo: string }) => d.tipo)).toEqual(['OFICIO', 'PLANILLAS', 'ACUSE']);
    expect(delivered.body.acciones).toEqual([]);
    expect(delivered.body.linea.map((e: { evento: string }) => e.evento).slice(-9)).toEqual([
      'SUPPLY_FULFILLED', 'INK_SHORT', 'RECHECK_MATERIAL', 'MATERIAL_RESERVED', 'PRINT_RUN_GENERATED', 'PRODUCTION_CONFIRMED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
  });

  it('lets the school withdraw before validation, and not after', async () => {
    const filed = await fileP1(t, token.escuela, { nuevos: [ids.n1] });
    await detailWhen(t, token.escuela, filed.body.id, 'EN_REVISION_PLANEACION');
    const other = (await t.loginAs({ role: 'ESCUELA', schoolId: (await t.createSchool({ drse: 'VALLES' })).id })).accessToken;
    expect((await t.http('POST', `/requests/${filed.body.id}/withdraw`, { token: other, json: {} })).status).toBe(404);
    const withdrawn = await t.http('POST', `/requests/${filed.body.id}/withdraw`, { token: token.escuela, json: { comentario: 'Se presentará con la lista completa.' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ estado: 'RETIRADA', state: 'retirada' });
    const again = await t.http('POST', `/requests/${filed.body.id}/withdraw`, { token: token.escuela, json: {} });
    expect(again.status).toBe(409);
    const list = await t.http('GET', '/requests?estado=RETIRADA', { token: token.escuela });
    expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([filed.body.id]);
  });
});
