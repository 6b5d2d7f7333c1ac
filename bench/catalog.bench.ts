/**
 * The statewide catalogue benchmark (issue 10): loads the deterministic statewide data set into a
 * scratch database through the administrator's API and times the school import (dry run and
 * apply), the student import and the coverage reports, in this process.
 *
 *   npm run bench:catalog [-- --schools 8000 --students 1200000 --samples 20 --database sej_bench_estatal --keep]
 *
 * Goals: each import ≤ 2 min on the 2-core machine; statewide coverage report p95 ≤ 1 s.
 * The database is dropped at the end unless --keep (then it is the statewide data set, ready).
 */
import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CoverageService } from '../src/catalog/coverage.service';
import { dropDatabase } from '../src/database/admin';
import { DEFAULT_STATEWIDE } from './statewide/dataset';
import { loadStatewide, prepareDatabase, startApi } from './statewide/loader';
import { arg, percentile, runBench } from './support';

async function sample(n: number, call: () => Promise<{ status: number }>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await call();
    if (res.status !== 200) throw new Error(`informe → ${res.status}`);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

const line = (label: string, ms: number[]) => `${label}: n=${ms.length} p50=${percentile(ms, 50).toFixed(0)} ms p95=${percentile(ms, 95).toFixed(0)} ms max=${ms[ms.length - 1].toFixed(0)} ms`;

async function main(): Promise<void> {
  const opts = { seed: arg('seed', DEFAULT_STATEWIDE.seed), schools: arg('schools', DEFAULT_STATEWIDE.schools), students: arg('students', DEFAULT_STATEWIDE.students) };
  const samples = arg('samples', 20);
  const i = process.argv.indexOf('--database');
  const database = i > 0 ? process.argv[i + 1] : 'sej_bench_estatal';
  const keep = process.argv.includes('--keep');
  console.log(`carga: ${execFileSync('uptime').toString().trim()}`);
  const { adminUrl, url } = await prepareDatabase(database, true);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sej-estatal-'));
  const api = await startApi(url, dataDir);
  try {
    const t0 = performance.now();
    await loadStatewide(api, opts);
    console.log(`carga completa: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const [{ n }] = await api.orm.em.fork().execute<Array<{ n: number }>>('select count(*)::int as n from student');
    console.log(`alumnos en la base: ${n}`);
    const refreshes: number[] = [];
    for (let k = 0; k < 3; k++) refreshes.push((await api.app.get(CoverageService).refresh())!.durationMs);
    console.log(`recálculo de la cobertura estatal (instantánea por escuela): ${refreshes.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    const report = () => api.call('CONTROL_ESCOLAR_CENTRAL', 'GET', '/reports/coverage');
    await report(); // warm
    console.log(line('informe de cobertura estatal (GET /reports/coverage)', await sample(samples, report)));
    const drse = () => api.call('CONTROL_ESCOLAR_CENTRAL', 'GET', '/reports/coverage/drses/CENTRO_1');
    await drse();
    console.log(line('informe de una DRSE (CENTRO_1, por escuela)', await sample(samples, drse)));
    const [{ id }] = await api.orm.em.fork().execute<Array<{ id: number }>>(`select id from school where drse_code = 'CENTRO_1' order by matricula desc limit 1`);
    const school = () => api.call('CONTROL_ESCOLAR_CENTRAL', 'GET', `/reports/coverage/schools/${id}`);
    await school();
    console.log(line('informe de una escuela', await sample(samples, school)));
    console.log(`carga al terminar: ${execFileSync('uptime').toString().trim()}`);
  } finally {
    await api.close();
    await fs.rm(dataDir, { recursive: true, force: true });
    if (!keep) await dropDatabase(adminUrl, database);
  }
}

runBench(main);
