/**
 * Records the Temporal histories the replay test (test/integration/workflows/replay.spec.ts) replays:
 * runs every procedure's scenario on a real Temporal server against a scratch database, then writes
 * each workflow's history to test/fixtures/histories/<chart>-v<latest version>-<scenario>.json. Run it
 * when a chart gets a new version: files that exist are kept (they prove running instances of that
 * version still replay); `--force` rewrites them. `--tag T` appends `-T` to every name, to record
 * the same scenarios again after a change to the runner's commands (a new patch) without touching the
 * histories that prove the old commands still replay.
 *
 *   TEMPORAL_ADDRESS=127.0.0.1:7244 npx ts-node --transpile-only scripts/record-histories.ts [--tag local-record]
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { LATEST_CHART_VERSION } from '../statecharts/registry';
import { buildProcedureModule, startWorker } from '../test/integration/workflows/support/harness';
import {
  procedure1CancelScenario,
  procedure1Scenario,
  procedure2Scenario,
  replacementIncidentScenario,
  replacementScenario,
  supplyRejectedScenario,
  supportDoubtScenario,
  supportScenario,
} from '../test/integration/workflows/support/scenarios';

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
    const { moduleRef, hooks } = await buildProcedureModule(url);
    const taskQueue = `record-${randomBytes(4).toString('hex')}`;
    const temporal = new Client({ connection });
    const worker = await startWorker(moduleRef, nativeConnection, taskQueue);
    const client = new ProcedureClient(temporal, taskQueue, {}, `${taskQueue}-`);
    const c = { client, em: moduleRef.get(EntityManager), requests: moduleRef.get(RequestsService), moduleRef, n: 1 };
    const v = LATEST_CHART_VERSION;
    const runs: Array<[string, string]> = [];
    const p1 = await procedure1Scenario({ ...c, n: 1 });
    runs.push([`procedure1-v${v.PROCEDURE_1}-full`, p1.workflowId], [`supply-v${v.SUPPLY}-two-shipments`, p1.supplyId]);
    runs.push([`procedure2-v${v.PROCEDURE_2}-full`, (await procedure2Scenario({ ...c, n: 2 })).workflowId]);
    runs.push([`replacement-v${v.REPLACEMENT}-school`, (await replacementScenario({ ...c, n: 3 })).workflowId]);
    runs.push([`supply-v${v.SUPPLY}-rejected`, (await supplyRejectedScenario({ ...c, n: 4 })).workflowId]);
    if (v.REPLACEMENT >= 2) runs.push([`replacement-v${v.REPLACEMENT}-incident-retried`, (await replacementIncidentScenario({ ...c, hooks, n: 6 })).workflowId]);
    if (v.PROCEDURE_1 >= 2) runs.push([`procedure1-v${v.PROCEDURE_1}-ink-wait-cancelled`, (await procedure1CancelScenario({ ...c, n: 5 })).workflowId]);
    runs.push([`support-v${v.SUPPORT}-derived-reopened-closed`, (await supportScenario({ ...c, n: 7 })).workflowId]);
    runs.push([`support-v${v.SUPPORT}-doubt-central`, (await supportDoubtScenario({ ...c, n: 8 })).workflowId]);
    mkdirSync(OUT, { recursive: true });
    const force = process.argv.includes('--force');
    const tagAt = process.argv.indexOf('--tag');
    const tag = tagAt > 0 ? `-${process.argv[tagAt + 1]}` : '';
    for (const [name, workflowId] of runs) {
      const file = `${name}${tag}`;
      if (!force && existsSync(join(OUT, `${file}.json`))) {
        console.log(`test/fixtures/histories/${file}.json: existe, se conserva`);
        continue;
      }
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
