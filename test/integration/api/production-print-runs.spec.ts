import { randomUUID } from 'node:crypto';
import type { School, Student } from '../../../src/catalog/entities';
import { HolderService } from '../../../src/inventory/holder.service';
import { StockService } from '../../../src/inventory/stock.service';
import { PrintRunsController } from '../../../src/production/http/print-runs.controller';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { pdfTools, productionSnapshot, stockForPrinting } from './production-fixtures';

/** Print runs over HTTP: R1 route, planillas of 8 with voided blanks (R7), issue on generation (R9), preview, scope, bad input. */
describe(PrintRunsController.name, () => {
  let t: TestApp;
  let ceValles: string;
  let ceNorte: string;
  let central: string;
  let schoolA: School;
  let schoolB: School;
  let onSite: School;
  let drseRoutedToken: string;
  let onSiteToken: string;

  const students = async (school: School, n: number, spec: Parameters<TestApp['createStudent']>[1] = {}): Promise<Student[]> => {
    const out: Student[] = [];
    for (let i = 0; i < n; i++) out.push(await t.createStudent(school, spec));
    return out;
  };
  const post = (token: string, path: string, json: unknown, key?: string) =>
    t.http('POST', path, { token, json, headers: key ? { 'Idempotency-Key': key } : {} });

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    schoolA = await t.createSchool({ drse: 'VALLES', matricula: 150 });
    schoolB = await t.createSchool({ drse: 'VALLES', matricula: 300 });
    onSite = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    expect([schoolA.printRoute, schoolB.printRoute, onSite.printRoute]).toEqual(['DRSE', 'DRSE', 'ESCUELA']);
    await stockForPrinting(t, { drseCode: 'VALLES' });
    await stockForPrinting(t, { schoolId: onSite.id });
    ceValles = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    ceNorte = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' })).accessToken;
    central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    drseRoutedToken = (await t.loginAs({ role: 'ESCUELA', schoolId: schoolA.id })).accessToken;
    onSiteToken = (await t.loginAs({ role: 'ESCUELA', schoolId: onSite.id })).accessToken;
  });
  afterAll(async () => t?.close());

  it('a DRSE run of 17 cards: 3 planillas, 7 voided folios, exclusions listed; a retry replays it; the PDF has 3 pages and every folio', async () => {
    const a = await students(schoolA, 9);
    const b = await students(schoolB, 8);
    const [noPhoto] = await students(schoolA, 1, { withPhoto: false });
    const [declined] = await students(schoolA, 1, { declined: true });
    const body = { studentIds: [...a, ...b, noPhoto, declined].map((s) => s.id) };
    const key = `corrida-${randomUUID()}`;

    const res = await post(ceValles, '/print-runs', body, key);
    expect(res.status).toBe(201);
    const run = res.body;
    expect(run).toMatchObject({ holder: { type: 'DRSE', drseCode: 'VALLES', schoolId: null }, cycleCode: '2026-2027', planillas: 3, cards: 17, voided: 7, excludedCount: 2, pdfReady: false });
    expect(run.issued).toHaveLength(17);
    expect(run.issued.every((c: { status: string }) => c.status === 'EXPEDIDA')).toBe(true);
    expect(new Set(run.issued.map((c: { studentId: number }) => c.studentId))).toEqual(new Set([...a, ...b].map((s) => s.id)));
    expect(run.issued[0]).toMatchObject({ planilla: 1, slot: 1, studentName: expect.any(String), cct: expect.stringMatching(/^14/) });
    // R7: the 7 blank slots of the last planilla, voided before any file exists.
    expect(run.voidedFolios.map((v: { planilla: number; slot: number }) => [v.planilla, v.slot])).toEqual([2, 3, 4, 5, 6, 7, 8].map((s) => [3, s]));
    expect(run.voidedFolios[0].reason).toContain('R7');
    expect(run.excluded).toEqual([
      { studentId: noPhoto.id, reason: 'SIN_FOTOGRAFIA', detail: expect.stringContaining('fotografía'), studentName: noPhoto.fullName },
      { studentId: declined.id, reason: 'RECHAZADA', detail: expect.stringContaining('R4'), studentName: declined.fullName },
    ]);
    const em = t.db.orm.em.fork();
    const [stored] = await em.execute<Array<{ cards: number; blanks: number }>>(
      `select count(*) filter (where kind = 'TARJETA' and status = 'EXPEDIDA')::int as cards, count(*) filter (where kind = 'BLANCO' and status = 'ANULADA')::int as blanks from credential where run_id = ?`,
      [run.id],
    );
    expect(stored).toEqual({ cards: 17, blanks: 7 });

    // The same request with the same key: the first answer, nothing new written.
    const before = await productionSnapshot(t);
    const retry = await post(ceValles, '/print-runs', body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(run);
    expect(await productionSnapshot(t)).toBe(before);
    // The same key with other students: refused, nothing written.
    const other = await post(ceValles, '/print-runs', { studentIds: [a[0].id] }, key);
    expect(other.status).toBe(422);
    expect(await productionSnapshot(t)).toBe(before);

    const pdf = await t.http('GET', `/print-runs/${run.id}/pdf`, { token: ceValles });
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`corrida-${run.id}.pdf`);
    const doc = pdfTools(pdf.body as Buffer);
    expect(doc.pages).toBe(3);
    const text = doc.text.replace(/\s+/g, ' ');
    for (const c of [...run.issued, ...run.voidedFolios] as Array<{ folio: string }>) expect(text).toContain(c.folio);
    expect(text).toContain('CANCELADO');

    const detail = await t.http('GET', `/print-runs/${run.id}`, { token: ceValles });
    expect(detail.body).toEqual({ ...run, pdfReady: true });
    const list = await t.http('GET', '/print-runs?pageSize=200', { token: ceValles });
    expect(list.body.items.find((i: { id: number }) => i.id === run.id)).toMatchObject({ cards: 17, voided: 7, firstFolio: run.firstFolio, lastFolio: run.lastFolio });
    expect((await t.http('GET', '/print-runs?pageSize=200', { token: ceNorte })).body.items.some((i: { id: number }) => i.id === run.id)).toBe(false);
    expect((await t.http('GET', `/print-runs/${run.id}`, { token: ceNorte })).status).toBe(404);
  });

  it('a preview is a watermarked PDF and changes nothing', async () => {
    const some = await students(schoolB, 3);
    const before = await productionSnapshot(t);
    const res = await post(ceValles, '/print-runs/preview', { studentIds: some.map((s) => s.id) });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    expect(res.headers.get('x-tarjetas')).toBe('3');
    expect(res.headers.get('x-planillas')).toBe('1');
    const doc = pdfTools(res.body as Buffer);
    expect(doc.pages).toBe(1);
    expect(doc.text).toContain('MUESTRA');
    expect(doc.text).not.toMatch(/\d{4}-\d{7}-\d/);
    expect(await productionSnapshot(t)).toBe(before);
    // The students are still printable: the preview issued nothing.
    const run = await post(ceValles, '/print-runs', { studentIds: some.map((s) => s.id) });
    expect(run.body).toMatchObject({ cards: 3, excludedCount: 0 });
  });

  it('a school that prints on site runs its own print; students of other schools are "not found"', async () => {
    const own = await students(onSite, 3);
    const [foreign] = await students(schoolA, 1);
    const before = await productionSnapshot(t);
    const refused = await post(onSiteToken, '/print-runs', { studentIds: [...own.map((s) => s.id), foreign.id] });
    expect(refused.status).toBe(404);
    expect(refused.body.errors).toEqual([{ field: 'studentIds[3]', message: expect.stringContaining('no está en su ámbito') }]);
    expect(await productionSnapshot(t)).toBe(before);

    const res = await post(onSiteToken, '/print-runs', { studentIds: own.map((s) => s.id) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ holder: { type: 'ESCUELA', schoolId: onSite.id, drseCode: 'VALLES' }, planillas: 1, cards: 3, voided: 5 });
    const pdf = await t.http('GET', `/print-runs/${res.body.id}/pdf`, { token: onSiteToken });
    expect(pdfTools(pdf.body as Buffer).pages).toBe(1);
    // Its DRSE sees the run (oversight) but does not print for it; another school does not see it.
    expect((await t.http('GET', `/print-runs/${res.body.id}`, { token: ceValles })).status).toBe(200);
    expect((await t.http('GET', `/print-runs/${res.body.id}`, { token: drseRoutedToken })).status).toBe(404);
  });

  it('a school its DRSE prints for may not run its own print (R1): 422 RUTA_DE_IMPRESION, nothing written', async () => {
    const own = await students(schoolA, 2);
    const before = await productionSnapshot(t);
    for (const path of ['/print-runs', '/print-runs/preview']) {
      const res = await post(drseRoutedToken, path, { studentIds: own.map((s) => s.id) });
      expect(res.status).toBe(422);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.code).toBe('RUTA_DE_IMPRESION');
      expect(res.body.detail).toContain('R1');
    }
    expect(await productionSnapshot(t)).toBe(before);
  });

  it('the DRSE does not print for an on-site school: nothing printable → 422 naming each student', async () => {
    const [s] = await students(onSite, 1);
    const before = await productionSnapshot(t);
    const res = await post(ceValles, '/print-runs', { studentIds: [s.id] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'NADA_QUE_IMPRIMIR', errors: [{ field: 'studentIds[0]', message: expect.stringContaining('R1') }] });
    expect(await productionSnapshot(t)).toBe(before);
    expect((await post(ceNorte, '/print-runs', { studentIds: [s.id] })).body.errors).toEqual([{ field: 'studentIds[0]', message: expect.any(String) }]);
  });

  it('prints every pending student of a school (schoolIds), listing those who cannot be printed', async () => {
    const school = await t.createSchool({ drse: 'VALLES', matricula: 100 });
    const ok = await students(school, 2);
    const [noPhoto] = await students(school, 1, { withPhoto: false });
    const res = await post(ceValles, '/print-runs', { schoolIds: [school.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cards: 2, excluded: [{ studentId: noPhoto.id, reason: 'SIN_FOTOGRAFIA' }] });
    expect(res.body.issued.map((c: { studentId: number }) => c.studentId).sort()).toEqual(ok.map((s) => s.id).sort());
    // Nothing pending any more but the student without photo.
    const again = await post(ceValles, '/print-runs', { schoolIds: [school.id] });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('NADA_QUE_IMPRIMIR');
    const foreign = await post(ceNorte, '/print-runs', { schoolIds: [school.id] });
    expect([foreign.status, foreign.body.errors]).toEqual([404, [{ field: 'schoolIds[0]', message: expect.any(String) }]]);
  });

  it('a run consumes its holder\'s stock in its own transaction: without material 409 MATERIAL_INSUFICIENTE naming each item, nothing written; a retry does not consume twice', async () => {
    const school = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    expect(school.printRoute).toBe('ESCUELA');
    const schoolToken = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const holder = await t.app.get(HolderService).holderForSchool(school.id);
    const stock = t.app.get(StockService);
    const em = t.db.orm.em.fork();
    const inventorySnapshot = async () =>
      JSON.stringify({
        entries: await em.execute('select count(*)::int as n from stock_entry'),
        operations: await em.execute('select count(*)::int as n from inventory_operation'),
        balances: await stock.balances(holder.id),
      });
    const own = await students(school, 3);
    const body = { studentIds: own.map((s) => s.id) };

    // No material at all: refused, every item named, nothing of the run nor of the inventory written, no folio taken.
    const before = [await productionSnapshot(t), await inventorySnapshot()];
    const refused = await post(schoolToken, '/print-runs', body, `sin-material-${randomUUID()}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'MATERIAL_INSUFICIENTE']);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([{ field: 'material', message: refused.body.detail }]);
    for (const text of ['Material insuficiente', 'Hojas Teslin (8 credenciales por hoja) (TESLIN): faltan 8 ranuras', 'Micas (MICA): faltan 3 piezas', 'Hologramas del ciclo 2026-2027 (HOLOGRAMA:2026-2027): faltan 3 piezas', '(TINTA): faltan 1 planilla']) {
      expect(refused.body.detail).toContain(text);
    }
    // An on-site school is never left without a way to get ink: the refusal points to Procedure 2.
    expect(refused.body.detail).toContain('Para conseguir tinta, presente a su DRSE un oficio del Procedimiento 2 (Nuevo oficio → material para imprimir en la escuela) pidiendo juegos de tinta.');
    expect([await productionSnapshot(t), await inventorySnapshot()]).toEqual(before);
    expect(await em.execute('select count(*)::int as n from credential where student_id = any(?::int[])', [`{${own.map((s) => s.id).join(',')}}`])).toEqual([{ n: 0 }]);
    // The preview never looks at stock.
    expect((await post(schoolToken, '/print-runs/preview', body)).status).toBe(200);

    // One sheet's material: the run prints 3 cards on 1 planilla (5 voided) and uses it up, once.
    await stockForPrinting(t, { schoolId: school.id }, 1);
    const key = `con-material-${randomUUID()}`;
    const res = await post(schoolToken, '/print-runs', body, key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cards: 3, planillas: 1, voided: 5, consumptionRecorded: true });
    const onHand = async () => Object.fromEntries((await stock.balances(holder.id)).map((b) => [b.item, b.onHand]));
    expect(await onHand()).toEqual({ 'HOLOGRAMA:2026-2027': 5, MICA: 5, TESLIN: 0, TINTA: 49 });
    const ledger = () => em.execute('select kind, item_code, quantity, waste_reason from stock_entry where print_run_id = ? order by item_code, kind', [String(res.body.id)]);
    const entries = await ledger();
    expect(entries).toEqual([
      { kind: 'CONSUMPTION', item_code: 'HOLOGRAMA:2026-2027', quantity: 3, waste_reason: null },
      { kind: 'CONSUMPTION', item_code: 'MICA', quantity: 3, waste_reason: null },
      { kind: 'CONSUMPTION', item_code: 'TESLIN', quantity: 3, waste_reason: null },
      { kind: 'WASTE', item_code: 'TESLIN', quantity: 5, waste_reason: 'VOIDED_BLANK' },
      { kind: 'CONSUMPTION', item_code: 'TINTA', quantity: 1, waste_reason: null },
    ]);
    const retry = await post(schoolToken, '/print-runs', body, key);
    expect([retry.status, retry.body.id]).toEqual([201, res.body.id]);
    expect(await onHand()).toEqual({ 'HOLOGRAMA:2026-2027': 5, MICA: 5, TESLIN: 0, TINTA: 49 });
    expect(await ledger()).toEqual(entries);
    expect(await stock.ledgerBalances(holder.id)).toEqual(await stock.balances(holder.id));

    // Micas, holograms and ink are left, Teslin not: only Teslin is named.
    const [next] = await students(school, 1);
    const short = await post(schoolToken, '/print-runs', { studentIds: [next.id] });
    expect([short.status, short.body.code]).toEqual([409, 'MATERIAL_INSUFICIENTE']);
    expect(short.body.detail).toContain('(TESLIN): faltan 8 ranuras');
    expect(short.body.detail).not.toMatch(/MICA|HOLOGRAMA|TINTA/);
    expect(short.body.detail).toContain('Pida el material que falta a su DRSE con un oficio del Procedimiento 2');
  });

  it('central roles name who prints; the others may not', async () => {
    const some = await students(schoolA, 2);
    const missing = await post(central, '/print-runs', { studentIds: some.map((s) => s.id) });
    expect([missing.status, missing.body.errors?.[0]?.field]).toEqual([422, 'holder']);
    const notTheirs = await post(ceValles, '/print-runs', { studentIds: some.map((s) => s.id), holder: { type: 'DRSE', drseCode: 'VALLES' } });
    expect([notTheirs.status, notTheirs.body.errors?.[0]?.field]).toEqual([422, 'holder']);
    const drseRoutedAsSchool = await post(central, '/print-runs', { studentIds: some.map((s) => s.id), holder: { type: 'ESCUELA', schoolId: schoolA.id } });
    expect([drseRoutedAsSchool.status, drseRoutedAsSchool.body.code]).toEqual([422, 'RUTA_DE_IMPRESION']);
    const res = await post(central, '/print-runs', { studentIds: some.map((s) => s.id), holder: { type: 'DRSE', drseCode: 'VALLES' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ holder: { type: 'DRSE', drseCode: 'VALLES' }, cards: 2, createdByRole: 'CONTROL_ESCOLAR_CENTRAL' });
  });

  describe('bad input → 422 problem+json naming the field, nothing written', () => {
    const cases: Array<[string, () => [string, string, unknown], string[]]> = [
      ['unknown field', () => [ceValles, '/print-runs', { studentIds: [1], prioridad: 'alta' }], ['prioridad']],
      ['fractional id', () => [ceValles, '/print-runs', { studentIds: [1, 2.5] }], ['studentIds']],
      ['id as text', () => [ceValles, '/print-runs', { studentIds: ['uno'] }], ['studentIds']],
      ['negative id', () => [ceValles, '/print-runs', { studentIds: [-3] }], ['studentIds']],
      ['empty studentIds', () => [ceValles, '/print-runs', { studentIds: [] }], ['studentIds']],
      ['no students nor schools', () => [ceValles, '/print-runs', { newPlanillaPerSchool: true }], ['studentIds']],
      ['studentIds not a list', () => [ceValles, '/print-runs', { studentIds: 5 }], ['studentIds']],
      ['badly formed cycle', () => [ceValles, '/print-runs', { studentIds: [1], cycleCode: '2026' }], ['cycleCode']],
      ['unregistered cycle', () => [ceValles, '/print-runs', { studentIds: [1], cycleCode: '2031-2032' }], ['cycleCode']],
      ['option not boolean', () => [ceValles, '/print-runs', { studentIds: [1], newPlanillaPerSchool: 'si' }], ['newPlanillaPerSchool']],
      ['unknown nested field', () => [central, '/print-runs', { studentIds: [1], holder: { type: 'DRSE', drseCode: 'VALLES', color: 'azul' } }], ['holder.color']],
      ['holder of an unknown type', () => [central, '/print-runs', { studentIds: [1], holder: { type: 'SEJ' } }], ['holder.type']],
      ['preview with empty studentIds', () => [ceValles, '/print-runs/preview', { studentIds: [] }], ['studentIds']],
    ];
    it.each(cases)('%s', async (_, make, fields) => {
      const [token, path, json] = make();
      const before = await productionSnapshot(t);
      const res = await t.http('POST', path, { token, json, headers: { 'Idempotency-Key': `malo-${randomUUID()}` } });
      expect(res.status).toBe(422);
      expect(res.contentType).toContain('application/problem+json');
      // One field may fail several rules (a list of text: not integers, not ≥ 1): each is named.
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(fields);
      for (const text of [res.body.detail, ...res.body.errors.map((e: { message: string }) => e.message)]) {
        expect(text).toMatch(/\b(el|la|las|los|de|debe)\b/i);
        expect(text).not.toMatch(/\b(must|should|each)\b/);
      }
      expect(await productionSnapshot(t)).toBe(before);
    });

    it('a path id that is not an integer', async () => {
      const res = await t.http('GET', '/print-runs/abc', { token: ceValles });
      expect([res.status, res.body.errors]).toEqual([422, [{ field: 'id', message: expect.stringContaining('entero') }]]);
      expect((await t.http('GET', '/print-runs?holderType=SEJ', { token: ceValles })).body.errors[0].field).toBe('holderType');
    });
  });
});
