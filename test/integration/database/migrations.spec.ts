import { emptyDatabaseForFile } from '../../support/empty-database';
import { migrationsList } from '../../../migrations';

describe('migrations', () => {
  const db = emptyDatabaseForFile('sej_test_migr');

  async function tables(): Promise<string[]> {
    const rows = await db.orm().em.fork().execute<Array<{ table_name: string }>>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations' order by 1`,
    );
    return rows.map((r) => r.table_name);
  }

  it('apply from an empty database, roll back to empty, and apply again', async () => {
    expect(await tables()).toEqual([]);
    const migrator = db.orm().getMigrator();
    const applied = await migrator.up();
    expect(applied.map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
    expect(await tables()).toEqual(expect.arrayContaining(['drse', 'school', 'school_cycle', 'student']));
    expect(await migrator.getPendingMigrations()).toEqual([]);

    await migrator.down({ to: 0 });
    expect(await tables()).toEqual([]);

    await migrator.up();
    expect(await tables()).toEqual(expect.arrayContaining(['drse', 'school', 'student']));
  });
});
