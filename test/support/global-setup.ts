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
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_TEMPLATE = template;
}
