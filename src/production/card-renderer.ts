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

  async render(planillas: SlotView[][], photos: Map<string, PhotoAsset>, preview: boolean): Promise<Buffer> {
    const { html, files } = await this.document(planillas, photos, preview);
    return this.pdf.renderPdf(html, this.pdfOptions(), files);
  }
}
