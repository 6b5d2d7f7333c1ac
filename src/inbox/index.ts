/** The inbox module's public surface: other domain modules import only from here (eslint.config.mjs). */
export * from './inbox.module';
