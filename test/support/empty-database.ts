import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createDatabase, dropDatabase, withDatabase } from '../../src/database/admin';
import { createOrmConfig } from '../../src/database/mikro-orm.config';

// Jest hooks: specs only (test/support/db.ts is also compiled with the benchmarks, without jest's types).
/** An empty database (no migrations run), for the specs that migrate it themselves; dropped after the file. */
export function emptyDatabaseForFile(prefix: string): { orm: () => MikroORM } {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL!;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    await createDatabase(adminUrl, name);
    orm = await MikroORM.init(createOrmConfig(withDatabase(adminUrl, name)));
  });
  afterAll(async () => {
    await orm?.close(true);
    await dropDatabase(adminUrl, name);
  });
  return { orm: () => orm! };
}
