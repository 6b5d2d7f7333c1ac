import type { MaterialQuantities } from '../../../statecharts/step-meta';
import { hologramCode, ItemLine, SLOTS_PER_SHEET } from '../../inventory/items';

/**
 * Charts count Teslin in SHEETS, micas and holograms in pieces; inventory counts Teslin in SLOTS
 * (8 per sheet) and holograms per cycle (`HOLOGRAMA:<cycle>`). Ink is not in MaterialQuantities.
 */
export function quantitiesToLines(q: MaterialQuantities, cycleCode: string): ItemLine[] {
  const lines: ItemLine[] = [
    { item: hologramCode(cycleCode), quantity: q.holograms },
    { item: 'MICA', quantity: q.micas },
    { item: 'TESLIN', quantity: q.teslinSheets * SLOTS_PER_SHEET },
  ];
  return lines.filter((l) => l.quantity > 0);
}

/** Item lines (stock units) back to chart quantities; Teslin slots round UP to whole sheets. Other items are ignored. */
export function linesToQuantities(lines: Array<{ item: string; quantity: number }>, cycleCode: string): MaterialQuantities {
  const of = (code: string) => lines.filter((l) => l.item === code).reduce((sum, l) => sum + l.quantity, 0);
  return {
    teslinSheets: Math.ceil(of('TESLIN') / SLOTS_PER_SHEET),
    micas: of('MICA'),
    holograms: of(hologramCode(cycleCode)),
  };
}
