import { DomainError } from '../common/domain-error';
import { parseCycleCode } from '../catalog';

/**
 * The consumables of the kit (R6). Every quantity in this module is in the item's STOCK UNIT:
 * Teslin in slots (ranuras, 8 per sheet), micas and holograms in pieces, ink in planillas (one
 * cartridge set prints `planillasPerInkSet` planillas). Pure code: workflows may import it.
 */
export const ITEM_KINDS = ['TESLIN', 'MICA', 'HOLOGRAMA', 'TINTA'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** 'TESLIN' | 'MICA' | 'TINTA' | 'HOLOGRAMA:2026-2027'. */
export type ItemCode = string;

export const SLOTS_PER_SHEET = 8;

/** Planillas (Teslin sheets of 8) that print `cards` cards, or hold `cards` slots: rounded up to whole sheets (R7). */
export function sheetsFor(cards: number): number {
  return Math.ceil(cards / SLOTS_PER_SHEET);
}

/** Teslin slots that must be whole sheets (what a procedure counts), as sheets; a partial sheet is refused. */
export function wholeSheets(slots: number, field: string): number {
  if (!Number.isInteger(slots) || slots < 0 || slots % SLOTS_PER_SHEET !== 0) {
    throw new DomainError(`El Teslin de un trámite se envía en hojas completas: la cantidad en ranuras debe ser múltiplo de ${SLOTS_PER_SHEET} (${slots} no lo es).`, field);
  }
  return slots / SLOTS_PER_SHEET;
}

export interface ItemRef {
  code: ItemCode;
  kind: ItemKind;
  /** Only for holograms: the school cycle it validates. */
  cycleCode?: string;
}

const UNIT_LABEL: Record<ItemKind, { singular: string; plural: string }> = {
  TESLIN: { singular: 'ranura', plural: 'ranuras' },
  MICA: { singular: 'pieza', plural: 'piezas' },
  HOLOGRAMA: { singular: 'pieza', plural: 'piezas' },
  TINTA: { singular: 'planilla', plural: 'planillas' },
};

export function hologramCode(cycleCode: string): ItemCode {
  return `HOLOGRAMA:${parseCycleCode(cycleCode, 'cycleCode')}`;
}

/** Parses an item code; refuses anything that is not one of the kit's consumables. */
export function parseItemCode(raw: unknown, field = 'item'): ItemRef {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (value === 'TESLIN' || value === 'MICA' || value === 'TINTA') return { code: value, kind: value };
  const m = /^HOLOGRAMA:(.+)$/.exec(value);
  if (m) {
    const cycleCode = parseCycleCode(m[1], field);
    return { code: `HOLOGRAMA:${cycleCode}`, kind: 'HOLOGRAMA', cycleCode };
  }
  throw new DomainError(
    `El artículo "${String(raw)}" no existe: use TESLIN, MICA, TINTA o HOLOGRAMA:<ciclo> (ej. HOLOGRAMA:2026-2027).`,
    field,
    'ARTICULO_DESCONOCIDO',
  );
}

/** Stock units in one physical pack: a Teslin sheet is 8 slots, a cartridge set N planillas. */
export function unitsPerPack(kind: ItemKind, planillasPerInkSet: number): number {
  if (kind === 'TESLIN') return SLOTS_PER_SHEET;
  if (kind === 'TINTA') return planillasPerInkSet;
  return 1;
}

export function itemLabel(item: ItemRef): string {
  switch (item.kind) {
    case 'TESLIN':
      return 'Hojas Teslin (8 credenciales por hoja)';
    case 'MICA':
      return 'Micas';
    case 'TINTA':
      return 'Tinta (juegos de cartuchos)';
    case 'HOLOGRAMA':
      return `Hologramas del ciclo ${item.cycleCode}`;
  }
}

export function unitLabel(kind: ItemKind, quantity: number): string {
  return quantity === 1 ? UNIT_LABEL[kind].singular : UNIT_LABEL[kind].plural;
}

/** "16 ranuras (2 hojas)", "75 planillas (1.5 juegos)", "30 piezas". */
export function describeQuantity(item: ItemRef, quantity: number, planillasPerInkSet: number): string {
  const base = `${quantity} ${unitLabel(item.kind, quantity)}`;
  if (item.kind === 'TESLIN') {
    const sheets = quantity / SLOTS_PER_SHEET;
    return `${base} (${formatNumber(sheets)} ${sheets === 1 ? 'hoja' : 'hojas'})`;
  }
  if (item.kind === 'TINTA') {
    const sets = quantity / planillasPerInkSet;
    return `${base} (${formatNumber(sets)} ${sets === 1 ? 'juego' : 'juegos'})`;
  }
  return base;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A positive whole quantity, or a Spanish refusal naming the field. */
export function parseQuantity(raw: unknown, field = 'quantity'): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0) {
    throw new DomainError('La cantidad debe ser un número entero mayor que cero.', field, 'CANTIDAD_INVALIDA');
  }
  if (raw > 10_000_000) throw new DomainError('La cantidad es demasiado grande.', field, 'CANTIDAD_INVALIDA');
  return raw;
}

export interface ItemLine {
  item: ItemCode;
  quantity: number;
}

export interface ParsedLine {
  item: ItemRef;
  quantity: number;
}

/**
 * Validates a list of item lines: at least one, known items, positive whole quantities, no item
 * twice. With `wholePacks`, Teslin must come in whole sheets and ink in whole cartridge sets
 * (physical stock moves). Returns the lines sorted by item code (the lock order).
 */
export function parseLines(
  raw: unknown,
  opts: { field?: string; wholePacks?: boolean; planillasPerInkSet: number },
): ParsedLine[] {
  const field = opts.field ?? 'lines';
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new DomainError('Debe indicar al menos un artículo con su cantidad.', field, 'SIN_ARTICULOS');
  }
  const seen = new Set<string>();
  const out = raw.map((line: unknown, i: number) => {
    const l = (line ?? {}) as Partial<ItemLine>;
    const item = parseItemCode(l.item, `${field}[${i}].item`);
    const quantity = parseQuantity(l.quantity, `${field}[${i}].quantity`);
    if (seen.has(item.code)) {
      throw new DomainError(`El artículo ${item.code} aparece más de una vez.`, `${field}[${i}].item`, 'ARTICULO_REPETIDO');
    }
    seen.add(item.code);
    if (opts.wholePacks) {
      const pack = unitsPerPack(item.kind, opts.planillasPerInkSet);
      if (quantity % pack !== 0) {
        const what = item.kind === 'TESLIN' ? `hojas completas (múltiplos de ${pack} ranuras)` : `juegos completos (múltiplos de ${pack} planillas)`;
        throw new DomainError(`La cantidad de ${item.code} debe ser en ${what}.`, `${field}[${i}].quantity`, 'CANTIDAD_INVALIDA');
      }
    }
    return { item, quantity };
  });
  return out.sort((a, b) => (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0));
}
