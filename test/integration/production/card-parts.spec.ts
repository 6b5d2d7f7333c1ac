import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadCardArtwork, photoAsset } from '../../../src/production/artwork';
import { PhotoAsset } from '../../../src/production/card-html';
import { CardSheetRenderer } from '../../../src/production/card-renderer';
import { planillaViews, PrintableCard } from '../../../src/production/card-views';
import { formatFolio } from '../../../src/production/folio';
import { signClaims } from '../../../src/production/qr-payload';
import { resolveSheetLayout } from '../../../src/production/sheet-layout';
import { PdfRenderer } from '../../../src/rendering/pdf-renderer';
import { BlobStore } from '../../../src/storage/blob-store';

/** A large run prints in parts on separate pages at once, joined into one PDF (docs/BENCHMARKS.md). */
describe('card sheets printed in parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sej-parts-'));
  const renderer = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pages: 2 });
  const layout = resolveSheetLayout();
  const split = new CardSheetRenderer(renderer, loadCardArtwork(), layout, 300, 1);
  const whole = new CardSheetRenderer(renderer, loadCardArtwork(), layout, 300);
  afterAll(async () => {
    await renderer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tool = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return {
      info: execFileSync('pdfinfo', [file]).toString(),
      text: execFileSync('pdftotext', ['-layout', file, '-']).toString(),
      images: execFileSync('pdfimages', ['-list', file])
        .toString()
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => l.trim().split(/\s+/)),
      qrCodes: (page: number): string[] => {
        const prefix = join(dir, `${name}-p${page}`);
        execFileSync('pdftoppm', ['-r', '150', '-f', String(page), '-l', String(page), '-png', '-singlefile', file, prefix]);
        try {
          return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n').filter(Boolean);
        } catch (err) {
          return ((err as { stdout?: Buffer }).stdout?.toString() ?? '').split('\n').filter(Boolean);
        }
      },
    };
  };

  it('splits planillas into consecutive parts, one per page of the pool, only when each part is large enough', () => {
    const sheets = (n: number) => Array.from({ length: n }, (_, i) => [{ voidedFolio: String(i) }]);
    expect(split.parts(sheets(5)).map((p) => p.map((s) => (s[0] as { voidedFolio: string }).voidedFolio))).toEqual([
      ['0', '1', '2'],
      ['3', '4'],
    ]);
    expect(split.parts(sheets(1))).toHaveLength(1);
    expect(whole.parts(sheets(63))).toHaveLength(1);
    expect(whole.parts(sheets(64)).map((p) => p.length)).toEqual([32, 32]);
    expect(whole.parts(sheets(250)).map((p) => p.length)).toEqual([125, 125]);
  });

  it('keeps pages, page size, order, texts, the JPEG photos as stored and decodable QR codes', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const photos = new Map<string, PhotoAsset>();
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) {
      const jpeg = await sharp({ create: { width: 240, height: 300, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 120 } } })
        .jpeg({ quality: 85 })
        .toBuffer();
      photos.set(BlobStore.hash(jpeg), photoAsset(jpeg));
      keys.push(BlobStore.hash(jpeg));
    }
    const cards: PrintableCard[] = Array.from({ length: 20 }, (_, i) => ({
      planilla: Math.floor(i / 8),
      slot: i % 8,
      folio: formatFolio('2026-2027', 500 + i),
      student:
        i === 19
          ? null
          : {
              name: `Alumna Número ${i}`,
              photoHash: keys[i],
              schoolName: 'Escuela Primaria "Niños Héroes"',
              cct: '14EPR0001A',
              turno: 'MATUTINO',
              nivel: 'PRIMARIA',
              address: 'Av. Juárez 1, Guadalajara',
              phone: '33 3000 0000',
              qrPayload: signClaims({ keyId: 'K1', folioNumber: 500 + i, cct: '14EPR0001A', turno: 'MATUTINO', cycleCode: '2026-2027' }, privateKey),
            },
    }));
    const views = planillaViews(cards, 'http://localhost:3000');
    expect(split.parts(views)).toHaveLength(2);

    const [a, b] = await Promise.all([split.render(views, photos, false), whole.render(views, photos, false)]);
    const parts = tool(a, 'parts');
    const one = tool(b, 'whole');
    expect(parts.info).toMatch(/Pages:\s+3\b/);
    expect(parts.info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(parts.text.replace(/\s+/g, ' ')).toBe(one.text.replace(/\s+/g, ' '));
    expect(parts.text).toContain('CANCELADO');
    const folios = cards.map((c) => c.folio);
    const at = folios.map((f) => parts.text.indexOf(f));
    expect(at.every((x) => x >= 0)).toBe(true);
    // Each photo once, passed through as the stored 240 × 300 JPEG.
    const jpegs = parts.images.filter((row) => row[8] === 'jpeg');
    expect(jpegs).toHaveLength(19);
    expect(jpegs.every((row) => row[3] === '240' && row[4] === '300')).toBe(true);
    expect(one.images.filter((row) => row[8] === 'jpeg')).toHaveLength(19);
    // The second part's first page: 8 codes decode at 150 dpi.
    expect(parts.qrCodes(2)).toHaveLength(8);
    expect(parts.qrCodes(3)).toHaveLength(3);
  });
});
