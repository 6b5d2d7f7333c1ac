import type { AcuseKind, AcuseLine } from './vocabulary';

export interface AcuseDocument {
  folio: string;
  kind: AcuseKind;
  issuedOn: string;
  fromName: string;
  toName: string;
  lines: AcuseLine[];
  cardFolios?: string[];
  cardCount?: number;
  reference?: string;
  qrDataUrl: string;
}

const TITLES: Record<AcuseKind, string> = {
  MATERIAL_ESCUELA: 'Acuse de recibido de material para credencialización',
  ENVIO_DRSE: 'Acuse de recibido de envío de abastecimiento',
  CREDENCIALES: 'Acuse de recibido de credenciales escolares',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} de ${MONTHS[m - 1]} de ${y}`;
}

const cardCount = (doc: AcuseDocument): number => doc.cardCount ?? doc.cardFolios?.length ?? 0;

/**
 * What a credentials acuse delivers, counted per kind: the cards (their folios follow) and the
 * holograms of the cycle — one placed on each card, the rest for students who already hold a card.
 */
function credentialSummary(doc: AcuseDocument, cards: number): string {
  const e = escapeHtml;
  const rows = [`<tr><td>Credenciales</td><td>${cards} (sus folios se listan abajo)</td></tr>`];
  for (const l of doc.lines) {
    rows.push(`<tr><td>${e(l.description)}</td><td>${e(l.quantityText)}</td></tr>`);
    const loose = l.quantity - cards;
    if (doc.lines.length === 1 && loose >= 0) {
      rows.push(`<tr><td class="sub">colocados en las credenciales</td><td>${cards}</td></tr>`, `<tr><td class="sub">para alumnos que ya tienen credencial</td><td>${loose}</td></tr>`);
    }
  }
  return `<h2>Resumen de lo entregado</h2>
         <table class="summary"><thead><tr><th>Concepto</th><th>Cantidad</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A shipment's acuse with a shortfall or a note: per item what was shipped, what arrived and what is missing (faltante), with the note. */
function shipmentTable(doc: AcuseDocument): string {
  const e = escapeHtml;
  const short = doc.lines.filter((l) => (l.missing ?? 0) > 0);
  return `<table><thead><tr><th>Artículo</th><th>Enviado</th><th>Recibido</th><th>Faltante</th><th>Observaciones</th></tr></thead><tbody>
         ${doc.lines
           .map((l) => `<tr><td>${e(l.description)}</td><td>${e(l.shippedText ?? '')}</td><td>${e(l.quantityText)}</td><td>${l.missing ? e(l.missingText ?? '') : '—'}</td><td>${e(l.note ?? '')}</td></tr>`)
           .join('')}
         </tbody></table>
         <p>${
           short.length
             ? `Se recibió incompleto: faltó ${short.map((l) => `${e(l.description)}: ${e(l.missingText ?? '')}`).join('; ')}. El faltante se da de baja en el almacén que envió y vuelve a lo pendiente del ticket.`
             : 'Se recibió completo lo enviado.'
         }</p>`;
}

/** Self-contained HTML (QR inlined as a data: URL) for the shared PdfRenderer. */
export function renderAcuseHtml(doc: AcuseDocument): string {
  const e = escapeHtml;
  const body =
    doc.kind === 'CREDENCIALES'
      ? `${credentialSummary(doc, cardCount(doc))}
         <p class="count">Credenciales entregadas: <strong>${cardCount(doc)}</strong></p>
         <table><thead><tr><th>#</th><th>Folio de credencial</th></tr></thead><tbody>
         ${(doc.cardFolios ?? []).map((f, i) => `<tr><td>${i + 1}</td><td>${e(f)}</td></tr>`).join('')}
         </tbody></table>`
      : doc.kind === 'ENVIO_DRSE' && doc.lines.some((l) => (l.missing ?? 0) > 0 || l.note)
        ? shipmentTable(doc)
      : `<table><thead><tr><th>Artículo</th><th>Cantidad</th></tr></thead><tbody>
         ${doc.lines.map((l) => `<tr><td>${e(l.description)}</td><td>${e(l.quantityText)}</td></tr>`).join('')}
         </tbody></table>`;
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${e(doc.folio)}</title>
<style>
  @page { size: Letter; margin: 18mm 16mm; }
  body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #111; }
  header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #333; padding-bottom: 6px; }
  h1 { font-size: 14pt; margin: 0 0 4px; }
  h2 { font-size: 11pt; margin: 10px 0 0; }
  .summary td:first-child { white-space: nowrap; width: 1%; }
  .summary td.sub { padding-left: 8mm; }
  .org { font-size: 9pt; color: #444; }
  .folio { font-size: 12pt; font-weight: bold; }
  .qr img { width: 30mm; height: 30mm; }
  dl { display: grid; grid-template-columns: 32mm 1fr; gap: 3px 8px; margin: 10px 0; }
  dt { font-weight: bold; }
  table { width: 100%; border-collapse: collapse; margin-top: 8px; }
  th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; }
  th { background: #eee; }
  .signatures { display: flex; gap: 12mm; margin-top: 22mm; }
  .sign { flex: 1; border-top: 1px solid #333; padding-top: 4px; text-align: center; font-size: 9pt; }
  .seal { width: 40mm; height: 40mm; border: 1px dashed #777; margin-top: 8mm; font-size: 8pt; color: #666; text-align: center; padding-top: 16mm; box-sizing: border-box; }
</style></head><body>
<header>
  <div>
    <div class="org">Gobierno del Estado de Jalisco · Secretaría de Educación</div>
    <h1>${e(TITLES[doc.kind])}</h1>
    <div class="folio">Folio: ${e(doc.folio)}</div>
  </div>
  <div class="qr"><img src="${doc.qrDataUrl}" alt="QR del folio ${e(doc.folio)}"></div>
</header>
<dl>
  <dt>Fecha</dt><dd>${e(longDate(doc.issuedOn))}</dd>
  <dt>Entrega</dt><dd>${e(doc.fromName)}</dd>
  <dt>Recibe</dt><dd>${e(doc.toName)}</dd>
  ${doc.reference ? `<dt>Referencia</dt><dd>${e(doc.reference)}</dd>` : ''}
</dl>
${body}
<div class="signatures">
  <div class="sign">Entregó<br>Nombre, cargo y firma</div>
  <div class="sign">Recibió<br>Nombre, cargo y firma</div>
</div>
<div class="seal">Sello de quien recibe</div>
</body></html>`;
}
