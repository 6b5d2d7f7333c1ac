import { HttpResult, startTestApp, TestApp } from '../../support/app';

type Item = { taskId: number; requestId: number; incidente: boolean; vencida: boolean; vence: string | null };

/**
 * Keyset pagination of GET /inbox and GET /requests (docs/api.md, "Paginación por cursor") on the
 * real PostgreSQL: the cursor pages walk the same order as the offset pages, with no duplicates and
 * no gaps, also while tasks and requests are inserted between pages; counts stop at 1000.
 */
describe('keyset pagination (GET /inbox, GET /requests)', () => {
  let t: TestApp;
  let planeacion: string;
  let escuela: string;
  let central: string;
  let schoolId: number;
  let otherSchoolId: number;
  let wf = 0;

  const sql = (q: string, params: unknown[] = []) => t.db.orm.em.fork().execute<Array<Record<string, unknown>>>(q, params);

  /** `n` requests (each with an open Planeación task unless `task` is false), one statement each kind. */
  async function seed(n: number, opts: { drse?: string; school?: number; task?: boolean; updatedAt?: string; role?: string } = {}): Promise<number[]> {
    const base = wf;
    wf += n;
    const rows = await sql(
      `insert into procedure_request (procedure, oficio_key, school_id, drse_code, print_route, public_status, workflow_id, updated_at)
       select 'PROCEDURE_1', 'K-' || g, ?, ?, 'DRSE', 'EN_REVISION_PLANEACION', 'wf-keyset-' || g, coalesce(?::timestamptz, clock_timestamp())
         from generate_series(?::int, ?::int) g returning id`,
      [opts.school ?? schoolId, opts.drse ?? 'VALLES', opts.updatedAt ?? null, base + 1, base + n],
    );
    const ids = rows.map((r) => Number(r.id));
    if (opts.task !== false) {
      // Incidents, overdue tasks, tasks without a due date and many equal due dates: every tie of the order.
      await sql(
        `insert into procedure_task (request_id, workflow_id, seq, kind, step, task_key, title, role, scope_drse_code, scope_school_id, due_at, overdue, incident, opened_at)
         select r.id, r.workflow_id, 1, 'PASO', 'REVISION_PLANEACION', 'REVISION_PLANEACION', 'Revisar el oficio', ?, r.drse_code, r.school_id,
                case when r.id % 7 = 0 then null else timestamptz '2026-12-20 10:00:00.123456+00' + ((r.id % 3) * interval '1 microsecond') end,
                r.id % 5 = 0, r.id % 11 = 0, now()
           from procedure_request r where r.id = any(?::int[])`,
        [opts.role ?? 'DRSE_PLANEACION', `{${ids.join(',')}}`],
      );
    }
    return ids;
  }

  async function walk(path: string, token: string, pageSize: number, between?: (page: number) => Promise<void>): Promise<number[][]> {
    const pages: number[][] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res: HttpResult = await t.http('GET', `${path}${sep}pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      expect(res.status).toBe(200);
      pages.push(res.body.items.map((i: { taskId?: number; id?: number }) => i.taskId ?? i.id));
      cursor = res.body.nextCursor;
      if (between) await between(pages.length);
    } while (cursor);
    return pages;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await sql(`insert into drse (code, name, seat, parent_code) values ('VALLES_SUR', 'Sub-DRSE Valles Sur', 'Ameca', 'VALLES') on conflict do nothing`);
    schoolId = (await t.createSchool({ drse: 'VALLES' })).id;
    otherSchoolId = (await t.createSchool({ drse: 'VALLES_SUR' })).id;
    planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    escuela = (await t.loginAs({ role: 'ESCUELA', schoolId })).accessToken;
    central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    await seed(70);
    await seed(40, { drse: 'VALLES_SUR', school: otherSchoolId });
    await seed(20, { drse: 'NORTE' }); // out of scope
  });
  afterAll(async () => t?.close());

  it('walks the inbox by cursor in the same order as by page, across the DRSE and its Sub-DRSE, without duplicates', async () => {
    const byPage: number[] = [];
    for (let page = 1; ; page++) {
      const res = await t.http('GET', `/inbox?pageSize=25&page=${page}`, { token: planeacion });
      expect(res.body).toMatchObject({ total: 110, totalCapped: false });
      byPage.push(...res.body.items.map((i: Item) => i.taskId));
      if (res.body.items.length < 25) break;
    }
    const byCursor = (await walk('/inbox', planeacion, 25)).flat();
    expect(byCursor).toHaveLength(110);
    expect(new Set(byCursor).size).toBe(110);
    expect(byCursor).toEqual(byPage);

    const expected = await sql(
      `select t.id from procedure_task t where t.status = 'ABIERTA' and t.role = 'DRSE_PLANEACION' and t.scope_drse_code in ('VALLES', 'VALLES_SUR')
        order by t.incident desc, t.overdue desc, t.due_at asc nulls last, t.id asc`,
    );
    expect(byCursor).toEqual(expected.map((r) => Number(r.id)));
    const first = await t.http('GET', '/inbox?pageSize=25', { token: planeacion });
    expect(first.body.items[0].incidente).toBe(true);
    expect(first.body.items.at(-1)).toBeDefined();
  });

  it('keeps the cursor walk free of duplicates and gaps while tasks are inserted between pages', async () => {
    const before = new Set((await walk('/inbox', planeacion, 100)).flat());
    const inserted: number[] = [];
    const seen = (
      await walk('/inbox', planeacion, 15, async () => {
        const requests = await seed(3, { drse: 'VALLES_SUR', school: otherSchoolId });
        const tasks = await sql('select id from procedure_task where request_id = any(?::int[])', [`{${requests.join(',')}}`]);
        inserted.push(...tasks.map((r) => Number(r.id)));
      })
    ).flat();
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    expect(seen.every((id) => before.has(id) || inserted.includes(id))).toBe(true);
  });

  it('filters by school for a school and by role for a state role', async () => {
    const school = (await walk('/inbox', escuela, 10)).flat();
    expect(school).toEqual([]); // the tasks are Planeación's
    await seed(12, { role: 'ESCUELA' });
    const own = (await walk('/inbox', escuela, 5)).flat();
    expect(own).toHaveLength(12);
    expect(new Set(own).size).toBe(12);
    await seed(9, { drse: 'NORTE', role: 'CONTROL_ESCOLAR_CENTRAL' });
    await seed(8, { drse: 'VALLES', role: 'CONTROL_ESCOLAR_CENTRAL' });
    const state = (await walk('/inbox', central, 4)).flat();
    expect(state).toHaveLength(17);
    expect(new Set(state).size).toBe(17);
  });

  it('walks GET /requests newest first by cursor, ties of updated_at included, with inserts between pages', async () => {
    const same = '2026-12-01T09:00:00.654321Z';
    const tied = await seed(30, { task: false, updatedAt: same });
    const all = await sql(`select r.id from procedure_request r where r.drse_code in ('VALLES', 'VALLES_SUR') order by r.updated_at desc, r.id desc`);
    const expected = all.map((r) => Number(r.id));
    const newer: number[] = [];
    const seen = (await walk('/requests', planeacion, 20, async () => void newer.push(...(await seed(2, { task: false }))))).flat();
    expect(new Set(seen).size).toBe(seen.length);
    // Requests inserted during the walk are newer than the cursor: they belong to the first page, not to later ones.
    expect(seen.filter((id) => newer.includes(id))).toEqual([]);
    expect(seen).toEqual(expected);
    expect(seen.filter((id) => tied.includes(id))).toEqual([...tied].sort((a, b) => b - a));
    const page2 = await t.http('GET', '/requests?pageSize=20&page=2', { token: planeacion });
    expect(page2.status).toBe(200);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 20, totalCapped: false, nextCursor: expect.any(String) });
  });

  it('counts up to 1000 and says there are more', async () => {
    await seed(1005, { drse: 'NORTE' });
    const norte = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'NORTE' })).accessToken;
    const inbox = await t.http('GET', '/inbox?pageSize=5', { token: norte });
    expect(inbox.body).toMatchObject({ total: 1000, totalCapped: true, nextCursor: expect.any(String) });
    const list = await t.http('GET', '/requests?pageSize=5', { token: norte });
    expect(list.body).toMatchObject({ total: 1000, totalCapped: true });
    const filtered = await t.http('GET', '/inbox?pageSize=5&procedimiento=PROCEDURE_2', { token: norte });
    expect(filtered.body).toMatchObject({ total: 0, totalCapped: false, nextCursor: null, items: [] });
  });

  it('refuses a cursor it did not give (422, in Spanish)', async () => {
    for (const cursor of ['nada', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x",5]').toString('base64url')]) {
      const res = await t.http('GET', `/requests?cursor=${cursor}`, { token: planeacion });
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('cursor de la página no es válido');
    }
    expect((await t.http('GET', `/inbox?cursor=${Buffer.from('[true,false,"2026",3]').toString('base64url')}`, { token: planeacion })).status).toBe(422);
  });
});
