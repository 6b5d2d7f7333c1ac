/**
 * Records the Temporal histories the replay test (test/integration/workflows/replay.spec.ts) replays:
 * runs every procedure's scenario on a real Temporal server against a scratch database, then writes
 * each workflow's history to test/fixtures/histories/<name>.json. Run it when a chart gets a new
 * version (keep the old files: they prove running instances of the old version still replay).
 *
 *   TEMPORAL_ADDRESS=127.0.0.1:7244 npx ts-node --transpile-only scripts/record-histories.ts
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { NativeConnection } from '@temporalio/worker';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/admin';
import { migrateUp } from '../src/database/migrate';
import { ProcedureClient } from '../src/procedures/procedure-client';
import { RequestsService } from '../src/requests/requests.service';
import { buildProcedureModule, startWorker } from '../test/integration/workflows/support/harness';
import { procedure1Scenario, procedure2Scenario, replacementScenario, supplyRejectedScenario } from '../test/integration/workflows/support/scenarios';

const OUT = join(__dirname, '..', 'test', 'fixtures', 'histories');

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7244';
  const name = `sej_record_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  // Blobs (photos, PDFs) and QR keys of the scratch run, never the developer's DATA_DIR.
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'sej-record-'));
  try {
    await migrateUp(url);
    const { moduleRef } = await buildProcedureModule(url);
    const taskQueue = `record-${randomBytes(4).toString('hex')}`;
    const temporal = new Client({ connection });
    const worker = await startWorker(moduleRef, nativeConnection, taskQueue);
    const client = new ProcedureClient(temporal, taskQueue, {}, `${taskQueue}-`);
    const c = { client, em: moduleRef.get(EntityManager), requests: moduleRef.get(RequestsService), moduleRef, n: 1 };
    const runs: Array<[string, string]> = [];
    const p1 = await procedure1Scenario({ ...c, n: 1 });
    runs.push(['procedure1-v1-full', p1.workflowId], ['supply-v1-two-shipments', p1.supplyId]);
    runs.push(['procedure2-v1-full', (await procedure2Scenario({ ...c, n: 2 })).workflowId]);
    runs.push(['replacement-v1-school', (await replacementScenario({ ...c, n: 3 })).workflowId]);
    runs.push(['supply-v1-rejected', (await supplyRejectedScenario({ ...c, n: 4 })).workflowId]);
    mkdirSync(OUT, { recursive: true });
    for (const [file, workflowId] of runs) {
      const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
      writeFileSync(join(OUT, `${file}.json`), JSON.stringify({ workflowId, history: JSON.parse(historyToJSON(history)) }, null, 1) + '\n');
      console.log(`test/fixtures/histories/${file}.json: ${history.events?.length} eventos`);
    }
    await worker.stop();
    await moduleRef.close();
  } finally {
    await nativeConnection.close();
    await connection.close();
    await dropDatabase(adminUrl, name);
    rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
