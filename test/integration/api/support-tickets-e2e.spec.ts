import type { School } from '../../../src/catalog/entities';
import { HolderService } from '../../../src/inventory/holder.service';
import { PendingStartSweeper } from '../../../src/requests/pending-start';
import { SupportTicketsService } from '../../../src/support/support-tickets.service';
import { HttpResult, startTestApp, TestApp } from '../../support/app';
import { eventually } from './requests-fixtures';

/**
 * Support escalation (R10, issue 11 item 8) over HTTP with the real workflows: a school's ticket
 * derived to DGTI and closed (after one reopening), a DRSE Control Escolar doubt answered by central
 * Control Escolar, tickets opened for an offline school, and an equipment failure report as a ticket.
 */
describe('support tickets', () => {
  let t: TestApp;
  let school: School;
  let sibling: School;
  let offline: School;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    school = await t.createSchool({ drse: 'VALLES', matricula: 300 });
    sibling = await t.createSchool({ drse: 'VALLES', matricula: 300 });
    offline = await t.createSchool({ drse: 'VALLES', matricula: 80, hasInternet: false });
    const users: Record<string, Parameters<TestApp['loginAs']>[0]> = {
      escuela: { role: 'ESCUELA', schoolId: school.id },
      hermana: { role: 'ESCUELA', schoolId: sibling.id },
      planeacion: { role: 'DRSE_PLANEACION', drse: 'VALLES' },
      control: { role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' },
      tecnologias: { role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' },
      tecnologiasNorte: { role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' },
      central: { role: 'CONTROL_ESCOLAR_CENTRAL' },
      dgti: { role: 'DGTI' },
      admin: { role: 'ADMIN' },
    };
    for (const [k, spec] of Object.entries(users)) token[k] = (await t.loginAs(spec)).accessToken;
  });
  afterAll(async () => t?.close());

  const ok = (res: HttpResult, status = 200): HttpResult => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const open = (who: string, json: unknown, headers: Record<string, string> = {}) => t.http('POST', '/support-tickets', { token: token[who], json, headers });
  const decide = (who: string, id: number, json: unknown) => t.http('POST', `/support-tickets/${id}/decisions`, { token: token[who], json });
  /** The ticket's detail once it shows `estado` (and its first steps are recorded). */
  const when = (who: string, id: number, estado: string) =>
    eventually(() => t.http('GET', `/support-tickets/${id}`, { token: token[who] }), (r) => r.status === 200 && r.body.estado === estado && r.body.linea.length > 1);
  const ids = (r: HttpResult) => (r.body.items as Array<{ id: number }>).map((i) => i.id);

  it('a school ticket derived to DGTI and closed: Tecnologías derives, DGTI resolves, the school reopens once, DGTI resolves again, the school confirms', async () => {
    const description = 'El sistema no guarda las fotografías que subimos desde la dirección.';
    const opened = ok(await open('escuela', { tipo: 'SISTEMA', descripcion: description }, { 'Idempotency-Key': 'ticket-escuela-1' }), 201);
    const id = opened.body.id as number;
    const again = ok(await open('escuela', { tipo: 'SISTEMA', descripcion: description }, { 'Idempotency-Key': 'ticket-escuela-1' }), 201);
    expect(again.body.id).toBe(id);

    const attending = await when('tecnologias', id, 'EN_ATENCION_DRSE');
    expect(attending.body).toMatchObject({ tipo: 'SISTEMA', descripcion: description, escuela: { id: school.id }, drseCode: 'VALLES', abiertoPor: { rol: 'ESCUELA', enNombreDeEscuela: false } });
    expect(attending.body.tareaAbierta).toMatchObject({ rol: 'DRSE_TECNOLOGIAS' });
    expect(attending.body.acciones.map((a: { evento: string }) => a.evento).sort()).toEqual(['DERIVE_TO_DGTI', 'RESOLVE']);
    expect((await t.http('GET', `/support-tickets/${id}`, { token: token.escuela })).body.acciones).toEqual([]);

    // Scope: the school, its DRSE and central roles see it; a sibling school and another DRSE do not (404, not 403).
    expect(ids(ok(await t.http('GET', '/support-tickets', { token: token.escuela })))).toContain(id);
    expect(ids(ok(await t.http('GET', '/support-tickets', { token: token.dgti })))).toContain(id);
    expect(ids(ok(await t.http('GET', '/support-tickets', { token: token.hermana })))).not.toContain(id);
    expect(ids(ok(await t.http('GET', '/support-tickets', { token: token.tecnologiasNorte })))).not.toContain(id);
    expect((await t.http('GET', `/support-tickets/${id}`, { token: token.hermana })).status).toBe(404);
    expect((await t.http('GET', `/support-tickets/${id}`, { token: token.tecnologiasNorte })).status).toBe(404);
    expect((await decide('tecnologiasNorte', id, { evento: 'RESOLVE', comentario: 'Listo.' })).status).toBe(404);
    // The school cannot attend its own ticket (403); a solution needs its comment (422 naming the field).
    expect((await decide('escuela', id, { evento: 'RESOLVE', comentario: 'Listo.' })).status).toBe(403);
    const noComment = await decide('tecnologias', id, { evento: 'DERIVE_TO_DGTI' });
    expect([noComment.status, noComment.body.errors?.[0]?.field]).toEqual([422, 'comentario']);
    expect(noComment.body.detail).not.toMatch(/DERIVE_TO_DGTI|DGTI_/);

    ok(await decide('tecnologias', id, { evento: 'DERIVE_TO_DGTI', comentario: 'El servidor de fotografías es central.' }));
    const derived = await when('dgti', id, 'EN_ATENCION_DGTI');
    expect(derived.body.tareaAbierta).toMatchObject({ rol: 'DGTI' });
    const inbox = ok(await t.http('GET', '/inbox', { token: token.dgti }));
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ requestId: id, procedimiento: 'SUPPORT', rol: 'DGTI' })]));
    expect((await decide('tecnologias', id, { evento: 'RESOLVE', comentario: 'Ya quedó.' })).status).toBe(403);

    ok(await decide('dgti', id, { evento: 'RESOLVE', comentario: 'Se amplió el espacio del servidor de fotografías.' }));
    const solved = await when('escuela', id, 'RESUELTO');
    expect(solved.body.acciones.map((a: { evento: string }) => a.evento).sort()).toEqual(['CONFIRM', 'REOPEN']);
    ok(await decide('escuela', id, { evento: 'REOPEN', comentario: 'Siguen sin guardarse las fotografías grandes.' }));
    await when('dgti', id, 'EN_ATENCION_DGTI');
    ok(await decide('dgti', id, { evento: 'RESOLVE', comentario: 'Se reducen al subirlas; ya se guardan.' }));
    await when('escuela', id, 'RESUELTO');
    ok(await decide('escuela', id, { evento: 'CONFIRM' }));
    const closed = await when('escuela', id, 'CERRADO');
    expect(closed.body.tareaAbierta).toBeNull();
    expect(closed.body.linea.map((l: { evento: string; actor: { rol: string } }) => [l.evento, l.actor.rol])).toEqual([
      ['SUBMIT', 'ESCUELA'],
      ['TICKET_RECEIVED', 'SISTEMA'],
      ['DERIVE_TO_DGTI', 'DRSE_TECNOLOGIAS'],
      ['RESOLVE', 'DGTI'],
      ['REOPEN', 'ESCUELA'],
      ['RESOLVE', 'DGTI'],
      ['CONFIRM', 'ESCUELA'],
    ]);
    expect(closed.body.linea[4].comentario).toBe('Siguen sin guardarse las fotografías grandes.');
    expect((await decide('escuela', id, { evento: 'REOPEN', comentario: 'Otra vez.' })).status).toBe(409);
    expect(ids(ok(await t.http('GET', '/support-tickets?abiertos=true', { token: token.escuela })))).not.toContain(id);
    // Tickets are not requests: GET /requests does not list them.
    expect(ids(ok(await t.http('GET', '/requests', { token: token.escuela })))).not.toContain(id);
  });

  it("a doubt of a DRSE's Control Escolar goes to central Control Escolar, and the DRSE confirms the answer", async () => {
    const id = ok(await open('control', { tipo: 'DUDA', descripcion: '¿Se puede reponer una credencial sin el recibo original?' }), 201).body.id as number;
    const asked = await when('central', id, 'EN_ATENCION_CENTRAL');
    expect(asked.body).toMatchObject({ escuela: null, drseCode: 'VALLES', abiertoPor: { rol: 'DRSE_CONTROL_ESCOLAR' }, tareaAbierta: { rol: 'CONTROL_ESCOLAR_CENTRAL' } });
    expect((await t.http('GET', `/support-tickets/${id}`, { token: token.escuela })).status).toBe(404);
    expect((await decide('tecnologias', id, { evento: 'RESOLVE', comentario: 'No.' })).status).toBe(403);
    ok(await decide('central', id, { evento: 'RESOLVE', comentario: 'No: el recibo original es requisito (R5).' }));
    await when('control', id, 'RESUELTO');
    ok(await decide('control', id, { evento: 'CONFIRM' }));
    await when('control', id, 'CERRADO');
  });

  it('DRSE staff open a ticket for a school without internet (recorded on its behalf) and confirm it for the school; not for one with internet', async () => {
    const refused = await open('planeacion', { tipo: 'SISTEMA', descripcion: 'La escuela no puede imprimir su lista.', escuela: school.id });
    expect([refused.status, refused.body.detail]).toEqual([403, expect.stringContaining('internet')]);
    const missing = await open('planeacion', { tipo: 'SISTEMA', descripcion: 'La escuela no puede imprimir su lista.' });
    expect([missing.status, missing.body.errors?.[0]?.field]).toEqual([422, 'escuela']);
    const bad = await open('escuela', { tipo: 'OTRO', descripcion: 'corta' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['descripcion', 'tipo']);
    expect((await open('tecnologias', { tipo: 'DUDA', descripcion: 'Una duda cualquiera de Tecnologías.' })).status).toBe(403);
    expect((await open('dgti', { tipo: 'DUDA', descripcion: 'Una duda cualquiera de la DGTI.' })).status).toBe(403);

    const id = ok(await open('planeacion', { tipo: 'EQUIPO', descripcion: 'La enmicadora de la escuela no calienta.', escuela: offline.id }), 201).body.id as number;
    const attending = await when('tecnologias', id, 'EN_ATENCION_DRSE');
    expect(attending.body.abiertoPor).toMatchObject({ rol: 'DRSE_PLANEACION', enNombreDeEscuela: true });
    ok(await decide('tecnologias', id, { evento: 'RESOLVE', comentario: 'Se cambió la resistencia.' }));
    const solved = await when('control', id, 'RESUELTO');
    expect(solved.body.acciones.map((a: { evento: string }) => a.evento).sort()).toEqual(['CONFIRM', 'REOPEN']);
    ok(await decide('control', id, { evento: 'CONFIRM' }));
    const closed = await when('control', id, 'CERRADO');
    expect(closed.body.linea.at(-1)).toMatchObject({ evento: 'CONFIRM', actor: { rol: 'DRSE_CONTROL_ESCOLAR' } });
  });

  it('an equipment failure report opens an EQUIPO ticket for the DRSE Tecnologías office; the failure endpoints keep working', async () => {
    const holders = ok(await t.http('GET', '/inventory/holders?drseCode=VALLES&kind=DRSE', { token: token.admin }));
    const holderId = holders.body.items[0].id as number;
    const printer = ok(await t.http('POST', '/equipment', { token: token.admin, json: { holderId, kind: 'PRINTER', serialNumber: 'SOPORTE-E2E-01' } }), 201);
    const report = ok(await t.http('POST', `/equipment/${printer.body.id}/failures`, { token: token.control, json: { description: 'La impresora mancha las planillas de Teslin.' } }), 201);
    expect(report.body).toMatchObject({ status: 'OPEN', routedDrseCode: 'VALLES', ticketId: expect.any(Number) });
    const id = report.body.ticketId as number;
    const ticket = await when('tecnologias', id, 'EN_ATENCION_DRSE');
    expect(ticket.body).toMatchObject({ tipo: 'EQUIPO', reporteFalla: report.body.id, escuela: null, abiertoPor: { rol: 'DRSE_CONTROL_ESCOLAR' } });
    expect(ticket.body.descripcion).toContain('La impresora mancha las planillas de Teslin.');
    const failures = ok(await t.http('GET', '/equipment/failures', { token: token.tecnologias }));
    expect(failures.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: report.body.id, ticketId: id })]));
    ok(await decide('tecnologias', id, { evento: 'DERIVE_TO_DGTI', comentario: 'Requiere cabezal nuevo de oficinas centrales.' }));
    await when('dgti', id, 'EN_ATENCION_DGTI');
    ok(await decide('dgti', id, { evento: 'RESOLVE', comentario: 'Se envió y se instaló el cabezal.' }));
    await when('control', id, 'RESUELTO');
    ok(await decide('control', id, { evento: 'CONFIRM' }));
    await when('control', id, 'CERRADO');
    const resolved = ok(await t.http('POST', `/equipment/failures/${report.body.id}/resolve`, { token: token.dgti, json: { resolution: 'Cabezal sustituido.' } }));
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', ticketId: id });
  });

  it('a ticket stored while the engine did not take it is started by the sweeper (a DRSE ticket: no school in its scope)', async () => {
    const { ticketId } = await t.app.get(SupportTicketsService).create({
      operationKey: 'matriz-barrido-1', kind: 'DUDA', description: 'Duda guardada sin flujo todavía.', drseCode: 'VALLES', schoolId: null,
      opener: 'DRSE_CONTROL_ESCOLAR', openedBy: { id: 'u-control', role: 'DRSE_CONTROL_ESCOLAR' }, onBehalfSchoolId: null,
    });
    expect((await t.http('GET', `/support-tickets/${ticketId}`, { token: token.control })).body).toMatchObject({ estado: 'RECIBIDO', linea: [] });
    expect(await t.app.get(PendingStartSweeper).sweep(0)).toBeGreaterThanOrEqual(1);
    const asked = await when('central', ticketId, 'EN_ATENCION_CENTRAL');
    expect(asked.body.tareaAbierta).toMatchObject({ rol: 'CONTROL_ESCOLAR_CENTRAL' });
  });

  it("a failure of a school's own printer is the school's ticket: Tecnologías of its DRSE attends, the school confirms", async () => {
    const onSite = await t.createSchool({ drse: 'VALLES', matricula: 600 });
    const escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: onSite.id })).accessToken;
    const holder = await t.app.get(HolderService).resolve({ schoolId: onSite.id });
    const printer = ok(await t.http('POST', '/equipment', { token: token.admin, json: { holderId: holder.id, kind: 'PRINTER', serialNumber: 'SOPORTE-E2E-02' } }), 201);
    const report = ok(await t.http('POST', `/equipment/${printer.body.id}/failures`, { token: escuela, json: { description: 'La impresora de la escuela no enciende.' } }), 201);
    const id = report.body.ticketId as number;
    const ticket = await when('tecnologias', id, 'EN_ATENCION_DRSE');
    expect(ticket.body).toMatchObject({ tipo: 'EQUIPO', escuela: { id: onSite.id }, abiertoPor: { rol: 'ESCUELA', enNombreDeEscuela: false } });
    ok(await decide('tecnologias', id, { evento: 'RESOLVE', comentario: 'Se cambió la fuente de poder.' }));
    await eventually(() => t.http('GET', `/support-tickets/${id}`, { token: escuela }), (r) => r.body.estado === 'RESUELTO');
    expect((await decide('control', id, { evento: 'CONFIRM' })).status).toBe(403);
    ok(await t.http('POST', `/support-tickets/${id}/decisions`, { token: escuela, json: { evento: 'CONFIRM' } }));
    await when('tecnologias', id, 'CERRADO');
  });
});
