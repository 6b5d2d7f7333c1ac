import { AuthService } from '../../../src/auth/auth.service';
import { startTestApp, TestApp } from '../../support/app';

describe(AuthService.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '5' } });
  });
  afterAll(async () => t?.close());

  it('logs in with the right password and answers who the caller is', async () => {
    const school = await t.createSchool({ drse: 'SUR' });
    const user = await t.createUser({ role: 'ESCUELA', schoolId: school.id });
    const login = await t.http('POST', '/auth/login', { json: { username: user.username.toUpperCase(), password: user.password } });
    expect(login.status).toBe(200);
    expect(login.body.tokenType).toBe('Bearer');
    expect(login.body.expiresIn).toBe(900);
    expect(login.body.actor).toEqual({ id: user.id, role: 'ESCUELA', schoolId: school.id, drseCode: 'SUR' });
    const me = await t.http('GET', '/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(user.username);
    expect(me.body.school).toMatchObject({ id: school.id, cct: school.cct, turno: 'MATUTINO' });
    expect(me.body.drseName).toBe('DRSE Sur');
  });

  it('stores the password as an Argon2id hash, never in clear', async () => {
    const user = await t.createUser({ role: 'ADMIN' });
    const [row] = await t.db.orm.em.fork().execute('select password_hash from app_user where id = ?', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(user.password);
  });

  it('refuses a wrong password and an unknown user with the same Spanish message', async () => {
    const user = await t.createUser({ role: 'ADMIN' });
    const wrong = await t.http('POST', '/auth/login', { json: { username: user.username, password: 'otra-clave-123' } });
    const unknown = await t.http('POST', '/auth/login', { json: { username: 'nadie-existe', password: 'otra-clave-123' } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.detail).toBe('Usuario o contraseña incorrectos.');
    }
  });

  it('refuses requests without a token, with a bad token and with a token signed by someone else', async () => {
    const none = await t.http('GET', '/auth/me');
    expect(none.status).toBe(401);
    const garbage = await t.http('GET', '/auth/me', { token: 'no-es-un-jwt' });
    expect(garbage.status).toBe(401);
    const session = await t.loginAs({ role: 'ADMIN' });
    const [header, payload] = session.accessToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('firma falsa').toString('base64url')}`;
    expect((await t.http('GET', '/auth/me', { token: forged })).status).toBe(401);
    expect((await t.http('GET', '/auth/me', { token: session.accessToken })).status).toBe(200);
  });

  it('rotates the refresh token: the new one works, the old one is refused and reusing it ends the session', async () => {
    const first = await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    const second = await t.http('POST', '/auth/refresh', { json: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await t.http('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(200);

    // Replaying the used token is theft detection: refused, and the whole family is revoked.
    const replay = await t.http('POST', '/auth/refresh', { json: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect((await t.http('POST', '/auth/refresh', { json: { refreshToken: second.body.refreshToken } })).status).toBe(401);
    expect((await t.http('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(401);
    const [row] = await t.db.orm.em.fork().execute('select revoked_reason from auth_session where user_id = ?', [first.user.id]);
    expect(row.revoked_reason).toBe('REUSO_DE_TOKEN');
  });

  it('logout ends the access token and the refresh token at once', async () => {
    const session = await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' });
    const out = await t.http('POST', '/auth/logout', { token: session.accessToken });
    expect(out.status).toBe(204);
    expect((await t.http('GET', '/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await t.http('POST', '/auth/refresh', { json: { refreshToken: session.refreshToken } })).status).toBe(401);
  });

  it('a deactivated user is out at the next request', async () => {
    const session = await t.loginAs({ role: 'RECURSOS_MATERIALES' });
    await t.db.orm.em.fork().execute('update app_user set active = false where id = ?', [session.user.id]);
    expect((await t.http('GET', '/auth/me', { token: session.accessToken })).status).toBe(401);
    const again = await t.http('POST', '/auth/login', { json: { username: session.user.username, password: session.user.password } });
    expect(again.status).toBe(401);
  });

  it('throttles login: the 6th attempt within a minute for the same user gets 429 in Spanish', async () => {
    const user = await t.createUser({ role: 'ADMIN' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.http('POST', '/auth/login', { json: { username: user.username, password: 'equivocada-1' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await t.http('POST', '/auth/login', { json: { username: user.username, password: user.password } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.detail).toMatch(/^Demasiados intentos de inicio de sesión/);
    expect(blocked.headers.get('retry-after-login') ?? blocked.headers.get('retry-after')).toBeTruthy();
    // Another user from the same address is not blocked.
    const other = await t.createUser({ role: 'ADMIN' });
    expect((await t.http('POST', '/auth/login', { json: { username: other.username, password: other.password } })).status).toBe(200);
  });

  it('validates the login body: unknown fields and missing fields name the field in Spanish', async () => {
    const res = await t.http('POST', '/auth/login', { json: { username: 'x', password: 'y', rol: 'ADMIN' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'rol', message: 'El campo «rol» no está permitido en esta solicitud.' }]);
    const missing = await t.http('POST', '/auth/login', { json: { username: 'x' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ field: 'password', message: 'El campo «password» es obligatorio.' }]);
  });
});
