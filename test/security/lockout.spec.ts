import { startTestApp, TestApp } from '../support/app';

/**
 * Issue 18 item 3/6: the per-account lockout stands behind the per-IP throttle. An attacker who
 * changes address escapes the throttle (it counts per IP + username) but not the lockout (it counts
 * per account), and the audit shows every address tried.
 */
describe('lockout per account behind the per-IP throttle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '3', LOGIN_LOCKOUT_THRESHOLD: '5', LOGIN_LOCKOUT_BASE_SECONDS: '600' } });
  });
  afterAll(async () => t?.close());

  const attempt = (username: string, password: string, ip: string) =>
    t.http('POST', '/auth/login', { json: { username, password }, headers: { 'X-Forwarded-For': ip } });

  it('guesses from several addresses lock the account; the right password from a new address waits too', async () => {
    const user = await t.createUser({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    const fromA = [];
    for (let i = 0; i < 4; i++) fromA.push((await attempt(user.username, `mala-a-${i}`, '203.0.113.1')).status);
    expect(fromA).toEqual([401, 401, 401, 429]);
    const fromB = [(await attempt(user.username, 'mala-b-1', '203.0.113.2')).status, (await attempt(user.username, 'mala-b-2', '203.0.113.2')).status];
    expect(fromB).toEqual([401, 401]);

    const owner = await attempt(user.username, user.password, '198.51.100.7');
    expect(owner.status).toBe(429);
    expect(owner.body.code).toBe('CUENTA_BLOQUEADA');
    expect(owner.body.detail).toBe('La cuenta está bloqueada por varios intentos fallidos; espere 10 min e intente de nuevo.');
    expect(Number(owner.headers.get('retry-after'))).toBeGreaterThan(590);

    // Another account is not affected, from the same addresses.
    const other = await t.createUser({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    expect((await attempt(other.username, other.password, '203.0.113.2')).status).toBe(200);

    const admin = await t.loginAs({ role: 'ADMIN' });
    const events = (await t.http('GET', `/security/events?username=${user.username}&pageSize=50`, { token: admin.accessToken })).body.items as { kind: string; outcome: string; ip: string }[];
    expect(events.reverse().map((e) => `${e.kind} ${e.outcome} ${e.ip ?? ''}`)).toEqual([
      'CUENTA_CREADA EXITO ',
      'INICIO_DE_SESION FALLO 203.0.113.1',
      'INICIO_DE_SESION FALLO 203.0.113.1',
      'INICIO_DE_SESION FALLO 203.0.113.1',
      'INICIO_DE_SESION FALLO 203.0.113.2',
      'INICIO_DE_SESION FALLO 203.0.113.2',
      'CUENTA_BLOQUEADA BLOQUEADO 203.0.113.2',
      'INICIO_DE_SESION BLOQUEADO 198.51.100.7',
    ]);

    // An ADMIN enabling the account lifts the lock.
    expect((await t.http('POST', `/users/${user.id}/enable`, { token: admin.accessToken })).status).toBe(200);
    expect((await attempt(user.username, user.password, '198.51.100.7')).status).toBe(200);
  });
});
