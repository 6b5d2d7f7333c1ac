import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Drse, School } from '../../../src/catalog/entities';
import { loadAuthConfig, resolveJwtSecret } from '../../../src/auth/auth-config';
import { hashPassword, verifyPassword } from '../../../src/auth/password';
import { assertCovers } from '../../../src/access';
import { schoolsInScope, studentsInScope } from '../../../src/catalog/catalog-scope';
import { User } from '../../../src/auth/user.entity';

const drse = new Drse('VALLES', 'DRSE Valles', 'Ameca');
const school = Object.assign(
  new School({ cct: '14EPR0001A', turno: 'MATUTINO', nivel: 'PRIMARIA', name: 'E', address: 'A', phone: '1', matricula: 10, hasInternet: true, drse }),
  { id: 9 },
);

describe(User.name, () => {
  it('builds the actor from the role and scope', () => {
    const escuela = new User({ username: 'Escuela.Uno', passwordHash: 'h', role: 'ESCUELA', school });
    expect(escuela.username).toBe('escuela.uno');
    expect(escuela.toActor()).toEqual({ id: escuela.id, role: 'ESCUELA', schoolId: 9, drseCode: 'VALLES' });
    expect(new User({ username: 'pla', passwordHash: 'h', role: 'DRSE_PLANEACION', drse }).toActor()).toMatchObject({ drseCode: 'VALLES' });
  });

  it('refuses a scope that does not fit the role', () => {
    expect(() => new User({ username: 'x-escuela', passwordHash: 'h', role: 'ESCUELA' })).toThrow(/necesita una escuela/);
    expect(() => new User({ username: 'x-drse', passwordHash: 'h', role: 'DRSE_TECNOLOGIAS' })).toThrow(/necesita una DRSE/);
    expect(() => new User({ username: 'x-admin', passwordHash: 'h', role: 'ADMIN', drse })).toThrow(/alcance estatal/);
    expect(() => new User({ username: 'a b', passwordHash: 'h', role: 'ADMIN' })).toThrow(/usuario debe tener/);
  });
});

describe(assertCovers.name, () => {
  const scope = { schoolId: 9, drseCode: 'VALLES' };
  it('answers 404 (not 403) outside the scope, so existence is not leaked', () => {
    expect(() => assertCovers({ id: 'u', role: 'ESCUELA', schoolId: 8, drseCode: 'VALLES' }, scope)).toThrow(
      expect.objectContaining({ status: 404, message: 'El recurso no existe o no está en su ámbito.' }),
    );
    expect(() => assertCovers({ id: 'u', role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'NORTE' }, scope)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => assertCovers({ id: 'u', role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'VALLES' }, scope)).not.toThrow();
    expect(() => assertCovers({ id: 'u', role: 'ADMIN' }, scope)).not.toThrow();
  });

  it('gives query filters per scope', () => {
    expect(schoolsInScope({ id: 'u', role: 'ESCUELA', schoolId: 9 })).toEqual({ id: 9 });
    expect(schoolsInScope({ id: 'u', role: 'DRSE_PLANEACION', drseCode: 'SUR' })).toEqual({ drse: { $in: ['SUR'] } });
    expect(schoolsInScope({ id: 'u', role: 'DRSE_PLANEACION', drseCode: 'SUR', subDrseCodes: ['SUR_1'] })).toEqual({ drse: { $in: ['SUR', 'SUR_1'] } });
    expect(schoolsInScope({ id: 'u', role: 'RECURSOS_MATERIALES' })).toEqual({});
    expect(studentsInScope({ id: 'u', role: 'DRSE_PLANEACION', drseCode: 'SUR' })).toEqual({ school: { drse: { $in: ['SUR'] } } });
    // A misconfigured actor without scope sees nothing, not everything.
    expect(schoolsInScope({ id: 'u', role: 'ESCUELA' })).toEqual({ id: -1 });
  });
});

describe(resolveJwtSecret.name, () => {
  it('generates a secret once under DATA_DIR (mode 600) and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sej-secret-'));
    const first = resolveJwtSecret(dir, {});
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(resolveJwtSecret(dir, {})).toBe(first);
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('prefers JWT_SECRET and refuses a short one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sej-secret-'));
    expect(resolveJwtSecret(dir, { JWT_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(() => resolveJwtSecret(dir, { JWT_SECRET: 'corto' })).toThrow(/al menos 32/);
    expect(loadAuthConfig(dir, { JWT_SECRET: 'y'.repeat(32), AUTH_ACCESS_TTL_SECONDS: '60' })).toMatchObject({ accessTtlSeconds: 60, refreshTtlSeconds: 604800, loginAttemptsPerMinute: 5 });
  });
});

describe(hashPassword.name, () => {
  it('hashes with Argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('clave-de-prueba');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    await expect(verifyPassword(hash, 'clave-de-prueba')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'Clave-de-prueba')).resolves.toBe(false);
    await expect(verifyPassword('$2b$10$bcrypt-no', 'x')).resolves.toBe(false);
  });
});
