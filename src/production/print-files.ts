import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { DomainError, NotFoundError } from '../common/domain-error';
import { cardsRendered } from '../observability/metrics';
import type { BlobStore } from '../storage/blob-store';
import { isNormalizedPhoto, normalizePhoto } from '../uploads/photo-normalize';
import { photoAsset } from './artwork';
import type { PhotoAsset, SlotView } from './card-html';
import type { CardSheetRenderer } from './card-renderer';
import { planillaViews, previewQrImage, PrintableCard } from './card-views';
import { Credential, Exclusion, HologramOnly, PrintRun } from './entities';
import { packPlanillas } from './planilla-packing';
import { parsePrintHolder, PrintHolder } from './print-holder';
import { assertCanPrint, classifyForPrint, parseStudentIds, resolveCycle, sortKeys } from './print-run-rules';
import type { ProductionOptions } from './production.tokens';

export interface PreviewInput {
  holder: PrintHolder;
  studentIds: number[];
  cycleCode?: string;
  newPlanillaPerSchool?: boolean;
  actor: Actor;
}

export interface PreviewResult {
  pdf: Buffer;
  planillas: number;
  cards: number;
  excluded: Exclusion[];
  hologramOnly: HologramOnly[];
}

/**
 * Packing: a run's planillas rendered to its PDF (once, then served from the blob store) and the
 * watermarked preview (R9 decision), with the photos they embed.
 */
export class PrintFiles {
  constructor(
    private readonly em: EntityManager,
    private readonly sheets: CardSheetRenderer,
    private readonly blobs: BlobStore,
    private readonly options: ProductionOptions,
  ) {}

  /**
   * The run's PDF. Rendered from the stored cards (same folios, same signed QR payloads, same
   * snapshot of names and school data) the first time, then served from the blob store.
   * Never assigns a folio: idempotent.
   */
  async getRunPdf(runId: number): Promise<Buffer> {
    const em = this.em.fork();
    const run = await em.findOne(PrintRun, { id: runId });
    if (!run) throw new NotFoundError(`No existe la corrida de impresión ${runId}.`, 'runId');
    if (run.pdfHash && (await this.blobs.has(run.pdfHash))) return this.blobs.get(run.pdfHash);
    if (run.cards === 0) throw new DomainError('Esta corrida sólo entregó hologramas del ciclo: no tiene planillas que imprimir.', 'runId');

    const cards = await em.find(Credential, { runId }, { orderBy: { planilla: 'asc', slot: 'asc' } });
    const photos = await this.loadPhotos(cards.map((c) => c.photoHash).filter((h): h is string => !!h));
    const printable: PrintableCard[] = cards.map((c) => ({
      planilla: c.planilla,
      slot: c.slot,
      folio: c.folio,
      student:
        c.kind === 'BLANCO'
          ? null
          : {
              name: c.studentName!,
              photoHash: c.photoHash!,
              schoolName: c.schoolName!,
              cct: c.cct!,
              turno: c.turno!,
              nivel: c.nivel!,
              address: c.schoolAddress!,
              phone: c.schoolPhone!,
              qrPayload: c.qrPayload!,
            },
    }));
    const pdf = await this.sheets.render(planillaViews(printable, this.options.publicBaseUrl), photos, false);
    cardsRendered.inc(printable.filter((c) => c.student).length);
    const hash = await this.blobs.put(pdf);
    await em.nativeUpdate(PrintRun, { id: runId, pdfHash: null }, { pdfHash: hash, renderedAt: new Date() });
    const stored = await this.em.fork().findOneOrFail(PrintRun, { id: runId });
    // Two renders at once: the first stored file wins and both callers get it.
    return stored.pdfHash === hash ? pdf : this.blobs.get(stored.pdfHash!);
  }

  /** Renders (if needed) and returns ids and counts only: for the Temporal activity. */
  async renderRun(runId: number): Promise<{ runId: number; pdfHash: string; planillas: number; cards: number; bytes: number }> {
    const pdf = await this.getRunPdf(runId);
    const run = await this.em.fork().findOneOrFail(PrintRun, { id: runId });
    return { runId, pdfHash: run.pdfHash!, planillas: run.planillas, cards: run.cards, bytes: pdf.length };
  }

  /** The same rendering, watermarked "MUESTRA — SIN VALIDEZ": marks nothing, uses no folio. */
  async preview(input: PreviewInput): Promise<PreviewResult> {
    const holder = parsePrintHolder(input.holder);
    const ids = parseStudentIds(input.studentIds, this.options.maxStudentsPerRun);
    if (ids.length === 0) throw new DomainError('Indique al menos un alumno para la muestra.', 'studentIds');
    const em = this.em.fork();
    await assertCanPrint(em, input.actor, holder);
    const cycle = await resolveCycle(em, input.cycleCode);
    const { eligible, excluded, hologramOnly } = await classifyForPrint(em, holder, [...ids].sort((a, b) => a - b), cycle.code);
    if (eligible.length === 0) {
      throw new DomainError(
        hologramOnly.length > 0
          ? `Ningún alumno necesita credencial nueva: ${hologramOnly.length} con credencial vigente recibe(n) sólo el holograma del ciclo; no hay muestra que generar.`
          : 'Ninguno de los alumnos indicados puede imprimirse; no hay muestra que generar.',
        'studentIds',
      );
    }
    const packed = packPlanillas(
      eligible.map((s) => ({ student: s, ...sortKeys(s) })),
      { newPlanillaPerSchool: input.newPlanillaPerSchool === true },
    );
    const photos = await this.loadPhotos(eligible.map((s) => s.photoHash!));
    const qr = previewQrImage();
    const planillas: SlotView[][] = Array.from({ length: packed.planillas }, () => []);
    for (const slot of packed.slots) {
      const s = slot.card?.student;
      planillas[slot.planilla][slot.slot] = s
        ? {
            card: {
              folio: 'MUESTRA',
              studentName: s.fullName,
              photoKey: s.photoHash!,
              schoolName: s.school.name,
              cct: s.school.cct,
              turno: s.school.turno,
              nivel: s.school.nivel,
              address: s.school.address,
              phone: s.school.phone,
              ...qr,
            },
          }
        : { empty: true };
    }
    const pdf = await this.sheets.render(planillas, photos, true);
    return { pdf, planillas: packed.planillas, cards: packed.cards, excluded, hologramOnly };
  }

  /**
   * The run's distinct photos, as embedded. Photos are normalised at upload (240 × 300 JPEG, no
   * metadata); one stored before that (or by a path that skipped it) is normalised here, in memory,
   * so a print file never carries an original's metadata and a run's memory does not grow with the
   * originals' size (one original read at a time). `normalize-photos` fixes the stored copies.
   */
  private async loadPhotos(hashes: string[]): Promise<Map<string, PhotoAsset>> {
    const photos = new Map<string, PhotoAsset>();
    for (const hash of new Set(hashes)) {
      let data: Buffer;
      try {
        data = await this.blobs.get(hash);
      } catch {
        throw new DomainError(`Falta el archivo de una fotografía (${hash.slice(0, 12)}…) en el almacén.`, 'foto');
      }
      if (!isNormalizedPhoto(data)) data = await normalizePhoto(data, `${hash.slice(0, 12)}…`, 'foto');
      photos.set(hash, photoAsset(data));
    }
    return photos;
  }
}
