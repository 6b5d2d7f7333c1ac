/**
 * Runs N complete Procedure 1 requests (oficio → acuse) with automatic approvals on the real Temporal
 * server and a scratch PostgreSQL database, and prints requests per minute, state transitions per
 * second and the process's peak memory (the worker runs in this process, next to the driver).
 *
 *   npx ts-node --transpile-only bench/procedures.bench.ts [--requests 500] [--students 3]
 *   (TEMPORAL_ADDRESS defaults to the test server 127.0.0.1:7244)
 *
 * The ports are the real inventory/production adapters: every request reserves real stock, takes real
 * folios, renders its print run with Chromium and records its acuse (with its PDF).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import type { Actor } from '../src/access';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/admin';
import { migrateUp } from '../src/database/migrate';
import { ProcedureClient } from '../src/procedures/procedure-client';
import { RequestsService } from '../src/requests/requests.service';
import { actors, buildProcedureModule, CYCLE, inventory, seedSchool, startWorker } from '../test/integration/workflows/support/harness';
import { runBench } from './support';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const DECISIONS: Record<string, { type: string; actor: 'planeacion' | 'controlEscolar' }> = {
  REVISION_PLANEACION: { type: 'ACCEPT', actor: 'planeacion' },
  VALIDACION_CONTROL_ESCOLAR: { type: 'VALIDATE', actor: 'controlEscolar' },
  CONFIRMACION_PRODUCCION: { type: 'PRODUCTION_CONFIRMED', actor: 'controlEscolar' },
  ENTREGA: { type: 'DELIVER', actor: 'controlEscolar' },
  // The workflow-level decision the API sends once the signed scan is stored.
  ACUSE_FIRMADO: { type: 'ACUSE_SIGNED', actor: 'controlEscolar' },
};

async function main(): Promise<void> {
  const n = arg('requests', 500);
  const perRequest = arg('students', 3);
  Runtime.install({ logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) } as never });
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7244';
  const dbName = `sej_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, dbName);
  const url = withDatabase(adminUrl, dbName);
  const connection = await Connection.connect({ address });
  const native = await NativeConnection.connect({ address });
  try {
    await migrateUp(url);
    const { moduleRef } = await buildProcedureModule(url);
    const em = moduleRef.get(EntityManager);
    const requests = moduleRef.get(RequestsService);
    const taskQueue = `bench-${randomBytes(4).toString('hex')}`;
    const client = new ProcedureClient(new Client({ connection }), taskQueue, {}, `${taskQueue}-`);
    const { school, student } = await seedSchool(em.fork(), { cct: '14EPR0001A', drseCode: 'VALLES', matricula: 20000, hasInternet: false, seed: 7 });
    await inventory(moduleRef).receive(
      { drseCode: 'VALLES' },
      [{ item: 'TESLIN', quantity: 800_000 }, { item: 'MICA', quantity: 100_000 }, { item: `HOLOGRAMA:${CYCLE}`, quantity: 100_000 }, { item: 'TINTA', quantity: 100_000 }],
      'bench-stock',
    );
    const a = actors('VALLES', school.id);
    console.log(`Preparando ${n} solicitudes de ${perRequest} alumnos nuevos…`);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const students = [];
      for (let j = 0; j < perRequest; j++) students.push({ studentId: await student({ primerIngreso: true }), kind: 'NUEVO' as const });
      ids.push((await requests.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: `B-${i}`, students })).requestId);
    }
    const worker = await startWorker(moduleRef, native, taskQueue);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

    const started = Date.now();
    const handles = await Promise.all(
      ids.map((requestId) =>
        client.start('PROCEDURE_1', requestId, {
          input: { requestId, schoolId: school.id, drseCode: 'VALLES', newRequested: perRequest, continuingRequested: 0 },
          scope: { drseCode: 'VALLES', schoolId: school.id },
          submittedBy: { id: a.escuela.id, role: 'ESCUELA' },
        }),
      ),
    );
    // Automatic approvals: decide every open task the read model shows.
    const inFlight = new Set<number>();
    let done = false;
    const results = Promise.all(handles.map((h) => h.result())).then(() => (done = true));
    while (!done) {
      const open = await em.fork().execute<Array<{ id: number; request_id: number; task_key: string }>>(
        `select id, request_id, task_key from procedure_task where status = 'ABIERTA' and kind = 'PASO'`,
      );
      await Promise.all(
        open
          .filter((t) => !inFlight.has(t.id))
          .map(async (t) => {
            inFlight.add(t.id);
            const d = DECISIONS[t.task_key];
            try {
              await client.decide('PROCEDURE_1', t.request_id, { event: { type: d.type }, actor: a[d.actor] as Actor });
            } catch {
              inFlight.delete(t.id); // the workflow had not reached the task yet: retry on the next round
            }
          }),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    await results;
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const [{ transitions }] = await em.fork().execute<Array<{ transitions: number }>>('select count(*)::int as transitions from procedure_audit');
    const [{ delivered }] = await em.fork().execute<Array<{ delivered: number }>>(`select count(*)::int as delivered from procedure_request where public_status = 'ENTREGADA'`);
    console.log(`Solicitudes completas (ENTREGADA): ${delivered} de ${n}`);
    console.log(`Tiempo total: ${seconds.toFixed(1)} s`);
    console.log(`Solicitudes por minuto: ${((delivered / seconds) * 60).toFixed(1)}`);
    console.log(`Transiciones de estado por segundo: ${(transitions / seconds).toFixed(1)} (${transitions} transiciones)`);
    console.log(`Memoria pico del proceso (worker + conductor): ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576).toFixed(0)} MB`);
    await worker.stop();
    await moduleRef.close();
  } finally {
    await native.close();
    await connection.close();
    await dropDatabase(adminUrl, dbName);
  }
}

runBench(main);
