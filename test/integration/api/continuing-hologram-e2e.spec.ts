import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../src/access';
import { CardSheetRenderer } from '../../../src/production/card-renderer';
import { ProductionService } from '../../../src/production/production.service';
import { PRODUCTION_BLOBS, PRODUCTION_OPTIONS } from '../../../src/production/production.tokens';
import { QrKeyStore } from '../../../src/production/qr-key-store';
import type { HttpResult, TestApp } from '../../support/app';
import { startTestApp } from '../../support/app';
import { CYCLE, ensureCycles, holderId, ok, OTHER_CYCLE } from './inventory-fixtures';
import { detailWhen, eventually, fileP1, uploadSignedAcuse } from './requests-fixtures';

/**
 * Issue 11 item 1 end to end over HTTP (real API, PostgreSQL, Temporal and worker): a continuing
 * student holding a card of the previous cycle gets only the hologram of this one — in Procedure 1
 * (listed as new by the school, counted for the hologram; no card printed; the hologram recorded on
 * delivery) and on site (the school's run prints the new student only and records the hologram) —
 * and a student is in one open Procedure 1 request at a time (409 naming the other, also when two
 * filings race).
 */
describe('Continuing students get the hologram, not a new card', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  /** Cards of the previous cycle, issued without this cycle's inventory (history, not under test). */
  let history: ProductionService;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await ensureCycles(t);
    history = new ProductionService(
      t.app.get(EntityManager),
      t.app.get(CardSheetRenderer),
      t.app.get(QrKeyStore),
      t.app.get(PRODUCTION_BLOBS),
      t.app.get(PRODUCTION_OPTIONS),
    );
    token.planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    token.tecnologias = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
  });
  afterAll(async () => t?.close());

  const expectOk = (res: HttpResult, status = 200): HttpResult => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const decide = (who: string, id: number, json: unknown) => t.http('POST', `/requests/${id}/decisions`, { token: token[who], json });
  const cardsOf = async (studentId: number) =>
    (await t.db.orm.em.fork().execute<Array<{ folio: string; cycle_code: string; status: string }>>(
      `select folio, cycle_code, status from credential where student_id = ? and kind = 'TARJETA' order by id`,
      [studentId],
    )).map((c) => [c.folio, c.cycle_code, c.status]);
  const requestsOf = async (schoolId: number) =>
    Number((await t.db.orm.em.fork().execute<Array<{ n: string }>>('select count(*)::text as n from procedure_request where school_id = ?', [schoolId]))[0].n);

  it('Procedure 1: one open request per student (409 naming it, also under concurrent filings); the continuing student gets only the hologram', async () => {
    const school = await t.createSchool({ drse: 'VALLES', matricula: 60 });
    // The school's list marks both as first entry; one of them holds a card of the previous cycle.
    const continuing = (await t.createStudent(school, { primerIngreso: true })).id;
    const fresh = (await t.createStudent(school, { primerIngreso: true })).id;
    const raced = (await t.createStudent(school, { primerIngreso: true })).id;
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const drse: Actor = { id: 'u-ce-valles-historia', role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'VALLES' };
    const earlier = await history.createPrintRun({ key: `p1-historia-${school.id}`, holder: { type: 'DRSE', drseCode: 'VALLES' }, cycleCode: OTHER_CYCLE, studentIds: [continuing], actor: drse });
    expect(earlier.cards).toBe(1);
    const oldCard = await cardsOf(continuing);

    // The DRSE's stock for one card (a sheet, a mica) and two holograms of the cycle, and ink.
    const valles = await holderId(t, token.tecnologias, 'drseCode=VALLES&kind=DRSE');
    for (const [item, delta] of [['TESLIN', 8], ['MICA', 1], [`HOLOGRAMA:${CYCLE}`, 2], ['TINTA', 5]] as const) {
      await ok(t, token.tecnologias, `/inventory/holders/${valles}/adjustments`, { item, delta, reason: 'Material para la prueba de hologramas.' });
    }

    const filed = expectOk(await fileP1(t, token.escuela, { nuevos: [continuing, fresh] }), 201);
    const id = filed.body.id as number;

    // A second oficio with a student of the open one: 409 naming it as the web does (#id), nothing stored.
    const second = await fileP1(t, token.escuela, { nuevos: [raced], continuan: [fresh] });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ALUMNO_EN_OTRA_SOLICITUD', detail: expect.stringContaining(`solicitud #${id}`) });
    expect(second.body.errors).toEqual([{ field: 'datos.continuan[0]', message: expect.stringContaining(`El alumno ${fresh} ya está en la solicitud #${id}`) }]);
    expect(JSON.stringify(second.body)).not.toMatch(/PROCEDURE_1|open_request|EN_REVISION/);
    expect(await requestsOf(school.id)).toBe(1);

    // Two oficios with the same student at the same moment: one is filed, the other answers 409 naming it.
    const race = await Promise.all([fileP1(t, token.escuela, { nuevos: [raced] }), fileP1(t, token.escuela, { nuevos: [raced] })]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = race.find((r) => r.status === 201)!.body.id as number;
    expect(race.find((r) => r.status === 409)!.body.detail).toContain(`solicitud #${winner}`);
    expect(await requestsOf(school.id)).toBe(2);

    // Procedencia: the student with a card in force is counted for the hologram, not for a new card.
    await detailWhen(t, token.planeacion, id, 'EN_REVISION_PLANEACION');
    expectOk(await decide('planeacion', id, { evento: 'ACCEPT', comentario: 'Oficio completo.' }));
    const validation = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'VALIDACION_CONTROL_ESCOLAR' && r.body.fuente === 'FLUJO',
    );
    expect(validation.body.verificacion).toMatchObject({ nuevosElegibles: 1, continuanElegibles: 1 });
    expect(validation.body.verificacion.alumnos).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: continuing, tipo: 'CONTINUO', elegible: true, motivo: expect.stringContaining(`credencial vigente (folio ${oldCard[0][0]}, ciclo ${OTHER_CYCLE})`) }),
      expect.objectContaining({ id: fresh, tipo: 'NUEVO', elegible: true }),
    ]));
    expect(validation.body.linea.find((e: { evento: string }) => e.evento === 'PROCEDENCIA_CHECKED')?.comentario ?? '').toContain('sólo el holograma');
    expectOk(await decide('control', id, { evento: 'VALIDATE' }));

    const production = await eventually(
      () => t.http('GET', `/requests/${id}`, { token: token.control }),
      (r) => r.body.tareaAbierta?.key === 'CONFIRMACION_PRODUCCION',
      60_000,
    );
    const runId = Number((production.body.documentos as Array<{ tipo: string; id: string }>).find((d) => d.tipo === 'PLANILLAS')!.id);
    const run = expectOk(await t.http('GET', `/print-runs/${runId}`, { token: token.control }));
    expect(run.body).toMatchObject({ cards: 1, planillas: 1, voided: 7 });
    expect((run.body.issued as Array<{ studentId: number }>).map((c) => c.studentId)).toEqual([fresh]);
    expectOk(await decide('control', id, { evento: 'PRODUCTION_CONFIRMED' }));
    expectOk(await decide('control', id, { evento: 'DELIVER' }));
    await uploadSignedAcuse(t, token.control, id, token.escuela);

    // One card (the previous cycle's), now with this cycle's hologram; the new student has both.
    expect(await cardsOf(continuing)).toEqual(oldCard);
    const student = expectOk(await t.http('GET', `/students/${continuing}`, { token: token.escuela }));
    expect(student.body).toMatchObject({ currentCard: { folio: oldCard[0][0], cycleCode: OTHER_CYCLE }, hologramThisCycle: true });
    expect(expectOk(await t.http('GET', `/students/${fresh}`, { token: token.escuela })).body).toMatchObject({ currentCard: { cycleCode: CYCLE }, hologramThisCycle: true });

    // The delivered request no longer holds its students.
    expect((await fileP1(t, token.escuela, { nuevos: [fresh] })).status).toBe(201);
  });

  it('on site: the school’s run prints the new student only and records the continuing student’s hologram', async () => {
    const school = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    const continuing = (await t.createStudent(school, { primerIngreso: false })).id;
    const fresh = (await t.createStudent(school, { primerIngreso: true })).id;
    const escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const actor: Actor = { id: 'u-esc-historia', role: 'ESCUELA', schoolId: school.id, drseCode: 'VALLES' };
    await history.createPrintRun({ key: `sitio-historia-${school.id}`, holder: { type: 'ESCUELA', schoolId: school.id }, cycleCode: OTHER_CYCLE, studentIds: [continuing], actor });
    const oldCard = await cardsOf(continuing);

    const holder = await holderId(t, escuela, `schoolId=${school.id}`);
    for (const [item, delta] of [['TESLIN', 8], ['MICA', 1], [`HOLOGRAMA:${CYCLE}`, 2], ['TINTA', 1]] as const) {
      await ok(t, escuela, `/inventory/holders/${holder}/adjustments`, { item, delta, reason: 'Material de la escuela para la prueba.' });
    }

    const preview = await t.http('POST', '/print-runs/preview', { token: escuela, json: { schoolIds: [school.id] } });
    expect(preview.status).toBe(200);
    expect([preview.headers.get('x-tarjetas'), preview.headers.get('x-solo-holograma'), preview.headers.get('x-excluidos')]).toEqual(['1', '1', '0']);

    const run = expectOk(await t.http('POST', '/print-runs', { token: escuela, json: { schoolIds: [school.id] } }), 201);
    expect(run.body).toMatchObject({ cards: 1, planillas: 1, voided: 7, hologramOnlyCount: 1, excludedCount: 0, consumptionRecorded: true });
    expect((run.body.issued as Array<{ studentId: number }>).map((c) => c.studentId)).toEqual([fresh]);
    expect(run.body.hologramOnly).toEqual([{ studentId: continuing, studentName: expect.any(String), folio: oldCard[0][0], cardCycleCode: OTHER_CYCLE }]);
    expect(await cardsOf(continuing)).toEqual(oldCard);

    // Both got this cycle's hologram; the school's stock paid one card and two holograms.
    for (const id of [continuing, fresh]) {
      expect(expectOk(await t.http('GET', `/students/${id}`, { token: escuela })).body.hologramThisCycle).toBe(true);
    }
    const balances = expectOk(await t.http('GET', `/inventory/holders/${holder}/balances`, { token: escuela }));
    const onHand = Object.fromEntries((balances.body.items as Array<{ item: string; onHand: number }>).map((b) => [b.item, b.onHand]));
    expect([onHand.TESLIN, onHand.MICA, onHand[`HOLOGRAMA:${CYCLE}`], onHand.TINTA]).toEqual([0, 0, 0, 0]);

    // Nobody of the school is pending any more.
    const again = await t.http('POST', '/print-runs', { token: escuela, json: { schoolIds: [school.id] } });
    expect([again.status, again.body.detail]).toEqual([422, expect.stringContaining('no tienen alumnos pendientes')]);
  });
});
