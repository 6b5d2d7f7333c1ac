import { defaultPayloadConverter } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  newPayloadKeyLine,
  parsePayloadKeys,
  payloadKeysFromEnv,
  temporalDataConverter,
} from '../../../src/temporal/payload-codec';

const text = (b: Uint8Array | null | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8');

describe(AesGcmPayloadCodec.name, () => {
  const secret = { comentario: 'Falta la firma del director', alumnos: [101, 102] };
  const plain = defaultPayloadConverter.toPayload(secret)!;

  it('leaves nothing of the value, not even its encoding, in clear and names the key', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(newPayloadKeyLine('k1'), 'test'));
    const [sealed] = await codec.encode([plain]);
    expect(text(sealed.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(Object.keys(sealed.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
    expect(text(sealed.data)).not.toContain('firma');
    expect(text(sealed.data)).not.toContain('json/plain');
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(secret);
  });

  it('encrypts each time with a fresh nonce', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(newPayloadKeyLine('k1'), 'test'));
    const [a, b] = await codec.encode([plain, plain]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('after a rotation encrypts with the new key and still decrypts what the old one encrypted', async () => {
    const old = newPayloadKeyLine('2026-01');
    const before = new AesGcmPayloadCodec(parsePayloadKeys(old, 'test'));
    const [sealedBefore] = await before.encode([plain]);
    const after = new AesGcmPayloadCodec(parsePayloadKeys(`${newPayloadKeyLine('2026-07')}\n${old}\n`, 'test'));
    const [sealedAfter] = await after.encode([plain]);
    expect(text(sealedAfter.metadata?.[KEY_ID_METADATA])).toBe('2026-07');
    const opened = await after.decode([sealedBefore, sealedAfter]);
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([secret, secret]);
    // A key dropped from the ring no longer opens its payloads.
    await expect(new AesGcmPayloadCodec(parsePayloadKeys(newPayloadKeyLine('2026-07'), 'test')).decode([sealedBefore])).rejects.toThrow('2026-01');
  });

  it('refuses a tampered payload and passes through payloads that were never encrypted', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(newPayloadKeyLine('k1'), 'test'));
    const [sealed] = await codec.encode([plain]);
    const data = Buffer.from(sealed.data!);
    data[20] ^= 0x01;
    await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow();
    const [same] = await codec.decode([plain]);
    expect(same).toBe(plain);
  });

  it('reads keys from a line per key or a comma-separated variable, and explains a bad one', () => {
    const a = newPayloadKeyLine('a');
    const b = newPayloadKeyLine('b');
    expect(parsePayloadKeys(`# claves\n${a}\n\n${b} # anterior\n`, 'f').map((k) => k.id)).toEqual(['a', 'b']);
    expect(payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: `${a},${b}` })?.map((k) => k.id)).toEqual(['a', 'b']);
    expect(payloadKeysFromEnv({})).toBeUndefined();
    expect(temporalDataConverter({})).toBeUndefined();
    expect(temporalDataConverter({ TEMPORAL_PAYLOAD_KEYS: a })?.payloadCodecs).toHaveLength(1);
    expect(() => parsePayloadKeys('k1 c2hvcnQ=', 'f')).toThrow('32 bytes');
    expect(() => parsePayloadKeys(`${a}\n${a}`, 'f')).toThrow('repetido');
    expect(() => parsePayloadKeys('# nada', 'f')).toThrow('ninguna clave');
    expect(() => newPayloadKeyLine('con espacio')).toThrow();
  });
});
