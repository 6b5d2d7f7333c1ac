import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { openTasksOf } from '../../../src/requests/task-scope';
import { supportWorkflow } from '../../../workflows/support.workflow';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { actors, buildProcedureModule, inState, RunningWorker, startWorker, waitForView } from './support/harness';
import { openSupportTicket, ScenarioContext, supportDoubtScenario, supportScenario } from './support/scenarios';

type Row = Record<string, unknown>;

/** Support escalation (R10) on the real PostgreSQL and Temporal: read model, inbox, audit and the payloads. */
describe(supportWorkflow.name, () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let worker: RunningWorker;
  let c: ScenarioContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef } = await buildProcedureModule(db.url));
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    const client = new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`);
    c = { client, em: moduleRef.get(EntityManager), requests: moduleRef.get(RequestsService), moduleRef, n: 1 };
  });

  afterAll(async () => {
    await worker?.stop();
    await moduleRef?.close();
    await temporal?.close();
    await db?.drop();
  });

  const rows = (sql: string, params: unknown[]) => c.em.fork().execute<Row[]>(sql, params);

  it('a school ticket derived to DGTI, reopened once and confirmed: each step a task of the right role, audited with its comment; closed', async () => {
    const r = await supportScenario({ ...c, n: 11 });
    expect(r.result).toEqual({ outcome: 'CLOSED', status: 'CERRADO', requestId: r.ticketId });
    expect(r.attending.openTask).toMatchObject({ role: 'DRSE_TECNOLOGIAS', key: 'ATENCION_TECNOLOGIAS' });
    expect(r.derived.openTask).toMatchObject({ role: 'DGTI', key: 'ATENCION_DGTI' });
    const [ticket] = await rows('select procedure, public_status, state, school_id, drse_code, closed_at from procedure_request where id = ?', [r.ticketId]);
    expect(ticket).toMatchObject({ procedure: 'SUPPORT', public_status: 'CERRADO', state: 'cerrado', school_id: r.school.id, drse_code: 'SUR' });
    expect(ticket.closed_at).not.toBeNull();
    const tasks = await rows('select role, task_key, closed_event, closed_by_role from procedure_task where request_id = ? order by id', [r.ticketId]);
    expect(tasks.map((t) => [t.role, t.closed_event, t.closed_by_role])).toEqual([
      ['DRSE_TECNOLOGIAS', 'DERIVE_TO_DGTI', 'DRSE_TECNOLOGIAS'],
      ['DGTI', 'RESOLVE', 'DGTI'],
      ['ESCUELA', 'REOPEN', 'ESCUELA'],
      ['DGTI', 'RESOLVE', 'DGTI'],
      ['ESCUELA', 'CONFIRM', 'ESCUELA'],
    ]);
    const audit = await rows('select event, actor_role, comment, public_status from procedure_audit where request_id = ? order by seq', [r.ticketId]);
    expect(audit.map((a) => [a.event, a.actor_role, a.public_status])).toEqual([
      ['SUBMIT', 'ESCUELA', 'RECIBIDO'],
      ['TICKET_RECEIVED', 'SISTEMA', 'EN_ATENCION_DRSE'],
      ['DERIVE_TO_DGTI', 'DRSE_TECNOLOGIAS', 'EN_ATENCION_DGTI'],
      ['RESOLVE', 'DGTI', 'RESUELTO'],
      ['REOPEN', 'ESCUELA', 'EN_ATENCION_DGTI'],
      ['RESOLVE', 'DGTI', 'RESUELTO'],
      ['CONFIRM', 'ESCUELA', 'CERRADO'],
    ]);
    expect(audit[4].comment).toBe('Sigue sin poder entrar.');
    // The description is in PostgreSQL only: never in the workflow's input, context or history.
    const [stored] = await rows('select description, kind, opener from support_ticket where request_id = ?', [r.ticketId]);
    expect(stored).toEqual({ description: r.description, kind: 'SISTEMA', opener: 'ESCUELA' });
    const raw = JSON.stringify(await temporal.client.workflow.getHandle(r.workflowId).fetchHistory());
    const payloads = [...raw.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8')).join('\n');
    expect([payloads.includes('"kind":"SISTEMA"'), payloads.includes('Se reinició la cuenta'), payloads.includes('No puedo entrar al sistema')]).toEqual([true, true, false]);
    expect(Object.keys(r.attending.context).sort()).toEqual(['attendedBy', 'derived', 'drseCode', 'escalations', 'incident', 'incidents', 'kind', 'opener', 'reopened', 'requestId', 'schoolId']);
  });

  it("a DRSE Control Escolar doubt is central Control Escolar's task (in its inbox, not in Tecnologías'), confirmed by the DRSE", async () => {
    const r = await supportDoubtScenario({ ...c, n: 12 });
    expect(r.central.openTask).toMatchObject({ role: 'CONTROL_ESCOLAR_CENTRAL' });
    expect(r.answered.openTask).toMatchObject({ role: 'DRSE_CONTROL_ESCOLAR' });
    expect(r.result.status).toBe('CERRADO');
    const [ticket] = await rows('select school_id, drse_code from procedure_request where id = ?', [r.ticketId]);
    expect(ticket).toEqual({ school_id: null, drse_code: 'NORTE' });
  });

  it('refuses, writing nothing, a decision of the wrong role or DRSE; the open task is in the right inbox only', async () => {
    const a = actors('VALLES', 0);
    const other = actors('NORTE', 0);
    const { ticketId, workflowId } = await openSupportTicket({ ...c, n: 13 }, {
      kind: 'EQUIPO', description: 'La impresora de la DRSE atasca cada hoja de Teslin.', drseCode: 'VALLES', schoolId: null, opener: 'DRSE_CONTROL_ESCOLAR',
      openedBy: { id: a.controlEscolar.id, role: a.controlEscolar.role }, onBehalfSchoolId: null,
    });
    const before = await waitForView(c.client, workflowId, inState('atencionTecnologias'));
    const refused = async (d: Parameters<ProcedureClient['decideWorkflow']>[1]) => c.client.decideWorkflow(workflowId, d).then(() => 'aplicada', (err: unknown) => String((err as { cause?: { type?: string } }).cause?.type));
    expect(await refused({ event: { type: 'RESOLVE' }, actor: a.dgti, comment: 'Resuelto.' })).toBe('RolNoPermitido');
    expect(await refused({ event: { type: 'RESOLVE' }, actor: other.tecnologias, comment: 'Resuelto.' })).toBe('AlcanceNoPermitido');
    expect(await refused({ event: { type: 'RESOLVE' }, actor: a.tecnologias })).toBe('DatoInvalido');
    expect(await refused({ event: { type: 'CONFIRM' }, actor: a.controlEscolar })).toBe('DecisionNoPermitida');
    expect((await c.client.viewWorkflow(workflowId)).seq).toBe(before.seq);
    const inbox = async (actor: typeof a.tecnologias) => {
      const { where, params } = openTasksOf(actor);
      return (await rows(`select t.request_id from procedure_task t where ${where.join(' and ')}`, params)).map((t) => Number(t.request_id));
    };
    expect(await inbox(a.tecnologias)).toContain(ticketId);
    expect(await inbox(other.tecnologias)).not.toContain(ticketId);
    expect(await inbox(a.dgti)).not.toContain(ticketId);
    await c.client.decideWorkflow(workflowId, { event: { type: 'DERIVE_TO_DGTI' }, actor: a.tecnologias, comment: 'Requiere refacción central.' });
    await waitForView(c.client, workflowId, inState('atencionDgti'));
    expect(await inbox(a.dgti)).toContain(ticketId);
    expect(await inbox(a.tecnologias)).not.toContain(ticketId);
  });
});
