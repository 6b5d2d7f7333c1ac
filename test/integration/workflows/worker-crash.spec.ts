import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { buildProcedureModule, CYCLE, inventory, RunningWorker, startWorker } from './support/harness';
import { procedure1Scenario } from './support/scenarios';

type Row = Record<string, unknown>;

/**
 * Kill -9 the worker process right after the real print run committed (folios taken, blanks voided,
 * cards issued, consumption recorded, PDF rendered) and before its activity reports back; a new
 * worker retries the step and finishes the procedure with nothing duplicated.
 */
describe('procedure worker crash', () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let child: ChildProcess | undefined;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef } = await buildProcedureModule(db.url));
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

  it('finishes Procedure 1 on a new worker with no duplicate audit rows, folios, print runs, stock moves or acuses', async () => {
    const blocked = spawnWorker('production.generatePrintRun:done');
    const em = moduleRef.get(EntityManager);
    const q = (sql: string, params: unknown[] = []) => em.fork().execute<Row[]>(sql, params);
    const scenario = procedure1Scenario({
      client: new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`),
      em,
      requests: moduleRef.get(RequestsService),
      moduleRef,
      n: 1,
      activityTimeout: '10s',
    });
    // The scenario failing (or ending) before the worker blocks fails the test at once.
    await Promise.race([blocked, scenario.then(() => Promise.reject(new Error('the procedure ended before the worker blocked')))]);
    // The run is committed and its consumption recorded, but the activity never reports back: kill the process there.
    const atKill = {
      folios: await q('select count(*)::int as n from credential'),
      entries: await q('select count(*)::int as n from stock_entry'),
    };
    // 8 folios of the card issued before the request, 24 of the request's run (17 cards, 7 voided).
    expect(atKill.folios).toEqual([{ n: 32 }]);
    child!.kill('SIGKILL');
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    const r = await scenario;

    expect(r.result.outcome).toBe('DELIVERED');
    expect(await q('select count(*)::int as n from credential')).toEqual([{ n: 32 }]);
    expect(await q(`select count(*)::int as n, count(distinct folio)::int as distinct_folios from credential`)).toEqual([{ n: 32, distinct_folios: 32 }]);
    expect(await q('select count(*)::int as n from print_run')).toEqual([{ n: 2 }]);
    // The retried step wrote no stock entry: the ledger at kill time already held the run's consumption.
    expect(await q('select count(*)::int as n from stock_entry')).toEqual(atKill.entries);
    expect(await q('select kind, count(*)::int as n from stock_entry group by kind order by kind')).toEqual([
      { kind: 'CONSUMPTION', n: 8 }, // 4 items of the earlier card + 4 of the request's run
      { kind: 'RECEIPT', n: 6 }, // VALLES 4 items, central 2
      { kind: 'RESERVATION', n: 8 }, // 2 shipments × 2 items at central + the request's 4 items
      { kind: 'TRANSFER_IN', n: 4 }, // 2 shipments × 2 items
      { kind: 'TRANSFER_OUT', n: 4 },
      { kind: 'WASTE', n: 2 }, // voided blanks of both runs
    ]);
    expect(await inventory(moduleRef).balances({ drseCode: 'VALLES' })).toEqual({ [`HOLOGRAMA:${CYCLE}`]: [78, 0], MICA: [0, 0], TESLIN: [0, 0], TINTA: [46, 0] });
    const audit = await q('select seq from procedure_audit where request_id = ? order by seq', [r.requestId]);
    // 14 transitions: … delivery, acuse recorded, signed acuse uploaded; 7 tasks, the last one collecting the signed acuse.
    expect(audit.map((a) => a.seq)).toEqual([...Array(14).keys()]);
    expect(await q(`select count(*)::int as n from procedure_task where request_id = ?`, [r.requestId])).toEqual([{ n: 7 }]);
    expect(await q('select kind, count(*)::int as n from acuse group by kind order by kind')).toEqual([{ kind: 'CREDENCIALES', n: 1 }, { kind: 'ENVIO_DRSE', n: 2 }]);
  });
});
