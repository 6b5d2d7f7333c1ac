import 'reflect-metadata';
import * as path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { seedDemoCatalog } from '../catalog/demo/demo-seeder';
import { DEMO_SHORT_DRSE, seedDemoStock } from '../inventory/demo-stock';
import { createOrmConfig } from '../database/mikro-orm.config';
import { loadConfig } from '../config/app-config';
import { BlobStore } from '../storage/blob-store';

/** `node dist/src/cli/seed.js`: loads the demo catalogue into an empty database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await MikroORM.init(createOrmConfig(config.databaseUrl));
  try {
    const blobs = new BlobStore(path.join(config.dataDir, 'uploads'));
    const result = await seedDemoCatalog(orm.em.fork(), blobs, {
      seed: process.env.DEMO_SEED ? Number(process.env.DEMO_SEED) : undefined,
    });
    console.log(
      result.seeded
        ? `Datos de demostración cargados: ${result.schools} escuelas, ${result.students} alumnos.`
        : `La base ya tenía datos (${result.schools} escuelas): no se cargó nada.`,
    );
    const stock = await seedDemoStock(orm.em.fork());
    console.log(
      stock.cycleCode
        ? `Existencias de demostración (ciclo ${stock.cycleCode}): almacén central, ${stock.drses} DRSE y ${stock.schools} escuelas que imprimen en sitio; la DRSE ${DEMO_SHORT_DRSE} tiene pocas micas.`
        : 'Sin ciclo escolar vigente: no se cargaron existencias.',
    );
  } finally {
    await orm.close(true);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
