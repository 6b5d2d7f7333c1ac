import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { Worker } from '@temporalio/worker';
import { ProcedureActivities } from '../../../src/procedures/procedure.activities';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { bindActivities } from '../../../src/temporal/activity-binding';
import { LATEST_CHART_VERSION } from '../../../statecharts/registry';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { actors, buildProcedureModule, CYCLE, inState, inventory, RunningWorker, seedSchool, startWorker, waitForView } from './support/harness';

/**
 * The last release whose workflow code knew only chart v1 (docs/procedures.md, "Publicar una versión
 * de un chart"): on the next release, move this to the commit of the release being replaced.
 */
const PREVIOUS_RELEASE = '1216300b2104d7a6949dbe64decf41987d3991aa';
const ROOT = join(__dirname, '..', '..', '..');

/**
 * A v1 workflow started by a worker running the previous release's workflow code (extracted from git)
 * is finished, after the worker is replaced by one with the current code, on v1: its history replays
 * on the new code, it keeps v1's steps, and a new request starts on the latest version.
 */
describe('chart v1 → v2 upgrade with a running workflow', () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let oldWorker: { worker: Worker; running: Promise<void> } | undefined;
  let newWorker: RunningWorker | undefined;
  const releaseDir = join(ROOT, '.data', `release-${PREVIOUS_RELEASE.slice(0, 12)}-${process.pid}`);

  beforeAll(async () => {
    // Inside the repository, so the bundler resolves node_modules as it does for the current code.
    rmSync(releaseDir, { recursive: true, force: true });
    mkdirSync(releaseDir, { recursive: true });
    const archive = execFileSync('git', ['-C', ROOT, 'archive', PREVIOUS_RELEASE, 'workflows', 'statecharts', 'src'], { maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', releaseDir], { input: archive });
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef } = await buildProcedureModule(db.url));
  });

  afterAll(async () => {
    if (oldWorker?.worker.getState() === 'RUNNING') oldWorker.worker.shutdown();
    await oldWorker?.running.catch(() => undefined);
    await newWorker?.stop();
    await moduleRef?.close();
    await temporal?.close();
    await db?.drop();
    rmSync(releaseDir, { recursive: true, force: true });
  });

  it('finishes on v1 under the new code what the previous release started, and starts new requests on the latest version (v3)', async () => {
    const em = moduleRef.get(EntityManager);
    const requests = moduleRef.get(RequestsService);
    const client = new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`);
    const drseCode = 'SURESTE';
    await inventory(moduleRef).receive(
      { drseCode },
      [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 10 }, { item: `HOLOGRAMA:${CYCLE}`, quantity: 10 }, { item: 'TINTA', quantity: 50 }],
      'upgrade-drse',
    );
    const { school, student } = await seedSchool(em.fork(), { cct: '14EPR8801X', drseCode, matricula: 100, hasInternet: false, seed: 8801 });
    const a = actors(drseCode, school.id);
    const start = async (key: string, chartVersion?: number) => {
      const studentId = await student({ primerIngreso: true });
      const { requestId } = await requests.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: key, students: [{ studentId, kind: 'NUEVO' }] });
      await client.start('PROCEDURE_1', requestId, {
        input: { requestId, schoolId: school.id, drseCode, newRequested: 1, continuingRequested: 0 },
        scope: { drseCode, schoolId: school.id },
        ...(chartVersion ? { chartVersion } : {}),
      });
      return { requestId, workflowId: client.workflowId('PROCEDURE_1', requestId) };
    };

    // The previous release: its own workflow bundle (v1 only), the activities of this process.
    const worker = await Worker.create({
      connection: temporal.nativeConnection,
      taskQueue: temporal.taskQueue,
      workflowsPath: join(releaseDir, 'workflows', 'index.ts'),
      activities: bindActivities(moduleRef.get(ProcedureActivities)),
      shutdownGraceTime: '1s',
      stickyQueueScheduleToStartTimeout: '2s',
    });
    oldWorker = { worker, running: worker.run() };
    const v1 = await start('UPG-1', 1); // what that release's API started
    await waitForView(client, v1.workflowId, inState('revisionPlaneacion'));
    await client.decide('PROCEDURE_1', v1.requestId, { event: { type: 'ACCEPT' }, actor: a.planeacion });
    await waitForView(client, v1.workflowId, inState('validacionControlEscolar'));
    await client.decide('PROCEDURE_1', v1.requestId, { event: { type: 'VALIDATE' }, actor: a.controlEscolar });
    const before = await waitForView(client, v1.workflowId, inState('confirmacionProduccion'));
    expect(before.chartVersion).toBe(1);
    worker.shutdown();
    await oldWorker.running;

    // The release: a worker with the current code takes over the running workflow.
    newWorker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    const after = await waitForView(client, v1.workflowId, inState('confirmacionProduccion'));
    expect(after).toMatchObject({ chartVersion: 1, seq: before.seq });
    // v1 has no cancellation: the new code offers v1's decisions only.
    expect(after.allowedEvents).toEqual({ DRSE_CONTROL_ESCOLAR: ['PRODUCTION_CONFIRMED'] });
    await client.decide('PROCEDURE_1', v1.requestId, { event: { type: 'PRODUCTION_CONFIRMED' }, actor: a.controlEscolar });
    await client.decide('PROCEDURE_1', v1.requestId, { event: { type: 'DELIVER' }, actor: a.controlEscolar });
    expect(await temporal.client.workflow.getHandle(v1.workflowId).result()).toMatchObject({ outcome: 'DELIVERED', status: 'ENTREGADA' });
    const history = await temporal.client.workflow.getHandle(v1.workflowId).fetchHistory();
    expect(history.events?.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
    expect(await em.fork().execute(`select chart_version, public_status from procedure_request where id = ?`, [v1.requestId])).toEqual([
      { chart_version: 1, public_status: 'ENTREGADA' },
    ]);

    const v2 = await start('UPG-2');
    expect((await waitForView(client, v2.workflowId, inState('revisionPlaneacion'))).chartVersion).toBe(LATEST_CHART_VERSION.PROCEDURE_1);
    expect(LATEST_CHART_VERSION.PROCEDURE_1).toBe(3);
  });
});
