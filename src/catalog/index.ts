/** The catalog module's public surface: other domain modules import only from here (eslint.config.mjs). */
export * from './entities';
export * from './identifiers';
export * from './refusal-complaint.entity';
export * from './replacement-tariff';
export * from './student-holograms';
export * from './catalog-scope';
