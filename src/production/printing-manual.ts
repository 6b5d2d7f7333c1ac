import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Injectable } from '@nestjs/common';
import { PdfRendererService } from '../rendering/rendering.module';

/** docs/manual-impresion.md, from sources (src/production) or from dist (dist/src/production). */
export function manualPath(): string {
  for (const candidate of [path.resolve(__dirname, '../../docs'), path.resolve(__dirname, '../../../docs')]) {
    const file = path.join(candidate, 'manual-impresion.md');
    if (existsSync(file)) return file;
  }
  return path.resolve(process.cwd(), 'docs', 'manual-impresion.md');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) => escape(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

/**
 * The Markdown the manual is written in, to HTML: headings (#, ##, ###), paragraphs, bulleted and
 * numbered lists (continuation lines indented), bold. Everything else is text, escaped.
 */
export function manualHtml(markdown: string): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  let item: string[] | null = null;
  let paragraph: string[] = [];
  const flushItem = () => {
    if (item) out.push(`<li>${inline(item.join(' '))}</li>`);
    item = null;
  };
  const flushList = () => {
    flushItem();
    if (list) out.push(`</${list}>`);
    list = null;
  };
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    const bullet = /^[-*] (.+)$/.exec(line);
    const numbered = /^\d+\. (.+)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const kind = bullet ? 'ul' : 'ol';
      if (list !== kind) {
        flushList();
        out.push(`<${kind}>`);
        list = kind;
      }
      flushItem();
      item = [(bullet ?? numbered)![1]];
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (item && /^\s+/.test(raw)) {
      item.push(line.trim());
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return out.join('\n');
}

const PAGE_STYLE = `
  @page { size: Letter; margin: 18mm 16mm; }
  body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
  h1 { font-size: 17pt; margin: 0 0 8pt; color: #5b1a34; }
  h2 { font-size: 12.5pt; margin: 14pt 0 4pt; color: #5b1a34; break-after: avoid; }
  h3 { font-size: 11pt; margin: 10pt 0 3pt; }
  p, li { margin: 3pt 0; }
  ul, ol { margin: 3pt 0 3pt 16pt; padding: 0; }
  li { break-inside: avoid; }`;

/** The printing and lamination manual (lineamientos: "podrá ser descargado dentro del sistema"), rendered once per process. */
@Injectable()
export class PrintingManualService {
  private rendered: Promise<Buffer> | null = null;

  constructor(private readonly renderer: PdfRendererService) {}

  pdf(): Promise<Buffer> {
    this.rendered ??= this.render().catch((err: unknown) => {
      this.rendered = null;
      throw err;
    });
    return this.rendered;
  }

  private render(): Promise<Buffer> {
    const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Manual de impresión y enmicado</title><style>${PAGE_STYLE}</style></head><body>${manualHtml(readFileSync(manualPath(), 'utf8'))}</body></html>`;
    return this.renderer.renderPdf(html, { format: 'Letter', printBackground: true, displayHeaderFooter: false });
  }
}
