import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { Actor } from '../access';
import { DomainError } from '../common/domain-error';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { PdfRendererService } from '../rendering/rendering.module';
import { BlobStore } from '../storage/blob-store';
import { AcuseService, CreateAcuseInput, INVENTORY_BLOB_STORE } from './acuse.service';
import { HolderRef, HolderService } from './holder.service';
import { InventoryConfig, INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { InsufficientStockError } from './inventory-errors';
import { ItemLine } from './items';
import { computeMaterialRequirement, MaterialRequirement, ShortfallReport } from './material-requirement';
import { ReservationService, ReservationView } from './reservation.service';
import { JustificationReport, JustificationService } from './justification.service';
import { StockService, TransferResult, UsageLine } from './stock.service';
import { SupplyTicketService, SupplyTicketView } from './supply-ticket.service';

/** Inputs of the material requirement: only counts and the cycle cross Temporal. */
export interface RequirementInput {
  newCards: number;
  continuingStudents: number;
  cycleCode: string;
}

export type ReserveMaterialResult =
  | { reserved: true; reservationId: number; holderId: number; lines: ItemLine[] }
  | { reserved: false; holderId: number; shortfall: ShortfallReport };

/** A business refusal must not be retried by Temporal: it becomes a non-retryable failure. */
export function toActivityFailure(err: unknown): unknown {
  if (err instanceof DomainError) {
    return ApplicationFailure.create({
      message: err.message,
      type: err.code,
      nonRetryable: true,
      details: [{ field: err.field ?? null, status: err.status }],
    });
  }
  return err;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toActivityFailure(err);
  }
}

/**
 * Inventory activities for the procedure workflows. One object argument each; every mutating one
 * is idempotent on `key` (derive it from the workflow id and step). Only ids, counts and codes
 * cross Temporal — never names or CURPs.
 */
@Injectable()
export class InventoryActivities {
  private readonly holders: HolderService;
  private readonly stock: StockService;
  private readonly reservations: ReservationService;
  private readonly tickets: SupplyTicketService;
  private readonly justification: JustificationService;
  private readonly acuses: AcuseService;
  private readonly config: InventoryConfig;

  constructor(
    em: EntityManager,
    @Optional() @Inject(PdfRendererService) pdf?: PdfRenderer,
    @Optional() @Inject(INVENTORY_BLOB_STORE) blobs?: BlobStore,
    @Optional() @Inject(INVENTORY_CONFIG) config?: InventoryConfig,
  ) {
    this.config = config ?? loadInventoryConfig();
    this.holders = new HolderService(em);
    this.stock = new StockService(em, this.config);
    this.reservations = new ReservationService(em, this.config);
    this.tickets = new SupplyTicketService(em, this.config);
    this.justification = new JustificationService(em, this.config);
    this.acuses = new AcuseService(em, pdf, blobs, this.config);
  }

  /** SPEC §5 arithmetic for a validated request. */
  async computeRequirement(input: RequirementInput): Promise<MaterialRequirement> {
    return guard(async () => computeMaterialRequirement({ ...input, config: this.config }));
  }

  /** Shortfall per item of a request's requirement against the holder's available stock. */
  async checkMaterial(input: { holder: HolderRef; requirement: RequirementInput }): Promise<ShortfallReport & { holderId: number; requirement: MaterialRequirement }> {
    return guard(async () => {
      const holder = await this.holders.resolve(input.holder);
      const requirement = computeMaterialRequirement({ ...input.requirement, config: this.config });
      return { holderId: holder.id, requirement, ...(await this.stock.checkMaterial(holder.id, requirement)) };
    });
  }

  /** Reserves all items or none. A shortfall is a normal outcome (`reserved: false`), not an error. */
  async reserveMaterial(input: { key: string; actor: Actor; holder: HolderRef; requestId: string | number } & RequirementInput): Promise<ReserveMaterialResult> {
    return guard(async () => {
      const holder = await this.holders.resolve(input.holder);
      try {
        const r = await this.reservations.reserve({ ...input, holderId: holder.id });
        return { reserved: true as const, reservationId: r.reservationId, holderId: holder.id, lines: r.lines.map((l) => ({ item: l.item, quantity: l.quantity })) };
      } catch (err) {
        if (!(err instanceof InsufficientStockError)) throw err;
        const requirement = computeMaterialRequirement({ ...input, config: this.config });
        return { reserved: false as const, holderId: holder.id, shortfall: await this.stock.checkMaterial(holder.id, requirement) };
      }
    });
  }

  async consumeReservation(input: { key: string; actor: Actor; reservationId: number; printRunId: string | number; usage?: UsageLine[] }): Promise<ReservationView> {
    return guard(() => this.reservations.consume(input));
  }

  async releaseReservation(input: { key: string; actor: Actor; reservationId: number; reason?: string }): Promise<ReservationView> {
    return guard(() => this.reservations.release(input));
  }

  /** Moves material between holders (e.g. DRSE → school in procedure 2), both sides at once. */
  async transferMaterial(input: { key: string; actor: Actor; from: HolderRef; to: HolderRef; lines: ItemLine[]; requestId?: string | number; cycleCode?: string }): Promise<TransferResult> {
    return guard(async () => {
      const from = await this.holders.resolve(input.from);
      const to = await this.holders.resolve(input.to);
      return this.stock.transfer({ key: input.key, actor: input.actor, fromHolderId: from.id, toHolderId: to.id, lines: input.lines, requestId: input.requestId, cycleCode: input.cycleCode });
    });
  }

  /**
   * Opens a supply ticket for a DRSE on behalf of a waiting request. Lines default to the
   * shortfall of `requirement` at that DRSE (rounded to whole packs). The R6 justification report
   * is attached automatically.
   */
  async openSupplyTicket(input: {
    key: string;
    actor: Actor;
    holder: HolderRef;
    requestId: string | number;
    cycleCode?: string;
    lines?: ItemLine[];
    requirement?: RequirementInput;
    justification?: string;
  }): Promise<{ ticketId: number; folio: string; status: string; lines: ItemLine[] }> {
    return guard(async () => {
      const holder = await this.holders.resolve(input.holder);
      let lines = input.lines;
      if (!lines) {
        if (!input.requirement) throw new DomainError('Indique los artículos del ticket o el requerimiento de la solicitud.', 'lines');
        const requirement = computeMaterialRequirement({ ...input.requirement, config: this.config });
        const report = await this.stock.checkMaterial(holder.id, requirement);
        lines = report.lines.filter((l) => l.suggestedOrder > 0).map((l) => ({ item: l.item, quantity: l.suggestedOrder }));
        if (lines.length === 0) throw new DomainError('No falta material para esta solicitud: no hace falta un ticket.', 'requirement', 'SIN_FALTANTE');
      }
      const t = await this.tickets.open({
        key: input.key,
        actor: input.actor,
        holderId: holder.id,
        lines,
        requestId: input.requestId,
        cycleCode: input.cycleCode ?? input.requirement?.cycleCode,
        justification: input.justification,
      });
      return { ticketId: t.ticketId, folio: t.folio, status: t.status, lines: t.lines.map((l) => ({ item: l.item, quantity: l.requested })) };
    });
  }

  async getSupplyTicket(input: { ticketId: number }): Promise<SupplyTicketView> {
    return guard(() => this.tickets.get(input.ticketId));
  }

  async justificationReport(input: { holder: HolderRef; cycleCode: string }): Promise<JustificationReport> {
    return guard(async () => {
      const holder = await this.holders.resolve(input.holder);
      return this.justification.report({ holderId: holder.id, cycleCode: input.cycleCode });
    });
  }

  /** Creates an acuse (PDF rendered and stored); returns only its id, folio and PDF hash. */
  async createAcuse(input: CreateAcuseInput): Promise<{ acuseId: number; folio: string; pdfHash: string | null }> {
    return guard(async () => {
      const a = await this.acuses.create(input);
      return { acuseId: a.acuseId, folio: a.folio, pdfHash: a.pdfHash };
    });
  }
}
