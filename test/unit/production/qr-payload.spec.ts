import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32, fromBase32, parsePayload, signClaims, verificationUrl, verifySignature } from '../../../src/production/qr-payload';
import { QrKeyStore } from '../../../src/production/qr-key-store';

const claims = { keyId: 'K1', folioNumber: 1234567, cct: '14EPR0123X', turno: 'VESPERTINO' as const, cycleCode: '2026-2027' };

describe(signClaims.name, () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('makes a compact payload of QR alphanumeric characters that verifies with the public key', () => {
    const payload = signClaims(claims, privateKey);
    expect(payload).toMatch(/^K1\.1234567\.14EPR0123XV\.2627\.[A-Z2-7]{103}$/);
    expect(payload.length).toBeLessThan(140);
    const parsed = parsePayload(verificationUrl('https://x.test/', payload));
    expect(parsed.claims).toEqual(claims);
    expect(verifySignature(parsed.signedText, parsed.signature, publicKey)).toBe(true);
  });

  it('fails verification for any altered field, another key, or a malformed payload', () => {
    const payload = signClaims(claims, privateKey);
    for (const altered of [
      payload.replace('.1234567.', '.1234568.'),
      payload.replace('14EPR0123XV', '14EPR0123XM'),
      payload.replace('.2627.', '.2728.'),
      payload.replace('K1.', 'K2.'),
    ]) {
      const p = parsePayload(altered);
      expect(verifySignature(p.signedText, p.signature, publicKey)).toBe(false);
    }
    const other = generateKeyPairSync('ed25519');
    const p = parsePayload(payload);
    expect(verifySignature(p.signedText, p.signature, other.publicKey)).toBe(false);
    expect(() => parsePayload('K1.1.2.3')).toThrow(expect.objectContaining({ field: 'codigo' }));
  });

  it('base32 round-trips', () => {
    const bytes = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) & 255));
    expect(fromBase32(base32(bytes))).toEqual(bytes);
  });
});

describe(QrKeyStore.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sej-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the current key on first use with a 0600 private file, and reuses it afterwards', async () => {
    const sut = new QrKeyStore(dir, 'K1');
    const a = await sut.currentSigningKey();
    expect(statSync(join(dir, 'K1.private.pem')).mode & 0o777).toBe(0o600);
    const b = await new QrKeyStore(dir, 'K1').currentSigningKey();
    expect(b.privateKey.export({ format: 'pem', type: 'pkcs8' })).toEqual(a.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  });

  it('rotates by key id: cards signed with the old key still verify, both keys are published', async () => {
    const old = new QrKeyStore(dir, 'K1');
    const payload = signClaims(claims, (await old.currentSigningKey()).privateKey);
    const sut = new QrKeyStore(dir, 'K2');
    const signedNow = signClaims({ ...claims, keyId: 'K2' }, (await sut.currentSigningKey()).privateKey);
    for (const p of [payload, signedNow]) {
      const parsed = parsePayload(p);
      expect(verifySignature(parsed.signedText, parsed.signature, (await sut.publicKey(parsed.claims.keyId))!)).toBe(true);
    }
    const published = await sut.published();
    expect(published.map((k) => [k.keyId, k.current])).toEqual([
      ['K1', false],
      ['K2', true],
    ]);
    expect(published[0].publicKeyPem).toBe(readFileSync(join(dir, 'K1.public.pem'), 'utf8'));
    expect(JSON.stringify(published)).not.toContain('PRIVATE');
  });

  it('refuses a malformed key id', () => {
    expect(() => new QrKeyStore(dir, 'k-1')).toThrow(/QR_KEY_ID/);
  });
});
