import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { buildProcedureModule, RunningWorker, startWorker } from './support/harness';
import { procedure1Scenario } from './support/scenarios';
import { TableGateways } from './support/table-gateways';

type Row = Record<string, unknown>;

/** Kill -9 the worker process right after the print run committed; a new worker finishes the procedure. */
describe('procedure worker crash', () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let gateways: TableGateways;
  let child: ChildProcess | undefined;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef, gateways } = await buildProcedureModule(db.url));
  });

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await worker?.stop();
    await moduleRef?.close();
    await temporal?.close();
    await db?.drop();
  });

  function spawnWorker(blockAt: string): Promise<void> {
    child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'support', 'worker-process.ts')], {
      env: { ...process.env, DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, TASK_QUEUE: temporal.taskQueue, BLOCK_AT: blockAt },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes(`BLOCKED ${blockAt}`)) resolve();
      });
      child!.on('exit', (code) => reject(new Error(`worker process exited (${code}) before blocking`)));
    });
  }

  it('finishes Procedure 1 on a new worker with no duplicate audit rows, folios or stock moves', async () => {
    const blocked = spawnWorker('generatePrintRun:done');
    const em = moduleRef.get(EntityManager);
    const scenario = procedure1Scenario({
      client: new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`),
      em,
      requests: moduleRef.get(RequestsService),
      gateways,
      n: 1,
      activityTimeout: '5s',
    });
    await blocked;
    // The print run is committed, its activity never reports back: kill the process there.
    const [{ n: foliosAtKill }] = await em.fork().execute<Row[]>('select count(*)::int as n from test_folio');
    expect(foliosAtKill).toBe(24);
    child!.kill('SIGKILL');
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    const r = await scenario;

    expect(r.result.outcome).toBe('DELIVERED');
    const q = (sql: string, params: unknown[] = []) => em.fork().execute<Row[]>(sql, params);
    expect(await q('select count(*)::int as n from test_folio')).toEqual([{ n: 24 }]);
    expect(await q('select count(*)::int as n from test_print_run')).toEqual([{ n: 1 }]);
    // 3 items reserved + 2 items received in each of 2 shipments.
    expect(await q('select count(*)::int as n from test_stock_move')).toEqual([{ n: 7 }]);
    expect(await q(`select item, qty from test_stock where drse_code = 'VALLES' order by item`)).toEqual([
      { item: 'HOLOGRAMA', qty: 78 }, { item: 'MICA', qty: 0 }, { item: 'TESLIN', qty: 0 },
    ]);
    const audit = await q('select seq from procedure_audit where request_id = ? order by seq', [r.requestId]);
    expect(audit.map((a) => a.seq)).toEqual([...Array(13).keys()]);
    expect(await q(`select count(*)::int as n from procedure_task where request_id = ?`, [r.requestId])).toEqual([{ n: 6 }]);
    expect(await q('select count(*)::int as n from test_acuse')).toEqual([{ n: 1 }]);
  });
});
