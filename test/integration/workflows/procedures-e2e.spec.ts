import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { runProcedure } from '../../../workflows/procedure-runner';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { buildProcedureModule, RunningWorker, startWorker } from './support/harness';
import { procedure1Scenario, procedure2Scenario, replacementScenario, ScenarioContext, supplyRejectedScenario } from './support/scenarios';
import { TableGateways } from './support/table-gateways';

type Row = Record<string, unknown>;

/**
 * The procedure workflows end to end on the real Temporal server and the real PostgreSQL. The
 * inventory/production ports are bound to the in-test TableGateways (see support/table-gateways.ts).
 */
describe(runProcedure.name, () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let gateways: TableGateways;
  let worker: RunningWorker;
  let c: ScenarioContext;
  let n = 100;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef, gateways } = await buildProcedureModule(db.url));
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    c = {
      client: new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`),
      em: moduleRef.get(EntityManager),
      requests: moduleRef.get(RequestsService),
      gateways,
      n: 0,
    };
  });

  afterAll(async () => {
    await worker?.stop();
    await moduleRef?.close();
    await temporal?.close();
    await db?.drop();
  });

  const q = (sql: string, params: unknown[] = []) => c.em.fork().execute<Row[]>(sql, params);

  it('runs Procedure 1 from oficio to acuse: correction, partial validation, supply in two shipments, 17 cards with 7 voided slots', async () => {
    const r = await procedure1Scenario({ ...c, n: ++n });
    expect(r.result).toEqual({ outcome: 'DELIVERED', status: 'ENTREGADA', requestId: r.requestId });

    // Procedencia: 19 new asked (17 eligible), 7 continuing (5 eligible).
    expect(r.validation.context).toMatchObject({ newRequested: 19, newEligible: 17, continuingRequested: 7, continuingEligible: 5 });
    const reasons = await q('select student_id, eligible, approved, reason from request_student where request_id = ? order by student_id', [r.requestId]);
    const reasonOf = (id: number) => reasons.find((x) => Number(x.student_id) === id)?.reason;
    expect(reasonOf(r.students.noPhoto)).toMatch(/fotografía/);
    expect(reasonOf(r.students.declined)).toMatch(/declinó/);
    expect(reasonOf(r.students.issued)).toMatch(/expidió/);
    expect(reasonOf(r.students.foreign)).toMatch(/no pertenece/);
    expect(reasons.filter((x) => x.approved === true)).toHaveLength(22);

    // It waited on the supply and resumed after the second shipment.
    expect(r.waiting.status).toBe('ESPERANDO_MATERIAL');
    expect(r.production.context).toMatchObject({ supplyRounds: 1, cardsProduced: 17, voidedSlots: 7 });
    const [ticket] = await q('select teslin, micas, holograms from test_ticket');
    expect(ticket).toMatchObject({ teslin: 2, micas: 12, holograms: 0 });
    expect(await q('select count(*)::int as n from test_shipment where received')).toEqual([{ n: 2 }]);
    const folios = await q(`select status, count(*)::int as n from test_folio f join test_print_run p on p.id = f.print_run_id where p.request_id = ? group by status order by status`, [r.requestId]);
    expect(folios).toEqual([{ status: 'ANULADO', n: 7 }, { status: 'EXPEDIDO', n: 17 }]);
    const stock = await q(`select item, qty from test_stock where drse_code = 'VALLES' order by item`);
    expect(stock).toEqual([{ item: 'HOLOGRAMA', qty: 78 }, { item: 'MICA', qty: 0 }, { item: 'TESLIN', qty: 0 }]);

    // Read model: final status, every task closed, an audit trail with one row per transition.
    const [req] = await q('select public_status, state, closed_at from procedure_request where id = ?', [r.requestId]);
    expect(req).toMatchObject({ public_status: 'ENTREGADA', state: 'entregada' });
    expect(req.closed_at).not.toBeNull();
    expect(await q(`select count(*)::int as n from procedure_task where request_id = ? and status = 'ABIERTA'`, [r.requestId])).toEqual([{ n: 0 }]);
    const timeline = await c.requests.timeline(r.requestId);
    expect(timeline.map((t) => t.seq)).toEqual(timeline.map((_, i) => i));
    expect(timeline.map((t) => t.event)).toEqual([
      'SUBMIT', 'RETURN', 'RESUBMIT', 'ACCEPT', 'PROCEDENCIA_CHECKED', 'VALIDATE_PARTIAL', 'MATERIAL_SHORT', 'SUPPLY_FULFILLED',
      'MATERIAL_RESERVED', 'PRINT_RUN_GENERATED', 'PRODUCTION_CONFIRMED', 'DELIVER', 'ACUSE_RECORDED',
    ]);
    expect(timeline[1]).toMatchObject({ actorId: 'u-planeacion', actorRole: 'DRSE_PLANEACION', from: 'revisionPlaneacion', to: 'correccionEscuela', comment: 'Faltan alumnos y el sello.' });
    const closedBy = await q(`select task_key, closed_by, closed_event from procedure_task where request_id = ? order by seq`, [r.requestId]);
    expect(closedBy[0]).toEqual({ task_key: 'REVISION_PLANEACION', closed_by: 'u-planeacion', closed_event: 'RETURN' });

    // The supply child has its own request row, linked to the parent, and its own trail.
    const [supply] = await q(`select id, public_status, parent_request_id from procedure_request where workflow_id = ?`, [r.supplyId]);
    expect(supply).toMatchObject({ public_status: 'SURTIDA', parent_request_id: r.requestId });
    expect((await c.requests.timeline(Number(supply.id))).map((t) => t.event)).toEqual([
      'SUBMIT', 'TICKET_OPENED', 'APPROVE', 'TICKET_DECIDED', 'SHIP', 'SHIPMENT_RECORDED', 'CONFIRM_RECEIPT', 'RECEIPT_RECORDED',
      'SHIP', 'SHIPMENT_RECORDED', 'CONFIRM_RECEIPT', 'RECEIPT_RECORDED',
    ]);

    // Submitting the same oficio again starts nothing new.
    const again = await c.requests.createRequest({ procedure: 'PROCEDURE_1', schoolId: r.school.id, oficioKey: `OF-${n}` });
    expect(again).toMatchObject({ requestId: r.requestId, created: false });
    const handle = await c.client.start('PROCEDURE_1', r.requestId, { input: {}, scope: { drseCode: 'VALLES' } });
    expect(handle.workflowId).toBe(r.workflowId);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('runs Procedure 2 from oficio to the school’s acuse', async () => {
    const r = await procedure2Scenario({ ...c, n: ++n });
    expect(r.result).toEqual({ outcome: 'DELIVERED', status: 'ENTREGADA', requestId: r.requestId });
    expect(r.validation.context).toMatchObject({ requested: { teslinSheets: 90, micas: 700, holograms: 600 }, allowed: { teslinSheets: 75, micas: 600, holograms: 600 } });
    expect(await q(`select kind from test_acuse where request_id = ?`, [r.requestId])).toEqual([{ kind: 'MATERIAL' }]);
    expect(await q(`select item, qty from test_stock where drse_code = 'SUR' order by item`)).toEqual([
      { item: 'HOLOGRAMA', qty: 200 }, { item: 'MICA', qty: 200 }, { item: 'TESLIN', qty: 25 },
    ]);
    expect((await c.requests.timeline(r.requestId)).map((t) => t.event)).toEqual([
      'SUBMIT', 'RETURN', 'RESUBMIT', 'ACCEPT', 'JUSTIFICATION_CHECKED', 'VALIDATE_PARTIAL', 'MATERIAL_RESERVED', 'DELIVER', 'ACUSE_RECORDED',
    ]);
  });

  it('runs a replacement: refused receipt, valid receipt, new folio, old folio revoked, delivered', async () => {
    const r = await replacementScenario({ ...c, n: ++n });
    expect(r.result).toEqual({ outcome: 'DELIVERED', status: 'ENTREGADA', requestId: r.requestId });
    expect(r.retry.context).toMatchObject({ paymentAttempts: 1 });
    expect(await q(`select status from test_folio where folio = ?`, [r.oldFolio])).toEqual([{ status: 'REVOCADO' }]);
    const view = (await c.requests.timeline(r.requestId)).map((t) => t.event);
    expect(view).toEqual([
      'SUBMIT', 'PAYMENT_RECORDED', 'PAYMENT_INVALID', 'PAYMENT_RECORDED', 'PAYMENT_VALID', 'REPLACEMENT_PRODUCED', 'PRODUCTION_CONFIRMED',
      'FOLIO_REVOKED', 'DELIVER', 'ACUSE_RECORDED',
    ]);
  });

  it('runs a supply a DRSE opened itself to its central rejection', async () => {
    const r = await supplyRejectedScenario({ ...c, n: ++n });
    expect(r.result.outcome).toBe('REJECTED');
    const [row] = await q(`select procedure, public_status, drse_code from procedure_request where workflow_id = ?`, [r.workflowId]);
    expect(row).toEqual({ procedure: 'SUPPLY', public_status: 'RECHAZADA', drse_code: 'CIENEGA' });
    expect(await q(`select status from test_ticket where drse_code = 'CIENEGA'`)).toEqual([{ status: 'RECHAZADO' }]);
  });
});
