import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../common/domain-error';
import { CardReport, Credential } from './entities';
import { formatFolio } from './folio';
import { parsePayload, verifySignature } from './qr-payload';
import { PublishedKey, QrKeyStore } from './qr-key-store';

export type VerificationStatus = 'VIGENTE' | 'REPORTADA' | 'REVOCADA' | 'REEMPLAZADA' | 'ANULADA' | 'DESCONOCIDA' | 'NECESITA_REPOSICION';

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
  NECESITA_REPOSICION:
    'Esta credencial se firmó con una clave que fue revocada por seguridad: ya no puede comprobarse su autenticidad. Necesita reposición; acuda a su escuela.',
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
    // A revoked key may be in other hands: its signature proves nothing, so nothing of the card is shown.
    if ((await this.revokedKeyIds()).has(parsed.claims.keyId)) {
      return { signatureValid: false, status: 'NECESITA_REPOSICION', message: MESSAGES.NECESITA_REPOSICION };
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

  async publicKeys(): Promise<PublishedKey[]> {
    return this.keys.published(await this.revokedKeyIds());
  }

  private async revokedKeyIds(): Promise<Set<string>> {
    const rows = (await this.em.getConnection().execute('select key_id from qr_key_revocation')) as { key_id: string }[];
    return new Set(rows.map((r) => r.key_id));
  }
}
