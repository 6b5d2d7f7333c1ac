/** The auth module's public surface: other domain modules import only from here (eslint.config.mjs). */
export * from './auth.module';
export * from './identity';
export * from './user.entity';
