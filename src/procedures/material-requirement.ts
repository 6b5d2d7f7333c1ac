import type { MaterialQuantities } from '../../statecharts/step-meta';

/** SPEC §5 defaults: a Teslin sheet holds 8 cards (R7), one mica per card, one hologram per student. */
export interface MaterialRules {
  slotsPerSheet: number;
}
export const DEFAULT_MATERIAL_RULES: MaterialRules = { slotsPerSheet: 8 };

/** Procedure 2: the most a school may ask for, by matrícula. */
export function materialCeilingForMatricula(matricula: number, rules = DEFAULT_MATERIAL_RULES): MaterialQuantities {
  return { teslinSheets: Math.ceil(matricula / rules.slotsPerSheet), micas: matricula, holograms: matricula };
}
