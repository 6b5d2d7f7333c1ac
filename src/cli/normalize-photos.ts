import 'reflect-metadata';
import * as path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config/app-config';
import { createOrmConfig } from '../database/mikro-orm.config';
import { BlobStore } from '../storage/blob-store';
import { normalizeStoredPhotos } from '../uploads/photo-migration';

/**
 * `node dist/src/cli/normalize-photos.js`: normalises the student photos stored before issue 11
 * (orientation, 240 × 300 px, JPEG without metadata), then removes the originals and the print files
 * that embedded them. Safe to run again (it does nothing the second time) and while the API runs.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await MikroORM.init(createOrmConfig(config.databaseUrl));
  try {
    const r = await normalizeStoredPhotos(orm.em.fork(), new BlobStore(path.join(config.dataDir, 'uploads')));
    console.log(
      `Fotografías: ${r.photos}; ya normalizadas: ${r.alreadyNormalized}; normalizadas ahora: ${r.normalized}; ` +
        `originales eliminados: ${r.originalsRemoved}; archivos de impresión eliminados (se regeneran al descargarlos): ${r.printFilesRemoved}; ` +
        `faltantes: ${r.missing}; ilegibles: ${r.unreadable.length ? r.unreadable.join(', ') : 0}.`,
    );
  } finally {
    await orm.close(true);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
