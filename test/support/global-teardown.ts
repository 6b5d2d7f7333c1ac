import { Client } from 'pg';
import { dropDatabase } from '../../src/database/admin';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!adminUrl || !template) return;
  await dropDatabase(adminUrl, template);
  // Databases cloned by test files that crashed before dropping their own.
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const rows = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${template.replace('tmpl', 'f')}%`],
    );
    for (const row of rows.rows) await dropDatabase(adminUrl, row.datname);
  } finally {
    await client.end();
  }
}
