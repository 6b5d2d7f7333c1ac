import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfRenderer } from '../../../src/rendering/pdf-renderer';

describe(PdfRenderer.name, () => {
  const sut = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pages: 2 });
  const dir = mkdtempSync(join(tmpdir(), 'sej-pdf-'));
  afterAll(async () => {
    await sut.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders HTML with accents and Ñ to a PDF that poppler reads back', async () => {
    const pdf = await sut.renderPdf('<!doctype html><meta charset="utf-8"><body><p>Peña Núñez — Ciénega</p></body>');
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1/);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('Peña Núñez — Ciénega');
  });

  it('serves concurrent renders from its pool with one browser', async () => {
    const pdfs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => sut.renderPdf(`<!doctype html><meta charset="utf-8"><p>doc ${n}</p>`)),
    );
    pdfs.forEach((pdf, i) => {
      const file = join(dir, `c${i}.pdf`);
      writeFileSync(file, pdf);
      expect(execFileSync('pdftotext', [file, '-']).toString()).toContain(`doc ${i + 1}`);
    });
  });

  it('blocks requests that would leave the machine', async () => {
    const pdf = await sut.renderPdf(
      '<!doctype html><meta charset="utf-8"><img src="http://192.0.2.1/x.png" alt="externa"><p>sin red</p>',
    );
    const file = join(dir, 'net.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('sin red');
  });
});
