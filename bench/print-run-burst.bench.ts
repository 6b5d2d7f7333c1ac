/**
 * 50 print runs at once (one student each; half by a DRSE, half by a school printing on site, whose
 * runs consume stock inside their transaction) against the real API in this process on a scratch
 * PostgreSQL database, while `/health` is probed every 25 ms. The clients run in a child process, so
 * the API's process only serves (as behind a load balancer). Prints the answers by status, whether
 * every committed run was answered 201, and `/health` latency during the burst against its idle
 * baseline measured just before in the same process.
 *
 *   npm run bench:burst [-- --runs 50]
 *   (TEMPORAL_ADDRESS: the Temporal server for /health, default 127.0.0.1:7244)
 *
 * Goal (issue #12): every answer 201, 409 or 503, none 500; no committed run answered with an
 * error; `/health` p99 ≤ 200 ms during the burst.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config/app-config';
import { ensureCycles } from '../test/integration/api/inventory-fixtures';
import { stockForPrinting } from '../test/integration/api/production-fixtures';
import { arg, benchApp, latencyLine, percentile, remoteClients, runBench } from './support';

async function main(): Promise<void> {
  const runs = arg('runs', 50);
  const { t, close } = await benchApp();
  try {
    const config = loadConfig();
    await ensureCycles(t);
    const drseSchool = await t.createSchool({ drse: 'VALLES', matricula: 150 });
    const onSite = await t.createSchool({ drse: 'VALLES', matricula: 900 });
    await stockForPrinting(t, { drseCode: 'VALLES' }, runs);
    await stockForPrinting(t, { schoolId: onSite.id }, runs);
    const drseToken = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    const schoolToken = (await t.loginAs({ role: 'ESCUELA', schoolId: onSite.id })).accessToken;
    const jobs: Array<{ token: string; studentId: number; key: string }> = [];
    for (let i = 0; i < runs; i++) {
      const onSiteRun = i % 2 === 1;
      const student = await t.createStudent(onSiteRun ? onSite : drseSchool);
      jobs.push({ token: onSiteRun ? schoolToken : drseToken, studentId: student.id, key: `rafaga-${randomUUID()}` });
    }
    const clients = remoteClients(t.baseUrl);
    await clients.burst(Array.from({ length: 5 }, () => ({ method: 'GET', path: '/health' }))); // warm connections

    const idleProbe = clients.probe('/health', 25);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await idleProbe.stop();

    const burstProbe = clients.probe('/health', 25);
    const t0 = performance.now();
    const answers = await clients.burst(jobs.map((j) => ({ method: 'POST', path: '/print-runs', token: j.token, json: { studentIds: [j.studentId] }, headers: { 'Idempotency-Key': j.key } })));
    const wall = performance.now() - t0;
    const during = await burstProbe.stop();
    clients.close();

    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const committed = await t.db.orm.em.fork().execute<Array<{ id: number }>>('select id from print_run order by id');
    const answered = new Set(answers.flatMap((a) => (a.id === null ? [] : [a.id])));
    const unanswered = committed.filter((r) => !answered.has(r.id)).length;
    const idleSorted = [...idle].sort((a, b) => a - b);
    const duringSorted = [...during].sort((a, b) => a - b);

    console.log(`Ráfaga de ${runs} corridas (PRINT_RUN_CONCURRENCY=${config.printRunConcurrency}, PRINT_RUN_QUEUE=${config.printRunQueue}, DATABASE_POOL_MAX=${config.databasePoolMax})`);
    console.log(`  respuestas: ${[...byStatus.entries()].sort().map(([s, n]) => `${s}×${n}`).join(', ')}; 503 con Retry-After: ${answers.filter((a) => a.status === 503 && a.retryAfter).length}`);
    console.log(`  corridas guardadas: ${committed.length}; guardadas sin respuesta 201: ${unanswered}; tiempo total ${(wall / 1000).toFixed(2)} s`);
    console.log(`  ${latencyLine('POST /print-runs', answers.map((a) => a.ms))}`);
    console.log(`  ${latencyLine('/health en reposo (línea base)', idle)}`);
    console.log(`  ${latencyLine('/health durante la ráfaga', during)}`);
    console.log(`  p99 durante / p99 en reposo: ${(percentile(duringSorted, 99) / percentile(idleSorted, 99)).toFixed(2)}×`);
    const ok = answers.every((a) => [201, 409, 503].includes(a.status)) && unanswered === 0 && percentile(duringSorted, 99) <= 200;
    console.log(`  meta (solo 201/409/503, ninguna corrida guardada sin 201, p99 de /health ≤ 200 ms): ${ok ? 'CUMPLIDA' : 'NO CUMPLIDA'}`);
  } finally {
    await close();
  }
}

runBench(main);
