import type { MaterialQuantities } from '../../statecharts/step-meta';

/**
 * SPEC §5 defaults: a Teslin sheet holds 8 cards (R7), one mica per card, one hologram per student,
 * one ink cartridge set prints `planillasPerInkSet` planillas (a planilla is a sheet).
 */
export interface MaterialRules {
  slotsPerSheet: number;
  planillasPerInkSet: number;
}
export const DEFAULT_MATERIAL_RULES: MaterialRules = { slotsPerSheet: 8, planillasPerInkSet: 50 };

/** Procedure 2: the most a school may ask for, by matrícula — the ink sets that print those sheets included. */
export function materialCeilingForMatricula(matricula: number, rules = DEFAULT_MATERIAL_RULES): MaterialQuantities & { inkSets: number } {
  const teslinSheets = Math.ceil(matricula / rules.slotsPerSheet);
  return { teslinSheets, micas: matricula, holograms: matricula, inkSets: Math.ceil(teslinSheets / rules.planillasPerInkSet) };
}
