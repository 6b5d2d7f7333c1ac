import { KeyObject, sign, verify } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import { Turno, TURNOS } from '../catalog/identifiers';
import { cycleFromShort, cycleShort } from './folio';

/**
 * The card's QR payload (SPEC §6). Only characters of the QR "alphanumeric" mode (0-9 A-Z . -)
 * so it packs at 5.5 bits per character:
 *
 *   KID.NUMBER.CCTT.CCCC.SIGNATURE
 *   K1.123.14EPR0123XM.2627.<103 base32 chars>
 *
 * KID = key id, NUMBER = folio number (the sequence value), CCTT = CCT + turno letter,
 * CCCC = cycle of issue (2627 = 2026-2027), SIGNATURE = Ed25519 over "SEJ-QR1|" + the first four
 * fields, base32 without padding. No personal data.
 */
export interface QrClaims {
  keyId: string;
  folioNumber: number;
  cct: string;
  turno: Turno;
  cycleCode: string;
}

const TURNO_LETTER: Record<Turno, string> = {
  MATUTINO: 'M',
  VESPERTINO: 'V',
  NOCTURNO: 'N',
  DISCONTINUO: 'D',
  CONTINUO: 'C',
};
const LETTER_TURNO = Object.fromEntries(Object.entries(TURNO_LETTER).map(([t, l]) => [l, t])) as Record<string, Turno>;
const DOMAIN = 'SEJ-QR1|';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Character counts modulo 8 that whole bytes encode to (1, 3 and 6 leave 5+ unused bits). */
const CANONICAL_LENGTH_REMAINDERS = new Set([0, 2, 4, 5, 7]);

export const KEY_ID_PATTERN = /^[A-Z0-9]{1,8}$/;

export function base32(buf: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes unpadded base32 as `base32` writes it, and nothing else: a length that no byte count
 * produces, or non-zero bits after the last byte, would let several texts carry one signature.
 */
export function fromBase32(text: string): Buffer | undefined {
  if (!CANONICAL_LENGTH_REMAINDERS.has(text.length % 8)) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = B32.indexOf(ch);
    if (v < 0) return undefined;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return Buffer.from(bytes);
}

export function claimsText(c: QrClaims): string {
  if (!KEY_ID_PATTERN.test(c.keyId)) throw new Error(`Invalid key id ${c.keyId}`);
  if (!TURNOS.includes(c.turno)) throw new Error(`Invalid turno ${c.turno}`);
  return `${c.keyId}.${c.folioNumber}.${c.cct}${TURNO_LETTER[c.turno]}.${cycleShort(c.cycleCode)}`;
}

export function signClaims(claims: QrClaims, privateKey: KeyObject): string {
  const text = claimsText(claims);
  const signature = sign(null, Buffer.from(DOMAIN + text), privateKey);
  return `${text}.${base32(signature)}`;
}

/** Parses a payload (or a whole verification URL) without checking the signature. */
export function parsePayload(raw: unknown): { claims: QrClaims; signedText: string; signature: Buffer } {
  let value = typeof raw === 'string' ? raw.trim() : '';
  const slash = value.lastIndexOf('/');
  if (slash >= 0) value = value.slice(slash + 1);
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep as is; the pattern below refuses it
  }
  value = value.toUpperCase();
  const m = /^([A-Z0-9]{1,8})\.([1-9]\d{0,15})\.(14[A-Z]{3}\d{4}[A-Z])([MVNDC])\.(\d{4})\.([A-Z2-7]{103})$/.exec(value);
  const signature = m ? fromBase32(m[6]) : undefined;
  if (!m || !signature || signature.length !== 64) {
    throw new DomainError('El código QR no tiene el formato de una credencial de la SEJ.', 'codigo');
  }
  const folioNumber = Number(m[2]);
  if (!Number.isSafeInteger(folioNumber)) throw new DomainError('El código QR no es válido.', 'codigo');
  return {
    claims: { keyId: m[1], folioNumber, cct: m[3], turno: LETTER_TURNO[m[4]], cycleCode: cycleFromShort(m[5]) },
    signedText: `${m[1]}.${m[2]}.${m[3]}${m[4]}.${m[5]}`,
    signature,
  };
}

export function verifySignature(signedText: string, signature: Buffer, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(DOMAIN + signedText), publicKey, signature);
  } catch {
    return false;
  }
}

/** The URL printed in the QR: PUBLIC_BASE_URL + /verificar/ + payload. */
export function verificationUrl(publicBaseUrl: string, payload: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${VERIFICATION_PATH}${payload}`;
}

export const VERIFICATION_PATH = '/verificar/';
