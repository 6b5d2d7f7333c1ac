import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { placeholderPhoto } from '../../../src/catalog/demo/placeholder-photo';
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

  it("reads a document's own files beside it, nothing else on disk, and removes them when done", async () => {
    const profiles = join(dir, 'profiles');
    const withProfile = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pages: 1, profileRoot: profiles });
    const outside = join(dir, 'outside.png');
    writeFileSync(outside, placeholderPhoto(1));
    const mark = (text: string) => `document.getElementById('r').textContent+=' ${text}'`;
    try {
      const pdf = await withProfile.renderPdf(
        `<!doctype html><meta charset="utf-8"><p id="r">resultado:</p>` +
          `<img src="p0.png" onload="${mark('propia-cargada')}" onerror="${mark('propia-fallida')}">` +
          `<img src="${pathToFileURL(outside).href}" onload="${mark('ajena-cargada')}" onerror="${mark('ajena-bloqueada')}">`,
        { format: 'Letter', printBackground: true },
        new Map([['p0.png', placeholderPhoto(0)]]),
      );
      const file = join(dir, 'files.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-']).toString();
      expect(text).toContain('propia-cargada');
      expect(text).toContain('ajena-bloqueada');
      expect(text).not.toMatch(/propia-fallida|ajena-cargada/);
      const [profile] = readdirSync(profiles);
      expect(readdirSync(join(profiles, profile, 'documents'))).toEqual([]);
      await expect(withProfile.renderPdf('<p>x</p>', undefined, new Map([['../fuera.png', placeholderPhoto(0)]]))).rejects.toThrow(/Invalid document file name/);
    } finally {
      await withProfile.close();
    }
  });
});
