import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../common/domain-error';
import { CardReport, Credential } from './entities';
import { formatFolio } from './folio';
import { parsePayload, verifySignature } from './qr-payload';
import { PublishedKey, QrKeyStore } from './qr-key-store';

export type VerificationStatus = 'VIGENTE' | 'REPORTADA' | 'REVOCADA' | 'REEMPLAZADA' | 'ANULADA' | 'DESCONOCIDA';

/** What the public sees: no more than the school and the cycle (SPEC §6). */
export interface VerificationResult {
  /** The signature is genuine (checkable offline with the published keys). */
  signatureValid: boolean;
  /** Online state of the folio; absent when the signature is not valid. */
  status?: VerificationStatus;
  folio?: string;
  school?: { name: string; cct: string; turno: string };
  cycleCode?: string;
  /** When the card was reported lost, stolen or damaged (YYYY-MM-DD), if it was. */
  reportedOn?: string;
  message: string;
}

const MESSAGES: Record<VerificationStatus, string> = {
  VIGENTE: 'Credencial auténtica y vigente. Su validez en el ciclo la da el holograma.',
  REPORTADA: 'Credencial auténtica pero REPORTADA como extraviada, robada o dañada: ya no es válida.',
  REVOCADA: 'Credencial auténtica pero REVOCADA (reportada como extraviada, dañada o robada).',
  REEMPLAZADA: 'Credencial auténtica pero REEMPLAZADA por una reposición: ya no es válida.',
  ANULADA: 'Folio ANULADO: esta credencial no es válida.',
  DESCONOCIDA: 'La firma es auténtica pero el folio no está registrado en este sistema.',
};

/** 2026-09-15 → 15/09/2026, as people write dates. */
const dayText = (iso: string): string => iso.split('-').reverse().join('/');

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
    const em = this.em.fork();
    const card = await em.findOne(Credential, { folioNumber: String(claims.folioNumber) });
    const folio = formatFolio(claims.cycleCode, claims.folioNumber);
    if (!card || card.kind !== 'TARJETA' || card.cct !== claims.cct || card.turno !== claims.turno || card.cycleCode !== claims.cycleCode) {
      return { signatureValid: true, status: 'DESCONOCIDA', folio, cycleCode: claims.cycleCode, message: MESSAGES.DESCONOCIDA };
    }
    const report = await em.findOne(CardReport, { credentialId: card.id });
    const status: VerificationStatus = card.status !== 'EXPEDIDA' ? card.status : report ? 'REPORTADA' : 'VIGENTE';
    return {
      signatureValid: true,
      status,
      folio,
      school: { name: card.schoolName!, cct: card.cct!, turno: card.turno! },
      cycleCode: card.cycleCode,
      ...(report ? { reportedOn: report.reportedOn } : {}),
      message: report && status !== 'ANULADA' ? `${MESSAGES[status]} Reportada el ${dayText(report.reportedOn)}.` : MESSAGES[status],
    };
  }

  publicKeys(): Promise<PublishedKey[]> {
    return this.keys.published();
  }
}
