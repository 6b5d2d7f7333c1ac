import puppeteer, { Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../../src/rendering/pdf-renderer';
import { buildDocument, PhotoAsset, SlotView } from '../../../src/production/card-html';
import { resolveSheetLayout } from '../../../src/production/sheet-layout';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('card text fitting (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => browser?.close());

  it('shrinks long names until they fit their box, and leaves short ones at full size', async () => {
    const long = 'María Guadalupe Esperanza de los Ángeles Hernández de la Torre y Castañeda Fernández de Córdoba Sánchez-Villaseñor';
    const slot = (name: string): SlotView => ({
      card: { folio: '2627-0000001-8', studentName: name, photoKey: 'h', schoolName: 'Escuela', cct: '14EPR0001A', turno: 'MATUTINO', nivel: 'PRIMARIA', address: 'Calle 1', phone: '33', qr: PNG, qrSize: 41 },
    });
    const photos = new Map<string, PhotoAsset>([['h', { data: Buffer.from(PNG.slice(22), 'base64'), ext: 'png', width: 1, height: 1 }]]);
    const { html } = buildDocument({ planillas: [[slot('Ana Peña'), slot(long)]], photos, cardBackground: PNG, layout: resolveSheetLayout(), preview: false });
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const boxes = await page.$$eval('.nm', (els) =>
      els.map((e) => ({ fits: e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1, size: parseFloat(getComputedStyle(e).fontSize), text: e.textContent })),
    );
    expect(boxes.map((b) => b.fits)).toEqual([true, true]);
    expect(boxes[1].size).toBeLessThan(boxes[0].size * 0.8);
    expect(boxes[1].text).toBe(long);
    await page.close();
  });
});
