import { AuthService } from '../../../src/auth/auth.service';
import { refreshCookie, startTestApp, TestApp } from '../../support/app';

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

  it('login sets the refresh token only in an HttpOnly, SameSite=Strict cookie scoped to /auth, never in the body', async () => {
    const user = await t.createUser({ role: 'ADMIN' });
    const login = await t.http('POST', '/auth/login', { json: { username: user.username, password: user.password } });
    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toBeUndefined();
    const [cookie] = login.headers.getSetCookie();
    expect(cookie).toMatch(/^sej_refresh=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('Path=/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(cookie).toMatch(/Max-Age=604800/);
  });

  it('refresh needs X-Requested-With (CSRF): the cookie alone, as a cross-site form would send it, is refused', async () => {
    const session = await t.loginAs({ role: 'ADMIN' });
    const noHeader = await t.http('POST', '/auth/refresh', { headers: { Cookie: `sej_refresh=${session.refreshToken}` } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.detail).toMatch(/X-Requested-With/);
    const noCookie = await t.http('POST', '/auth/refresh', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    expect(noCookie.status).toBe(401);
    // The refused attempts did not spend the token.
    expect((await t.refresh(session.refreshToken)).status).toBe(200);
  });

  it('rotates the refresh cookie: the new one works, the old one is refused and reusing it after the grace ends the session', async () => {
    const first = await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    const second = await t.refresh(first.refreshToken);
    expect(second.status).toBe(200);
    const secondToken = refreshCookie(second.headers)!;
    expect(secondToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secondToken).not.toBe(first.refreshToken);
    expect((await t.http('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(200);

    // Within the grace a replay is two tabs refreshing at once: refused (and the cookie cleared), nothing ends.
    const racing = await t.refresh(first.refreshToken);
    expect(racing.status).toBe(401);
    expect(refreshCookie(racing.headers)).toBe('');
    expect((await t.http('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(200);

    // After the grace a replay is theft detection: refused, and the whole family is revoked.
    await t.db.orm.em.fork().execute("update refresh_token set used_at = used_at - interval '1 minute' where used_at is not null");
    const replay = await t.refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect((await t.refresh(secondToken)).status).toBe(401);
    expect((await t.http('GET', '/auth/me', { token: second.body.accessToken })).status).toBe(401);
    const [row] = await t.db.orm.em.fork().execute('select revoked_reason from auth_session where user_id = ?', [first.user.id]);
    expect(row.revoked_reason).toBe('REUSO_DE_TOKEN');
  });

  it('logout ends the access token and the refresh cookie at once, and clears the cookie', async () => {
    const session = await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' });
    const out = await t.http('POST', '/auth/logout', { token: session.accessToken });
    expect(out.status).toBe(204);
    expect(refreshCookie(out.headers)).toBe('');
    expect((await t.http('GET', '/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await t.refresh(session.refreshToken)).status).toBe(401);
  });

  it('logout everywhere ends every session of the user, and only theirs', async () => {
    const a = await t.loginAs({ role: 'RECURSOS_MATERIALES' });
    const b = await t.login(a.user.username, a.user.password);
    const other = await t.loginAs({ role: 'RECURSOS_MATERIALES' });
    expect((await t.http('POST', '/auth/logout-all', { token: b.accessToken })).status).toBe(204);
    for (const token of [a.accessToken, b.accessToken]) expect((await t.http('GET', '/auth/me', { token })).status).toBe(401);
    expect((await t.refresh(a.refreshToken)).status).toBe(401);
    expect((await t.http('GET', '/auth/me', { token: other.accessToken })).status).toBe(200);
    const reasons: { revoked_reason: string }[] = await t.db.orm.em.fork().execute('select revoked_reason from auth_session where user_id = ?', [a.user.id]);
    expect(reasons.map((r) => r.revoked_reason)).toEqual(['CIERRE_GLOBAL', 'CIERRE_GLOBAL']);
  });

  it('ADMIN lists the accounts and disables one: its sessions end at once and it cannot log in until enabled again', async () => {
    const admin = await t.loginAs({ role: 'ADMIN' });
    const victim = await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    const list = await t.http('GET', '/users?pageSize=200', { token: admin.accessToken });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((u: { id: string }) => u.id === victim.user.id);
    expect(listed).toMatchObject({ username: victim.user.username, role: 'CONTROL_ESCOLAR_CENTRAL', active: true, openSessions: 1 });
    expect(listed.passwordHash).toBeUndefined();

    const disabled = await t.http('POST', `/users/${victim.user.id}/disable`, { token: admin.accessToken });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ active: false, openSessions: 0 });
    expect((await t.http('GET', '/auth/me', { token: victim.accessToken })).status).toBe(401);
    expect((await t.refresh(victim.refreshToken)).status).toBe(401);
    expect((await t.http('POST', '/auth/login', { json: { username: victim.user.username, password: victim.user.password } })).status).toBe(401);

    const self = await t.http('POST', `/users/${admin.user.id}/disable`, { token: admin.accessToken });
    expect(self.status).toBe(422);
    expect(self.body.detail).toBe('No puede deshabilitar su propia cuenta.');
    expect((await t.http('POST', '/users/00000000-0000-0000-0000-000000000000/disable', { token: admin.accessToken })).status).toBe(404);

    expect((await t.http('POST', `/users/${victim.user.id}/enable`, { token: admin.accessToken })).body.active).toBe(true);
    expect((await t.login(victim.user.username, victim.user.password)).accessToken).toBeTruthy();
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

describe('session limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SESSION_IDLE_SECONDS: '2', SESSION_ABSOLUTE_SECONDS: '5' } });
  });
  afterAll(async () => t?.close());

  it('a session idle past SESSION_IDLE_SECONDS ends; one in use stays open', async () => {
    const idle = await t.loginAs({ role: 'ADMIN' });
    const busy = await t.loginAs({ role: 'ADMIN' });
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 600));
      expect((await t.http('GET', '/auth/me', { token: busy.accessToken })).status).toBe(200);
    }
    expect((await t.http('GET', '/auth/me', { token: idle.accessToken })).status).toBe(401);
    expect((await t.refresh(idle.refreshToken)).status).toBe(401);
    const [row] = await t.db.orm.em.fork().execute('select revoked_reason from auth_session where user_id = ?', [idle.user.id]);
    expect(row.revoked_reason).toBe('INACTIVIDAD');
  });

  it('a session older than SESSION_ABSOLUTE_SECONDS ends even in use, refresh included', async () => {
    const s = await t.loginAs({ role: 'ADMIN' });
    await t.db.orm.em.fork().execute("update auth_session set created_at = created_at - interval '10 seconds' where user_id = ?", [s.user.id]);
    expect((await t.refresh(s.refreshToken)).status).toBe(401);
    expect((await t.http('GET', '/auth/me', { token: s.accessToken })).status).toBe(401);
    const [row] = await t.db.orm.em.fork().execute('select revoked_reason from auth_session where user_id = ?', [s.user.id]);
    expect(row.revoked_reason).toBe('LIMITE_ABSOLUTO');
  });
});
