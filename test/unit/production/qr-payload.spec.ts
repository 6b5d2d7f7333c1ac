import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32, fromBase32, parsePayload, signClaims, verificationUrl, verifySignature } from '../../../src/production/qr-payload';
import { QrKeyStore } from '../../../src/production/qr-key-store';

const B32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
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

  it('reads the payload from a whole URL, in lower case, padded with spaces or percent-encoded', () => {
    const payload = signClaims(claims, privateKey);
    for (const raw of [
      `https://verifica.sej.test/verificar/${payload}`,
      `  ${payload.toLowerCase()}\n`,
      encodeURIComponent(payload).replace(/\./g, '%2E'),
    ]) {
      const p = parsePayload(raw);
      expect(p.claims).toEqual(claims);
      expect(p.signedText).toBe('K1.1234567.14EPR0123XV.2627');
      expect(verifySignature(p.signedText, p.signature, publicKey)).toBe(true);
    }
  });

  it('refuses in Spanish, naming the field, what is not a SEJ card code', () => {
    const payload = signClaims(claims, privateKey);
    const format = { field: 'codigo', message: 'El código QR no tiene el formato de una credencial de la SEJ.' };
    for (const raw of [undefined, 42, '', '%E0%A4%A', payload.slice(0, -1), `${payload}A`, payload.replace('.1234567.', '.01234567.'), payload.replace('14EPR0123XV', '14EPR0123XQ')]) {
      expect(() => parsePayload(raw)).toThrow(expect.objectContaining(format));
    }
    // 16 digits fit the pattern but not a safe integer.
    expect(() => parsePayload(payload.replace('.1234567.', '.9999999999999999.'))).toThrow(
      expect.objectContaining({ field: 'codigo', message: 'El código QR no es válido.' }),
    );
  });

  it('signs only well-formed claims', () => {
    expect(() => signClaims({ ...claims, keyId: 'k1' }, privateKey)).toThrow('Invalid key id k1');
    expect(() => signClaims({ ...claims, keyId: 'K123456789' }, privateKey)).toThrow(/Invalid key id/);
    expect(() => signClaims({ ...claims, turno: 'NOCHE' as never }, privateKey)).toThrow('Invalid turno NOCHE');
    const turnos = ['MATUTINO', 'VESPERTINO', 'NOCTURNO', 'DISCONTINUO', 'CONTINUO'] as const;
    expect(turnos.map((turno) => signClaims({ ...claims, turno }, privateKey).split('.')[2])).toEqual(['14EPR0123XM', '14EPR0123XV', '14EPR0123XN', '14EPR0123XD', '14EPR0123XC']);
    for (const turno of turnos) expect(parsePayload(signClaims({ ...claims, turno }, privateKey)).claims.turno).toBe(turno);
  });

  it('builds the verification URL without doubled slashes, and a broken signature never verifies', () => {
    expect(verificationUrl('https://x.test///', 'K1.1')).toBe('https://x.test/verificar/K1.1');
    expect(verificationUrl('https://x.test', 'K1.1')).toBe('https://x.test/verificar/K1.1');
    expect(verifySignature('K1.1.14EPR0123XV.2627', Buffer.alloc(3), publicKey)).toBe(false);
  });

  it('base32 round-trips every length, and encodes known vectors (RFC 4648 without padding)', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 255));
      expect(fromBase32(base32(bytes))).toEqual(bytes);
    }
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32(Buffer.from('fooba'))).toBe('MZXW6YTB');
    expect(base32(Buffer.from('f'))).toBe('MY');
    expect(fromBase32('MZXW6YTBOI')?.toString()).toBe('foobar');
    expect(fromBase32('MZXW6')?.toString()).toBe('foo');
  });

  it('base32 refuses non-canonical text: set padding bits, impossible lengths, foreign characters', () => {
    // "MY" is "f"; "MZ" has the same data bits with a padding bit set.
    expect(fromBase32('MZ')).toBeUndefined();
    expect(fromBase32('MZXW7')).toBeUndefined();
    for (const text of ['M', 'MZX', 'MZXW6Y', 'MZXW6YTBO']) expect(fromBase32(text)).toBeUndefined();
    expect(fromBase32('MZ1W6')).toBeUndefined();
    expect(fromBase32('mzxw6')).toBeUndefined();
    expect(fromBase32('')).toEqual(Buffer.alloc(0));
  });

  it('refuses a payload whose signature differs only in its padding bits', () => {
    const payload = signClaims(claims, privateKey);
    // 64 bytes = 512 bits in 103 characters: the last character carries 2 data bits and 3 padding bits.
    const last = payload.at(-1)!;
    const padded = B32_ALPHABET[B32_ALPHABET.indexOf(last) | 1];
    expect(() => parsePayload(payload.slice(0, -1) + padded)).toThrow(expect.objectContaining({ field: 'codigo' }));
  });

  it('fails verification when any data-carrying character of the signature changes', () => {
    const payload = signClaims(claims, privateKey);
    const start = payload.length - 103;
    for (const i of [start, start + 51, payload.length - 2]) {
      const other = payload[i] === 'A' ? 'B' : 'A';
      const p = parsePayload(payload.slice(0, i) + other + payload.slice(i + 1));
      expect(verifySignature(p.signedText, p.signature, publicKey)).toBe(false);
    }
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
