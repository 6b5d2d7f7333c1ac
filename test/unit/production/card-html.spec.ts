import { buildDocument, Box, CARD_BOXES, CardView, escapeHtml, PhotoAsset, qrFitsBox, QR_MODULE_MM, qrPlacement, qrSideMm, SlotView } from '../../../src/production/card-html';
import { assertQrFitsCard, cardQr } from '../../../src/production/card-views';
import { compactVerificationBase } from '../../../src/production/qr-payload';
import { CR80 } from '../../../src/production/sheet-layout';
import { resolveSheetLayout } from '../../../src/production/sheet-layout';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const PHOTO_BYTES = Buffer.from('89504e470d0a1a0a', 'hex');

function document(name: string, preview = false) {
  const card: SlotView = {
    card: { folio: '2627-0000001-8', studentName: name, photoKey: 'h', schoolName: 'Escuela "A" & B', cct: '14EPR0001A', turno: 'MATUTINO', nivel: 'PRIMARIA', address: 'Calle <1>', phone: '33', qr: PNG, qrSize: 41 },
  };
  const other: SlotView = { card: { ...(card as { card: CardView }).card, photoKey: 'j' } };
  const photos = new Map<string, PhotoAsset>([
    ['h', { data: PHOTO_BYTES, ext: 'png', width: 240, height: 320 }],
    ['j', { data: Buffer.from('ffd8ffe0', 'hex'), ext: 'jpg', width: 240, height: 300 }],
    ['unused', { data: Buffer.from('ffd8ffe1', 'hex'), ext: 'jpg', width: 240, height: 300 }],
  ]);
  return buildDocument({ planillas: [[card, card, { voidedFolio: '2627-0000002-6' }, other]], photos, cardBackground: PNG, layout: resolveSheetLayout(), preview });
}

function doc(name: string, preview = false): string {
  return document(name, preview).html;
}

describe(buildDocument.name, () => {
  it('escapes every text: a name that is markup stays text', () => {
    const html = doc('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Escuela &quot;A&quot; &amp; B');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('embeds each photo once however many cards use it, and references the DejaVu font explicitly', () => {
    const html = doc('Ana');
    expect(html.split(PNG.slice(5, 40)).length - 1).toBe(3 + 1); // three QR images, one background rule
    expect(html.match(/url\("p0\.png"\)/g)).toHaveLength(1);
    expect(html.match(/url\("p1\.jpg"\)/g)).toHaveLength(1);
    expect(html.match(/class="p0"/g)).toHaveLength(2);
    expect(html.match(/class="p1"/g)).toHaveLength(1);
    expect(html).toContain("font-family:'DejaVu Sans'");
    expect(html).toContain('CANCELADO');
  });

  it('hands each distinct photo used as one file beside the HTML, named as the HTML references it', () => {
    const { files } = document('Ana');
    expect([...files.keys()]).toEqual(['p0.png', 'p1.jpg']);
    expect(files.get('p0.png')).toBe(PHOTO_BYTES);
  });

  it('prints no grade or group, and watermarks only previews', () => {
    expect(doc('Ana')).not.toMatch(/grado|grupo/i);
    expect(doc('Ana')).not.toContain('MUESTRA — SIN VALIDEZ</div>');
    expect(doc('Ana', true).match(/MUESTRA — SIN VALIDEZ<\/div>/g)).toHaveLength(3);
  });
});

describe('card layout (issue 11: a QR that scans, a caption that is not clipped)', () => {
  const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;
  const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w + 1e-9 && a.y + a.h <= b.y + b.h + 1e-9;
  const nested: Record<string, string> = { logoSe: 'header', logoJalisco: 'header', title: 'header', photo: 'photoFrame' };

  it('puts every element on the card and no two where they would cover each other', () => {
    const entries = Object.entries(CARD_BOXES) as Array<[string, Box]>;
    for (const [name, box] of entries) expect([name, inside(box, { x: 0, y: 0, w: CR80.widthMm, h: CR80.heightMm })]).toEqual([name, true]);
    for (const [child, parent] of Object.entries(nested)) expect(inside(CARD_BOXES[child as keyof typeof CARD_BOXES], CARD_BOXES[parent as keyof typeof CARD_BOXES])).toBe(true);
    const clashes: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [a, b] = [entries[i][0], entries[j][0]];
        if (nested[a] === b || nested[b] === a || (nested[a] && nested[a] === nested[b])) continue;
        if (overlap(entries[i][1], entries[j][1])) clashes.push(`${a}/${b}`);
      }
    }
    expect(clashes).toEqual([]);
    // The caption sits wholly below the QR box (before issue 11 the code's quiet zone covered its top half).
    expect(CARD_BOXES.qrCaption.y).toBeGreaterThanOrEqual(CARD_BOXES.qr.y + CARD_BOXES.qr.h);
  });

  it('prints modules of 3 dots at 150 dpi (≥ 0.5 mm) and fits a version 7 code with its quiet zone, not a version 8', () => {
    expect(QR_MODULE_MM).toBeCloseTo(0.508, 3);
    expect(qrSideMm(41)).toBeCloseTo(49 * 0.508, 3);
    expect(qrFitsBox(41)).toBe(true);
    expect(qrFitsBox(45)).toBe(true);
    expect(qrFitsBox(49)).toBe(false);
  });

  it('places the code inside its box, right-aligned, on the page\'s 150-dpi grid, for every slot of the sheet', () => {
    const dots = (mm: number) => (mm / 25.4) * 150;
    for (const pos of resolveSheetLayout().slots) {
      for (const size of [41, 45]) {
        const p = qrPlacement(pos, size);
        expect(inside(p, CARD_BOXES.qr)).toBe(true);
        expect(CARD_BOXES.qr.x + CARD_BOXES.qr.w - (p.x + p.w)).toBeLessThan(25.4 / 150);
        expect(p.y - CARD_BOXES.qr.y).toBeLessThan(25.4 / 150);
        for (const v of [dots(pos.xMm + p.x), dots(pos.yMm + p.y), dots(p.w)]) expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-6);
      }
    }
  });
});

describe(assertQrFitsCard.name, () => {
  const text = `K1.1234567.14EPR0123XV.2627.${'A'.repeat(103)}`;

  it('a base URL like the SEJ\'s gives a version 6 code; one of ~60 characters still fits; a longer one is refused at start', () => {
    expect(cardQr(compactVerificationBase('https://credenciales.sej.jalisco.gob.mx'), text).qrSize).toBe(41);
    expect(() => assertQrFitsCard('https://credenciales.sej.jalisco.gob.mx', 'K1')).not.toThrow();
    expect(() => assertQrFitsCard(`https://${'c'.repeat(44)}.gob.mx`, 'K1')).not.toThrow();
    expect(() => assertQrFitsCard(`https://${'c'.repeat(70)}.gob.mx`, 'K1')).toThrow(/PUBLIC_BASE_URL .* no cabe en la credencial/);
  });
});

describe(resolveSheetLayout.name, () => {
  it('defaults to Letter with 2 × 4 CR-80 slots centred on the page', () => {
    const sut = resolveSheetLayout();
    expect(sut.slots).toHaveLength(8);
    expect(sut.slots[0].xMm).toBeCloseTo((215.9 - (2 * 85.6 + 6)) / 2, 2);
    expect(sut.slots[7].yMm + 54).toBeLessThanOrEqual(279.4);
  });

  it('refuses layouts that are not 8 slots or do not fit', () => {
    expect(() => resolveSheetLayout({ columns: 3, rows: 3 })).toThrow(expect.objectContaining({ field: 'columns' }));
    expect(() => resolveSheetLayout({ pageWidthMm: 150 })).toThrow(expect.objectContaining({ field: 'pageWidthMm' }));
  });
});
