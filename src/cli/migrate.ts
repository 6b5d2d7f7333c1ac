import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase } from '../database/admin';
import { createOrmConfig } from '../database/mikro-orm.config';
import { loadConfig } from '../config/app-config';

/** `node dist/src/cli/migrate.js up|down|status`: creates the database if needed and migrates it. */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'up';
  const { databaseUrl } = loadConfig();
  if (await ensureDatabase(databaseUrl)) console.log('Base de datos creada.');
  const orm = await MikroORM.init(createOrmConfig(databaseUrl));
  try {
    const migrator = orm.getMigrator();
    if (command === 'up') {
      const applied = await migrator.up();
      console.log(applied.length ? `Migraciones aplicadas: ${applied.map((m) => m.name).join(', ')}` : 'Sin migraciones pendientes.');
    } else if (command === 'down') {
      const reverted = await migrator.down();
      console.log(`Migraciones revertidas: ${reverted.map((m) => m.name).join(', ') || 'ninguna'}`);
    } else if (command === 'status') {
      const executed = await migrator.getExecutedMigrations();
      const pending = await migrator.getPendingMigrations();
      console.log(`Aplicadas: ${executed.length}; pendientes: ${pending.map((m) => m.name).join(', ') || 'ninguna'}`);
    } else {
      throw new Error(`Orden desconocida: ${command} (use up, down o status)`);
    }
  } finally {
    await orm.close(true);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
