import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Actor } from '../../../src/access';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { decideUpdate } from '../../../workflows/messages';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { actors, buildProcedureModule, inState, RunningWorker, seedSchool, startWorker, waitForView } from './support/harness';

type Row = Record<string, unknown>;

/** The history marker of a local activity's result (Temporal's core SDK). */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** The decide Update's validator, SLA escalation and continueAsNew, on the real servers. */
describe(decideUpdate.name, () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let worker: RunningWorker;
  let client: ProcedureClient;
  let em: EntityManager;
  let requests: RequestsService;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef } = await buildProcedureModule(db.url));
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    client = new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`);
    em = moduleRef.get(EntityManager);
    requests = moduleRef.get(RequestsService);
  });

  afterAll(async () => {
    await worker?.stop();
    await moduleRef?.close();
    await temporal?.close();
    await db?.drop();
  });

  async function startP1(extra: { slaOverrides?: Record<string, string>; maxHistoryEvents?: number } = {}) {
    n++;
    const { school, student } = await seedSchool(em.fork(), { cct: `14EPR${String(n).padStart(4, '0')}X`, drseCode: 'VALLES', matricula: 100, hasInternet: false, seed: n });
    const other = await seedSchool(em.fork(), { cct: `14EPR${String(n + 500).padStart(4, '0')}X`, drseCode: 'VALLES', matricula: 100, hasInternet: false, seed: n + 500 });
    const s = await student({ primerIngreso: true });
    const { requestId } = await requests.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: `OF-${n}`, students: [{ studentId: s, kind: 'NUEVO' }] });
    await client.start('PROCEDURE_1', requestId, {
      input: { requestId, schoolId: school.id, drseCode: 'VALLES', newRequested: 1, continuingRequested: 0 },
      scope: { drseCode: 'VALLES', schoolId: school.id },
      ...extra,
    });
    const workflowId = client.workflowId('PROCEDURE_1', requestId);
    await waitForView(client, workflowId, inState('revisionPlaneacion'));
    return { requestId, workflowId, a: actors('VALLES', school.id), otherSchoolId: other.school.id };
  }

  const count = async (sql: string, params: unknown[]) => Number((await em.fork().execute<Row[]>(sql, params))[0].n);

  it('rejects synchronously, writing no history, an update from the wrong role, DRSE or school, or with an event not allowed now', async () => {
    const { requestId, workflowId, a, otherSchoolId } = await startP1();
    const handle = temporal.client.workflow.getHandle(workflowId);
    // Let the first transition's record finish (a local activity: its marker comes with the workflow
    // task's completion), so only the refused updates could add events.
    let before = 0;
    for (let settled = false; !settled; ) {
      const events = (await handle.fetchHistory()).events!;
      settled = events.some((e) => e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER);
      before = events.length;
      if (!settled) await new Promise((r) => setTimeout(r, 100));
    }
    const auditBefore = await count('select count(*)::int as n from procedure_audit where request_id = ?', [requestId]);
    const refused: Array<[{ type: string } & Record<string, unknown>, Actor, RegExp]> = [
      [{ type: 'ACCEPT' }, a.escuela, /rol ESCUELA no puede/],
      [{ type: 'ACCEPT' }, a.controlEscolar, /rol DRSE_CONTROL_ESCOLAR no puede/],
      [{ type: 'ACCEPT' }, { id: 'u-sur', role: 'DRSE_PLANEACION', drseCode: 'SUR' }, /no pertenece a la escuela o a la DRSE/],
      [{ type: 'WITHDRAW' }, { id: 'u-otra', role: 'ESCUELA', drseCode: 'VALLES', schoolId: otherSchoolId }, /no pertenece/],
      [{ type: 'DELIVER' }, a.planeacion, /no está permitido en el estado actual \(EN_REVISION_PLANEACION\)/],
      [{ type: 'SLA_EXPIRED' }, a.planeacion, /no está permitido/],
      // The decision's description (statecharts/decisions.ts): ACCEPT carries no data, REJECT needs its reason.
      [{ type: 'ACCEPT', nombre: 'Juan' }, a.planeacion, /no lleva el dato "nombre"/],
      [{ type: 'ACCEPT', newApproved: 1 }, a.planeacion, /no lleva el dato "newApproved"/],
      [{ type: 'REJECT' }, a.planeacion, /comentario obligatorio/],
    ];
    for (const [event, actor, message] of refused) {
      const err = await client.decide('PROCEDURE_1', requestId, { event, actor }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((err as WorkflowUpdateFailedError).cause?.message)).toMatch(message);
    }
    expect((await handle.fetchHistory()).events!.length).toBe(before);
    expect(await count('select count(*)::int as n from procedure_audit where request_id = ?', [requestId])).toBe(auditBefore);
    const view = await client.view('PROCEDURE_1', requestId);
    expect(view).toMatchObject({ state: 'revisionPlaneacion', status: 'EN_REVISION_PLANEACION', seq: 0 });
    expect(view.allowedEvents).toEqual({ DRSE_PLANEACION: ['ACCEPT', 'RETURN', 'REJECT'], ESCUELA: ['WITHDRAW'] });
    expect(view.openTask).toMatchObject({ key: 'REVISION_PLANEACION', role: 'DRSE_PLANEACION', overdue: false });

    // A state role covers every DRSE, but only a role the step names may decide; the right one may.
    const ok = await client.decide('PROCEDURE_1', requestId, { event: { type: 'WITHDRAW' }, actor: a.escuela, comment: 'Ya no se requiere.' });
    expect(ok).toEqual({ status: 'RETIRADA', state: 'retirada', seq: 1 });
    expect(await count(`select count(*)::int as n from procedure_task where request_id = ? and status = 'ABIERTA'`, [requestId])).toBe(0);
  });

  it('marks the task overdue when its SLA expires and opens the supervisor’s task, leaving the original open', async () => {
    const { requestId, workflowId, a } = await startP1({ slaOverrides: { REVISION_PLANEACION: '2s' } });
    const view = await waitForView(client, workflowId, (v) => v.openTask?.overdue === true);
    expect(view.openTask).toMatchObject({ key: 'REVISION_PLANEACION', escalatedTo: 'CONTROL_ESCOLAR_CENTRAL' });
    expect(view.state).toBe('revisionPlaneacion');
    const tasks = await em.fork().execute<Row[]>('select kind, role, status, overdue, escalates_task_id, id from procedure_task where request_id = ? order by id', [requestId]);
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ kind: 'PASO', role: 'DRSE_PLANEACION', status: 'ABIERTA', overdue: true });
    expect(tasks[1]).toMatchObject({ kind: 'ESCALAMIENTO', role: 'CONTROL_ESCOLAR_CENTRAL', status: 'ABIERTA', escalates_task_id: tasks[0].id });
    const inbox = await requests.inbox(a.central, { overdue: false, procedure: 'PROCEDURE_1' });
    expect(inbox.items.map((i) => i.requestId)).toContain(requestId);
    const overdueInbox = await requests.inbox(a.planeacion, { overdue: true });
    expect(overdueInbox.items.map((i) => i.requestId)).toEqual([requestId]);
    // The step is still decided by its own role; both tasks close with it.
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'REJECT' }, actor: a.planeacion, comment: 'Oficio sin firma.' });
    expect(await count(`select count(*)::int as n from procedure_task where request_id = ? and status = 'ABIERTA'`, [requestId])).toBe(0);
    expect((await requests.timeline(requestId)).map((t) => t.event)).toEqual(['SUBMIT', 'SLA_EXPIRED', 'REJECT']);
  });

  it('continues as new when the history grows, keeping state, sequence and the chart version', async () => {
    const { requestId, workflowId, a } = await startP1({ maxHistoryEvents: 40 });
    const firstRun = (await temporal.client.workflow.getHandle(workflowId).describe()).runId;
    for (let i = 0; i < 6; i++) {
      await waitForView(client, workflowId, inState('revisionPlaneacion'));
      await client.decide('PROCEDURE_1', requestId, { event: { type: 'RETURN' }, actor: a.planeacion, comment: 'Falta la firma.' });
      await waitForView(client, workflowId, inState('correccionEscuela'));
      await client.decide('PROCEDURE_1', requestId, { event: { type: 'RESUBMIT' }, actor: a.escuela });
    }
    await waitForView(client, workflowId, inState('revisionPlaneacion'));
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'REJECT' }, actor: a.planeacion, comment: 'Demasiadas correcciones.' });
    const handle = temporal.client.workflow.getHandle(workflowId);
    expect(await handle.result()).toMatchObject({ outcome: 'REJECTED', requestId });
    expect((await handle.describe()).runId).not.toBe(firstRun);
    const timeline = await requests.timeline(requestId);
    expect(timeline).toHaveLength(14);
    expect(timeline.map((t) => t.seq)).toEqual([...Array(14).keys()]);
  });
});
