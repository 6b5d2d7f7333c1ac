import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32, compactPayload, compactVerificationBase, fromBase32, parsePayload, signClaims, verificationUrl, verifySignature } from '../../../src/production/qr-payload';
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

describe(compactPayload.name, () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const one = Buffer.alloc(64);
  one[63] = 1;
  const TEXT = `K1.1234567.14EPR0123XV.2627.${base32(one)}`;
  // L=2, K=20, 1=01 | EPR 0123 X, VESPERTINO: (((4·26+15)·26+17)·10000+123)·26+23)·5+1 | 26 | 1234567 | signature 1
  const COMPACT = `2200104044316106261234567${'0'.repeat(154)}1`;

  it('spells the text form as digits: key id, school, cycle, folio number, then the signature as 155 digits', () => {
    expect(compactPayload(TEXT)).toBe(COMPACT);
    expect(parsePayload(COMPACT)).toEqual(parsePayload(TEXT));
    const max = Buffer.alloc(64, 0xff);
    const last = `Z9.9.14ZZZ9999ZC.9899.${base32(max)}`;
    expect(compactPayload(last)).toBe(`23509${'22848799999'}989${((1n << 512n) - 1n).toString()}`);
    expect(parsePayload(compactPayload(last))).toEqual(parsePayload(last));
    const first = `0.1.14AAA0000AM.0001.${base32(Buffer.alloc(64))}`;
    expect(compactPayload(first)).toBe(`100${'0'.repeat(11)}001${'0'.repeat(155)}`);
    expect(parsePayload(compactPayload(first))).toEqual(parsePayload(first));
  });

  it('carries the same signature: a signed card verifies in either form, from a whole printed URL too', () => {
    const text = signClaims(claims, privateKey);
    const digits = compactPayload(text);
    expect(digits).toMatch(/^\d+$/);
    const url = `${compactVerificationBase('https://credenciales.example.test')}${digits}`;
    expect(url).toBe(`HTTPS://CREDENCIALES.EXAMPLE.TEST/V/${digits}`);
    for (const raw of [digits, url, url.toLowerCase(), ` ${digits}\n`]) {
      const p = parsePayload(raw);
      expect(p.claims).toEqual(claims);
      expect(p.signedText).toBe('K1.1234567.14EPR0123XV.2627');
      expect(verifySignature(p.signedText, p.signature, publicKey)).toBe(true);
    }
  });

  it('round-trips every turno, long key ids and folio numbers of 1 to 16 digits', () => {
    const turnos = ['MATUTINO', 'VESPERTINO', 'NOCTURNO', 'DISCONTINUO', 'CONTINUO'] as const;
    for (const turno of turnos) {
      for (const [keyId, folioNumber] of [['K1', 1], ['ABCDEFGH', 9007199254740991], ['Z', 42]] as const) {
        const text = signClaims({ ...claims, turno, keyId, folioNumber }, privateKey);
        const p = parsePayload(compactPayload(text));
        expect(p.claims).toEqual({ ...claims, turno, keyId, folioNumber });
        expect(verifySignature(p.signedText, p.signature, publicKey)).toBe(true);
      }
    }
  });

  it('has one spelling per card: refuses digit strings that are not one', () => {
    const format = { field: 'codigo', message: 'El código QR no tiene el formato de una credencial de la SEJ.' };
    const sig155 = COMPACT.slice(-155);
    for (const raw of [
      '1',
      `9${COMPACT.slice(1)}`, // key id of 9 characters
      `0${COMPACT.slice(5)}`, // key id of no characters
      `23601${COMPACT.slice(5)}`, // key id character 36: past Z
      `2200104044316106991234567${sig155}`, // cycle 2099-2100
      `22001040443161062601234567${sig155}`, // folio number with a leading zero
      `220010404431610626${sig155}`, // no folio number
      `2200104044316106261234567${(1n << 512n).toString()}`, // signature of 513 bits
      `2200104044316106261234567${'9'.repeat(155)}`,
      `${COMPACT.slice(0, 5)}9${COMPACT.slice(6)}`, // school number past ZZZ9999Z and turno
    ]) {
      expect(() => parsePayload(raw)).toThrow(expect.objectContaining(format));
    }
    // The largest signature number still parses (64 bytes of 0xFF).
    expect(parsePayload(`2200104044316106261234567${((1n << 512n) - 1n).toString()}`).signature).toEqual(Buffer.alloc(64, 0xff));
  });

  it('fails verification for a changed digit in any field', () => {
    const digits = compactPayload(signClaims(claims, privateKey));
    for (const i of [2, 15, 16, 20, digits.length - 100, digits.length - 1]) {
      const altered = digits.slice(0, i) + ((Number(digits[i]) + 1) % 10) + digits.slice(i + 1);
      let p;
      try {
        p = parsePayload(altered);
      } catch {
        continue; // no longer a well-formed payload: refused before any signature check
      }
      expect(verifySignature(p.signedText, p.signature, publicKey)).toBe(false);
    }
  });

  it('prints the base URL with scheme and host in capitals, any configured path kept, then /V/', () => {
    expect(compactVerificationBase('https://credenciales.example.test')).toBe('HTTPS://CREDENCIALES.EXAMPLE.TEST/V/');
    expect(compactVerificationBase('https://credenciales.example.test///')).toBe('HTTPS://CREDENCIALES.EXAMPLE.TEST/V/');
    expect(compactVerificationBase('http://localhost:3000')).toBe('HTTP://LOCALHOST:3000/V/');
    expect(compactVerificationBase('https://sej.example.test/credenciales/')).toBe('HTTPS://SEJ.EXAMPLE.TEST/credenciales/V/');
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
