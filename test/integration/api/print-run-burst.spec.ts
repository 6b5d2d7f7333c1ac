import { randomUUID } from 'node:crypto';
import type { School, Student } from '../../../src/catalog/entities';
import { startTestApp, TestApp } from '../../support/app';
import { stockForPrinting } from './production-fixtures';

/**
 * Concurrent print runs of a school printing on site (each consumes its stock inside the run's
 * transaction) on a small pool: bounded by the generation line, refused with 503 + Retry-After
 * past it, never a 500, and every committed run answered 201.
 */
describe('POST /print-runs in a burst', () => {
  let t: TestApp;
  let school: School;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_POOL_MAX: '3', PRINT_RUN_CONCURRENCY: '1', PRINT_RUN_QUEUE: '2', PRINT_RUN_QUEUE_WAIT_MS: '30000' } });
    school = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    expect(school.printRoute).toBe('ESCUELA');
    await stockForPrinting(t, { schoolId: school.id }, 20);
    token = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
  });
  afterAll(async () => t?.close());

  it('answers 201 or 503 (Spanish, Retry-After) to 12 runs at once, commits exactly the 201s, and a retry of a 503 with its key succeeds', async () => {
    const students: Student[] = [];
    for (let i = 0; i < 12; i++) students.push(await t.createStudent(school));
    const keys = students.map(() => `rafaga-${randomUUID()}`);
    const post = (i: number) => t.http('POST', '/print-runs', { token, json: { studentIds: [students[i].id] }, headers: { 'Idempotency-Key': keys[i] } });

    const answers = await Promise.all(students.map((_, i) => post(i)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({ status: 503, code: 'SATURADO', detail: expect.stringContaining('corridas de impresión') });
    }

    const em = t.db.orm.em.fork();
    const runs = await em.execute<Array<{ id: number; student_id: number }>>(
      `select r.id, c.student_id from print_run r join credential c on c.run_id = r.id and c.kind = 'TARJETA' where r.holder_school_id = ?`,
      [school.id],
    );
    const accepted = answers.flatMap((a, i) => (a.status === 201 ? [{ id: a.body.id as number, student: students[i].id }] : []));
    expect(runs.map((r) => ({ id: r.id, student: r.student_id })).sort((a, b) => a.id - b.id)).toEqual(accepted.sort((a, b) => a.id - b.id));
    const [{ n: consumed }] = await em.execute<Array<{ n: number }>>(
      `select count(distinct print_run_id)::int as n from stock_entry where kind = 'CONSUMPTION' and print_run_id = any(?::text[])`,
      [`{${accepted.map((a) => a.id).join(',')}}`],
    );
    expect(consumed).toBe(accepted.length);

    for (const [i, a] of answers.entries()) {
      if (a.status === 503) expect((await post(i)).status).toBe(201);
    }
    const [{ n: total }] = await em.execute<Array<{ n: number }>>('select count(*)::int as n from print_run where holder_school_id = ?', [school.id]);
    expect(total).toBe(12);
  });
});
