import fc from 'fast-check';
import type { School, Student } from '../../../src/catalog/entities';
import { JSON_LIMITS } from '../../../src/http/json-shape';
import { startTestApp, TestApp } from '../../support/app';

/**
 * Issue 12 item 7: no client input yields a 5xx, and a refused input writes nothing. Random and
 * adversarial JSON goes to every POST/PUT/PATCH operation of the OpenAPI document, as an ADMIN
 * (past authorisation, into validation) and as a school.
 */
interface Operation {
  method: string;
  path: string;
}

const adversarialString = fc.oneof(
  fc.string(),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '9'.repeat(400), 'Ñ'.repeat(5000)),
);
const adversarialNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.5),
);
const leaf = fc.oneof(adversarialString, adversarialNumber, fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'studentIds', 'nuevos', 'evento', 'datos', 'cantidad', 'quantity', 'lines', 'material'));
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

function deeplyNested(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

describe('Client input never yields a 5xx (OpenAPI fuzz)', () => {
  let t: TestApp;
  let operations: Operation[];
  let tokens: Record<'admin' | 'school', string>;
  let school: School;
  let student: Student;

  beforeAll(async () => {
    t = await startTestApp();
    school = await t.createSchool({ drse: 'CIENEGA' });
    student = await t.createStudent(school, { withPhoto: false });
    tokens = {
      admin: (await t.loginAs({ role: 'ADMIN' })).accessToken,
      school: (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken,
    };
    const doc = (await t.http('GET', '/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([p, item]) =>
      ['post', 'put', 'patch'].filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path: p })),
    ).filter((op) => op.path !== '/auth/logout' && op.path !== '/auth/logout-all'); // they would end the fuzzing sessions; auth.spec.ts covers them
  });
  afterAll(async () => t?.close());

  /** Row counts of every table but the ones that record refusals themselves (login attempts, the security audit). */
  async function rowCounts(): Promise<Record<string, number>> {
    const em = t.db.orm.em.fork();
    const tables = (await em.execute(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('mikro_orm_migrations', 'login_attempt', 'refresh_token', 'auth_session', 'security_event') order by 1",
    )) as { table_name: string }[];
    const sql = tables.map((r) => `select '${r.table_name}' as t, count(*)::int as n from "${r.table_name}"`).join(' union all ');
    const rows = (await em.execute(sql)) as { t: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  const concretePath = (p: string, id: string) => p.replace(/\{[^}]+\}/g, id);

  it('finds the write operations in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations).toContainEqual({ method: 'POST', path: '/print-runs/preview' });
  });

  it('answers random and adversarial JSON to every write operation with 4xx or 2xx, never 5xx, writing nothing when it refuses', async () => {
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.constantFrom<'admin' | 'school'>('admin', 'school'),
        fc.constantFrom(String(student.id), String(school.id), '999999999', 'abc', '-1', '%00', '1e3'),
        jsonValue,
        async (op, who, id, body) => {
          const before = await rowCounts();
          const res = await t.http(op.method, concretePath(op.path, id), { token: tokens[who], json: body });
          seen.push(`${op.method} ${op.path} → ${res.status}`);
          expect({ op, status: res.status, body: res.status >= 500 ? res.body : undefined }).toEqual({ op, status: expect.any(Number), body: undefined });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.contentType).toContain('application/problem+json');
            expect(await rowCounts()).toEqual(before);
          }
        },
      ),
      { numRuns: Math.max(300, operations.length * 6), seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), verbose: 1 },
    );
    expect(new Set(seen.map((s) => s.split(' → ')[0])).size).toBeGreaterThan(operations.length / 2);
    // The sessions stayed valid: the inputs reached validation, not the authentication guard.
    expect(seen.filter((s) => s.endsWith('→ 401')).length).toBeLessThan(seen.length / 10);
  });

  it.each(['admin', 'school'] as const)('refuses JSON nested beyond the bound with 422 naming the field, for every write operation (%s)', async (who) => {
    for (const op of operations) {
      const res = await t.http(op.method, concretePath(op.path, String(student.id)), {
        token: tokens[who],
        headers: { 'Content-Type': 'application/json' },
        body: `{"a":${deeplyNested(100_000)}}`,
      });
      expect({ op, status: res.status }).toEqual({ op, status: expect.any(Number) });
      expect(res.status).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('names the field and the bound for a nested body, a long list and a huge body', async () => {
    const nested = await t.http('POST', '/print-runs/preview', {
      token: tokens.admin,
      headers: { 'Content-Type': 'application/json' },
      body: `{"studentIds":${deeplyNested(50)}}`,
    });
    expect(nested.status).toBe(422);
    expect(nested.body.errors[0].field).toMatch(/^studentIds(\[0\])+$/);
    expect(nested.body.detail).toContain(`${JSON_LIMITS.maxDepth} niveles`);

    const long = await t.http('POST', '/print-runs/preview', { token: tokens.admin, json: { studentIds: Array.from({ length: 40_000 }, (_, i) => i + 1) } });
    expect(long.status).toBe(422);
    expect(long.body.errors[0].field).toBe('studentIds');
    expect(long.body.detail).toMatch(/a lo más/);

    const huge = await t.http('POST', '/students', { token: tokens.school, json: { nombre: 'x'.repeat(20 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body.detail).toMatch(/tamaño máximo/);
    expect(huge.body.detail).not.toMatch(/entity|limit/i);
  });
});
