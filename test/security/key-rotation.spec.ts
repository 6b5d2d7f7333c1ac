import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listKeys, revokeKey, rotateKey } from '../../src/cli/qr-keys';
import { resolveJwtSecret } from '../../src/auth/auth-config';
import { qrKeyStoreFor } from '../../src/production/qr-key-store';
import { compactPayload, parsePayload } from '../../src/production/qr-payload';
import { startTestApp, TestApp } from '../support/app';
import { ensureCycles } from '../integration/api/inventory-fixtures';
import { issuedCard, stockForPrinting } from '../integration/api/production-fixtures';

/**
 * Issue 18 item 4: QR signing keys rotate by key id (new cards get the new key, old cards keep
 * verifying) and a revoked key makes its cards verify as needing re-issue; the JWT secret comes from
 * configuration or a mounted file, and production refuses to make one up.
 */
describe('QR signing key rotation and revocation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
  });
  afterAll(async () => t?.close());

  const verify = async (payload: string) => (await t.http('GET', `/V/${compactPayload(payload)}`, { headers: { Accept: 'application/json' } })).body;

  it('a rotated key signs new cards, old cards keep verifying by key id, and a revoked key makes its cards need re-issue', async () => {
    const db = t.db.orm.em.fork().getConnection();
    const school = await t.createSchool({ drse: 'VALLES' });
    await stockForPrinting(t, { drseCode: 'VALLES' }, 2);
    const actor = { id: 'prueba', role: 'ADMIN' as const };

    const first = await issuedCard(t, school.id, 'VALLES', actor);
    expect(parsePayload(first.qrPayload!).claims.keyId).toBe('K1');
    expect(await verify(first.qrPayload!)).toMatchObject({ signatureValid: true, status: 'VIGENTE' });

    // The CLI's store on the API's folder (<DATA_DIR>/keys): the running API sees the rotation without a restart.
    const cliStore = qrKeyStoreFor(t.dataDir, {});
    expect(await rotateKey(cliStore, 'http://localhost')).toBe('K2');
    const second = await issuedCard(t, school.id, 'VALLES', actor);
    expect(parsePayload(second.qrPayload!).claims.keyId).toBe('K2');
    expect(await verify(second.qrPayload!)).toMatchObject({ signatureValid: true, status: 'VIGENTE' });
    expect(await verify(first.qrPayload!)).toMatchObject({ signatureValid: true, status: 'VIGENTE' });

    await expect(revokeKey(cliStore, db, 'K2')).rejects.toThrow('K2 es la clave vigente: rote primero');
    await expect(revokeKey(cliStore, db, 'K9')).rejects.toThrow('No existe la clave K9');
    await revokeKey(cliStore, db, 'K1', 'copia de la clave en un equipo robado');
    const revoked = await verify(first.qrPayload!);
    expect(revoked).toEqual({
      signatureValid: false,
      status: 'NECESITA_REPOSICION',
      message: 'Esta credencial se firmó con una clave que fue revocada por seguridad: ya no puede comprobarse su autenticidad. Necesita reposición; acuda a su escuela.',
    });
    const page = await t.http('GET', `/V/${compactPayload(first.qrPayload!)}`, { headers: { Accept: 'text/html' } });
    expect(page.body.toString()).toContain('Necesita reposición');
    expect(await verify(second.qrPayload!)).toMatchObject({ signatureValid: true, status: 'VIGENTE' });

    const keys = (await t.http('GET', '/verificar/claves')).body as { keyId: string; current: boolean; revoked: boolean }[];
    expect(keys.map((k) => [k.keyId, k.current, k.revoked])).toEqual([
      ['K1', false, true],
      ['K2', true, false],
    ]);
    expect((await listKeys(cliStore, db)).map((k) => `${k.keyId} ${k.current} ${k.reason ?? ''}`)).toEqual(['K1 false copia de la clave en un equipo robado', 'K2 true ']);
  });

  it('QR_KEYS_DIR points the store at a mounted folder; in production a missing key is an error, not a new key', async () => {
    const dir = path.join(t.dataDir, 'prod-keys');
    const prod = qrKeyStoreFor(t.dataDir, { QR_KEYS_DIR: dir, NODE_ENV: 'production' });
    await expect(prod.currentSigningKey()).rejects.toThrow(/No existe la clave de firma K1 .*npm run qr-keys -- rotate/);
    const dev = qrKeyStoreFor(t.dataDir, { QR_KEYS_DIR: dir });
    expect(await rotateKey(dev, 'http://localhost')).toBe('K1');
    expect((await prod.currentSigningKey()).keyId).toBe('K1');
    expect((await fs.stat(path.join(dir, 'K1.private.pem'))).mode & 0o777).toBe(0o600);
  });
});

describe(resolveJwtSecret.name, () => {
  it('takes JWT_SECRET, or the file JWT_SECRET_FILE; production without either refuses to start', async () => {
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'sej-jwt-'));
    try {
      const file = path.join(dir, 'secret');
      await fs.writeFile(file, `${'s'.repeat(40)}\n`);
      expect(resolveJwtSecret(dir, { JWT_SECRET_FILE: file })).toBe('s'.repeat(40));
      expect(resolveJwtSecret(dir, { JWT_SECRET: 'e'.repeat(32), JWT_SECRET_FILE: file })).toBe('e'.repeat(32));
      await fs.writeFile(file, 'corto');
      expect(() => resolveJwtSecret(dir, { JWT_SECRET_FILE: file })).toThrow(/al menos 32 caracteres/);
      expect(() => resolveJwtSecret(dir, { JWT_SECRET_FILE: path.join(dir, 'no-existe') })).toThrow(/No se pudo leer JWT_SECRET_FILE/);
      expect(() => resolveJwtSecret(dir, { NODE_ENV: 'production' })).toThrow(/JWT_SECRET o de un archivo montado en JWT_SECRET_FILE/);
      await expect(fs.stat(path.join(dir, 'jwt-secret'))).rejects.toThrow();
      expect(resolveJwtSecret(dir, {})).toHaveLength(64);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
