import { InboxEntriesController } from '../../../src/inbox/inbox.controller';
import { startTestApp, TestApp } from '../../support/app';
import { formWith, pngPhoto } from '../../support/files';
import { CYCLE, ensureCycles, holderId, ok } from './inventory-fixtures';
import { detailWhen, eventually, fileP1 } from './requests-fixtures';

interface Entry {
  tipo: string;
  clave: string;
  titulo: string;
  detalle: string | null;
  incidente: boolean;
  vencida: boolean;
  solicitudId: number | null;
  ticketId: number | null;
  envioId: number | null;
  acuseId: number | null;
  folio: string | null;
  drse: { code: string; nombre: string } | null;
  escuela: { id: number } | null;
}
interface Counts {
  total: number;
  tipos: Array<{ tipo: string; etiqueta: string; cantidad: number; vencidas: number }>;
}

/**
 * The inbox of everything (issue 13 item 4) over HTTP with the real API, PostgreSQL, Temporal and
 * worker: a DRSE's supply ticket waits in Recursos Materiales' inbox (to review, then to ship), its
 * shipment in the DRSE's Tecnologías inbox, then the shipment's acuse until its signed copy is
 * uploaded; a procedure's own supply ticket appears once, as its workflow task; counts per kind.
 */
describe(InboxEntriesController.name, () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  const items = async (who: string, query = ''): Promise<Entry[]> => {
    const res = await t.http('GET', `/inbox/items?pageSize=100${query}`, { token: token[who] });
    if (res.status !== 200) throw new Error(`inbox of ${who} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.items as Entry[];
  };
  const counts = async (who: string): Promise<Counts> => {
    const res = await t.http('GET', '/inbox/counts', { token: token[who] });
    expect(res.status).toBe(200);
    return res.body as Counts;
  };
  const countOf = (c: Counts, tipo: string) => c.tipos.find((k) => k.tipo === tipo)?.cantidad;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.tec = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    token.tecNorte = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' })).accessToken;
    token.rm = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    token.central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    const central = await holderId(t, token.rm, 'kind=CENTRAL');
    await ok(t, token.rm, `/inventory/holders/${central}/receipts`, {
      lines: [{ item: 'TESLIN', quantity: 800 }, { item: 'MICA', quantity: 500 }, { item: `HOLOGRAMA:${CYCLE}`, quantity: 500 }],
      reason: 'Compra para la prueba de la bandeja',
    });
    // A workflow task for Planeación, so its inbox is not only of one kind.
    const filed = await fileP1(t, token.escuela, { nuevos: [(await t.createStudent(school)).id] });
    expect(filed.status).toBe(201);
    await detailWhen(t, token.planeacion, filed.body.id as number, 'EN_REVISION_PLANEACION');
  });
  afterAll(async () => t?.close());

  it('a supply ticket waits on Recursos Materiales, its shipment on Tecnologías, then the acuse until its signed copy is uploaded', async () => {
    const opened = await ok(t, token.tec, '/supply-tickets', {
      lines: [{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 40 }],
      justification: 'Se terminaron las micas del primer periodo.',
    });
    const ticketId = opened.id as number;

    // Open: Recursos Materiales reviews it; nobody at the DRSE has it.
    const review = (await items('rm')).filter((i) => i.tipo === 'ABASTECIMIENTO' && i.ticketId === ticketId);
    expect(review).toEqual([
      expect.objectContaining({
        clave: `ABASTECIMIENTO-${ticketId}`,
        titulo: `Revisar el ticket de abastecimiento ${opened.folio}`,
        detalle: 'Se terminaron las micas del primer periodo.',
        folio: opened.folio,
        drse: { code: 'VALLES', nombre: expect.any(String) },
        vencida: false,
        incidente: false,
      }),
    ]);
    expect(review[0].drse!.nombre).not.toMatch(/VALLES|DRSE DRSE/);
    expect((await items('tec')).some((i) => i.ticketId === ticketId)).toBe(false);
    expect((await items('central')).some((i) => i.ticketId === ticketId)).toBe(false);
    expect(countOf(await counts('rm'), 'ABASTECIMIENTO')).toBe(1);
    // Kinds that never wait on a role are not counted for it.
    expect((await counts('planeacion')).tipos.map((k) => k.tipo)).toEqual(['TAREA', 'ACUSE']);
    expect(countOf(await counts('planeacion'), 'TAREA')).toBe(1);

    // Approved: now it waits to be shipped.
    await ok(t, token.rm, `/supply-tickets/${ticketId}/review`, {});
    await ok(t, token.rm, `/supply-tickets/${ticketId}/approve`, {});
    expect((await items('rm', '&tipo=ABASTECIMIENTO')).map((i) => i.titulo)).toEqual([`Surtir el ticket de abastecimiento ${opened.folio}`]);

    // A partial shipment: the rest still waits on RM; the shipment waits on Tecnologías of VALLES only.
    const shipped = await ok(t, token.rm, `/supply-tickets/${ticketId}/shipments`, { lines: [{ item: 'MICA', quantity: 40 }] });
    const shipmentId = shipped.shipmentId as number;
    expect((await items('rm', '&tipo=ABASTECIMIENTO')).map((i) => i.detalle)).toEqual([expect.stringContaining('enviado en parte')]);
    const tecItems = await items('tec');
    expect(tecItems.filter((i) => i.tipo === 'ENVIO')).toEqual([
      expect.objectContaining({ clave: `ENVIO-${shipmentId}`, titulo: `Confirmar la recepción del envío 1 del ticket ${opened.folio}`, ticketId, envioId: shipmentId }),
    ]);
    expect(await items('tecNorte')).toEqual([]);
    expect(await items('rm', '&tipo=ENVIO')).toEqual([]);
    expect(countOf(await counts('tec'), 'ENVIO')).toBe(1);

    // Received: the shipment leaves the inbox and its acuse waits for the signed copy.
    const receipt = await ok(t, token.tec, `/supply-tickets/${ticketId}/shipments/${shipmentId}/receipt`, {});
    const after = await items('tec');
    expect(after.filter((i) => i.tipo === 'ENVIO')).toEqual([]);
    expect(after.filter((i) => i.tipo === 'ACUSE')).toEqual([
      expect.objectContaining({ acuseId: receipt.acuseId, folio: receipt.acuseFolio, titulo: `Subir el acuse firmado ${receipt.acuseFolio}`, detalle: expect.stringMatching(/^Recepción del material enviado por /) }),
    ]);
    expect((await items('rm', '&tipo=ACUSE'))).toEqual([]);
    const scan = await t.http('POST', `/acuses/${receipt.acuseId}/signed-scan`, { token: token.tec, form: formWith('archivo', pngPhoto(4), 'acuse.png', 'image/png') });
    expect(scan.status).toBe(201);
    expect((await items('tec')).filter((i) => i.tipo === 'ACUSE')).toEqual([]);
    const tecCounts = await counts('tec');
    expect(tecCounts.tipos.map((k) => [k.tipo, k.cantidad])).toEqual([['TAREA', 0], ['ENVIO', 0], ['ACUSE', 0]]);
    expect(tecCounts.total).toBe(0);
  });

  it('lists a procedure\'s supply ticket once, as its workflow task, not again as a ticket', async () => {
    const norte = await t.createSchool({ drse: 'NORTE', matricula: 60 });
    const escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: norte.id })).accessToken;
    const planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'NORTE' })).accessToken;
    const control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' })).accessToken;
    const holder = await holderId(t, token.tecNorte, 'drseCode=NORTE&kind=DRSE');
    await ok(t, token.tecNorte, `/inventory/holders/${holder}/adjustments`, { item: 'TINTA', delta: 5, reason: 'Juego de tinta recibido con el kit.' });
    const id = (await fileP1(t, escuela, { nuevos: [(await t.createStudent(norte)).id] })).body.id as number;
    await detailWhen(t, planeacion, id, 'EN_REVISION_PLANEACION');
    expect((await t.http('POST', `/requests/${id}/decisions`, { token: planeacion, json: { evento: 'ACCEPT' } })).status).toBe(200);
    await eventually(() => t.http('GET', `/requests/${id}`, { token: control }), (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR');
    expect((await t.http('POST', `/requests/${id}/decisions`, { token: control, json: { evento: 'VALIDATE' } })).status).toBe(200);
    await detailWhen(t, control, id, 'ESPERANDO_MATERIAL');

    const review = await eventually(
      () => items('central', '&procedimiento=SUPPLY'),
      (list) => list.some((i) => i.drse?.code === 'NORTE' && i.tipo === 'TAREA'),
    );
    expect(review.find((i) => i.drse?.code === 'NORTE')).toMatchObject({ titulo: 'Revisar la solicitud de abastecimiento' });
    const tickets = (await t.http('GET', '/supply-tickets?drseCode=NORTE', { token: token.rm })).body.items as Array<{ id: number; origin: string }>;
    expect(tickets.map((k) => k.origin)).toEqual(['PROCEDIMIENTO']);
    expect((await items('rm')).some((i) => i.ticketId === tickets[0].id)).toBe(false);
  });

  it('refuses an unknown kind in Spanish', async () => {
    const res = await t.http('GET', '/inbox/items?tipo=SOPORTE', { token: token.rm });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'tipo', message: expect.stringContaining('El campo «tipo» debe ser uno de') });
    expect((await t.http('GET', '/inbox/counts')).status).toBe(401);
  });
});
