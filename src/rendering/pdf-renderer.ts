import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { Browser, Page, PDFOptions } from 'puppeteer-core';
import { renderDuration, timed } from '../observability/metrics';
import { heartbeat } from '../temporal/heartbeat';

export interface PdfRendererOptions {
  executablePath: string;
  /**
   * Pages kept open and reused (one render at a time per page), each in a browser context of its own,
   * so each has its own renderer process and a document split in parts prints on several cores.
   */
  pages?: number;
  /**
   * Folder of this data folder's browser profiles: the browser uses `<profileRoot>/<pid>-<n>`, so a
   * sweep (chromium-sweep.ts) can tell a live process's browser from a dead one's.
   */
  profileRoot?: string;
}

/** Flags for headless Chromium on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

let renderers = 0;
const execFileAsync = promisify(execFile);

/**
 * One long-lived Chromium per process, with a small pool of reused pages. Every PDF of the system
 * (cards, acuses) goes through here. Safe to share: callers queue for a free page.
 */
export class PdfRenderer {
  private browser?: Promise<Browser>;
  private launched?: Browser;
  private readonly idle: Page[] = [];
  private readonly waiters: Array<(page: Page) => void> = [];
  private created = 0;
  /** Per page, the file: folder its current document may read (its own files, nothing else). */
  private readonly readable = new WeakMap<Page, string>();

  constructor(private readonly options: PdfRendererOptions) {}

  private readonly profileDir = this.options.profileRoot && join(this.options.profileRoot, `${process.pid}-${++renderers}`);

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      this.browser = puppeteer.launch({
        executablePath: this.options.executablePath,
        args: this.profileDir ? [...CHROMIUM_ARGS, `--user-data-dir=${this.profileDir}`] : CHROMIUM_ARGS,
        headless: true,
        // Over a pipe Chromium exits when its parent dies, even by SIGKILL (a WebSocket leaves it running).
        pipe: true,
      });
      this.browser
        .then((b) => {
          this.launched = b;
          b.on('disconnected', () => {
            this.browser = undefined;
            this.idle.length = 0;
            this.created = 0;
          });
        })
        .catch(() => {
          this.browser = undefined;
        });
    }
    return this.browser;
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page && !page.isClosed()) return page;
    if (this.created < (this.options.pages ?? 2)) {
      this.created++;
      try {
        const browser = await this.getBrowser();
        const p = await (await browser.createBrowserContext()).newPage();
        // Documents load only data: URLs and the files written beside them: nothing leaves the machine.
        await p.setRequestInterception(true);
        p.on('request', (req) => {
          const url = req.url();
          const folder = this.readable.get(p);
          if (url.startsWith('data:') || url === 'about:blank' || (folder !== undefined && url.startsWith(folder))) void req.continue();
          else void req.abort();
        });
        return p;
      } catch (err) {
        this.created--;
        throw err;
      }
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(page: Page): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(page);
    else this.idle.push(page);
  }

  /**
   * Renders a complete HTML document to PDF. `pdf.timeout` (ms, 0 = none) also bounds loading.
   * `files` (name → bytes) are written into a private folder beside the document, which references
   * them by those relative names; the folder is removed when the PDF is done.
   */
  async renderPdf(html: string, pdf: PDFOptions = { format: 'Letter', printBackground: true }, files?: ReadonlyMap<string, Buffer>): Promise<Buffer> {
    const page = await this.acquire();
    let folder: string | undefined;
    try {
      return await timed(renderDuration, { kind: 'pdf' }, async () => {
        heartbeat();
        const timeout = pdf.timeout ?? 30_000;
        if (files) {
          folder = await this.documentFolder(html, files);
          this.readable.set(page, `${pathToFileURL(folder).href}/`);
          await page.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load', timeout });
        } else {
          await page.setContent(html, { waitUntil: 'load', timeout });
        }
        heartbeat();
        // Large card runs pass `tagged: false` (tagging makes them ~20× bigger, ~1.6× slower).
        const out = await page.pdf({ printBackground: true, ...pdf });
        heartbeat();
        return Buffer.from(out);
      });
    } finally {
      this.readable.delete(page);
      if (folder) await rm(folder, { recursive: true, force: true });
      this.release(page);
    }
  }

  /** Pages in the pool: how many parts of a document can print at once. */
  get pageCount(): number {
    return this.options.pages ?? 2;
  }

  /**
   * Renders the documents at once on separate pages (renderer processes) and joins their PDFs in that
   * order with poppler's `pdfunite`, which copies pages and images as they are (photos stay the JPEGs
   * Chromium embedded). One document: plain `renderPdf`.
   */
  async renderPdfParts(parts: ReadonlyArray<{ html: string; files?: ReadonlyMap<string, Buffer> }>, pdf?: PDFOptions): Promise<Buffer> {
    if (parts.length === 1) return this.renderPdf(parts[0].html, pdf, parts[0].files);
    const pdfs = await Promise.all(parts.map((part) => this.renderPdf(part.html, pdf, part.files)));
    return timed(renderDuration, { kind: 'join' }, async () => {
      const root = this.profileDir ? join(this.profileDir, 'documents') : tmpdir();
      await mkdir(root, { recursive: true });
      const folder = await mkdtemp(join(root, 'join-'));
      try {
        const names = pdfs.map((_, i) => join(folder, `${i}.pdf`));
        await Promise.all(pdfs.map((data, i) => writeFile(names[i], data)));
        pdfs.length = 0;
        await execFileAsync('pdfunite', [...names, join(folder, 'out.pdf')], { timeout: pdf?.timeout || 300_000 });
        return await readFile(join(folder, 'out.pdf'));
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  }

  /**
   * A new folder (mode 0700) holding the document and its files. It sits in the browser's profile
   * folder when there is one, so the sweep of a dead process's profile (chromium-sweep.ts) also removes
   * the photos of a render it left half-way.
   */
  private async documentFolder(html: string, files: ReadonlyMap<string, Buffer>): Promise<string> {
    for (const name of files.keys()) if (!/^[a-z0-9][a-z0-9_-]*\.(jpg|png)$/.test(name)) throw new Error(`Invalid document file name: ${name}`);
    const root = this.profileDir ? join(this.profileDir, 'documents') : tmpdir();
    await mkdir(root, { recursive: true });
    const folder = await mkdtemp(join(root, 'doc-'));
    await Promise.all([writeFile(join(folder, 'index.html'), html), ...[...files].map(([name, data]) => writeFile(join(folder, name), data))]);
    return folder;
  }

  /**
   * Renders a document to a PNG of `widthPx` × `heightPx` CSS pixels at `scale` device pixels per
   * CSS pixel (e.g. 600 dpi = 6.25). Used to rasterise artwork once and reuse it in many PDFs.
   */
  async renderPng(html: string, size: { widthPx: number; heightPx: number; scale: number }): Promise<Buffer> {
    const page = await this.acquire();
    try {
      return await timed(renderDuration, { kind: 'png' }, async () => {
        heartbeat();
        await page.setViewport({ width: Math.ceil(size.widthPx), height: Math.ceil(size.heightPx), deviceScaleFactor: size.scale });
        await page.setContent(html, { waitUntil: 'load' });
        const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: size.widthPx, height: size.heightPx } });
        return Buffer.from(png);
      });
    } finally {
      await page.setViewport({ width: 800, height: 600 }).catch(() => undefined);
      this.release(page);
    }
  }

  /** The browser's process id, once launched (for memory measurements). */
  browserPid(): number | undefined {
    return this.launched?.process()?.pid;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.idle.length = 0;
    this.created = 0;
    if (browser) await (await browser).close();
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
  }
}
