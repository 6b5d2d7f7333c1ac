import { CardView, qrFitsBox, QR_MODULE_MM, SlotView } from './card-html';
import { qrImage, urlSegments } from './qr-image';
import { compactPayload, compactVerificationBase } from './qr-payload';

/** What a stored card row holds for printing (a snapshot taken when the folio was assigned). */
export interface PrintableCard {
  planilla: number;
  slot: number;
  folio: string;
  /** null for a blank slot whose folio was voided (R7). */
  student: null | {
    name: string;
    photoHash: string;
    schoolName: string;
    cct: string;
    turno: string;
    nivel: string;
    address: string;
    phone: string;
    /** The signed payload as stored (text form); printed in its compact form. */
    qrPayload: string;
  };
}

/** The QR image of a stored payload: the compact verification URL (qr-payload.ts). */
export function cardQr(base: string, qrPayload: string): { qr: string; qrSize: number } {
  const { dataUrl, size } = qrImage(urlSegments(base, compactPayload(qrPayload)), 0, 3);
  return { qr: dataUrl, qrSize: size };
}

/** Stored cards → planillas of slot views (QR codes built here, from the stored signed payload). */
export function planillaViews(cards: readonly PrintableCard[], publicBaseUrl: string, slotsPerPlanilla = 8): SlotView[][] {
  const base = compactVerificationBase(publicBaseUrl);
  const planillas: SlotView[][] = [];
  for (const c of cards) {
    const sheet = (planillas[c.planilla] ??= Array.from({ length: slotsPerPlanilla }, () => ({ empty: true }) as SlotView));
    if (!c.student) {
      sheet[c.slot] = { voidedFolio: c.folio };
      continue;
    }
    const s = c.student;
    const card: CardView = {
      folio: c.folio,
      studentName: s.name,
      photoKey: s.photoHash,
      schoolName: s.schoolName,
      cct: s.cct,
      turno: s.turno,
      nivel: s.nivel,
      address: s.address,
      phone: s.phone,
      ...cardQr(base, s.qrPayload),
    };
    sheet[c.slot] = { card };
  }
  return planillas.map((p) => p ?? Array.from({ length: slotsPerPlanilla }, () => ({ empty: true }) as SlotView));
}

let previewQr: { qr: string; qrSize: number } | undefined;
/** The preview's QR says what it is and points nowhere. */
export function previewQrImage(): { qr: string; qrSize: number } {
  if (!previewQr) {
    const { dataUrl, size } = qrImage('MUESTRA SIN VALIDEZ', undefined, 3);
    previewQr = { qr: dataUrl, qrSize: size };
  }
  return previewQr;
}

/**
 * Refuses (at start) a PUBLIC_BASE_URL too long for the card's QR to keep modules of at least
 * `QR_MODULE_MM` on the card: checked with the configured key id and a 10-digit folio number.
 */
export function assertQrFitsCard(publicBaseUrl: string, keyId: string): void {
  const digits = '9'.repeat(1 + 2 * keyId.length + 11 + 2 + 10 + 155);
  const { size } = qrImage(urlSegments(compactVerificationBase(publicBaseUrl), digits));
  if (!qrFitsBox(size)) {
    throw new Error(
      `PUBLIC_BASE_URL (${publicBaseUrl}) es demasiado largo para el código QR de la credencial: con módulos de ${QR_MODULE_MM.toFixed(3)} mm ` +
        `(lo mínimo para que se lea impreso y enmicado) el código no cabe en la credencial. Use una dirección más corta (hasta unos 60 caracteres).`,
    );
  }
}
