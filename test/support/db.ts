import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createDatabase, dropDatabase, withDatabase } from '../../src/database/admin';
import { createOrmConfig } from '../../src/database/mikro-orm.config';

export interface TestDatabase {
  name: string;
  url: string;
  orm: MikroORM;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database cloned from the run's migrated template (see global-setup.ts). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!adminUrl || !template) throw new Error('global-setup did not run: no template database');
  const name = `${template.replace('tmpl', 'f')}_${randomBytes(4).toString('hex')}`;
  // Two files cloning the template at the same moment make PostgreSQL refuse one (55006): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await createDatabase(adminUrl, name, template);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 200)));
    }
  }
  const url = withDatabase(adminUrl, name);
  const orm = await MikroORM.init(createOrmConfig(url));
  return {
    name,
    url,
    orm,
    async drop() {
      await orm.close(true);
      await dropDatabase(adminUrl, name);
    },
  };
}
