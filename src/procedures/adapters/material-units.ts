import type { MaterialQuantities } from '../../../statecharts/step-meta';
import { hologramCode, ItemLine, sheetsFor, SLOTS_PER_SHEET } from '../../inventory';

/**
 * Charts count Teslin in SHEETS, micas and holograms in pieces and (Procedure 2 v2) ink in cartridge
 * SETS; inventory counts Teslin in SLOTS (8 per sheet), holograms per cycle (`HOLOGRAMA:<cycle>`) and
 * ink in the planillas a set prints.
 */
export function quantitiesToLines(q: MaterialQuantities & { inkSets?: number }, cycleCode: string, planillasPerInkSet = 0): ItemLine[] {
  const lines: ItemLine[] = [
    { item: hologramCode(cycleCode), quantity: q.holograms },
    { item: 'MICA', quantity: q.micas },
    { item: 'TESLIN', quantity: q.teslinSheets * SLOTS_PER_SHEET },
    { item: 'TINTA', quantity: (q.inkSets ?? 0) * planillasPerInkSet },
  ];
  return lines.filter((l) => l.quantity > 0);
}

/** Item lines (stock units) back to chart quantities; Teslin slots round UP to whole sheets. Ink (not a supply quantity) and other items are ignored. */
export function linesToQuantities(lines: Array<{ item: string; quantity: number }>, cycleCode: string): MaterialQuantities {
  const of = (code: string) => lines.filter((l) => l.item === code).reduce((sum, l) => sum + l.quantity, 0);
  return {
    teslinSheets: sheetsFor(of('TESLIN')),
    micas: of('MICA'),
    holograms: of(hologramCode(cycleCode)),
  };
}
