import { createDatabase, dropDatabase } from '../../src/database/admin';
import { migrateUp } from '../../src/database/migrate';

/**
 * Creates one migrated template database per test run. Each test file clones it
 * (test/support/db.ts), so files never share rows and the development database is never touched.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const template = `sej_test_tmpl_${process.pid}_${Date.now().toString(36)}`;
  await dropDatabase(adminUrl, template);
  await createDatabase(adminUrl, template);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  await migrateUp(url.toString());
  // Jest copies this realm's globals into every test file's realm: MikroORM's metadata store from
  // migrating the template (Maps of this realm) must not leak there, or entity discovery breaks.
  for (const key of Object.keys(globalThis)) {
    if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
  }
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_TEMPLATE = template;
}
