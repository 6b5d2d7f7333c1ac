/**
 * A procedures worker in its own process, for the kill-the-worker test. When a port call reaches
 * BLOCK_AT (e.g. `production.generatePrintRun:done`: the real run is committed, its consumption
 * recorded and its PDF rendered) it prints "BLOCKED <operation>" and hangs, so the test can kill it
 * right there. Env: DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE, BLOCK_AT, DATA_DIR.
 */
import 'reflect-metadata';
import { NativeConnection } from '@temporalio/worker';
import { buildProcedureModule, startWorker } from './harness';

async function main(): Promise<void> {
  const { moduleRef, hooks } = await buildProcedureModule(process.env.DATABASE_URL!);
  hooks.hook = async (operation) => {
    if (operation !== process.env.BLOCK_AT) return;
    process.stdout.write(`BLOCKED ${operation}\n`);
    await new Promise(() => undefined);
  };
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  await startWorker(moduleRef, connection, process.env.TASK_QUEUE!);
  process.stdout.write('READY\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
