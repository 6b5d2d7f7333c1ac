import { CoverageService } from '../../../src/catalog/coverage.service';
import { RequestsService } from '../../../src/requests/requests.service';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { issuedCard, stockForPrinting } from './production-fixtures';

describe(CoverageService.name, () => {
  let t: TestApp;
  let admin: string;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(text, params);
  const available = async (where: string, params: unknown[]) =>
    Object.fromEntries(
      (await sql<{ item_code: string; a: number }>(
        `select b.item_code, sum(b.on_hand - b.reserved)::int as a from stock_balance b join stock_holder h on h.id = b.holder_id where ${where} group by b.item_code`,
        params,
      )).map((r) => [r.item_code, r.a]),
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;
    await ensureCycles(t);
  });
  afterAll(async () => t?.close());

  it('counts students, photos, opt-outs, cards, holograms, pending, requests and material per school, per DRSE and statewide, within each scope', async () => {
    const routed = await t.createSchool({ cct: '14EPR0600A', drse: 'VALLES', matricula: 100 });
    const onSite = await t.createSchool({ cct: '14EPR0601B', drse: 'VALLES', matricula: 600 });
    const north = await t.createSchool({ cct: '14EPR0602C', drse: 'NORTE', matricula: 50 });
    expect((await t.http('POST', '/drses', { token: admin, json: { code: 'VALLES_OESTE', name: 'Sub DRSE Valles Oeste', seat: 'Tala', parentCode: 'VALLES' } })).status).toBe(201);
    const sub = await t.createSchool({ cct: '14EPR0603D', drse: 'VALLES_OESTE', matricula: 30 });

    await stockForPrinting(t, { drseCode: 'VALLES' }, 2);
    await stockForPrinting(t, { schoolId: onSite.id }, 1);
    const card = await issuedCard(t, routed.id, 'VALLES', { id: 'prueba', role: 'ADMIN' });
    await t.createStudent(routed, { primerIngreso: false });
    await t.createStudent(routed, { withPhoto: false });
    await t.createStudent(routed, { declined: true });
    await t.createStudent(onSite);
    await t.createStudent(onSite, { primerIngreso: false });
    await t.createStudent(north);
    await t.createStudent(sub);
    expect((await t.http('POST', `/schools/${routed.id}/holograms`, { token: admin, json: { alumnos: [card.studentId] } })).status).toBe(200);

    const open = await t.app.get(RequestsService).createRequest({ procedure: 'PROCEDURE_2', schoolId: routed.id, oficioKey: 'cobertura-1', requested: { teslinSheets: 1, micas: 8, holograms: 8 } });
    await sql(
      `insert into procedure_task (request_id, workflow_id, seq, kind, step, task_key, title, role, scope_drse_code, due_at, opened_at)
       values (?, 'wf-cobertura', 0, 'PASO', 'REVISION', 'REVISAR', 'Revisar', 'DRSE_PLANEACION', 'VALLES', now() - interval '1 day', now() - interval '4 days')`,
      [open.requestId],
    );

    // One school, as the school itself sees it.
    const esc = (await t.loginAs({ role: 'ESCUELA', schoolId: routed.id })).accessToken;
    const own = await t.http('GET', `/reports/coverage/schools/${routed.id}`, { token: esc });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      cycleCode: '2026-2027',
      school: {
        cct: '14EPR0600A', printRoute: 'DRSE', schools: 1, students: 4, withPhoto: 3, declined: 1, cardsInForce: 1, cardsIssuedThisCycle: 1, hologramsDelivered: 1,
        pending: { students: 2, newCards: 2, holograms: 2, withoutPhoto: 1 },
        requests: { open: 1, overdue: 1 },
        material: null,
      },
    });
    expect(own.body.school.requests.byStatus).toEqual([{ status: expect.any(String), count: 1 }]);
    expect((await t.http('GET', `/reports/coverage/schools/${onSite.id}`, { token: esc })).status).toBe(404);
    expect((await t.http('GET', '/reports/coverage', { token: esc })).status).toBe(403);

    // The on-site school: its own stock against its pending students (2 new cards: one planilla).
    const site = await t.http('GET', `/reports/coverage/schools/${onSite.id}`, { token: admin });
    const siteStock = await available('h.school_id = ?', [onSite.id]);
    expect(site.body.school.material).toEqual([
      { item: 'HOLOGRAMA:2026-2027', available: siteStock['HOLOGRAMA:2026-2027'], needed: 2, missing: 0 },
      { item: 'MICA', available: siteStock.MICA, needed: 2, missing: 0 },
      { item: 'TESLIN', available: siteStock.TESLIN, needed: 8, missing: 0 },
      { item: 'TINTA', available: siteStock.TINTA, needed: 1, missing: 0 },
    ]);

    // Statewide: a row per DRSE, totals, the central warehouse.
    const cec = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    const state = await t.http('GET', '/reports/coverage', { token: cec });
    expect(state.status).toBe(200);
    expect(state.body.scope).toBe('ESTADO');
    expect(state.body.drses.length).toBeGreaterThanOrEqual(15);
    const valles = state.body.drses.find((d: { code: string }) => d.code === 'VALLES');
    expect(valles).toMatchObject({ schools: 2, students: 6, withPhoto: 5, declined: 1, cardsInForce: 1, hologramsDelivered: 1, pending: { students: 4, newCards: 4, holograms: 4, withoutPhoto: 1 } });
    const vallesStock = await available(`h.drse_code = 'VALLES' or h.school_id = ?`, [onSite.id]);
    // New cards: 2 printed by the DRSE (one planilla) + 2 on site (one planilla) → 16 slots, 2 ink planillas.
    expect(valles.material).toEqual([
      { item: 'HOLOGRAMA:2026-2027', available: vallesStock['HOLOGRAMA:2026-2027'], needed: 4, missing: 0 },
      { item: 'MICA', available: vallesStock.MICA, needed: 4, missing: 0 },
      { item: 'TESLIN', available: vallesStock.TESLIN, needed: 16, missing: 0 },
      { item: 'TINTA', available: vallesStock.TINTA, needed: 2, missing: 0 },
    ]);
    const oeste = state.body.drses.find((d: { code: string }) => d.code === 'VALLES_OESTE');
    expect(oeste).toMatchObject({ parentCode: 'VALLES', schools: 1, students: 1, pending: { students: 1 } });
    expect(oeste.material).toEqual(expect.arrayContaining([{ item: 'MICA', available: 0, needed: 1, missing: 1 }]));
    expect(state.body.totals).toMatchObject({ schools: 4, students: 8, declined: 1, pending: { students: 6, newCards: 6 }, requests: { open: 1, overdue: 1 } });
    expect(state.body.centralWarehouse).toEqual([]);

    // A DRSE's staff: their DRSE and its Sub-DRSE; another DRSE's staff: theirs only.
    const planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    const mine = await t.http('GET', '/reports/coverage', { token: planeacion });
    expect(mine.body.scope).toBe('DRSE');
    expect(mine.body.drses.map((d: { code: string }) => d.code)).toEqual(['VALLES', 'VALLES_OESTE']);
    expect(mine.body.totals).toMatchObject({ schools: 3, students: 7 });
    expect(mine.body.centralWarehouse).toBeNull();
    const detail = await t.http('GET', '/reports/coverage/drses/VALLES', { token: planeacion });
    expect(detail.body.schools.map((s: { cct: string }) => s.cct)).toEqual(['14EPR0600A', '14EPR0601B']);
    const { code: _code, name: _name, parentCode: _parent, ...vallesTotals } = valles;
    expect(detail.body.totals).toEqual(vallesTotals);
    expect((await t.http('GET', '/reports/coverage/drses/VALLES_OESTE', { token: planeacion })).status).toBe(200);
    const norte = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' })).accessToken;
    expect((await t.http('GET', '/reports/coverage/drses/VALLES', { token: norte })).status).toBe(404);
    expect((await t.http('GET', '/reports/coverage', { token: norte })).body.drses.map((d: { code: string }) => d.code)).toEqual(['NORTE']);
    const subStaff = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES_OESTE' })).accessToken;
    expect((await t.http('GET', '/reports/coverage/drses/VALLES', { token: subStaff })).status).toBe(404);

    // CSV: BOM, Spanish headers, a row per DRSE and the total; a row per school.
    const csv = await t.http('GET', '/reports/coverage/csv', { token: planeacion });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="cobertura-2026-2027.csv"');
    const text = Buffer.from(csv.body).toString('utf8');
    expect(text.startsWith('\uFEFFciclo,drse,nombre,drse_madre,escuelas,alumnos,con_foto,declinaron,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2026-2027,VALLES,DRSE Valles,,2,6,5,1,1,/);
    expect(lines[3]).toMatch(/^2026-2027,TOTAL,Su ámbito,,3,7,/);
    const schoolsCsv = Buffer.from((await t.http('GET', '/reports/coverage/drses/VALLES/csv', { token: admin })).body).toString('utf8').trim().split('\r\n');
    expect(schoolsCsv).toHaveLength(4);
    expect(schoolsCsv[1]).toMatch(/^2026-2027,VALLES,14EPR0600A,MATUTINO,PRIMARIA,Escuela de prueba \d+,la DRSE,1,4,3,1,1,1,1,2,2,2,1,1,1,,,/);
  });

  it('serves the state and DRSE counts from the last snapshot, recomputed when older than its maximum age; one school live', async () => {
    const cec = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    const school = await t.createSchool({ cct: '14EPR0610K', drse: 'SUR', matricula: 10 });
    await t.app.get(CoverageService).refresh();
    const before = await t.http('GET', '/reports/coverage', { token: cec });
    const sur = (body: { drses: Array<{ code: string; students: number }> }) => body.drses.find((d) => d.code === 'SUR')!.students;
    const [run] = await sql<{ computed_at: Date }>('select computed_at from coverage_snapshot_run');
    expect(before.body.countsAsOf).toBe(new Date(run.computed_at).toISOString());

    await t.createStudent(school);
    // Within the maximum age (300 s by default) the state's figures are the snapshot's; the school's are live.
    expect(sur((await t.http('GET', '/reports/coverage', { token: cec })).body)).toBe(sur(before.body));
    expect((await t.http('GET', `/reports/coverage/schools/${school.id}`, { token: cec })).body.school.students).toBe(1);
    // Older than that: the read answers at once with the last snapshot and recomputes it in the background.
    await sql(`update coverage_snapshot_run set computed_at = now() - interval '1 hour'`);
    const stale = await t.http('GET', '/reports/coverage', { token: cec });
    expect(sur(stale.body)).toBe(sur(before.body));
    let fresh = stale;
    for (let i = 0; i < 50 && sur(fresh.body) === sur(before.body); i++) {
      await new Promise((r) => setTimeout(r, 100));
      fresh = await t.http('GET', '/reports/coverage', { token: cec });
    }
    expect(sur(fresh.body)).toBe(sur(before.body) + 1);
    expect(Date.parse(fresh.body.countsAsOf)).toBeGreaterThan(Date.parse(stale.body.countsAsOf));

    // A new cycle: no snapshot for it yet, so the first read recomputes before answering.
    await sql(`insert into school_cycle (code, starts_on, ends_on) values ('2027-2028', '2027-08-23', '2028-07-07')`);
    expect((await t.http('POST', '/cycles/2027-2028/open', { token: admin })).status).toBe(200);
    try {
      const next = await t.http('GET', '/reports/coverage', { token: cec });
      expect(next.body).toMatchObject({ cycleCode: '2027-2028', totals: { hologramsDelivered: 0 } });
      const [again] = await sql<{ cycle_code: string }>('select cycle_code from coverage_snapshot_run');
      expect(again.cycle_code).toBe('2027-2028');
    } finally {
      await sql(`update school_cycle set is_current = false, closed_at = null where code = '2027-2028'`);
      await sql(`update school_cycle set is_current = true, closed_at = null where code = '2026-2027'`);
    }
  });

  it('refuses without a current cycle, in Spanish', async () => {
    await sql('update school_cycle set is_current = false');
    try {
      const res = await t.http('GET', '/reports/coverage', { token: admin });
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/No hay un ciclo escolar vigente/);
    } finally {
      await sql(`update school_cycle set is_current = true where code = '2026-2027'`);
    }
  });
});
