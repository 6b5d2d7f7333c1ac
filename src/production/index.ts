/** The production module's public surface: other domain modules import only from here (eslint.config.mjs). */
export * from './artwork';
export * from './cards-in-force';
export * from './consumption-recorder';
export * from './eligibility';
export * from './entities';
export * from './http/replacement-intake';
export * from './production-reads';
export * from './production.module';
export * from './production.service';
export * from './replacement-receipt';
