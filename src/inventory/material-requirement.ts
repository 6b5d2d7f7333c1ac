import { DomainError } from '../common/domain-error';
import { parseCycleCode } from '../catalog';
import { DEFAULT_INVENTORY_CONFIG, InventoryConfig, validateInventoryConfig } from './inventory-config';
import { hologramCode, ItemCode, ItemLine, parseItemCode, sheetsFor, SLOTS_PER_SHEET, unitsPerPack } from './items';

/**
 * SPEC §5 arithmetic, PURE (no I/O, no clock) so a workflow can obtain it through an activity and
 * tests can check it directly. Quantities are in stock units (see items.ts).
 */
export interface MaterialRequirementInput {
  newCards: number;
  continuingStudents: number;
  cycleCode: string;
  config?: Partial<InventoryConfig>;
}

export interface MaterialRequirement {
  cycleCode: string;
  newCards: number;
  continuingStudents: number;
  /** Planillas of 8 to print: ceil(newCards / 8). */
  planillas: number;
  teslinSheets: number;
  /** Slots consumed by printing: whole sheets, planillas × 8. */
  teslinSlots: number;
  /** Blank slots of the last planilla, voided before printing (R7) and recorded as waste. */
  voidedSlots: number;
  micas: number;
  holograms: number;
  /** Ink in planillas (the stock unit of TINTA). */
  inkPlanillas: number;
  /** Ink in cartridge sets, for display: inkPlanillas / planillasPerInkSet (may be fractional). */
  inkSets: number;
  /** Items with a positive quantity, in stock units, sorted by item code. */
  lines: ItemLine[];
}

function count(raw: unknown, field: string, label: string): number {
  // Number.isInteger is false for anything that is not a number.
  if (!Number.isInteger(raw) || (raw as number) < 0) {
    throw new DomainError(`${label} debe ser un número entero mayor o igual a cero.`, field, 'CANTIDAD_INVALIDA');
  }
  if ((raw as number) > 1_000_000) throw new DomainError(`${label} es demasiado grande.`, field, 'CANTIDAD_INVALIDA');
  return raw as number;
}

export function resolveConfig(config?: Partial<InventoryConfig>): InventoryConfig {
  return validateInventoryConfig({ ...DEFAULT_INVENTORY_CONFIG, ...(config ?? {}) });
}

export function computeMaterialRequirement(input: MaterialRequirementInput): MaterialRequirement {
  const config = resolveConfig(input.config);
  const newCards = count(input.newCards, 'newCards', 'El número de credenciales nuevas');
  const continuingStudents = count(input.continuingStudents, 'continuingStudents', 'El número de alumnos de reingreso');
  const cycleCode = parseCycleCode(input.cycleCode, 'cycleCode');
  if (newCards + continuingStudents === 0) {
    throw new DomainError('La solicitud no pide credenciales nuevas ni hologramas.', 'newCards', 'SOLICITUD_VACIA');
  }
  const planillas = sheetsFor(newCards);
  const teslinSlots = planillas * SLOTS_PER_SHEET;
  const holograms = newCards + continuingStudents;
  const lines: ItemLine[] = [];
  const add = (item: ItemCode, quantity: number) => {
    if (quantity > 0) lines.push({ item, quantity });
  };
  // Added in item-code order: HOLOGRAMA:… < MICA < TESLIN < TINTA.
  add(hologramCode(cycleCode), holograms);
  add('MICA', newCards);
  add('TESLIN', teslinSlots);
  add('TINTA', planillas);
  return {
    cycleCode,
    newCards,
    continuingStudents,
    planillas,
    teslinSheets: planillas,
    teslinSlots,
    voidedSlots: teslinSlots - newCards,
    micas: newCards,
    holograms,
    inkPlanillas: planillas,
    inkSets: Math.round((planillas / config.planillasPerInkSet) * 100) / 100,
    lines,
  };
}

export interface InitialKitInput {
  matricula: number;
  cycleCode: string;
  config?: Partial<InventoryConfig>;
}

/**
 * Initial kit for a holder serving `matricula` students (R6): every student gets a card, plus the
 * configured margin; Teslin rounded up to whole sheets and ink to whole cartridge sets.
 */
export function computeInitialKit(input: InitialKitInput): { cards: number; lines: ItemLine[] } {
  const config = resolveConfig(input.config);
  const matricula = count(input.matricula, 'matricula', 'La matrícula');
  const cycleCode = parseCycleCode(input.cycleCode, 'cycleCode');
  if (matricula === 0) throw new DomainError('La matrícula es cero: no hay kit que calcular.', 'matricula', 'SOLICITUD_VACIA');
  const cards = Math.ceil((matricula * (100 + config.kitMarginPercent)) / 100);
  const planillas = sheetsFor(cards);
  const inkPack = unitsPerPack('TINTA', config.planillasPerInkSet);
  // In item-code order: HOLOGRAMA:… < MICA < TESLIN < TINTA.
  const lines: ItemLine[] = [
    { item: hologramCode(cycleCode), quantity: cards },
    { item: 'MICA', quantity: cards },
    { item: 'TESLIN', quantity: planillas * SLOTS_PER_SHEET },
    { item: 'TINTA', quantity: Math.ceil(planillas / inkPack) * inkPack },
  ];
  return { cards, lines };
}

/**
 * Procedure 2: the most a school may ask for, by matrícula (SPEC §5): a card, a mica and a hologram
 * per student, the sheets of 8 that print them, and the ink sets that print those sheets.
 */
export function materialCeilingForMatricula(
  matricula: number,
  config?: Partial<InventoryConfig>,
): { teslinSheets: number; micas: number; holograms: number; inkSets: number } {
  const { planillasPerInkSet } = resolveConfig(config);
  const teslinSheets = sheetsFor(matricula);
  return { teslinSheets, micas: matricula, holograms: matricula, inkSets: Math.ceil(teslinSheets / planillasPerInkSet) };
}

export interface ShortfallLine {
  item: ItemCode;
  required: number;
  available: number;
  /** max(0, required - available). */
  missing: number;
  /** `missing` rounded up to whole packs (sheets, cartridge sets): what a supply ticket should ask. */
  suggestedOrder: number;
}

export interface ShortfallReport {
  sufficient: boolean;
  lines: ShortfallLine[];
}

/** Compares required lines with available stock per item (pure). */
export function computeShortfall(
  required: ItemLine[],
  available: Record<ItemCode, number>,
  config?: Partial<InventoryConfig>,
): ShortfallReport {
  const cfg = resolveConfig(config);
  const lines = required.map((r) => {
    const item = parseItemCode(r.item);
    const have = available[item.code] ?? 0;
    const missing = Math.max(0, r.quantity - have);
    const pack = unitsPerPack(item.kind, cfg.planillasPerInkSet);
    return { item: item.code, required: r.quantity, available: have, missing, suggestedOrder: Math.ceil(missing / pack) * pack };
  });
  return { sufficient: lines.every((l) => l.missing === 0), lines };
}
