import { DomainError } from '../common/domain-error';

/** Material arithmetic settings (SPEC §5), configurable by environment. */
export interface InventoryConfig {
  /** Planillas (sheets of 8 cards) one ink cartridge set prints. Default 50. */
  planillasPerInkSet: number;
  /** Extra percentage added to initial kits computed from matrícula. Default 10. */
  kitMarginPercent: number;
}

export const DEFAULT_INVENTORY_CONFIG: InventoryConfig = { planillasPerInkSet: 50, kitMarginPercent: 10 };

export const INVENTORY_CONFIG = Symbol('INVENTORY_CONFIG');

export function validateInventoryConfig(config: InventoryConfig): InventoryConfig {
  if (!Number.isInteger(config.planillasPerInkSet) || config.planillasPerInkSet < 1 || config.planillasPerInkSet > 10000) {
    throw new DomainError('Las planillas por juego de tinta deben ser un entero entre 1 y 10000.', 'planillasPerInkSet');
  }
  if (!Number.isFinite(config.kitMarginPercent) || config.kitMarginPercent < 0 || config.kitMarginPercent > 100) {
    throw new DomainError('El margen del kit debe estar entre 0 y 100 por ciento.', 'kitMarginPercent');
  }
  return config;
}

export function loadInventoryConfig(env: NodeJS.ProcessEnv = process.env): InventoryConfig {
  const num = (name: string, fallback: number) => (env[name] === undefined || env[name] === '' ? fallback : Number(env[name]));
  return validateInventoryConfig({
    planillasPerInkSet: num('INVENTORY_PLANILLAS_PER_INK_SET', DEFAULT_INVENTORY_CONFIG.planillasPerInkSet),
    kitMarginPercent: num('INVENTORY_KIT_MARGIN_PERCENT', DEFAULT_INVENTORY_CONFIG.kitMarginPercent),
  });
}
