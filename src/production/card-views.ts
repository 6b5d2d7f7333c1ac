import { CardView, SlotView } from './card-html';
import { qrImage, urlSegments } from './qr-image';
import { VERIFICATION_PATH } from './qr-payload';

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
    qrPayload: string;
  };
}

export function verificationBase(publicBaseUrl: string): string {
  return publicBaseUrl.replace(/\/+$/, '') + VERIFICATION_PATH;
}

/** Stored cards → planillas of slot views (QR codes built here, from the stored signed payload). */
export function planillaViews(cards: readonly PrintableCard[], publicBaseUrl: string, slotsPerPlanilla = 8): SlotView[][] {
  const base = verificationBase(publicBaseUrl);
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
      qr: qrImage(urlSegments(base, s.qrPayload)).dataUrl,
    };
    sheet[c.slot] = { card };
  }
  return planillas.map((p) => p ?? Array.from({ length: slotsPerPlanilla }, () => ({ empty: true }) as SlotView));
}

let previewQr: string | undefined;
/** The preview's QR says what it is and points nowhere. */
export function previewQrImage(): string {
  return (previewQr ??= qrImage('MUESTRA SIN VALIDEZ', undefined).dataUrl);
}
