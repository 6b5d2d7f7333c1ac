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
  const { databasePoolMax, databaseAcquireTimeoutMs } = loadConfig();
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
    pool: { min: 0, max: databasePoolMax },
    // Bounded waits: an exhausted pool or an unreachable server fails fast (mapped to 503), never hangs a request.
    driverOptions: { acquireConnectionTimeout: databaseAcquireTimeoutMs, connection: { connectionTimeoutMillis: databaseAcquireTimeoutMs } },
    debug: false,
  });
}

export default createOrmConfig;
