import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { actors, buildProcedureModule, CYCLE, inState, inventory, PortHook, RunningWorker, seedSchool, startWorker, waitForView } from './support/harness';
import { replacementIncidentScenario } from './support/scenarios';

type Row = Record<string, unknown>;
const HOLOGRAMA = `HOLOGRAMA:${CYCLE}`;

/**
 * Chart v2 on the real servers: a failed automatic step becomes an incident with a task and its
 * choices, no ink is a visible wait for stock, and a cancellation compensates what earlier steps took
 * (reservation released, folios never printed voided, their material returned) exactly once.
 */
describe('incidents and cancellation (chart v2)', () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let hooks: { hook: PortHook };
  let worker: RunningWorker;
  let client: ProcedureClient;
  let em: EntityManager;
  let requests: RequestsService;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef, hooks } = await buildProcedureModule(db.url));
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    client = new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`);
    em = moduleRef.get(EntityManager);
    requests = moduleRef.get(RequestsService);
  });

  afterEach(() => {
    hooks.hook = async () => undefined;
  });

  afterAll(async () => {
    await worker?.stop();
    await moduleRef?.close();
    await temporal?.close();
    await db?.drop();
  });

  const q = (sql: string, params: unknown[] = []) => em.fork().execute<Row[]>(sql, params);

  /** A Procedure 1 of `cards` new students at DRSE `drseCode`, started on the latest chart and accepted; at the validation task. */
  async function validatedP1(drseCode: string, cards: number) {
    n++;
    const { school, student } = await seedSchool(em.fork(), { cct: `14EPR${String(n + 7000).padStart(4, '0')}X`, drseCode, matricula: 100, hasInternet: false, seed: n + 7000 });
    const ids: number[] = [];
    for (let i = 0; i < cards; i++) ids.push(await student({ primerIngreso: true }));
    const { requestId } = await requests.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: `INC-${n}`, students: ids.map((studentId) => ({ studentId, kind: 'NUEVO' as const })) });
    await client.start('PROCEDURE_1', requestId, {
      input: { requestId, schoolId: school.id, drseCode, newRequested: cards, continuingRequested: 0 },
      scope: { drseCode, schoolId: school.id },
      maxStepAttempts: 2,
    });
    const workflowId = client.workflowId('PROCEDURE_1', requestId);
    const a = actors(drseCode, school.id);
    await waitForView(client, workflowId, inState('revisionPlaneacion'));
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'ACCEPT' }, actor: a.planeacion });
    await waitForView(client, workflowId, inState('validacionControlEscolar'));
    return { requestId, workflowId, a, school };
  }

  it('no ink: a visible wait for stock in Tecnologías\' inbox; stocked and rechecked, then cancelled after generation: folios voided and material returned once', async () => {
    const drseCode = 'ALTOS_SUR';
    const inv = inventory(moduleRef);
    await inv.receive({ drseCode }, [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 10 }, { item: HOLOGRAMA, quantity: 10 }], 'inc-ink-drse');
    const before = await inv.balances({ drseCode });
    const { requestId, workflowId, a } = await validatedP1(drseCode, 3);
    expect((await client.viewWorkflow(workflowId)).chartVersion).toBe(3);
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'VALIDATE' }, actor: a.controlEscolar });

    const waiting = await waitForView(client, workflowId, inState('esperaExistencias'));
    expect(waiting.status).toBe('ESPERANDO_EXISTENCIAS');
    expect(waiting.openTask).toMatchObject({ key: 'ESPERA_EXISTENCIAS', role: 'DRSE_TECNOLOGIAS', incident: false });
    expect(waiting.openTask?.description).toMatch(/TINTA/);
    const inbox = await requests.inbox(a.tecnologias);
    expect(inbox.items).toEqual([expect.objectContaining({ requestId, publicStatus: 'ESPERANDO_EXISTENCIAS', taskKey: 'ESPERA_EXISTENCIAS', description: expect.stringMatching(/TINTA/) })]);
    // The ink failure is not retried: one attempt, straight to the wait.
    expect(await q(`select event, comment from procedure_audit where request_id = ? and event = 'INK_SHORT'`, [requestId])).toEqual([
      { event: 'INK_SHORT', comment: expect.stringMatching(/tinta/i) },
    ]);

    await inv.receive({ drseCode }, [{ item: 'TINTA', quantity: 50 }], 'inc-ink-refill');
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'RECHECK_MATERIAL' }, actor: a.tecnologias });
    const produced = await waitForView(client, workflowId, inState('confirmacionProduccion'));
    const runId = Number(produced.context.printRunId);
    expect(await q(`select status, count(*)::int as n from credential where run_id = ? and kind = 'TARJETA' group by status`, [runId])).toEqual([{ status: 'EXPEDIDA', n: 3 }]);

    // A cancellation needs a reason; with one, the compensations run.
    await expect(client.decide('PROCEDURE_1', requestId, { event: { type: 'CANCEL' }, actor: a.controlEscolar })).rejects.toThrow();
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'CANCEL' }, actor: a.controlEscolar, comment: 'La escuela cerró el turno.' });
    const result = await temporal.client.workflow.getHandle(workflowId).result();
    expect(result).toMatchObject({ outcome: 'CANCELLED', status: 'CANCELADA' });

    expect(await q(`select status, void_reason from credential where run_id = ? and kind = 'TARJETA' group by status, void_reason`, [runId])).toEqual([
      { status: 'ANULADA', void_reason: 'Solicitud cancelada antes de imprimirse: La escuela cerró el turno.' },
    ]);
    expect(await q(`select count(*)::int as n from credential_event where event = 'ANULACION'`)).toEqual([{ n: 3 }]);
    // Everything the run consumed went back: the DRSE holds what it held before, plus the ink received.
    expect(await inv.balances({ drseCode })).toEqual({ ...before, TINTA: [50, 0] });
    const audit = await q(`select event, to_state, comment from procedure_audit where request_id = ? order by seq`, [requestId]);
    expect(audit.slice(-3)).toEqual([
      { event: 'CANCEL', to_state: 'cancelacionFolios', comment: 'La escuela cerró el turno.' },
      { event: 'FOLIOS_VOIDED', to_state: 'cancelacionReserva', comment: expect.stringMatching(
        /^3 folio\(s\) anulado\(s\) sin imprimir: \d{4}-\d{7}-\d … \d{4}-\d{7}-\d\. Material devuelto a la DRSE: 3 hologramas 2026-2027, 3 micas, 8 espacios de Teslin, 1 planilla\(s\) de tinta\.$/,
      ) },
      { event: 'MATERIAL_RELEASED', to_state: 'cancelada', comment: 'No había material reservado que liberar.' },
    ]);
    expect(await q(`select public_status, closed_at is not null as closed from procedure_request where id = ?`, [requestId])).toEqual([{ public_status: 'CANCELADA', closed: true }]);
    expect(await q(`select count(*)::int as n from procedure_task where request_id = ? and status = 'ABIERTA'`, [requestId])).toEqual([{ n: 0 }]);
  });

  it('a business refusal of the print run is an incident listed first for Control Escolar, with its reason; retried, the request is delivered', async () => {
    const drseCode = 'CENTRO_1';
    await inventory(moduleRef).receive({ drseCode }, [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 10 }, { item: HOLOGRAMA, quantity: 10 }, { item: 'TINTA', quantity: 50 }], 'inc-run-drse');
    const waitingOne = await validatedP1(drseCode, 1); // its validation task is older than the incident
    const { requestId, workflowId, a } = await validatedP1(drseCode, 2);
    let refusals = 0;
    hooks.hook = async (op) => {
      if (op === 'production.generatePrintRun' && refusals++ === 0) {
        throw ApplicationFailure.create({ message: 'La impresora de la DRSE no está registrada.', type: 'DomainError', nonRetryable: true });
      }
    };
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'VALIDATE' }, actor: a.controlEscolar });
    const incident = await waitForView(client, workflowId, inState('incidenteProduccion'));
    expect(incident.status).toBe('CON_INCIDENTE');
    expect(incident.openTask).toMatchObject({ role: 'DRSE_CONTROL_ESCOLAR', incident: true, description: 'La impresora de la DRSE no está registrada.' });
    expect(incident.allowedEvents).toMatchObject({ DRSE_CONTROL_ESCOLAR: ['RETRY', 'CANCEL'], CONTROL_ESCOLAR_CENTRAL: ['CANCEL'] });
    expect(refusals).toBe(1); // a business refusal is not retried

    const inbox = await requests.inbox(a.controlEscolar);
    expect(inbox.items.map((i) => [i.requestId, i.incident])).toEqual([[requestId, true], [waitingOne.requestId, false]]);
    expect(inbox.items[0]).toMatchObject({ publicStatus: 'CON_INCIDENTE', description: 'La impresora de la DRSE no está registrada.' });

    await client.decide('PROCEDURE_1', requestId, { event: { type: 'RETRY' }, actor: a.controlEscolar });
    await waitForView(client, workflowId, inState('confirmacionProduccion'));
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'PRODUCTION_CONFIRMED' }, actor: a.controlEscolar });
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'DELIVER' }, actor: a.controlEscolar });
    await waitForView(client, workflowId, inState('esperaAcuseFirmado'));
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'ACUSE_SIGNED' }, actor: a.controlEscolar });
    expect(await temporal.client.workflow.getHandle(workflowId).result()).toMatchObject({ outcome: 'DELIVERED' });
    expect(await q(`select count(*)::int as n from print_run where reservation_id = (select id from stock_reservation where request_id = ?)`, [String(requestId)])).toEqual([{ n: 1 }]);
  });

  it('a technical failure exhausts the bounded retries into an incident; cancelled from it, the reservation is released once', async () => {
    const drseCode = 'COSTA_SUR';
    const inv = inventory(moduleRef);
    await inv.receive({ drseCode }, [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 10 }, { item: HOLOGRAMA, quantity: 10 }, { item: 'TINTA', quantity: 50 }], 'inc-tech-drse');
    const before = await inv.balances({ drseCode });
    const { requestId, workflowId, a } = await validatedP1(drseCode, 2);
    let attempts = 0;
    hooks.hook = async (op) => {
      if (op === 'production.generatePrintRun') {
        attempts++;
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      }
    };
    await client.decide('PROCEDURE_1', requestId, { event: { type: 'VALIDATE' }, actor: a.controlEscolar });
    const incident = await waitForView(client, workflowId, inState('incidenteProduccion'));
    expect(attempts).toBe(2); // maxStepAttempts
    // A technical error is described in Spanish without its internals.
    expect(incident.openTask?.description).toMatch(/^El paso automático falló varias veces/);
    expect(incident.openTask?.description).not.toMatch(/ECONNREFUSED/);
    expect((await inv.balances({ drseCode })).MICA).toEqual([10, 2]);

    await client.decide('PROCEDURE_1', requestId, { event: { type: 'CANCEL' }, actor: a.controlEscolar, comment: 'Duplicada con otra solicitud.' });
    expect(await temporal.client.workflow.getHandle(workflowId).result()).toMatchObject({ outcome: 'CANCELLED' });
    expect(await inv.balances({ drseCode })).toEqual(before);
    expect(await q(`select kind, count(*)::int as n, min(reason) as reason from stock_entry where request_id = ? and kind = 'RELEASE' group by kind`, [String(requestId)])).toEqual([
      { kind: 'RELEASE', n: 4, reason: 'Cancelación de la solicitud: Duplicada con otra solicitud.' },
    ]);
    expect(await q(`select status from stock_reservation where request_id = ?`, [String(requestId)])).toEqual([{ status: 'RELEASED' }]);
  });
  it('replacement v2: a refused card production is an incident for the DRSE with its reason; retried, the card is issued once and delivered', async () => {
    n++;
    const r = await replacementIncidentScenario({ client, em, requests, moduleRef, hooks, n: n + 7100 });
    expect([r.refusals, r.calls]).toEqual([1, 2]); // refused once (not retried by itself), produced once after RETRY
    expect(r.incident).toMatchObject({ chartVersion: 3, status: 'CON_INCIDENTE' });
    expect(r.incident.openTask).toMatchObject({ role: 'DRSE_CONTROL_ESCOLAR', incident: true, description: 'La fotografía del alumno no es legible; cárguela de nuevo.' });
    expect(r.incident.allowedEvents).toEqual({ DRSE_CONTROL_ESCOLAR: ['RETRY'] });
    expect(r.result).toMatchObject({ outcome: 'DELIVERED', status: 'ENTREGADA' });
    const byStudent = await q(`select status, count(*)::int as n from credential where student_id = ? group by status order by status`, [r.studentId]);
    expect(byStudent).toEqual([{ status: 'EXPEDIDA', n: 1 }, { status: 'REEMPLAZADA', n: 1 }]);
  });

  it('supply v2: a shipment that cannot be recorded exhausts its bounded retries into an incident for Recursos Materiales; retried, it is recorded once', async () => {
    const drseCode = 'SURESTE';
    const a = actors(drseCode, 0);
    const handle = await client.startSupply(`${drseCode}-inc`, {
      input: { drseCode, requested: { teslinSheets: 2, micas: 8, holograms: 0 }, parentRequestId: null },
      scope: { drseCode },
      submittedBy: { id: a.tecnologias.id, role: a.tecnologias.role },
      maxStepAttempts: 2,
    });
    await inventory(moduleRef).receive({ central: true }, [{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 100 }], 'inc-supply-central');
    await waitForView(client, handle.workflowId, inState('revisionCentral'));
    await client.decideWorkflow(handle.workflowId, { event: { type: 'APPROVE' }, actor: a.central });
    await waitForView(client, handle.workflowId, inState('surtido'));
    let attempts = 0;
    hooks.hook = async (op) => {
      if (op === 'supply.recordShipment') {
        attempts++;
        throw new Error('Connection terminated unexpectedly');
      }
    };
    await client.decideWorkflow(handle.workflowId, { event: { type: 'SHIP', teslinSheets: 2, micas: 8, holograms: 0 }, actor: a.materiales });
    const incident = await waitForView(client, handle.workflowId, inState('incidenteEnvio'));
    expect(attempts).toBe(2);
    expect(incident).toMatchObject({ chartVersion: 2, status: 'CON_INCIDENTE', openTask: { role: 'RECURSOS_MATERIALES', incident: true } });
    expect(incident.openTask?.description).not.toMatch(/Connection terminated/);
    hooks.hook = async () => undefined;
    await client.decideWorkflow(handle.workflowId, { event: { type: 'RETRY' }, actor: a.materiales });
    await waitForView(client, handle.workflowId, inState('recepcion'));
    await client.decideWorkflow(handle.workflowId, { event: { type: 'CONFIRM_RECEIPT' }, actor: a.tecnologias });
    expect(await handle.result()).toMatchObject({ outcome: 'FULFILLED' });
    const ticketId = Number((await client.viewWorkflow(handle.workflowId)).context.ticketId);
    expect(await q(`select count(*)::int as n from supply_shipment where ticket_id = ?`, [ticketId])).toEqual([{ n: 1 }]);
  });
});
