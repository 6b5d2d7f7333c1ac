import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from './mikro-orm.config';

/** Applies every pending migration; returns the names applied. */
export async function migrateUp(databaseUrl: string): Promise<string[]> {
  const orm = await MikroORM.init(createOrmConfig(databaseUrl));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
