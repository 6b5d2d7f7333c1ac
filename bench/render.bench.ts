/**
 * `npm run bench:render [-- --cards 2000 --rounds 3 --naive-planillas 12 --pdf out.pdf] [-- --photos phone [--photo-cache DIR]]`
 *
 * `--photos phone` (issue 11): a distinct photo per card, each made from a phone-size original
 * (1500 × 2000 JPEG with EXIF, ~0.5 MB) normalised as an upload is (`normalizePhoto`); the time to
 * normalise them is reported apart. Default: 6 placeholder photos shared by all cards.
 *
 * Renders N credentials (planillas of 8) three ways in one process and prints cards/s and peak memory:
 *  - ours:  the production path (stored cards → QR → HTML → the shared PdfRenderer, one long-lived
 *           Chromium with RENDER_PAGES pages (default 2, as in production), pages reused; a large run
 *           prints as one part per page at once, joined with pdfunite);
 *  - raw parallel (the ceiling): the same, already built part documents (HTML and photo files,
 *           written once) opened at once by as many warm Chromium pages, each in its own browser
 *           context, and joined with pdfunite (no QR/HTML work, no files written);
 *  - raw single page: the whole document on one warm page (the ceiling before parts);
 *  - naive: one browser launch per planilla (measured on a sample of planillas, rate extrapolated).
 * Figures go to docs/BENCHMARKS.md by hand, with the command line.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { placeholderPhoto } from '../src/catalog/demo/placeholder-photo';
import { syntheticPerson } from '../src/catalog/demo/synthetic-people';
import { Prng } from '../src/common/prng';
import { BlobStore } from '../src/storage/blob-store';
import { CHROMIUM_ARGS, PdfRenderer } from '../src/rendering/pdf-renderer';
import { loadCardArtwork, photoAsset } from '../src/production/artwork';
import { CardDocument, PhotoAsset } from '../src/production/card-html';
import { CardSheetRenderer } from '../src/production/card-renderer';
import { planillaViews, PrintableCard } from '../src/production/card-views';
import { formatFolio } from '../src/production/folio';
import { signClaims } from '../src/production/qr-payload';
import { resolveSheetLayout } from '../src/production/sheet-layout';
import { TURNOS } from '../src/catalog/identifiers';
import sharp from 'sharp';
import { normalizePhoto } from '../src/uploads/photo-normalize';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = arg('cards', 2000);
const ROUNDS = arg('rounds', 3);
const NAIVE_PLANILLAS = arg('naive-planillas', 12);
const pdfOut = process.argv.includes('--pdf') ? process.argv[process.argv.indexOf('--pdf') + 1] : undefined;
const PHONE_PHOTOS = process.argv.includes('--photos') && process.argv[process.argv.indexOf('--photos') + 1] === 'phone';
/** `--photo-cache DIR`: keep the normalised phone photos there and reuse them on the next run. */
const PHOTO_CACHE = process.argv.includes('--photo-cache') ? process.argv[process.argv.indexOf('--photo-cache') + 1] : undefined;
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BASE_URL = process.env.PUBLIC_BASE_URL || 'http://localhost:3000';

/** Peak RSS of this Node process and of the Chromium process tree, sampled every 50 ms. */
class MemorySampler {
  nodePeak = 0;
  chromePeak = 0;
  private timer?: NodeJS.Timeout;
  constructor(private readonly rootPid: () => number | undefined) {}
  start(): void {
    this.nodePeak = 0;
    this.chromePeak = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
  }
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
  private sample(): void {
    this.nodePeak = Math.max(this.nodePeak, process.memoryUsage().rss);
    const root = this.rootPid();
    if (root) this.chromePeak = Math.max(this.chromePeak, treeRss(root));
  }
}

function treeRss(root: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // process ended
    }
  }
  let total = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p && p !== root) p = parent.get(p);
    if (p !== root) continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/**
 * `n` distinct photo-like originals as a phone sends them (1500 × 2000 JPEG, EXIF block included),
 * each normalised as at upload; only the normalised copies are kept. Originals differ by a texture
 * (one per 25 cards: smoothed noise, so they weigh like photos) and a shape and tint of their own.
 */
async function phonePhotos(n: number): Promise<{ photos: Map<string, PhotoAsset>; keys: string[]; originalBytes: number; normalizedBytes: number; seconds: number }> {
  const W = 1500;
  const H = 2000;
  const photos = new Map<string, PhotoAsset>();
  const keys: string[] = [];
  let originalBytes = 0;
  let normalizedBytes = 0;
  let normalizing = 0;
  let texture: Buffer | undefined;
  if (PHOTO_CACHE) mkdirSync(PHOTO_CACHE, { recursive: true });
  const exif = { IFD0: { Make: 'TelefonoMarcaX', Model: 'ModeloZ9', DateTime: '2026:09:14 08:31:07' } };
  for (let i = 0; i < n; i++) {
    const cached = PHOTO_CACHE && join(PHOTO_CACHE, `${i}.jpg`);
    if (cached && existsSync(cached)) {
      const normalized = readFileSync(cached);
      normalizedBytes += normalized.length;
      photos.set(BlobStore.hash(normalized), photoAsset(normalized));
      keys.push(BlobStore.hash(normalized));
      continue;
    }
    if (i % 25 === 0 || !texture) {
      texture = await sharp({ create: { width: W / 4, height: H / 4, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .blur(1.2)
        .resize(W, H, { kernel: 'cubic' })
        .raw()
        .toBuffer();
    }
    const hue = (i * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="hsl(${hue},45%,55%)" fill-opacity="0.45"/><ellipse cx="${600 + (i % 7) * 50}" cy="${800 + (i % 5) * 40}" rx="${330 + (i % 11) * 9}" ry="430" fill="hsl(${(hue + 180) % 360},30%,40%)"/><ellipse cx="750" cy="2000" rx="700" ry="650" fill="hsl(${(hue + 90) % 360},35%,30%)"/></svg>`;
    const original = await sharp(texture!, { raw: { width: W, height: H, channels: 3 } })
      .composite([{ input: Buffer.from(svg), blend: 'over' }])
      .withExif(exif)
      .jpeg({ quality: 80 })
      .toBuffer();
    originalBytes += original.length;
    const t = performance.now();
    const normalized = await normalizePhoto(original, `foto-${i}.jpg`, 'foto');
    normalizing += performance.now() - t;
    normalizedBytes += normalized.length;
    if (cached) writeFileSync(cached, normalized);
    const key = BlobStore.hash(normalized);
    photos.set(key, photoAsset(normalized));
    keys.push(key);
  }
  return { photos, keys, originalBytes, normalizedBytes, seconds: normalizing / 1000 };
}

async function syntheticCards(n: number): Promise<{ cards: PrintableCard[]; photos: Map<string, PhotoAsset> }> {
  const rng = new Prng(20261129);
  const { privateKey } = generateKeyPairSync('ed25519');
  let photos = new Map<string, PhotoAsset>();
  let photoKeys: string[] = [];
  if (PHONE_PHOTOS) {
    const made = await phonePhotos(n);
    ({ photos, keys: photoKeys } = made);
    console.log(
      made.seconds === 0
        ? `Fotos: ${n} distintas, normalizadas ${(made.normalizedBytes / n / 1024).toFixed(1)} KB en promedio (tomadas de ${PHOTO_CACHE})`
        : `Fotos: ${n} distintas; originales 1500×2000 ${(made.originalBytes / n / 1024).toFixed(0)} KB en promedio, normalizadas ${(made.normalizedBytes / n / 1024).toFixed(1)} KB; ` +
            `normalización ${(n / made.seconds).toFixed(0)} fotos/s (${((made.seconds / n) * 1000).toFixed(1)} ms por foto)`,
    );
  } else {
    for (let v = 0; v < 6; v++) {
      const png = placeholderPhoto(v);
      const key = BlobStore.hash(png);
      photos.set(key, photoAsset(png));
      photoKeys.push(key);
    }
  }
  const taken = new Set<string>();
  const cards: PrintableCard[] = [];
  const perSchool = 37;
  for (let i = 0; i < n; i++) {
    const person = syntheticPerson(rng, 2014, taken);
    const schoolNo = Math.floor(i / perSchool);
    const cct = `14EPR${String(schoolNo % 10000).padStart(4, '0')}${'ABCDEFGHJK'[schoolNo % 10]}`;
    const turno = TURNOS[schoolNo % 2];
    const number = 1000000 + i;
    cards.push({
      planilla: Math.floor(i / 8),
      slot: i % 8,
      folio: formatFolio('2026-2027', number),
      student: {
        name: `${person.nombres} ${person.primerApellido} ${person.segundoApellido}`,
        photoHash: photoKeys[i % photoKeys.length],
        schoolName: `Escuela Primaria Urbana Número ${schoolNo + 1} "Niños Héroes de Chapultepec"`,
        cct,
        turno,
        nivel: 'PRIMARIA',
        address: `Av. de la Paz ${100 + schoolNo}, Col. Centro, C.P. 44100, Guadalajara, Jalisco`,
        phone: `33 3${String(schoolNo).padStart(3, '0')} 0000`,
        qrPayload: signClaims({ keyId: 'K1', folioNumber: number, cct, turno, cycleCode: '2026-2027' }, privateKey),
      },
    });
  }
  return { cards, photos };
}

function fmt(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const layout = resolveSheetLayout();
  const artwork = loadCardArtwork();
  const { cards, photos } = await syntheticCards(N);
  const PAGES = Number(process.env.RENDER_PAGES || 2);
  const renderer = new PdfRenderer({ executablePath: chromium, pages: PAGES });
  const sheets = new CardSheetRenderer(renderer, artwork, layout);
  const documentOf = (subset: PrintableCard[]): Promise<CardDocument> => sheets.document(planillaViews(subset, BASE_URL), photos, false);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-render-'));
  let folders = 0;
  /** The document and its photo files written to a folder (as PdfRenderer does), as a file: URL to open. */
  const written = (doc: CardDocument): string => {
    const folder = mkdtempSync(join(scratch, `d${folders++}-`));
    writeFileSync(join(folder, 'index.html'), doc.html);
    for (const [name, data] of doc.files) writeFileSync(join(folder, name), data);
    return pathToFileURL(join(folder, 'index.html')).href;
  };
  const pdfOptions = sheets.pdfOptions();
  await sheets.render(planillaViews(cards.slice(0, 8), BASE_URL), photos, false); // warm-up: launch, background, first page
  const rendererPid = () => renderer.browserPid();
  const sampler = new MemorySampler(rendererPid);

  const rawBrowser = await puppeteer.launch({ executablePath: chromium, args: CHROMIUM_ARGS, headless: true });
  const rawPage = await rawBrowser.newPage();
  const rawPages = await Promise.all(Array.from({ length: PAGES }, async () => (await rawBrowser.createBrowserContext()).newPage()));
  const rawSampler = new MemorySampler(() => rawBrowser.process()?.pid);
  const whole = await documentOf(cards);
  if (process.env.DUMP_HTML) writeFileSync(process.env.DUMP_HTML, whole.html);
  const wholeUrl = written(whole);
  const partUrls: string[] = [];
  for (const part of sheets.parts(planillaViews(cards, BASE_URL))) partUrls.push(written(await sheets.document(part, photos, false)));
  const joined = join(scratch, 'joined');
  // Before: the same document with every photo inlined as a data: URL, handed over by setContent.
  let inlined = whole.html;
  for (const [name, data] of whole.files) inlined = inlined.split(`url("${name}")`).join(`url("data:image/${name.endsWith('.png') ? 'png' : 'jpeg'};base64,${data.toString('base64')}")`);
  await rawPage.goto(written(await documentOf(cards.slice(0, 8))), { waitUntil: 'load' });
  await rawPage.pdf(pdfOptions);
  for (const p of rawPages) {
    await p.goto(written(await documentOf(cards.slice(0, 8))), { waitUntil: 'load' });
    await p.pdf(pdfOptions);
  }

  const ours: number[] = [];
  const raw: number[] = [];
  const rawSingle: number[] = [];
  let joinMs = 0;
  const inline: number[] = [];
  let pdfBytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    sampler.start();
    let t = performance.now();
    const pdf = await sheets.render(planillaViews(cards, BASE_URL), photos, false);
    ours.push((N / (performance.now() - t)) * 1000);
    sampler.stop();
    pdfBytes = pdf.length;
    if (pdfOut && round === 0) writeFileSync(pdfOut, pdf);

    rawSampler.start();
    t = performance.now();
    const parts = await Promise.all(
      partUrls.map(async (url, i) => {
        await rawPages[i].goto(url, { waitUntil: 'load', timeout: 0 });
        return rawPages[i].pdf(pdfOptions);
      }),
    );
    if (parts.length > 1) {
      const j = performance.now();
      parts.forEach((data, i) => writeFileSync(`${joined}-${i}.pdf`, data));
      execFileSync('pdfunite', [...parts.map((_, i) => `${joined}-${i}.pdf`), `${joined}.pdf`]);
      readFileSync(`${joined}.pdf`);
      joinMs = performance.now() - j;
    }
    raw.push((N / (performance.now() - t)) * 1000);
    rawSampler.stop();

    t = performance.now();
    await rawPage.goto(wholeUrl, { waitUntil: 'load', timeout: 0 });
    await rawPage.pdf(pdfOptions);
    rawSingle.push((N / (performance.now() - t)) * 1000);

    t = performance.now();
    await rawPage.setContent(inlined, { waitUntil: 'load', timeout: 0 });
    await rawPage.pdf(pdfOptions);
    inline.push((N / (performance.now() - t)) * 1000);
  }
  await rawBrowser.close();

  // Naive: a fresh browser for every planilla.
  const naiveCards = cards.slice(0, Math.min(N, NAIVE_PLANILLAS * 8));
  const naiveDocs = [];
  for (let p = 0; p * 8 < naiveCards.length; p++) naiveDocs.push(written(await documentOf(naiveCards.slice(p * 8, p * 8 + 8).map((c) => ({ ...c, planilla: 0 })))));
  let naivePeak = 0;
  const t0 = performance.now();
  for (const doc of naiveDocs) {
    const b = await puppeteer.launch({ executablePath: chromium, args: CHROMIUM_ARGS, headless: true });
    const page = await b.newPage();
    await page.goto(doc, { waitUntil: 'load' });
    await page.pdf(pdfOptions);
    const pid = b.process()?.pid;
    if (pid) naivePeak = Math.max(naivePeak, treeRss(pid));
    await b.close();
  }
  const naive = (naiveCards.length / (performance.now() - t0)) * 1000;
  await renderer.close();
  rmSync(scratch, { recursive: true, force: true });

  const o = median(ours);
  const c = median(raw);
  console.log(`Credenciales: ${N} (${Math.ceil(N / 8)} planillas), fotos: ${PHONE_PHOTOS ? 'una distinta por credencial (de teléfono, normalizadas)' : '6 de muestra'}, rondas: ${ROUNDS}, PDF: ${(pdfBytes / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`| método | credenciales/s (mediana) | rondas | memoria pico Node | memoria pico Chromium |`);
  console.log(`| --- | --- | --- | --- | --- |`);
  console.log(`| ours (PdfRenderer, QR+HTML incluidos) | ${o.toFixed(0)} | ${ours.map((x) => x.toFixed(0)).join(', ')} | ${fmt(sampler.nodePeak)} | ${fmt(sampler.chromePeak)} |`);
  console.log(`| raw Chromium, mismas ${partUrls.length} partes a la vez + pdfunite (techo) | ${c.toFixed(0)} | ${raw.map((x) => x.toFixed(0)).join(', ')} | — | ${fmt(rawSampler.chromePeak)} |`);
  console.log(`| raw Chromium, documento entero en una página | ${median(rawSingle).toFixed(0)} | ${rawSingle.map((x) => x.toFixed(0)).join(', ')} | — | — |`);
  console.log(`| antes: fotos dentro del HTML (data: URL, setContent), sin trabajo de QR/HTML | ${median(inline).toFixed(0)} | ${inline.map((x) => x.toFixed(0)).join(', ')} | — | — |`);
  console.log(`| naive (un navegador por planilla, ${naiveDocs.length} planillas) | ${naive.toFixed(1)} | 1 | — | ${fmt(naivePeak)} |`);
  console.log(`páginas: ${PAGES}, partes: ${partUrls.length}, pdfunite (techo, última ronda): ${joinMs.toFixed(0)} ms`);
  console.log(`ours / raw = ${(o / c).toFixed(2)}; ours / raw una página = ${(o / median(rawSingle)).toFixed(2)}; ours / antes = ${(o / median(inline)).toFixed(2)}; HTML ${(whole.html.length / 1024 / 1024).toFixed(1)} MiB (antes ${(inlined.length / 1024 / 1024).toFixed(1)} MiB); ours / naive = ${(o / naive).toFixed(0)}×; meta: ≥ ${PHONE_PHOTOS ? 400 : 300}/s y ≥ 0.8 × techo`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
