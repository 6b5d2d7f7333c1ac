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
    t = await startTestApp({ env: { SESSION_IDLE_SECONDS: '3', SESSION_ABSOLUTE_SECONDS: '60' } });
  });
  afterAll(async () => t?.close());

  it('a session idle past SESSION_IDLE_SECONDS ends; one in use stays open', async () => {
    const idle = await t.loginAs({ role: 'ADMIN' });
    const busy = await t.loginAs({ role: 'ADMIN' });
    for (let i = 0; i < 8; i++) {
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
    await t.db.orm.em.fork().execute("update auth_session set created_at = created_at - interval '2 minutes' where user_id = ?", [s.user.id]);
    expect((await t.refresh(s.refreshToken)).status).toBe(401);
    expect((await t.http('GET', '/auth/me', { token: s.accessToken })).status).toBe(401);
    const [row] = await t.db.orm.em.fork().execute('select revoked_reason from auth_session where user_id = ?', [s.user.id]);
    expect(row.revoked_reason).toBe('LIMITE_ABSOLUTO');
  });
});

describe('accounts: password policy, lockout, security audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '100', LOGIN_LOCKOUT_THRESHOLD: '3', LOGIN_LOCKOUT_BASE_SECONDS: '2', LOGIN_LOCKOUT_MAX_SECONDS: '5' } });
  });
  afterAll(async () => t?.close());

  const events = async (token: string, query: string) => (await t.http('GET', `/security/events${query}`, { token })).body.items as Record<string, unknown>[];

  it('refuses passwords shorter than 12 characters, common ones, and ones containing the username', async () => {
    for (const [password, message] of [
      ['corta-123', 'La contraseña debe tener al menos 12 caracteres.'],
      ['Guadalajara2026', 'Esa contraseña está en la lista de contraseñas comunes o filtradas; elija otra, por ejemplo una frase de varias palabras.'],
      ['qwertyuiop123', 'Esa contraseña está en la lista de contraseñas comunes o filtradas; elija otra, por ejemplo una frase de varias palabras.'],
      ['xxxxxxxxxxxxxx', 'La contraseña no puede ser un solo carácter repetido.'],
      ['mi-usuario-luisa.perez', 'La contraseña no puede contener el nombre de usuario.'],
    ]) {
      await expect(t.createUser({ role: 'ADMIN', username: 'luisa.perez', password })).rejects.toThrow(message);
    }
    await expect(t.createUser({ role: 'ADMIN', username: 'luisa.perez', password: 'tres tristes tigres' })).resolves.toBeTruthy();
  });

  it('changes one\'s own password: needs the current one, applies the policy, ends the other sessions and keeps this one', async () => {
    const here = await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' });
    const elsewhere = await t.login(here.user.username, here.user.password);
    const wrong = await t.http('POST', '/auth/password', { token: here.accessToken, json: { currentPassword: 'no-es-la-actual', newPassword: 'una frase nueva y larga' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'La contraseña actual no es correcta.' }]);
    const weak = await t.http('POST', '/auth/password', { token: here.accessToken, json: { currentPassword: here.user.password, newPassword: 'password1234' } });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('newPassword');
    const ok = await t.http('POST', '/auth/password', { token: here.accessToken, json: { currentPassword: here.user.password, newPassword: 'una frase nueva y larga' } });
    expect(ok.status).toBe(204);
    expect((await t.http('GET', '/auth/me', { token: here.accessToken })).status).toBe(200);
    expect((await t.http('GET', '/auth/me', { token: elsewhere.accessToken })).status).toBe(401);
    expect((await t.http('POST', '/auth/login', { json: { username: here.user.username, password: here.user.password } })).status).toBe(401);
    expect((await t.login(here.user.username, 'una frase nueva y larga')).accessToken).toBeTruthy();
  });

  it('locks an account after consecutive failures, with a back-off that doubles up to the maximum; the right password waits too', async () => {
    const user = await t.createUser({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    const attempt = (password: string) => t.http('POST', '/auth/login', { json: { username: user.username, password } });
    expect([(await attempt('mala-1')).status, (await attempt('mala-2')).status, (await attempt('mala-3')).status]).toEqual([401, 401, 401]);
    const locked = await attempt(user.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('CUENTA_BLOQUEADA');
    expect(locked.body.detail).toMatch(/^La cuenta está bloqueada por varios intentos fallidos; espere \d s e intente de nuevo\.$/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 2100));
    // One more failure after the lock: the next lock is twice as long (4 s), capped at 5 s.
    expect((await attempt('mala-4')).status).toBe(401);
    const longer = await attempt(user.password);
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, Number(longer.headers.get('retry-after')) * 1000 + 100));
    expect((await attempt(user.password)).status).toBe(200);
    const [row] = await t.db.orm.em.fork().execute('select failed_logins, locked_until from app_user where id = ?', [user.id]);
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('records logins, failures, lockouts, logout everywhere, disable/enable, password and role changes in the audit, for ADMIN only', async () => {
    const admin = await t.loginAs({ role: 'ADMIN' });
    const user = await t.createUser({ role: 'RECURSOS_MATERIALES' });
    for (let i = 0; i < 3; i++) await t.http('POST', '/auth/login', { json: { username: user.username, password: 'otra-cosa-mala' }, headers: { 'User-Agent': 'prueba-de-auditoria' } });
    await t.http('POST', `/users/${user.id}/enable`, { token: admin.accessToken });
    const s = await t.login(user.username, user.password);
    await t.http('POST', '/auth/password', { token: s.accessToken, json: { currentPassword: user.password, newPassword: 'otra frase bastante larga' } });
    await t.http('POST', '/auth/logout-all', { token: s.accessToken });
    await t.login(user.username, 'otra frase bastante larga');
    await t.http('POST', `/users/${user.id}/disable`, { token: admin.accessToken });
    await t.db.orm.em.fork().execute("update app_user set role = 'CONTROL_ESCOLAR_CENTRAL' where id = ?", [user.id]);

    const got = (await events(admin.accessToken, `?username=${user.username}&pageSize=50`)).reverse();
    expect(got.map((e) => `${e.kind} ${e.outcome}`)).toEqual([
      'CUENTA_CREADA EXITO',
      'INICIO_DE_SESION FALLO',
      'INICIO_DE_SESION FALLO',
      'INICIO_DE_SESION FALLO',
      'CUENTA_BLOQUEADA BLOQUEADO',
      'CUENTA_HABILITADA EXITO',
      'INICIO_DE_SESION EXITO',
      'CAMBIO_DE_CONTRASENA EXITO',
      'CIERRE_GLOBAL EXITO',
      'INICIO_DE_SESION EXITO',
      'CUENTA_DESHABILITADA EXITO',
      'CAMBIO_DE_ROL EXITO',
    ]);
    expect(got[1]).toMatchObject({ username: user.username, userId: user.id, ip: expect.stringMatching(/127\.0\.0\.1/), userAgent: 'prueba-de-auditoria' });
    expect(got[10]).toMatchObject({ actorUsername: admin.user.username, detail: '1 sesiones cerradas.' });
    expect(got[11].detail).toBe('Rol RECURSOS_MATERIALES → CONTROL_ESCOLAR_CENTRAL; DRSE — → —; escuela — → —.');
    expect(JSON.stringify(got)).not.toContain('otra frase bastante larga');
    expect(JSON.stringify(got)).not.toContain(user.password);

    const unknown = await events(admin.accessToken, '?username=nadie-con-ese-nombre');
    expect(unknown).toEqual([]);
    await t.http('POST', '/auth/login', { json: { username: 'nadie-con-ese-nombre', password: 'cualquier-cosa' } });
    expect((await events(admin.accessToken, '?username=nadie-con-ese-nombre'))[0]).toMatchObject({ kind: 'INICIO_DE_SESION', outcome: 'FALLO' });
    expect((await events(admin.accessToken, '?kind=CUENTA_BLOQUEADA')).length).toBeGreaterThanOrEqual(1);
    const other = await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    expect((await t.http('GET', '/security/events', { token: other.accessToken })).status).toBe(403);
  });

  it('the audit is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await t.createUser({ role: 'ADMIN' });
    const em = t.db.orm.em.fork();
    for (const sql of ["update security_event set outcome = 'EXITO'", 'delete from security_event', 'truncate security_event']) {
      await expect(em.execute(sql)).rejects.toThrow(/security_event es de solo anexar/);
    }
    const [{ n }] = await em.execute('select count(*)::int as n from security_event');
    expect(n).toBeGreaterThan(0);
  });
});
