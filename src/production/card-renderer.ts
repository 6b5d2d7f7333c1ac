import { PDFOptions } from 'puppeteer-core';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { CardArtwork } from './artwork';
import { buildDocument, CardDocument, cardBackgroundHtml, cardSizePx, pageSizeInches, PhotoAsset, ResolvedLayout, SlotView } from './card-html';

/**
 * Turns planillas into one PDF with the process's shared Chromium. The static layer of the card is
 * rasterised once (at `backgroundDpi`) and reused; photos are embedded once per distinct image.
 */
export class CardSheetRenderer {
  private background?: Promise<string>;

  constructor(
    private readonly pdf: PdfRenderer,
    private readonly artwork: CardArtwork,
    readonly layout: ResolvedLayout,
    private readonly backgroundDpi = 600,
    /** A run splits into parts printed at once only when each part gets at least this many planillas. */
    private readonly minPlanillasPerPart = 32,
  ) {}

  cardBackground(): Promise<string> {
    if (!this.background) {
      this.background = this.pdf
        .renderPng(cardBackgroundHtml(this.artwork, this.layout), { ...cardSizePx(this.layout), scale: this.backgroundDpi / 96 })
        .then((png) => `data:image/png;base64,${png.toString('base64')}`);
      this.background.catch(() => (this.background = undefined));
    }
    return this.background;
  }

  pdfOptions(): PDFOptions {
    // Untagged: tagging makes card sheets ~20× bigger and ~1.6× slower to print (docs/BENCHMARKS.md).
    return { ...pageSizeInches(this.layout), printBackground: true, tagged: false, outline: false, timeout: 300_000 };
  }

  async document(planillas: SlotView[][], photos: Map<string, PhotoAsset>, preview: boolean): Promise<CardDocument> {
    return buildDocument({ planillas, photos, cardBackground: await this.cardBackground(), layout: this.layout, preview });
  }

  /**
   * A large run is printed as consecutive parts, one per page of the renderer's pool (each its own
   * renderer process), joined in order into one PDF (docs/BENCHMARKS.md).
   */
  async render(planillas: SlotView[][], photos: Map<string, PhotoAsset>, preview: boolean): Promise<Buffer> {
    const parts = this.parts(planillas);
    const documents = await Promise.all(parts.map((part) => this.document(part, photos, preview)));
    return this.pdf.renderPdfParts(documents, this.pdfOptions());
  }

  /** The planillas in consecutive parts of nearly equal size. */
  parts(planillas: SlotView[][]): SlotView[][][] {
    const count = Math.max(1, Math.min(this.pdf.pageCount, Math.floor(planillas.length / this.minPlanillasPerPart)));
    const out: SlotView[][][] = [];
    for (let i = 0; i < count; i++) out.push(planillas.slice(Math.round((i * planillas.length) / count), Math.round(((i + 1) * planillas.length) / count)));
    return out;
  }
}
