/**
 * Loads the deterministic statewide data set (bench/statewide/dataset.ts: 14 DRSEs + Sub-DRSEs,
 * ~8,000 schools by turno, ~1.2 M students) into a database of your choosing, through the
 * administrator's API, and leaves it there (with its photos under --data-dir).
 *
 *   npm run load:statewide -- --database sej_estatal [--recreate] [--schools 8000 --students 1200000 --seed 14]
 *                                                    [--data-dir .data/sej_estatal]
 *
 * Refuses the demo database (`credencializacion`, or whatever DATABASE_URL names) and an existing
 * database unless --recreate. Then e.g.:
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sej_estatal DATA_DIR=.data/sej_estatal npm run start:api
 */
import * as path from 'node:path';
import { DEFAULT_STATEWIDE } from '../bench/statewide/dataset';
import { loadStatewide, prepareDatabase, startApi } from '../bench/statewide/loader';

const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const database = argOf('database');
  if (!database) throw new Error('Indique la base de datos: --database <nombre> (nunca la de demostración).');
  const opts = {
    seed: Number(argOf('seed') ?? DEFAULT_STATEWIDE.seed),
    schools: Number(argOf('schools') ?? DEFAULT_STATEWIDE.schools),
    students: Number(argOf('students') ?? DEFAULT_STATEWIDE.students),
  };
  const { url } = await prepareDatabase(database, process.argv.includes('--recreate'));
  const api = await startApi(url, path.resolve(argOf('data-dir') ?? path.join('.data', database)));
  try {
    await loadStatewide(api, opts);
    console.log(`Listo: ${database} (${opts.schools} escuelas, ${opts.students} alumnos; fotografías en ${api.dataDir}).`);
  } finally {
    await api.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
