import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/** The `encoding` metadata of an encrypted payload (the convention of Temporal's encryption samples). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata key naming the key that encrypted a payload, so rotated keys still decrypt old histories. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/**
 * The keys of the payload codec: the first encrypts, every one decrypts. Text form, one key per
 * line (or comma-separated in an environment variable): `<id> <32 bytes in base64>`; `#` starts a
 * comment. Rotation prepends a new line and keeps the old ones while histories encrypted with them
 * are still read (the retention of the namespace).
 */
export function parsePayloadKeys(text: string, source: string): PayloadKey[] {
  const keys: PayloadKey[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [id, encoded, extra] = line.split(/[\s:]+/);
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!KEY_ID.test(id) || key.length !== 32 || extra !== undefined) {
      throw new Error(`${source}: cada clave es "<id> <32 bytes en base64>" (línea "${id ?? ''} …" no válida).`);
    }
    if (keys.some((k) => k.id === id)) throw new Error(`${source}: el id de clave "${id}" está repetido.`);
    keys.push({ id, key });
  }
  if (keys.length === 0) throw new Error(`${source}: no contiene ninguna clave.`);
  return keys;
}

/**
 * The keys from TEMPORAL_PAYLOAD_KEYS_FILE (a mounted secret) or TEMPORAL_PAYLOAD_KEYS; none when
 * neither is set, and then payloads travel and are stored as plain JSON (the tests' default).
 */
export function payloadKeysFromEnv(env: NodeJS.ProcessEnv = process.env): PayloadKey[] | undefined {
  if (env.TEMPORAL_PAYLOAD_KEYS_FILE) {
    return parsePayloadKeys(readFileSync(env.TEMPORAL_PAYLOAD_KEYS_FILE, 'utf8'), env.TEMPORAL_PAYLOAD_KEYS_FILE);
  }
  if (env.TEMPORAL_PAYLOAD_KEYS) return parsePayloadKeys(env.TEMPORAL_PAYLOAD_KEYS, 'TEMPORAL_PAYLOAD_KEYS');
  return undefined;
}

export function newPayloadKeyLine(id: string): string {
  if (!KEY_ID.test(id)) throw new Error(`Id de clave no válido: "${id}" (letras, dígitos, punto, guion).`);
  return `${id} ${randomBytes(32).toString('base64')}`;
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array | null | undefined): string => (b ? Buffer.from(b).toString('utf8') : '');

/**
 * AES-256-GCM over each whole serialised payload (metadata included, so not even the type of a
 * value is left in clear). Payloads without the encrypted encoding pass through on decode: histories
 * written before encryption was turned on keep replaying.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;
  private readonly active: PayloadKey;

  constructor(keys: PayloadKey[]) {
    if (keys.length === 0) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.active = keys[0];
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(this.active.id) }, data: sealed };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
      const id = text(payload.metadata?.[KEY_ID_METADATA]);
      const key = this.byId.get(id);
      if (!key) throw new Error(`No se tiene la clave "${id}" con que se cifró este dato de Temporal.`);
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('Dato cifrado de Temporal truncado.');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain) as Payload;
    });
  }
}

/** What the client and the worker of every process use: the codec when keys are configured. */
export function temporalDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter | undefined {
  const keys = payloadKeysFromEnv(env);
  return keys ? { payloadCodecs: [new AesGcmPayloadCodec(keys)] } : undefined;
}
