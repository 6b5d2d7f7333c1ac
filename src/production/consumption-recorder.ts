import type { Actor } from '../auth/actor';
import type { PrintHolder } from './print-holder';

/**
 * What a print run used, for the inventory (SPEC §5): one Teslin sheet per planilla, one mica per
 * printed card, the voided blank slots as waste (R7), and the planillas printed for the ink
 * arithmetic. Holograms are not part of printing (they are delivered per student and cycle).
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
}

/**
 * Where a run reports its consumption. Implemented by the inventory module (wired in the module that
 * provides CONSUMPTION_RECORDER); must be idempotent on `consumption.key`.
 */
export interface ConsumptionRecorder {
  recordPrintRunConsumption(consumption: PrintRunConsumption, actor: Actor): Promise<void>;
}

export const CONSUMPTION_RECORDER = Symbol('CONSUMPTION_RECORDER');
