import { buildDocumentHtml, escapeHtml, PhotoAsset, SlotView } from '../../../src/production/card-html';
import { resolveSheetLayout } from '../../../src/production/sheet-layout';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function doc(name: string, preview = false) {
  const card: SlotView = {
    card: { folio: '2627-0000001-8', studentName: name, photoKey: 'h', schoolName: 'Escuela "A" & B', cct: '14EPR0001A', turno: 'MATUTINO', nivel: 'PRIMARIA', address: 'Calle <1>', phone: '33', qr: PNG },
  };
  const photos = new Map<string, PhotoAsset>([['h', { dataUrl: PNG, width: 240, height: 320 }]]);
  return buildDocumentHtml({ planillas: [[card, card, { voidedFolio: '2627-0000002-6' }]], photos, cardBackground: PNG, layout: resolveSheetLayout(), preview });
}

describe(buildDocumentHtml.name, () => {
  it('escapes every text: a name that is markup stays text', () => {
    const html = doc('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Escuela &quot;A&quot; &amp; B');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('embeds each photo once however many cards use it, and references the DejaVu font explicitly', () => {
    const html = doc('Ana');
    expect(html.split(PNG.slice(5, 40)).length - 1).toBe(2 + 1 + 1); // two QR images, one photo rule, one background rule
    expect(html).toContain("font-family:'DejaVu Sans'");
    expect(html).toContain('CANCELADO');
  });

  it('prints no grade or group, and watermarks only previews', () => {
    expect(doc('Ana')).not.toMatch(/grado|grupo/i);
    expect(doc('Ana')).not.toContain('MUESTRA — SIN VALIDEZ</div>');
    expect(doc('Ana', true).match(/MUESTRA — SIN VALIDEZ<\/div>/g)).toHaveLength(2);
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
