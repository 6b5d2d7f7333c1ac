import { CardArtwork } from './artwork';
import { QR_QUIET_ZONE } from './qr-image';
import { SheetLayout, SlotPosition } from './sheet-layout';

/** What one printed card shows (R2). No grade, no group. */
export interface CardView {
  folio: string;
  studentName: string;
  /** Key into `DocumentView.photos` (the photo's hash): identical photos are embedded once. */
  photoKey: string;
  schoolName: string;
  cct: string;
  turno: string;
  nivel: string;
  address: string;
  phone: string;
  /** The QR code image, a data: URL (one pixel per module, quiet zone included). */
  qr: string;
  /** Modules per side of the QR code, quiet zone excluded. */
  qrSize: number;
}

/** One slot of a planilla: a card, or a blank whose folio was voided (R7). */
export type SlotView = { card: CardView } | { voidedFolio: string } | { empty: true };

export type ResolvedLayout = SheetLayout & { slots: SlotPosition[] };

/** A photo to embed: its JPEG or PNG bytes and pixel size (to cover the frame without cropping the image itself). */
export interface PhotoAsset {
  data: Buffer;
  ext: 'jpg' | 'png';
  width: number;
  height: number;
}

/**
 * The print file: the HTML and, beside it, one file per distinct photo that the HTML references by
 * a relative name (`p0.jpg`, …). Photos travel as files, not as data: URLs inside the HTML: the
 * document handed to Chromium then stays small and Chromium reads each image from disk (measured in
 * docs/BENCHMARKS.md).
 */
export interface CardDocument {
  html: string;
  files: Map<string, Buffer>;
}

export interface DocumentView {
  planillas: SlotView[][];
  photos: Map<string, PhotoAsset>;
  /** The static part of every card (header, logos, signature, captions), rasterised once: a data: URL. */
  cardBackground: string;
  layout: ResolvedLayout;
  /** R9 decision: a preview is watermarked and carries no folio. */
  preview: boolean;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that reaches the HTML goes through here. */
export function escapeHtml(value: string): string {
  return String(value).replace(/[&<>"']/g, (c) => ESC[c]);
}

/** A CSS url() that cannot break out of its declaration: only base64 data: URLs are accepted. */
function cssUrl(url: string): string {
  if (!/^data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]*$/.test(url)) throw new Error('Only base64 data: URLs may be embedded');
  return `url("${url}")`;
}

function r(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Card size in CSS pixels (96 per inch), for rasterising the background. */
export function cardSizePx(layout: SheetLayout): { widthPx: number; heightPx: number } {
  return { widthPx: (layout.cardWidthMm / 25.4) * 96, heightPx: (layout.cardHeightMm / 25.4) * 96 };
}

const FONT = `font-family:'DejaVu Sans'`;

/** A rectangle on the card, in mm from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where everything sits on a CR80 card (85.6 × 54 mm). Boxes never overlap, except the header's logos
 * and title (inside the header) and the photo (inside its frame): test/unit/production/card-html.spec.ts.
 *
 * The QR box holds the code with its 4-module quiet zone, so nothing is printed within 4 modules of
 * the code: a version 6 code (41 modules; the compact payload with a base URL of up to ~42
 * characters) takes 24.9 mm of it, a version 7 code (45 modules) 26.9 mm (`QR_MODULE_MM`).
 */
export const CARD_BOXES = {
  header: { x: 0, y: 0, w: 85.6, h: 9 },
  logoSe: { x: 1.2, y: 1, w: 15, h: 7 },
  logoJalisco: { x: 69.4, y: 1, w: 15, h: 7 },
  title: { x: 17, y: 1.4, w: 51.6, h: 6.4 },
  photoFrame: { x: 2.3, y: 10.6, w: 20.4, h: 25.4 },
  photo: { x: 2.5, y: 10.8, w: 20, h: 25 },
  validity: { x: 1.5, y: 36.6, w: 22, h: 3 },
  name: { x: 24.5, y: 10.6, w: 33.6, h: 7.4 },
  school: { x: 24.5, y: 18.4, w: 33.6, h: 5.2 },
  ids: { x: 24.5, y: 24, w: 33.6, h: 2.6 },
  address: { x: 24.5, y: 27, w: 33.6, h: 4.6 },
  phone: { x: 24.5, y: 31.9, w: 33.6, h: 2.4 },
  qr: { x: 58.5, y: 9.2, w: 27.1, h: 27.1 },
  qrCaption: { x: 58.5, y: 36.5, w: 27.1, h: 1.8 },
  hologram: { x: 36, y: 35, w: 16.4, h: 9.6 },
  signature: { x: 3, y: 42.2, w: 24, h: 7.2 },
  signatureCaption: { x: 1.5, y: 49.6, w: 27, h: 2.2 },
  folioLabel: { x: 29, y: 45.2, w: 30, h: 1.6 },
  folio: { x: 29, y: 47, w: 30, h: 3 },
  logoBienestar: { x: 60, y: 44.2, w: 24, h: 8 },
} as const satisfies Record<string, Box>;

/** A pixel at 150 dpi: 2, 4 and 8 device pixels at 300, 600 and 1200 dpi. */
const DOT_MM = 25.4 / 150;
/**
 * The printed QR module: 3 dots at 150 dpi (0.508 mm, ≥ 0.5 mm as issue 11 asks). Modules are whole
 * dots and the code is placed on the page's dot grid (`qrPlacement`), so a printer or a rasteriser at
 * 150, 300, 600 or 1200 dpi draws every module edge on a pixel edge: no grey, eroded modules.
 */
export const QR_MODULE_MM = 3 * DOT_MM;

/** The side of the QR image (code and quiet zone) for a code of `size` modules. */
export function qrSideMm(size: number): number {
  return (size + 2 * QR_QUIET_ZONE) * QR_MODULE_MM;
}

/** The largest code the card's QR box holds on the dot grid (version 7). */
export function qrFitsBox(size: number): boolean {
  return qrSideMm(size) + DOT_MM <= Math.min(CARD_BOXES.qr.w, CARD_BOXES.qr.h) + 1e-9;
}

/**
 * Where the QR image goes in a card at `pos` on the page: in the QR box, right-aligned, top-aligned,
 * its corner on the page's 150-dpi grid (so it may sit up to one dot inside the box).
 */
export function qrPlacement(pos: SlotPosition, size: number): Box {
  const side = qrSideMm(size);
  const box = CARD_BOXES.qr;
  const x = Math.floor((pos.xMm + box.x + box.w - side) / DOT_MM) * DOT_MM - pos.xMm;
  const y = Math.ceil((pos.yMm + box.y) / DOT_MM - 1e-9) * DOT_MM - pos.yMm;
  return { x, y, w: side, h: side };
}

function at(b: Box): string {
  return `left:${b.x}mm;top:${b.y}mm;width:${b.w}mm;height:${b.h}mm`;
}

const CSS_PX_PER_MM = 96 / 25.4;

/**
 * The QR image at one CSS pixel per module, scaled and moved from the page's corner by a transform:
 * Chromium snaps boxes to whole CSS pixels (1/96 in, off the 150-dpi grid; a card at 19.35 mm moves
 * by 0.035 mm) but writes a transform exactly into the PDF.
 */
function qrStyle(pos: SlotPosition, size: number): string {
  const placed = qrPlacement(pos, size);
  const x = pos.xMm + placed.x;
  const y = pos.yMm + placed.y;
  const n = size + 2 * QR_QUIET_ZONE;
  const f = (v: number) => Number(v.toFixed(5));
  return `width:${n}px;height:${n}px;transform:matrix(${f(QR_MODULE_MM * CSS_PX_PER_MM)},0,0,${f(QR_MODULE_MM * CSS_PX_PER_MM)},${f(x * CSS_PX_PER_MM)},${f(y * CSS_PX_PER_MM)})`;
}

/**
 * The static layer of a card (R2: SE logo, Jalisco logo, Bienestar logo, the Secretary's signature,
 * hologram area, captions), as a document of exactly one card. Rasterised once per process at print
 * resolution, then reused by every card of every PDF as a single embedded image.
 */
export function cardBackgroundHtml(artwork: CardArtwork, layout: SheetLayout): string {
  const B = CARD_BOXES;
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
*{box-sizing:border-box;margin:0;padding:0}
html,body{${FONT};color:#111;background:#fff;width:${layout.cardWidthMm}mm;height:${layout.cardHeightMm}mm;overflow:hidden}
body>*{position:absolute}
.hd{${at(B.header)};background:#1f3a5f}
.img{background-repeat:no-repeat;background-position:center;background-size:contain}
.lse{${at(B.logoSe)};background-color:#fff;border-radius:1mm;background-image:${cssUrl(artwork.logoSe)}}
.lja{${at(B.logoJalisco)};background-color:#fff;border-radius:1mm;background-image:${cssUrl(artwork.logoJalisco)}}
.tt{${at(B.title)};text-align:center;color:#fff;font-size:5.6pt;font-weight:bold;line-height:1.2}
.tt span{display:block;font-size:4.3pt;font-weight:normal}
.pf{${at(B.photoFrame)};border:0.2mm solid #777;background:#eee}
.vg{${at(B.validity)};font-size:3.5pt;line-height:1.2;text-align:center;color:#444}
.qc{${at(B.qrCaption)};font-size:3.4pt;line-height:${B.qrCaption.h}mm;text-align:center;color:#444}
.hl{${at(B.hologram)};border:0.25mm dashed #999;border-radius:1.5mm;font-size:3.4pt;color:#999;text-align:center;padding-top:3.2mm;line-height:1.2}
.sg{${at(B.signature)};background-image:${cssUrl(artwork.firma)}}
.sgc{${at(B.signatureCaption)};font-size:3.5pt;text-align:center;border-top:0.15mm solid #444;padding-top:0.4mm}
.fl{${at(B.folioLabel)};text-align:center;font-size:3.8pt;line-height:${B.folioLabel.h}mm;color:#444}
.lbi{${at(B.logoBienestar)};background-image:${cssUrl(artwork.logoBienestar)}}
</style></head><body><div class="hd"></div><i class="img lse"></i><div class="tt">SECRETARÍA DE EDUCACIÓN JALISCO<span>Credencial de alumno · Educación básica</span></div><i class="img lja"></i><div class="pf"></div><div class="vg">Válida con el holograma del ciclo escolar vigente</div><div class="qc">Verifique esta credencial</div><div class="hl">HOLOGRAMA<br>DEL CICLO</div><i class="img sg"></i><div class="sgc">Secretario de Educación</div><div class="fl">FOLIO</div><i class="img lbi"></i></body></html>`;
}

function cropMarksSvg(layout: ResolvedLayout): string {
  const { cardWidthMm: w, cardHeightMm: h, cropMarkLengthMm: len, cropMarkOffsetMm: off } = layout;
  let d = '';
  for (const { xMm: x, yMm: y } of layout.slots) {
    for (const [cx, cy, sx, sy] of [
      [x, y, -1, -1],
      [x + w, y, 1, -1],
      [x, y + h, -1, 1],
      [x + w, y + h, 1, 1],
    ]) {
      d += `M${r(cx + sx * off)} ${r(cy)}h${r(sx * len)}M${r(cx)} ${r(cy + sy * off)}v${r(sy * len)}`;
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.pageWidthMm}mm" height="${layout.pageHeightMm}mm" viewBox="0 0 ${layout.pageWidthMm} ${layout.pageHeightMm}"><path d="${d}" stroke="#000" stroke-width="0.15" fill="none"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Page size for Chromium, in inches (mm would be rounded to whole pixels: 612.96 pt instead of 612). */
export function pageSizeInches(layout: SheetLayout): { width: string; height: string } {
  return { width: `${r((layout.pageWidthMm / 25.4) * 10000) / 10000}in`, height: `${r((layout.pageHeightMm / 25.4) * 10000) / 10000}in` };
}

function styles(doc: DocumentView, photoFiles: Map<string, string>): string {
  const { layout } = doc;
  const page = pageSizeInches(layout);
  let css = `@page{size:${page.width} ${page.height};margin:0}
*{box-sizing:border-box;margin:0;padding:0}
html,body{${FONT};color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.pg{position:relative;width:${page.width};height:${page.height};overflow:hidden;break-after:page;contain:strict}
.pg:last-child{break-after:auto}
${layout.cropMarks ? `.pg{background:${cssUrl(cropMarksSvg(layout))} no-repeat 0 0/100% 100%}` : ''}
.c{position:absolute;width:${layout.cardWidthMm}mm;height:${layout.cardHeightMm}mm;overflow:hidden;contain:strict}
.k{background:${cssUrl(doc.cardBackground)} no-repeat 0 0/100% 100%}
.c>*{position:absolute}
.ph{${at(PHOTO)};overflow:hidden}
.ph i{position:absolute;background-size:100% 100%;background-repeat:no-repeat}
.fit{overflow:hidden;overflow-wrap:anywhere;line-height:1.15}
.nm{${at(CARD_BOXES.name)};font-size:7.6pt;font-weight:bold}
.sc{${at(CARD_BOXES.school)};font-size:5.8pt;font-weight:bold;color:#1f3a5f}
.id{${at(CARD_BOXES.ids)};font-size:4.8pt;white-space:nowrap}
.ad{${at(CARD_BOXES.address)};font-size:4.6pt}
.tl{${at(CARD_BOXES.phone)};font-size:4.6pt;white-space:nowrap}
.qr{position:absolute;left:0;top:0;transform-origin:0 0;image-rendering:pixelated}
.fo{${at(CARD_BOXES.folio)};text-align:center;font-family:'DejaVu Sans Mono';font-size:7pt;font-weight:bold;line-height:${CARD_BOXES.folio.h}mm}
.v{border:0.3mm dashed #b00;text-align:center;color:#b00}
.v b{left:0;top:17mm;width:100%;font-size:16pt;letter-spacing:1mm}
.v span{left:0;top:29mm;width:100%;font-size:6pt}
.wm{left:-10mm;top:20mm;width:105.6mm;text-align:center;font-size:11pt;font-weight:bold;color:rgba(200,0,0,.6);transform:rotate(-21deg);border:0.6mm solid rgba(200,0,0,.6);padding:1mm 0}
`;
  for (const [key, file] of photoFiles) css += photoCss(photoClass(file), file, doc.photos.get(key)!);
  return css;
}

const PHOTO = CARD_BOXES.photo;

/**
 * The photo fills its frame like `background-size: cover`, but the image is drawn whole at its own
 * aspect ratio and the frame clips it: Chromium then embeds each distinct photo once in the PDF
 * instead of cutting (and re-encoding) a cropped copy for every card — a measured ~30% of print time.
 */
function photoCss(cls: string, file: string, photo: PhotoAsset): string {
  const frame = PHOTO.w / PHOTO.h;
  const ratio = photo.width > 0 && photo.height > 0 ? photo.width / photo.height : frame;
  const w = ratio >= frame ? PHOTO.h * ratio : PHOTO.w;
  const h = ratio >= frame ? PHOTO.h : PHOTO.w / ratio;
  return `.${cls}{left:${r((PHOTO.w - w) / 2)}mm;top:${r((PHOTO.h - h) / 2)}mm;width:${r(w)}mm;height:${r(h)}mm;background-image:url("${file}")}\n`;
}

/** Shrinks texts that overflow their box (long names, schools, addresses): batched reads, then writes. */
const FIT_SCRIPT = `<script>(function(){var a=[].slice.call(document.querySelectorAll('.fit'));for(var k=0;k<8&&a.length;k++){var o=[],i,e;for(i=0;i<a.length;i++){e=a[i];if(e.scrollHeight>e.clientHeight+1||e.scrollWidth>e.clientWidth+1)o.push([e,Math.min(e.clientWidth/e.scrollWidth,e.clientHeight/e.scrollHeight),parseFloat(getComputedStyle(e).fontSize)]);}for(i=0;i<o.length;i++){o[i][0].style.fontSize=(o[i][2]*Math.max(0.6,Math.min(0.94,Math.sqrt(o[i][1]))))+'px';}a=o.map(function(x){return x[0];});}})();</script>`;

/**
 * A card: its layer of texts and photo, then (as siblings on the page, drawn over it) its QR code,
 * placed from the page's corner (see `qrStyle`), and the preview's watermark.
 */
function cardHtml(card: CardView, pos: SlotPosition, photoClass: string, preview: boolean): string {
  const e = escapeHtml;
  if (!card.qr.startsWith('data:image/png;base64,')) throw new Error('QR must be a PNG data: URL');
  const corner = `left:${pos.xMm}mm;top:${pos.yMm}mm`;
  return `<div class="c k" style="${corner}"><div class="ph"><i class="${photoClass}"></i></div><div class="nm fit">${e(card.studentName)}</div><div class="sc fit">${e(card.schoolName)}</div><div class="id fit">CCT ${e(card.cct)} · ${e(card.turno)} · ${e(card.nivel)}</div><div class="ad fit">${e(card.address)}</div><div class="tl fit">Tel. ${e(card.phone)}</div><div class="fo">${e(card.folio)}</div></div><img class="qr" alt="" style="${qrStyle(pos, card.qrSize)}" src="${card.qr}">${preview ? `<div class="c" style="${corner}"><div class="wm">MUESTRA — SIN VALIDEZ</div></div>` : ''}`;
}

function voidHtml(folio: string, pos: SlotPosition): string {
  return `<div class="c v" style="left:${pos.xMm}mm;top:${pos.yMm}mm"><b>CANCELADO</b><span>Folio ${escapeHtml(folio)} anulado: espacio sin credencial (R7)</span></div>`;
}

/** `p3.jpg` → `p3`: the CSS class of the cards that show that photo. */
function photoClass(file: string): string {
  return file.slice(0, file.indexOf('.'));
}

/** The whole print file: one page per planilla, every repeated image embedded once. */
export function buildDocument(doc: DocumentView): CardDocument {
  const photoFiles = new Map<string, string>();
  const files = new Map<string, Buffer>();
  for (const planilla of doc.planillas) {
    for (const slot of planilla) {
      if ('card' in slot && !photoFiles.has(slot.card.photoKey)) {
        const photo = doc.photos.get(slot.card.photoKey);
        if (!photo) throw new Error(`Missing photo ${slot.card.photoKey}`);
        const file = `p${photoFiles.size}.${photo.ext}`;
        photoFiles.set(slot.card.photoKey, file);
        files.set(file, photo.data);
      }
    }
  }
  const parts: string[] = [
    `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${doc.preview ? 'Muestra' : 'Planillas'}</title><style>${styles(doc, photoFiles)}</style></head><body>`,
  ];
  for (const planilla of doc.planillas) {
    parts.push('<div class="pg">');
    planilla.forEach((slot, i) => {
      const pos = doc.layout.slots[i];
      if ('card' in slot) parts.push(cardHtml(slot.card, pos, photoClass(photoFiles.get(slot.card.photoKey)!), doc.preview));
      else if ('voidedFolio' in slot) parts.push(voidHtml(slot.voidedFolio, pos));
    });
    parts.push('</div>');
  }
  parts.push(FIT_SCRIPT, '</body></html>');
  return { html: parts.join(''), files };
}
