import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrationsList } from '../../migrations';
import { loadConfig } from '../config/app-config';
import { ALL_ENTITIES } from './entities';

/**
 * One configuration for the API, the worker, the CLI and the tests. Migrations are listed
 * explicitly (migrations/index.ts) so the same code runs from TypeScript sources and from dist/.
 */
export function createOrmConfig(databaseUrl = loadConfig().databaseUrl) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: Number(process.env.DATABASE_POOL_MAX || 10) },
    debug: false,
  });
}

export default createOrmConfig;
