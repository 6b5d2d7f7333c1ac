/**
 * Issue 14 item 4: what recording a transition (audit + read model) costs with each option, in one
 * process against the Temporal server at TEMPORAL_ADDRESS and a scratch PostgreSQL database:
 *   activity  one activity per transition (the system today: `recordProcedureTransition`)
 *   local     one local activity per transition
 *   inStep    an automatic step's activity records the transition its outcome causes
 *   batch     transitions buffered and recorded in one activity before the workflow waits for a person
 * Each workflow walks Procedure 1's happy path (10 transitions, 4 automatic steps) with no human
 * wait, so the figures are the engine's cost only. Prints transitions/s, workflow history events and
 * activity calls per request, and ratios against `activity`, which runs first and again last.
 *
 *   npx ts-node --transpile-only bench/transitions.bench.ts [--workflows 60]
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/admin';
import * as activities from './transitions/activities';
import type { RecordMode } from './transitions/workflows';
import { arg, runBench } from './support';

async function main(): Promise<void> {
  const workflows = arg('workflows', 60);
  Runtime.install({ logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) } as never });
  const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7244';
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `sej_bench_tr_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, dbName);
  const url = withDatabase(adminUrl, dbName);
  activities.usePool(url);
  const { Pool } = await import('pg');
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`create table bench_audit (id bigserial primary key, workflow_id text not null, seq int not null, from_state text, to_state text not null, event text not null, at timestamptz not null, unique (workflow_id, seq))`);
  await admin.query(`create table bench_request (workflow_id text primary key, state text not null, last_seq int not null, updated_at timestamptz not null)`);
  const taskQueue = `bench-tr-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    taskQueue,
    workflowsPath: require.resolve('./transitions/workflows'),
    activities: { recordTransitions: activities.recordTransitions, step: activities.step, stepAndRecord: activities.stepAndRecord },
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address }) });
  console.log(`Registro de transiciones, ${workflows} flujos a la vez por opción; ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  try {
    // Warm-up (bundle loaded, connections open).
    await client.workflow.execute('transitionsWorkflow', { taskQueue, workflowId: `${taskQueue}-warm`, args: ['activity', `${taskQueue}-warm`] });
    const results: Array<{ mode: RecordMode | 'activity (otra vez)'; perSec: number; events: number; calls: number }> = [];
    for (const mode of ['activity', 'local', 'inStep', 'batch', 'activity'] as RecordMode[]) {
      const ids = Array.from({ length: workflows }, (_, i) => `${taskQueue}-${mode}-${results.length}-${i}`);
      const t0 = performance.now();
      const calls = await Promise.all(ids.map((id) => client.workflow.execute('transitionsWorkflow', { taskQueue, workflowId: id, args: [mode, id] }) as Promise<number>));
      const seconds = (performance.now() - t0) / 1000;
      const described = await client.workflow.getHandle(ids[0]).describe();
      const [{ n }] = (await admin.query(`select count(*)::int as n from bench_audit where workflow_id = any($1)`, [ids])).rows as Array<{ n: number }>;
      if (n !== workflows * 10) throw new Error(`${mode}: ${n} filas de bitácora, se esperaban ${workflows * 10}`);
      results.push({ mode: results.length ? mode : mode, perSec: (workflows * 10) / seconds, events: described.historyLength, calls: calls[0] });
    }
    results[results.length - 1].mode = 'activity (otra vez)';
    const base = (results[0].perSec + results[results.length - 1].perSec) / 2;
    for (const r of results) {
      console.log(`  ${r.mode.padEnd(20)} ${r.perSec.toFixed(1).padStart(7)} transiciones/s  ${(r.perSec / base).toFixed(2)}× la línea base; ${r.events} eventos de historia y ${r.calls} llamadas a actividades por solicitud`);
    }
    console.log(`  ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  } finally {
    worker.shutdown();
    await running;
    await activities.closePool();
    await admin.end();
    await dropDatabase(adminUrl, dbName);
  }
}

runBench(main);
