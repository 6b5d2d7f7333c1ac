import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { DomainError } from '../common/domain-error';
import type { PrintHolder } from './print-holder';

/**
 * What a print run used, for the inventory (SPEC §5): one Teslin sheet per planilla, one mica per
 * printed card, the voided blank slots as waste (R7), and the planillas printed for the ink
 * arithmetic. Holograms are delivered per student and cycle; a school's on-site run also counts the
 * holograms of its continuing students (`hologramsOnly`).
 */
export interface PrintRunConsumption {
  /** Idempotency key for the recorder: `print-run:<runId>`; a second call with it changes nothing. */
  key: string;
  runId: number;
  holder: PrintHolder;
  cycleCode: string;
  /** The inventory reservation the run draws on, when it was created for a request (else null). */
  reservationId: number | null;
  cardsPrinted: number;
  /** Teslin sheets used (a planilla is one sheet of 8 slots). */
  planillas: number;
  /** Slots voided before printing (R7): waste, in slots (eighths of a sheet). */
  voidedSlots: number;
  micas: number;
  /** Planillas printed, for ink (a cartridge set prints a configurable number of planillas). */
  inkPlanillas: number;
  /**
   * A school's on-site run: continuing students who got only the cycle's hologram (R3), one each,
   * besides the printed cards' holograms. 0 for DRSE runs (Procedure 1 delivers theirs).
   */
  hologramsOnly?: number;
}

/**
 * Where a run reports its consumption. Implemented by the inventory module (wired in the module that
 * provides CONSUMPTION_RECORDER); must be idempotent on `consumption.key`.
 */
export interface ConsumptionRecorder {
  /**
   * Records the run's use of material. With `within` (the print run's open transaction; only for
   * runs without a reservation) it locks the holder's balance rows and writes in that transaction,
   * and throws `MaterialShortageError` — writing nothing — when the holder lacks any item.
   */
  recordPrintRunConsumption(consumption: PrintRunConsumption, actor: Actor, within?: EntityManager): Promise<void>;
}

/** One item a print run needs and its holder lacks (quantities in the item's stock unit). */
export interface MaterialShortage {
  item: string;
  required: number;
  available: number;
  missing: number;
}

/** 409 MATERIAL_INSUFICIENTE: the holder lacks material for the run; nothing was written. */
export class MaterialShortageError extends DomainError {
  constructor(
    message: string,
    readonly shortages: MaterialShortage[],
  ) {
    super(message, 'material', 'MATERIAL_INSUFICIENTE', 409);
    this.name = 'MaterialShortageError';
  }
}

export const CONSUMPTION_RECORDER = Symbol('CONSUMPTION_RECORDER');
