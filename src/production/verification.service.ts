import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../common/domain-error';
import { Credential } from './entities';
import { formatFolio } from './folio';
import { parsePayload, verifySignature } from './qr-payload';
import { PublishedKey, QrKeyStore } from './qr-key-store';

export type VerificationStatus = 'VIGENTE' | 'REVOCADA' | 'REEMPLAZADA' | 'ANULADA' | 'DESCONOCIDA';

/** What the public sees: no more than the school and the cycle (SPEC §6). */
export interface VerificationResult {
  /** The signature is genuine (checkable offline with the published keys). */
  signatureValid: boolean;
  /** Online state of the folio; absent when the signature is not valid. */
  status?: VerificationStatus;
  folio?: string;
  school?: { name: string; cct: string; turno: string };
  cycleCode?: string;
  message: string;
}

const MESSAGES: Record<VerificationStatus, string> = {
  VIGENTE: 'Credencial auténtica y vigente. Su validez en el ciclo la da el holograma.',
  REVOCADA: 'Credencial auténtica pero REVOCADA (reportada como extraviada, dañada o robada).',
  REEMPLAZADA: 'Credencial auténtica pero REEMPLAZADA por una reposición: ya no es válida.',
  ANULADA: 'Folio ANULADO: esta credencial no es válida.',
  DESCONOCIDA: 'La firma es auténtica pero el folio no está registrado en este sistema.',
};

@Injectable()
export class VerificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: QrKeyStore,
  ) {}

  async verify(payload: string): Promise<VerificationResult> {
    let parsed: ReturnType<typeof parsePayload>;
    try {
      parsed = parsePayload(payload);
    } catch (err) {
      if (err instanceof DomainError) return { signatureValid: false, message: err.message };
      throw err;
    }
    const key = await this.keys.publicKey(parsed.claims.keyId);
    if (!key || !verifySignature(parsed.signedText, parsed.signature, key)) {
      return { signatureValid: false, message: 'La firma del código no es válida: la credencial no es auténtica.' };
    }
    const { claims } = parsed;
    const card = await this.em.fork().findOne(Credential, { folioNumber: String(claims.folioNumber) });
    const folio = formatFolio(claims.cycleCode, claims.folioNumber);
    if (!card || card.kind !== 'TARJETA' || card.cct !== claims.cct || card.turno !== claims.turno || card.cycleCode !== claims.cycleCode) {
      return { signatureValid: true, status: 'DESCONOCIDA', folio, cycleCode: claims.cycleCode, message: MESSAGES.DESCONOCIDA };
    }
    const status: VerificationStatus = card.status === 'EXPEDIDA' ? 'VIGENTE' : card.status;
    return {
      signatureValid: true,
      status,
      folio,
      school: { name: card.schoolName!, cct: card.cct!, turno: card.turno! },
      cycleCode: card.cycleCode,
      message: MESSAGES[status],
    };
  }

  publicKeys(): Promise<PublishedKey[]> {
    return this.keys.published();
  }
}
