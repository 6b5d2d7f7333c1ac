import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { BlobStore } from '../storage/blob-store';
import { CardCorrections, CardReportInput, CardReportResult, CorrectionResult, ReplacementPaymentInput, ReplacementPaymentResult } from './card-corrections';
import { CardSheetRenderer } from './card-renderer';
import { CONSUMPTION_RECORDER, ConsumptionRecorder } from './consumption-recorder';
import type { CredentialEvent } from './entities';
import { PreviewInput, PreviewResult, PrintFiles } from './print-files';
import type { PrintHolder } from './print-holder';
import { CreatePrintRunInput, PrintRunIssuing, PrintRunSummary } from './print-run-issuing';
import { PRODUCTION_BLOBS, PRODUCTION_OPTIONS, ProductionOptions } from './production.tokens';
import { QrKeyStore } from './qr-key-store';

export { CORRECTION_ROLES } from './card-corrections';
export type { CardReportInput, CardReportResult, CorrectionResult, ReplacementPaymentInput, ReplacementPaymentResult } from './card-corrections';
export type { PreviewInput, PreviewResult } from './print-files';
export { consumptionOf } from './print-run-issuing';
export type { CreatePrintRunInput, PrintRunSummary } from './print-run-issuing';
export { PRINT_ROLES } from './print-run-rules';

/**
 * Credential production, the module's one service: it hands each call to the part that does that job
 * — issuing (print-run-issuing.ts: runs, folios, cards, consumption), packing (print-files.ts: the
 * run's PDF and previews) and corrections (card-corrections.ts: R9, voiding, R5 replacements,
 * reports). Who may print and who is printed: print-run-rules.ts.
 */
@Injectable()
export class ProductionService {
  private readonly issuing: PrintRunIssuing;
  private readonly files: PrintFiles;
  private readonly corrections: CardCorrections;

  constructor(
    em: EntityManager,
    sheets: CardSheetRenderer,
    keys: QrKeyStore,
    @Inject(PRODUCTION_BLOBS) blobs: BlobStore,
    @Inject(PRODUCTION_OPTIONS) options: ProductionOptions,
    @Optional() @Inject(CONSUMPTION_RECORDER) recorder?: ConsumptionRecorder,
  ) {
    this.issuing = new PrintRunIssuing(em, keys, options, recorder);
    this.files = new PrintFiles(em, sheets, blobs, options);
    this.corrections = new CardCorrections(em);
  }

  // ---------------------------------------------------------------- issuing

  createPrintRun(input: CreatePrintRunInput): Promise<PrintRunSummary> {
    return this.issuing.createPrintRun(input);
  }

  /** Student ids with a pending replacement that this holder's next run will print (R5). */
  pendingReplacements(holder: PrintHolder): Promise<number[]> {
    return this.issuing.pendingReplacements(holder);
  }

  getRun(runId: number): Promise<PrintRunSummary> {
    return this.issuing.getRun(runId);
  }

  /** Reports the run's consumption once (idempotent per run); false when no recorder is wired. */
  recordConsumption(runId: number, actor: Actor): Promise<boolean> {
    return this.issuing.recordConsumption(runId, actor);
  }

  // ---------------------------------------------------------------- packing

  /** The run's PDF: rendered from the stored cards the first time, then served from the blob store. */
  getRunPdf(runId: number): Promise<Buffer> {
    return this.files.getRunPdf(runId);
  }

  /** Renders (if needed) and returns ids and counts only: for the Temporal activity. */
  renderRun(runId: number): Promise<{ runId: number; pdfHash: string; planillas: number; cards: number; bytes: number }> {
    return this.files.renderRun(runId);
  }

  /** The same rendering, watermarked "MUESTRA — SIN VALIDEZ": marks nothing, uses no folio. */
  preview(input: PreviewInput): Promise<PreviewResult> {
    return this.files.preview(input);
  }

  // ---------------------------------------------------------------- corrections

  correctIssuedCard(input: { folio: string; reason: string; actor: Actor }): Promise<CorrectionResult> {
    return this.corrections.correctIssuedCard(input);
  }

  voidUnprintedRun(input: { runId: number; reason: string; actor: Actor }): Promise<string[]> {
    return this.corrections.voidUnprintedRun(input);
  }

  cardEvents(folio: string): Promise<CredentialEvent[]> {
    return this.corrections.cardEvents(folio);
  }

  recordReplacementPayment(input: ReplacementPaymentInput): Promise<ReplacementPaymentResult> {
    return this.corrections.recordReplacementPayment(input);
  }

  reportCard(input: CardReportInput): Promise<CardReportResult> {
    return this.corrections.reportCard(input);
  }
}
