/**
 * R7: cards go on planillas of a fixed number of slots (8). Pure packing: order by school, then by
 * name; optionally each school starts on a new planilla. Every slot not holding a card is a blank
 * that receives a folio and is voided before the file exists.
 */
export interface PackableCard {
  studentId: number;
  schoolId: number;
  /** Sort keys. */
  schoolSortKey: string;
  nameSortKey: string;
}

export interface PackedSlot<T> {
  planilla: number;
  slot: number;
  card: T | null;
}

export interface PackResult<T> {
  planillas: number;
  slots: PackedSlot<T>[];
  cards: number;
  blanks: number;
}

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

export function sortCards<T extends PackableCard>(cards: readonly T[]): T[] {
  return [...cards].sort(
    (a, b) =>
      collator.compare(a.schoolSortKey, b.schoolSortKey) ||
      a.schoolId - b.schoolId ||
      collator.compare(a.nameSortKey, b.nameSortKey) ||
      a.studentId - b.studentId,
  );
}

export function packPlanillas<T extends PackableCard>(
  cards: readonly T[],
  options: { slotsPerPlanilla?: number; newPlanillaPerSchool?: boolean } = {},
): PackResult<T> {
  const perSheet = options.slotsPerPlanilla ?? 8;
  if (!Number.isInteger(perSheet) || perSheet <= 0) throw new Error('slotsPerPlanilla must be a positive integer');
  const sorted = sortCards(cards);
  const slots: PackedSlot<T>[] = [];
  let position = 0;
  let previousSchool: number | undefined; // before the first card: position 0, nothing to fill
  const fillToEnd = () => {
    while (position % perSheet !== 0) {
      slots.push({ planilla: Math.floor(position / perSheet), slot: position % perSheet, card: null });
      position++;
    }
  };
  for (const card of sorted) {
    if (options.newPlanillaPerSchool && card.schoolId !== previousSchool) fillToEnd();
    slots.push({ planilla: Math.floor(position / perSheet), slot: position % perSheet, card });
    position++;
    previousSchool = card.schoolId;
  }
  fillToEnd();
  return {
    planillas: position / perSheet,
    slots,
    cards: sorted.length,
    blanks: slots.length - sorted.length,
  };
}
