import { KeyObject, sign, verify } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import { Turno, TURNOS } from '../catalog';
import { cycleFromShort, cycleShort } from './folio';

/**
 * The card's QR payload (SPEC §6): signed claims, no personal data. One signature, two spellings.
 *
 * The text form (stored with each card, and printed in QR codes before issue 11, "v1"), only
 * characters of the QR alphanumeric mode:
 *
 *   KID.NUMBER.CCTT.CCCC.SIGNATURE
 *   K1.123.14EPR0123XM.2627.<103 base32 chars>
 *
 * KID = key id, NUMBER = folio number (the sequence value), CCTT = CCT + turno letter,
 * CCCC = cycle of issue (2627 = 2026-2027), SIGNATURE = Ed25519 over "SEJ-QR1|" + the first four
 * fields, base32 without padding.
 *
 * The compact form (printed since issue 11): the same claims and the same signature as one string of
 * digits, which the QR numeric mode packs at 3.33 bits per digit (see `compactPayload`). The QR is
 * then version 6 instead of 8, and its modules are ≥ 0.5 mm on the card. Both forms verify.
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

export interface ParsedPayload {
  claims: QrClaims;
  signedText: string;
  signature: Buffer;
}

/** Parses a payload of either form (or a whole verification URL) without checking the signature. */
export function parsePayload(raw: unknown): ParsedPayload {
  let value = typeof raw === 'string' ? raw.trim() : '';
  const slash = value.lastIndexOf('/');
  if (slash >= 0) value = value.slice(slash + 1);
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep as is; the pattern below refuses it
  }
  if (/^\d+$/.test(value)) return parseCompact(value);
  value = value.toUpperCase();
  const m = /^([A-Z0-9]{1,8})\.([1-9]\d{0,15})\.(14[A-Z]{3}\d{4}[A-Z])([MVNDC])\.(\d{4})\.([A-Z2-7]{103})$/.exec(value);
  const signature = m ? fromBase32(m[6]) : undefined;
  if (!m || !signature || signature.length !== 64) throw notACard();
  const folioNumber = Number(m[2]);
  if (!Number.isSafeInteger(folioNumber)) throw new DomainError('El código QR no es válido.', 'codigo');
  return {
    claims: { keyId: m[1], folioNumber, cct: m[3], turno: LETTER_TURNO[m[4]], cycleCode: cycleFromShort(m[5]) },
    signedText: `${m[1]}.${m[2]}.${m[3]}${m[4]}.${m[5]}`,
    signature,
  };
}

// ---------------------------------------------------------------- compact form

/*
 * Digits, in this order (every field has one spelling, so a card has exactly one compact payload):
 *
 *   L  K…K  SSSSSSSSSSS  YY  N…N  G…G
 *
 * L     key id length, 1–8; K…K each key id character as two digits (00–09 digits, 10–35 A–Z)
 * S…S   school, 11 digits: the CCT's three letters, four digits and check letter and the turno as one
 *       mixed-radix number (((l1·26 + l2)·26 + l3)·10000 + nnnn)·26 + check)·5 + turno (the CCT's
 *       "14" is implied)
 * YY    first year of the cycle of issue (26 = 2026-2027)
 * N…N   folio number, 1–16 digits, no leading zero (its length is what the others leave)
 * G…G   the Ed25519 signature, a 512-bit big-endian number as 155 digits
 */
const ALNUM36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TURNO_ORDER: readonly Turno[] = ['MATUTINO', 'VESPERTINO', 'NOCTURNO', 'DISCONTINUO', 'CONTINUO'];
const SCHOOL_DIGITS = 11;
const SIGNATURE_DIGITS = 155;
const SIGNATURE_LIMIT = 1n << 512n;

/** The compact spelling of a (text form) payload: same claims, same signature. */
export function compactPayload(payload: string): string {
  const { claims, signature } = parsePayload(payload);
  const cct = claims.cct;
  const letter = (i: number) => cct.charCodeAt(i) - 65;
  const school =
    (((letter(2) * 26 + letter(3)) * 26 + letter(4)) * 10_000 + Number(cct.slice(5, 9))) * 26 * 5 + letter(9) * 5 + TURNO_ORDER.indexOf(claims.turno);
  const kid = [...claims.keyId].map((c) => String(ALNUM36.indexOf(c)).padStart(2, '0')).join('');
  return (
    String(claims.keyId.length) +
    kid +
    String(school).padStart(SCHOOL_DIGITS, '0') +
    cycleShort(claims.cycleCode).slice(0, 2) +
    String(claims.folioNumber) +
    BigInt(`0x${signature.toString('hex')}`).toString().padStart(SIGNATURE_DIGITS, '0')
  );
}

/**
 * Reads the compact form back into the text form and parses that: the text form's pattern then checks
 * every field. What the text cannot show is checked here: a key id digit pair past Z, a signature
 * number of 512 bits or more (either would let two spellings carry one signature).
 */
function parseCompact(digits: string): ParsedPayload {
  const kidLength = Number(digits[0]);
  const folioLength = digits.length - (1 + 2 * kidLength + SCHOOL_DIGITS + 2 + SIGNATURE_DIGITS);
  let keyId = '';
  let at = 1;
  for (; at < 1 + 2 * kidLength; at += 2) {
    const char = ALNUM36.charAt(Number(digits.slice(at, at + 2)));
    if (!char) throw notACard();
    keyId += char;
  }
  let school = Number(digits.slice(at, (at += SCHOOL_DIGITS)));
  const turno = TURNO_ORDER[school % 5];
  school = Math.floor(school / 5);
  const check = String.fromCharCode(65 + (school % 26));
  school = Math.floor(school / 26);
  const cctNumber = String(school % 10_000).padStart(4, '0');
  school = Math.floor(school / 10_000);
  const letters = String.fromCharCode(65 + Math.floor(school / 676), 65 + (Math.floor(school / 26) % 26), 65 + (school % 26));
  const year = Number(digits.slice(at, (at += 2)));
  const folio = digits.slice(at, (at += folioLength));
  const signature = BigInt(digits.slice(at));
  if (signature >= SIGNATURE_LIMIT) throw notACard();
  const cycle = String(year).padStart(2, '0') + String(year + 1).padStart(2, '0');
  const text = `${keyId}.${folio}.14${letters}${cctNumber}${check}${TURNO_LETTER[turno]}.${cycle}`;
  return parsePayload(`${text}.${base32(Buffer.from(signature.toString(16).padStart(128, '0'), 'hex'))}`);
}

function notACard(): DomainError {
  return new DomainError('El código QR no tiene el formato de una credencial de la SEJ.', 'codigo');
}

export function verifySignature(signedText: string, signature: Buffer, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(DOMAIN + signedText), publicKey, signature);
  } catch {
    return false;
  }
}

/** The URL of a text form payload: PUBLIC_BASE_URL + /verificar/ + payload (what v1 cards carry). */
export function verificationUrl(publicBaseUrl: string, payload: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${VERIFICATION_PATH}${payload}`;
}

export const VERIFICATION_PATH = '/verificar/';
/** The short path of printed QR codes (the same verification; the server's routes ignore case). */
export const COMPACT_VERIFICATION_PATH = '/V/';

/**
 * The base of the URL printed in a card's QR: PUBLIC_BASE_URL with its scheme and host in capitals
 * (both ignore case, and capitals are QR alphanumeric characters, 5.5 bits each instead of 8), any
 * path kept as configured, then /V/. The compact payload follows.
 */
export function compactVerificationBase(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.origin.toUpperCase()}${url.pathname.replace(/\/+$/, '')}${COMPACT_VERIFICATION_PATH}`;
}
