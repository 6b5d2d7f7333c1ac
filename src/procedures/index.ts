/** The procedures module's public surface: other domain modules import only from here (eslint.config.mjs). */
export * from './diagram';
export * from './procedure-activities.types';
export * from './procedure-client';
