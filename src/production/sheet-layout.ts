import { DomainError } from '../common/domain-error';

/**
 * Where the cards go on the printed sheet (all lengths in millimetres). Configuration, not code:
 * `SHEET_LAYOUT` may hold a JSON object overriding any field of the default (Letter, 2 × 4).
 */
export interface SheetLayout {
  pageWidthMm: number;
  pageHeightMm: number;
  columns: number;
  rows: number;
  cardWidthMm: number;
  cardHeightMm: number;
  /** Space between neighbouring cards (room for crop marks and cutting). */
  gapXMm: number;
  gapYMm: number;
  /** Top-left corner of the first slot; omitted = the grid is centred on the page. */
  originXMm?: number;
  originYMm?: number;
  cropMarks: boolean;
  /** Crop mark length and its distance from the card's corner. */
  cropMarkLengthMm: number;
  cropMarkOffsetMm: number;
}

export const CR80 = { widthMm: 85.6, heightMm: 54 };

export const DEFAULT_SHEET_LAYOUT: SheetLayout = {
  pageWidthMm: 215.9,
  pageHeightMm: 279.4,
  columns: 2,
  rows: 4,
  cardWidthMm: CR80.widthMm,
  cardHeightMm: CR80.heightMm,
  gapXMm: 6,
  gapYMm: 6,
  cropMarks: true,
  cropMarkLengthMm: 2.5,
  cropMarkOffsetMm: 0.5,
};

export interface SlotPosition {
  xMm: number;
  yMm: number;
}

/** Validates a layout: 8 slots per planilla (R7), and every slot inside the page. */
export function resolveSheetLayout(partial: Partial<SheetLayout> = {}): SheetLayout & { slots: SlotPosition[] } {
  const layout: SheetLayout = { ...DEFAULT_SHEET_LAYOUT, ...partial };
  for (const key of ['pageWidthMm', 'pageHeightMm', 'cardWidthMm', 'cardHeightMm'] as const) {
    if (!(typeof layout[key] === 'number' && layout[key] > 0 && layout[key] < 2000)) {
      throw new DomainError(`El campo ${key} del formato de planilla debe ser una longitud positiva en mm.`, key);
    }
  }
  for (const key of ['gapXMm', 'gapYMm', 'cropMarkLengthMm', 'cropMarkOffsetMm'] as const) {
    if (!(typeof layout[key] === 'number' && layout[key] >= 0)) {
      throw new DomainError(`El campo ${key} del formato de planilla no puede ser negativo.`, key);
    }
  }
  if (!Number.isInteger(layout.columns) || !Number.isInteger(layout.rows) || layout.columns * layout.rows !== 8) {
    throw new DomainError('La planilla debe tener exactamente 8 espacios (columnas × filas = 8, R7).', 'columns');
  }
  const gridW = layout.columns * layout.cardWidthMm + (layout.columns - 1) * layout.gapXMm;
  const gridH = layout.rows * layout.cardHeightMm + (layout.rows - 1) * layout.gapYMm;
  const x0 = layout.originXMm ?? (layout.pageWidthMm - gridW) / 2;
  const y0 = layout.originYMm ?? (layout.pageHeightMm - gridH) / 2;
  if (x0 < 0 || y0 < 0 || x0 + gridW > layout.pageWidthMm + 1e-6 || y0 + gridH > layout.pageHeightMm + 1e-6) {
    throw new DomainError('Las credenciales no caben en la página con ese formato de planilla.', 'pageWidthMm');
  }
  const slots: SlotPosition[] = [];
  for (let r = 0; r < layout.rows; r++) {
    for (let c = 0; c < layout.columns; c++) {
      slots.push({
        xMm: round(x0 + c * (layout.cardWidthMm + layout.gapXMm)),
        yMm: round(y0 + r * (layout.cardHeightMm + layout.gapYMm)),
      });
    }
  }
  return { ...layout, slots };
}

export function sheetLayoutFromEnv(env: NodeJS.ProcessEnv = process.env): SheetLayout & { slots: SlotPosition[] } {
  const raw = env.SHEET_LAYOUT;
  if (!raw) return resolveSheetLayout();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SHEET_LAYOUT debe ser un objeto JSON (ej. {"gapXMm":4}).');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('SHEET_LAYOUT debe ser un objeto JSON.');
  return resolveSheetLayout(parsed as Partial<SheetLayout>);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
