import { RequestsHttpService } from '../../../src/requests/http/requests-http.service';
import type { HttpResult, TestApp } from '../../support/app';
import { startTestApp } from '../../support/app';
import { ensureCycles, holderId, ok } from './inventory-fixtures';
import { cardOf, pdfTools, today } from './production-fixtures';
import { detailWhen, eventually, fileP1, requestForm, signedAcuseForm, uploadSignedAcuse } from './requests-fixtures';

/**
 * Issue #6's end-to-end runs over HTTP (real API, PostgreSQL, Temporal and worker):
 * Procedure 1 of a small school from oficio to acuse — an opt-out (R4) flagged in the procedencia
 * check, a return for correction, a shortage resolved by a supply ticket in two shipments, a run
 * of 17 cards (3 planillas, 7 voided folios) and the acuse PDF; a replacement (R5) of one of those
 * cards to delivery; Procedure 2 of a large school to delivery, then the school's own print run
 * that leaves out a student whose family declined the card.
 */
describe(RequestsHttpService.name, () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let p1Students: number[] = [];
  let p1RunId = 0;

  type Line = { item: string; quantity: number };
  type Balance = { item: string; onHand: number; reserved: number; available: number };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    const small = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    for (let i = 0; i < 18; i++) p1Students.push((await t.createStudent(small, { primerIngreso: true })).id);
    p1Students = p1Students.sort((a, b) => a - b);
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: small.id })).accessToken;
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    token.tecnologias = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    token.materiales = (await t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
    token.admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;
    token.central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    token.planeacionC1 = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'CENTRO_1' })).accessToken;
    token.controlC1 = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'CENTRO_1' })).accessToken;
    token.tecnologiasC1 = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'CENTRO_1' })).accessToken;
  });
  afterAll(async () => t?.close());

  const decide = (who: string, id: number, json: unknown) => t.http('POST', `/requests/${id}/decisions`, { token: token[who], json });
  const expectOk = (res: HttpResult, status = 200): HttpResult => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const balances = async (who: string, holder: number): Promise<Record<string, Balance>> => {
    const res = expectOk(await t.http('GET', `/inventory/holders/${holder}/balances`, { token: token[who] }));
    return Object.fromEntries((res.body.items as Balance[]).map((b) => [b.item, b]));
  };
  const onHand = (b: Record<string, Balance>, item: string): number => b[item]?.onHand ?? 0;
  const doc = (detail: HttpResult, tipo: string): { id: string; url: string } => {
    const found = (detail.body.documentos as Array<{ tipo: string; id: string; url: string }>).find((d) => d.tipo === tipo);
    if (!found) throw new Error(`no ${tipo} in ${JSON.stringify(detail.body.documentos)}`);
    return found;
  };
  /** Downloads an acuse's PDF and checks it is a PDF that carries the acuse's folio. */
  const checkAcusePdf = async (who: string, acuseUrl: string, acuseId: string): Promise<string> => {
    const acuse = expectOk(await t.http('GET', `/acuses/${acuseId}`, { token: token[who] }));
    const pdf = expectOk(await t.http('GET', acuseUrl, { token: token[who] }));
    expect(pdf.contentType).toContain('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
    expect(pdfTools(pdf.body as Buffer).text).toContain(acuse.body.folio as string);
    return acuse.body.folio as string;
  };

  it('Procedure 1, small school: opt-out flagged, return for correction, shortage supplied in two shipments, 17 cards, acuse', async () => {
    const declined = p1Students[17];
    const approvedIds = p1Students.slice(0, 17);

    // R4 over HTTP: the family declines; the student stays in the oficio and the procedencia check flags it.
    const optOut = expectOk(await t.http('POST', `/students/${declined}/opt-out`, { token: token.escuela, json: { reason: 'La familia no desea la credencial.' } }));
    expect(optOut.body).toMatchObject({ id: declined, declined: true, declinedReason: 'La familia no desea la credencial.' });

    // Ink is not a chart quantity: the DRSE stocks it itself (docs/procedures.md), before the reservation runs.
    const valles = await holderId(t, token.tecnologias, 'drseCode=VALLES&kind=DRSE');
    await ok(t, token.tecnologias, `/inventory/holders/${valles}/adjustments`, { item: 'TINTA', delta: 50, reason: 'Juego de tinta recibido con el kit.' });

    // Oficio with an incomplete list → returned → corrected (all 18) → resubmitted → accepted.
    const filed = expectOk(await fileP1(t, token.escuela, { nuevos: p1Students.slice(0, 10) }), 201);
    const id = filed.body.id as number;
    await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    expect((await decide('planeacion', id, { evento: 'RETURN', comentario: 'Faltan alumnos de primer ingreso.' })).body).toMatchObject({ estado: 'DEVUELTA_A_ESCUELA' });
    expectOk(await t.http('PUT', `/requests/${id}/students`, { token: token.escuela, json: { nuevos: p1Students, continuan: [] } }));
    expect((await decide('escuela', id, { evento: 'RESUBMIT' })).body).toMatchObject({ estado: 'EN_REVISION_PLANEACION' });
    expectOk(await decide('planeacion', id, { evento: 'ACCEPT', comentario: 'Oficio completo.' }));

    // Procedencia: 17 eligible, the declined student not, with its reason; VALIDATE (all) is refused, a partial validation is not.
    const validation = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR' && r.body.fuente === 'FLUJO',
    );
    expect(validation.body.verificacion).toMatchObject({ matricula: 60, nuevosElegibles: 17, continuanElegibles: 0 });
    const verdict = (validation.body.verificacion.alumnos as Array<{ id: number; elegible: boolean; motivo: string | null }>).find((s) => s.id === declined);
    expect(verdict).toMatchObject({ elegible: false, motivo: expect.stringContaining('declinó') });
    expect((validation.body.verificacion.alumnos as Array<{ elegible: boolean }>).filter((s) => s.elegible)).toHaveLength(17);
    expect((await decide('control', id, { evento: 'VALIDATE' })).status).toBe(409);
    expectOk(await decide('control', id, { evento: 'VALIDATE_PARTIAL', comentario: 'Un alumno declinó la credencial (R4).', datos: { newApproved: 17, continuingApproved: 0 } }));

    // The DRSE has no cards: the request waits on a supply request the engine opened.
    await detailWhen(t, token.control, id, 'ESPERANDO_MATERIAL');
    const supplyTask = await eventually(
      // The central review is CONTROL_ESCOLAR_CENTRAL's task (Recursos Materiales may also decide it from the ticket).
      () => t.http('GET', '/inbox?procedimiento=SUPPLY', { token: token.central }),
      (r) => r.body.items.some((i: { drseCode: string }) => i.drseCode === 'VALLES'),
    );
    const supplyRequest = supplyTask.body.items.find((i: { drseCode: string }) => i.drseCode === 'VALLES').requestId as number;
    const ticket = (await t.http('GET', '/supply-tickets?drseCode=VALLES', { token: token.materiales })).body.items[0];
    expect(ticket).toMatchObject({ origin: 'PROCEDIMIENTO', drseCode: 'VALLES' });
    const requested: Line[] = ticket.lines.map((l: { item: string; requested: number }) => ({ item: l.item, quantity: l.requested }));
    // 17 cards: 3 Teslin sheets (24 slots), 17 micas, 17 holograms of the cycle.
    expect(requested.sort((a, b) => a.item.localeCompare(b.item))).toEqual([
      { item: 'HOLOGRAMA:2026-2027', quantity: 17 },
      { item: 'MICA', quantity: 17 },
      { item: 'TESLIN', quantity: 24 },
    ]);
    expectOk(await t.http('POST', `/supply-tickets/${ticket.id}/approve`, { token: token.materiales, json: {} }));
    await detailWhen(t, token.tecnologias, supplyRequest, 'EN_SURTIDO');
    const central = await holderId(t, token.materiales, 'kind=CENTRAL');
    await ok(t, token.materiales, `/inventory/holders/${central}/receipts`, { lines: requested, reason: 'Existencia para el surtido' });

    // Two partial shipments (Teslin in whole sheets), each confirmed by the DRSE's IT office.
    const first: Line[] = requested.map((l) => ({ item: l.item, quantity: l.item === 'TESLIN' ? 8 : 9 }));
    const second: Line[] = requested.map((l) => ({ item: l.item, quantity: l.quantity - first.find((f) => f.item === l.item)!.quantity }));
    // A procedure counts Teslin in sheets: a partial sheet is refused, not rounded away.
    const partialSheet = await t.http('POST', `/supply-tickets/${ticket.id}/shipments`, { token: token.materiales, json: { lines: [{ item: 'TESLIN', quantity: 10 }] } });
    expect(partialSheet.status).toBe(422);
    expect(JSON.stringify(partialSheet.body)).toContain('hojas completas');
    const ship1 = expectOk(await t.http('POST', `/supply-tickets/${ticket.id}/shipments`, { token: token.materiales, json: { lines: first } }), 201);
    expect((await t.http('GET', `/requests/${supplyRequest}`, { token: token.tecnologias })).body.estado).toBe('EN_RECEPCION');
    expectOk(await t.http('POST', `/supply-tickets/${ticket.id}/shipments/${ship1.body.shipmentId}/receipt`, { token: token.tecnologias }));
    // After the first receipt the supply is owed the rest: back to EN_SURTIDO, and the procedure still waits.
    await detailWhen(t, token.tecnologias, supplyRequest, 'EN_SURTIDO');
    expect((await detailWhen(t, token.control, id, 'ESPERANDO_MATERIAL')).body.linea.map((e: { evento: string }) => e.evento).slice(-1)).toEqual(['MATERIAL_SHORT']);
    const afterFirst = await balances('tecnologias', valles);
    expect([onHand(afterFirst, 'TESLIN'), onHand(afterFirst, 'MICA'), onHand(afterFirst, 'HOLOGRAMA:2026-2027')]).toEqual([8, 9, 9]);
    // Shipping more than is still owed is refused by the supply chart.
    const tooMuch = await t.http('POST', `/supply-tickets/${ticket.id}/shipments`, { token: token.materiales, json: { lines: [{ item: 'MICA', quantity: 9 }] } });
    expect(tooMuch.status).toBe(409);

    const ship2 = expectOk(await t.http('POST', `/supply-tickets/${ticket.id}/shipments`, { token: token.materiales, json: { lines: second } }), 201);
    expect(ship2.body.shipmentId).not.toBe(ship1.body.shipmentId);
    expectOk(await t.http('POST', `/supply-tickets/${ticket.id}/shipments/${ship2.body.shipmentId}/receipt`, { token: token.tecnologias }));
    const supplied = await detailWhen(t, token.tecnologias, supplyRequest, 'SURTIDA');
    expect(supplied.body.linea.map((e: { evento: string }) => e.evento).filter((e: string) => e === 'CONFIRM_RECEIPT')).toHaveLength(2);
    const envios = await t.http('GET', `/acuses?kind=ENVIO_DRSE&ticketId=${ticket.id}`, { token: token.tecnologias });
    expect(envios.body.items).toHaveLength(2);

    // The request resumes: reservation, a print run of exactly 17 cards, Control Escolar's confirmation.
    const production = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'CONFIRMACION_PRODUCCION',
      60_000,
    );
    p1RunId = Number(doc(production, 'PLANILLAS').id);
    const run = expectOk(await t.http('GET', `/print-runs/${p1RunId}`, { token: token.control }));
    expect(run.body).toMatchObject({ cards: 17, planillas: 3, voided: 7, excludedCount: 0, requestId: id }); // the run names its request
    expect((run.body.issued as Array<{ studentId: number }>).map((c) => c.studentId).sort((a, b) => a - b)).toEqual(approvedIds);
    expect(run.body.voidedFolios).toHaveLength(7);
    expect((run.body.voidedFolios as Array<{ planilla: number; slot: number }>).map((v) => [v.planilla, v.slot])).toEqual([2, 3, 4, 5, 6, 7, 8].map((s) => [3, s]));
    const planillas = expectOk(await t.http('GET', doc(production, 'PLANILLAS').url, { token: token.control }));
    expect(pdfTools(planillas.body as Buffer).pages).toBe(3);

    expect((await decide('control', id, { evento: 'PRODUCTION_CONFIRMED' })).body.estado).toBe('LISTA_PARA_ENTREGA');
    // Not delivered yet: nothing signed to upload.
    const early = await t.http('POST', `/requests/${id}/signed-acuse`, { token: token.control, form: signedAcuseForm() });
    expect([early.status, early.body.code]).toEqual([409, 'NO_ESPERA_ACUSE']);
    expectOk(await decide('control', id, { evento: 'DELIVER' }));

    // Delivered on paper, not in the system until the signed acuse is uploaded: one task for Control Escolar.
    const waiting = await detailWhen(t, token.control, id, 'ESPERANDO_ACUSE');
    expect(waiting.body.tareaAbierta).toMatchObject({ key: 'ACUSE_FIRMADO', rol: 'DRSE_CONTROL_ESCOLAR' });
    expect(waiting.body.acciones).toEqual([expect.objectContaining({ evento: 'ACUSE_SIGNED', etiqueta: 'Subir el acuse firmado' })]);
    // Listed once, as the request's task (not again as an acuse to sign).
    const inbox = expectOk(await t.http('GET', '/inbox/items?pageSize=100', { token: token.control }));
    const mine = (inbox.body.items as Array<{ solicitudId: number | null; tipo: string; titulo: string }>).filter((i) => i.solicitudId === id);
    expect(mine.map((i) => [i.tipo, i.titulo])).toEqual([['TAREA', 'Subir el acuse de entrega firmado y sellado']]);
    const bare = await decide('control', id, { evento: 'ACUSE_SIGNED' });
    expect(bare.status).toBe(422);
    expect(bare.body.detail ?? bare.body.errors?.[0]?.message).toMatch(/suba el acuse firmado/i);
    expect((await t.http('POST', `/requests/${id}/signed-acuse`, { token: token.escuela, form: signedAcuseForm() })).status).toBe(403);
    expect((await t.http('POST', `/requests/${id}/signed-acuse`, { token: token.controlC1, form: signedAcuseForm() })).status).toBe(404);
    expect((await detailWhen(t, token.control, id, 'ESPERANDO_ACUSE')).body.documentos.find((d: { tipo: string }) => d.tipo === 'ACUSE').firmado).toBe(false);

    const delivered = await uploadSignedAcuse(t, token.control, id, token.escuela);
    expect(delivered.body.linea.map((e: { evento: string }) => e.evento)).toEqual([
      'SUBMIT', 'RETURN', 'RESUBMIT', 'ACCEPT', 'PROCEDENCIA_CHECKED', 'VALIDATE_PARTIAL', 'MATERIAL_SHORT',
      'SUPPLY_FULFILLED', 'MATERIAL_RESERVED', 'PRINT_RUN_GENERATED', 'PRODUCTION_CONFIRMED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
    expect(doc(delivered, 'ACUSE')).toMatchObject({ firmado: true });
    const again = await t.http('POST', `/requests/${id}/signed-acuse`, { token: token.control, form: signedAcuseForm() });
    expect(again.status).toBe(409);
    const acuse = doc(delivered, 'ACUSE');
    await checkAcusePdf('escuela', acuse.url, acuse.id);
    const acuseDetail = expectOk(await t.http('GET', `/acuses/${acuse.id}`, { token: token.escuela }));
    expect([...(acuseDetail.body.cardFolios as string[])].sort()).toEqual((run.body.issued as Array<{ folio: string }>).map((c) => c.folio).sort());
  });

  it('a replacement (R5) of a card issued by that run: receipt, new card in the next run, old folio replaced, delivery with acuse', async () => {
    expect(p1RunId).toBeGreaterThan(0);
    const student = p1Students[0];
    const oldCard = await cardOf(t, student, p1RunId);
    const before = expectOk(await t.http('GET', `/verificar/${oldCard.qrPayload}`));
    expect(before.body).toMatchObject({ signatureValid: true, status: 'VIGENTE', folio: oldCard.folio });

    // The DRSE needs one more card's material (a sheet: 1 card + 7 voided slots) for the replacement run.
    const valles = await holderId(t, token.tecnologias, 'drseCode=VALLES&kind=DRSE');
    for (const [item, delta] of [['TESLIN', 8], ['MICA', 1], ['HOLOGRAMA:2026-2027', 1]] as const) {
      await ok(t, token.tecnologias, `/inventory/holders/${valles}/adjustments`, { item, delta, reason: 'Material para reposiciones.' });
    }

    const datos = { procedimiento: 'REPLACEMENT', alumno: student, recibo: { numero: `REC-${p1RunId}-0001`, fecha: today(), importeCentavos: 2800 }, motivo: 'PERDIDA' };
    const filed = expectOk(await t.http('POST', '/requests', { token: token.escuela, form: requestForm(datos, null) }), 201);
    expect(filed.body.procedimiento).toBe('REPLACEMENT');
    const id = filed.body.id as number;
    // The same filing again is the same request; the same receipt for another student's card is refused too, and nothing of it is stored.
    const again = await t.http('POST', '/requests', { token: token.escuela, form: requestForm(datos, null) });
    expect([again.status, again.body.code]).toEqual([409, 'YA_PRESENTADO']);
    const other = await cardOf(t, p1Students[1], p1RunId);
    const reused = await t.http('POST', '/requests', { token: token.escuela, form: requestForm({ ...datos, alumno: p1Students[1] }, null) });
    expect([reused.status, reused.body.errors?.[0]?.field]).toEqual([409, 'datos.recibo.numero']);
    expect((await t.http('GET', `/verificar/${other.qrPayload}`)).body.status).toBe('VIGENTE');

    // The DRSE prints it (R1): Control Escolar confirms the printing.
    const printing = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'IMPRESION_REPOSICION' && r.body.fuente === 'FLUJO',
    );
    expect(printing.body.tareaAbierta.rol).toBe('DRSE_CONTROL_ESCOLAR');
    expect(printing.body.reposicion).toMatchObject({ alumno: student, folioAnterior: oldCard.folio, folioNuevo: expect.any(String), recibo: { numero: datos.recibo.numero, importeCentavos: 2800, motivo: 'PERDIDA' } });
    const newFolio = printing.body.reposicion.folioNuevo as string;
    expect(newFolio).not.toBe(oldCard.folio);
    const runId = Number(doc(printing, 'PLANILLAS').id);
    expect(runId).not.toBe(p1RunId);
    const run = expectOk(await t.http('GET', `/print-runs/${runId}`, { token: token.control }));
    expect(run.body).toMatchObject({ cards: 1, planillas: 1, voided: 7, requestId: id });
    expect(run.body.issued).toEqual([expect.objectContaining({ studentId: student, folio: newFolio })]);

    expectOk(await decide('control', id, { evento: 'PRODUCTION_CONFIRMED' }));
    const delivery = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'ENTREGA_REPOSICION',
    );
    expect(delivery.body.estado).toBe('LISTA_PARA_ENTREGA');
    const replaced = expectOk(await t.http('GET', `/verificar/${oldCard.qrPayload}`));
    expect(replaced.body).toMatchObject({ signatureValid: true, status: 'REEMPLAZADA', folio: oldCard.folio });
    const newCard = await cardOf(t, student, runId);
    expect(newCard.folio).toBe(newFolio);
    expect((await t.http('GET', `/verificar/${newCard.qrPayload}`)).body).toMatchObject({ status: 'VIGENTE', folio: newFolio });
    expect((await t.http('GET', `/cards/${oldCard.folio}/events`, { token: token.control })).body).toMatchObject({ replacedByFolio: newFolio });

    expectOk(await decide('control', id, { evento: 'DELIVER' }));
    // Printed by the DRSE: its Control Escolar collects the signed acuse.
    const delivered = await uploadSignedAcuse(t, token.control, id, token.escuela);
    expect(delivered.body.linea.map((e: { evento: string }) => e.evento)).toEqual([
      'SUBMIT', 'PAYMENT_RECORDED', 'PAYMENT_VALID', 'REPLACEMENT_PRODUCED', 'PRODUCTION_CONFIRMED', 'FOLIO_REVOKED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
    const acuse = doc(delivered, 'ACUSE');
    await checkAcusePdf('escuela', acuse.url, acuse.id);
    expect((await t.http('GET', `/acuses/${acuse.id}`, { token: token.escuela })).body.cardFolios).toEqual([newFolio]);
  });

  it('Procedure 2, large on-site school: oficio to delivery, the school\'s stock grows; its own run leaves out an opted-out student', async () => {
    const large = await t.createSchool({ drse: 'CENTRO_1', matricula: 600, hasInternet: true });
    const students = [];
    for (let i = 0; i < 4; i++) students.push((await t.createStudent(large, { primerIngreso: true })).id);
    token.escuelaGrande = (await t.loginAs({ role: 'ESCUELA', schoolId: large.id })).accessToken;

    // The DRSE's kit arrives (material from outside is a receipt, ADMIN for a DRSE warehouse).
    const centro1 = await holderId(t, token.tecnologiasC1, 'drseCode=CENTRO_1&kind=DRSE');
    await ok(t, token.admin, `/inventory/holders/${centro1}/receipts`, {
      lines: [{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 80 }, { item: 'HOLOGRAMA:2026-2027', quantity: 80 }],
      reason: 'Kit inicial de la DRSE',
    });
    const schoolHolder = await holderId(t, token.escuelaGrande, `schoolId=${large.id}`);
    const before = await balances('escuelaGrande', schoolHolder);
    expect([onHand(before, 'TESLIN'), onHand(before, 'MICA'), onHand(before, 'HOLOGRAMA:2026-2027')]).toEqual([0, 0, 0]);

    // A P1 filing is refused to an on-site school (R1).
    const wrong = await fileP1(t, token.escuelaGrande, { nuevos: [students[0]] });
    expect([wrong.status, wrong.body.errors?.[0]?.field]).toEqual([422, 'datos.procedimiento']);

    // Everything the school prints with, ink included (issue 11 item 6), and the equipment it lacks.
    const material = { teslinSheets: 2, micas: 16, holograms: 16, inkSets: 1 };
    const equipo = [{ tipo: 'ENMICADORA', cantidad: 1, detalle: 'La enmicadora actual se atasca con la mica.' }];
    const tooMuchInk = await t.http('POST', '/requests', {
      token: token.escuelaGrande,
      form: requestForm({ procedimiento: 'PROCEDURE_2', material: { ...material, inkSets: -1 }, justificacion: 'Primer abasto del ciclo para imprimir en la escuela.' }),
    });
    expect([tooMuchInk.status, tooMuchInk.body.errors?.[0]?.field]).toEqual([422, 'datos.material.inkSets']);
    const filed = expectOk(await t.http('POST', '/requests', {
      token: token.escuelaGrande,
      form: requestForm({ procedimiento: 'PROCEDURE_2', material, equipo, justificacion: 'Primer abasto del ciclo para imprimir en la escuela.' }),
    }), 201);
    const id = filed.body.id as number;
    await detailWhen(t, token.planeacionC1, id, 'EN_REVISION_PLANEACION');
    expectOk(await decide('planeacionC1', id, { evento: 'ACCEPT', comentario: 'Oficio completo.' }));
    await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.controlC1 }),
      (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR' && r.body.fuente === 'FLUJO',
    );
    const validating = expectOk(await t.http('GET', `/requests/${id}`, { token: token.controlC1 }));
    // The matrícula (600) allows 75 sheets and the 2 ink sets that print them.
    expect(validating.body.material).toMatchObject({ solicitado: material, permitido: { teslinSheets: 75, micas: 600, holograms: 600, inkSets: 2 }, equipo });
    expect(validating.body.acciones.find((a: { evento: string }) => a.evento === 'VALIDATE_PARTIAL').datos.map((d: { campo: string; maximo: number }) => [d.campo, d.maximo])).toEqual([
      ['teslinSheets', 2], ['micas', 16], ['holograms', 16], ['inkSets', 1],
    ]);
    expectOk(await decide('controlC1', id, { evento: 'VALIDATE' }));
    // The DRSE has no ink yet: a visible wait for stock for its Tecnologías, who restocks and rechecks.
    const inkWait = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.tecnologiasC1 }),
      (r) => r.body.estado === 'ESPERANDO_EXISTENCIAS',
      60_000,
    );
    expect(inkWait.body.tareaAbierta).toMatchObject({ key: 'ESPERA_EXISTENCIAS', rol: 'DRSE_TECNOLOGIAS' });
    await ok(t, token.tecnologiasC1, `/inventory/holders/${centro1}/adjustments`, { item: 'TINTA', delta: 100, reason: 'Juegos de tinta recibidos.' });
    expectOk(await decide('tecnologiasC1', id, { evento: 'RECHECK_MATERIAL' }));
    const ready = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.tecnologiasC1 }),
      (r) => r.body.tareaAbierta?.key === 'ENTREGA',
    );
    expect(ready.body.estado).toBe('LISTA_PARA_ENTREGA');
    expect(ready.body.material).toMatchObject({ solicitado: material, aprobado: material });
    const reservedAtDrse = await balances('tecnologiasC1', centro1);
    expect([reservedAtDrse.MICA.reserved, reservedAtDrse.MICA.available]).toEqual([16, 64]);

    expectOk(await decide('tecnologiasC1', id, { evento: 'DELIVER' }));
    // Tecnologías delivered the material: it collects the signed acuse (Control Escolar may not).
    await detailWhen(t, token.tecnologiasC1, id, 'ESPERANDO_ACUSE');
    expect((await t.http('POST', `/requests/${id}/signed-acuse`, { token: token.controlC1, form: signedAcuseForm() })).status).toBe(403);
    const delivered = await uploadSignedAcuse(t, token.tecnologiasC1, id, token.escuelaGrande);
    expect(delivered.body.linea.map((e: { evento: string }) => e.evento)).toEqual([
      'SUBMIT', 'ACCEPT', 'JUSTIFICATION_CHECKED', 'VALIDATE', 'INK_SHORT', 'RECHECK_MATERIAL', 'MATERIAL_RESERVED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
    const acuse = doc(delivered, 'ACUSE');
    await checkAcusePdf('escuelaGrande', acuse.url, acuse.id);
    const after = await balances('escuelaGrande', schoolHolder);
    expect([onHand(after, 'TESLIN'), onHand(after, 'MICA'), onHand(after, 'HOLOGRAMA:2026-2027'), onHand(after, 'TINTA')]).toEqual([16, 16, 16, 50]);
    expect((await t.http('GET', `/acuses/${acuse.id}`, { token: token.escuelaGrande })).body.lines).toEqual(expect.arrayContaining([expect.objectContaining({ item: 'TINTA', quantity: 50 })]));
    const drseAfter = await balances('tecnologiasC1', centro1);
    expect([onHand(drseAfter, 'TESLIN'), onHand(drseAfter, 'MICA'), drseAfter.MICA.reserved]).toEqual([64, 64, 0]);

    // R4: a family declines; the school's own print run (ink from its kit) leaves that student out, with the reason.
    const declined = students[3];
    expectOk(await t.http('POST', `/students/${declined}/opt-out`, { token: token.escuelaGrande, json: { reason: 'La familia no desea la credencial.' } }));
    // It prints with the ink Procedure 2 delivered.
    const run = expectOk(await t.http('POST', '/print-runs', { token: token.escuelaGrande, json: { schoolIds: [large.id] } }), 201);
    expect((run.body.issued as Array<{ studentId: number }>).map((c) => c.studentId).sort((a, b) => a - b)).toEqual(students.slice(0, 3));
    expect(run.body.excluded).toEqual([expect.objectContaining({ studentId: declined, reason: 'RECHAZADA', detail: expect.any(String) })]);
    expect(run.body).toMatchObject({ cards: 3, planillas: 1, voided: 5, requestId: null }); // made by hand, no request
    // The run consumed the school's stock in its own transaction (R6/R7): 3 Teslin slots printed
    // + 5 voided blanks as waste = one sheet, 3 micas, 3 holograms of the cycle, 1 planilla of ink.
    expect(run.body.consumptionRecorded).toBe(true);
    const printed = await balances('escuelaGrande', schoolHolder);
    expect([onHand(printed, 'TESLIN'), onHand(printed, 'MICA'), onHand(printed, 'HOLOGRAMA:2026-2027'), onHand(printed, 'TINTA')]).toEqual([8, 13, 13, 49]);
  });
});
