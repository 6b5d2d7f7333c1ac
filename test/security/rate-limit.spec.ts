import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadRateLimitConfig } from '../../src/security/rate-limit';
import { startTestApp, TestApp } from '../support/app';

/**
 * Issue 18 item 5: per-user limits on writes and on expensive endpoints, 429 with Retry-After and
 * a Spanish message, the count kept in PostgreSQL and shared by every API process.
 */
describe('per-user rate limits', () => {
  let t: TestApp;
  let second: NestExpressApplication;
  let secondUrl: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMITS: 'on', RATE_LIMIT_WRITES: '3', RATE_LIMIT_EXPENSIVE: '2', RATE_LIMIT_WINDOW_SECONDS: '60' } });
    // A second API process on the same database (the harness left its environment in place).
    const { createApp } = await import('../../src/app.factory');
    second = await createApp(NestFactory);
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const write = (token: string) => t.http('POST', '/cycles', { token, json: {} });
  const writeOnSecond = (token: string) =>
    fetch(`${secondUrl}/cycles`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });

  it('counts writes per user across two API processes: the fourth in the window gets 429 with Retry-After, in Spanish', async () => {
    const admin = await t.loginAs({ role: 'ADMIN' });
    const statuses = [(await write(admin.accessToken)).status, (await write(admin.accessToken)).status, (await writeOnSecond(admin.accessToken)).status];
    expect(statuses).toEqual([422, 422, 422]);
    const limited = await writeOnSecond(admin.accessToken);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { code: string; detail: string };
    expect(body.code).toBe('LIMITE_DE_SOLICITUDES');
    expect(body.detail).toBe(`Demasiadas solicitudes: su cuenta tiene un límite de 3 operaciones de escritura cada 1 min. Espere ${retryAfter} s e intente de nuevo.`);
    expect((await write(admin.accessToken)).status).toBe(429);

    // Reads are not writes; another user has a count of their own.
    expect((await t.http('GET', '/auth/me', { token: admin.accessToken })).status).toBe(200);
    const other = await t.loginAs({ role: 'ADMIN' });
    expect((await write(other.accessToken)).status).toBe(422);

    // A new window starts once the last one is over.
    await t.db.orm.em.fork().execute("update rate_limit_hit set window_start = window_start - interval '61 seconds'");
    expect((await write(admin.accessToken)).status).toBe(422);
  });

  it('limits expensive endpoints (PDFs, print runs, previews, imports) in a bucket of their own, reads included', async () => {
    const admin = await t.loginAs({ role: 'ADMIN' });
    const pdf = () => t.http('GET', '/acuses/999999/pdf', { token: admin.accessToken });
    expect([(await pdf()).status, (await pdf()).status]).toEqual([404, 404]);
    const limited = await pdf();
    expect(limited.status).toBe(429);
    expect(limited.body.detail).toMatch(/^Demasiadas solicitudes: su cuenta tiene un límite de 2 operaciones costosas \(impresiones, vistas previas, PDF, importaciones\) cada 1 min\./);
    const preview = await t.http('POST', '/print-runs/preview', { token: admin.accessToken, json: {} });
    expect(preview.status).toBe(429);
    // The writes bucket is separate: a cheap write still passes.
    expect((await write(admin.accessToken)).status).toBe(422);
    const [{ unlogged }] = await t.db.orm.em.fork().execute("select relpersistence = 'u' as unlogged from pg_class where relname = 'rate_limit_hit'");
    expect(unlogged).toBe(true);
  });

  it('are on by default and off with RATE_LIMITS=off (the suite, the fault suite, the benchmarks)', () => {
    expect(loadRateLimitConfig({})).toEqual({ enabled: true, windowSeconds: 60, writesPerWindow: 120, expensivePerWindow: 20 });
    expect(loadRateLimitConfig({ RATE_LIMITS: 'off' }).enabled).toBe(false);
    expect(() => loadRateLimitConfig({ RATE_LIMITS: 'tal vez' })).toThrow(/RATE_LIMITS debe ser on u off/);
  });
});
