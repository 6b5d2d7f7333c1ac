import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { RequestsService } from '../../../src/requests/requests.service';
import { BlobStore } from '../../../src/storage/blob-store';
import { runProcedure } from '../../../workflows/procedure-runner';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { buildProcedureModule, CYCLE, inventory, RunningWorker, startWorker } from './support/harness';
import { procedure1Scenario, procedure2Scenario, replacementScenario, ScenarioContext, supplyRejectedScenario } from './support/scenarios';

type Row = Record<string, unknown>;
const HOLOGRAMA = `HOLOGRAMA:${CYCLE}`;
const FOLIO = /^2627-\d{7,}-\d$/;

/**
 * The procedure workflows end to end on the real Temporal server and the real PostgreSQL, with the
 * ports bound to the real inventory and production modules: stock ledger, supply tickets, folios,
 * print runs rendered by Chromium, acuses with their PDFs.
 */
describe(runProcedure.name, () => {
  let db: TestDatabase;
  let temporal: TestTemporal;
  let moduleRef: TestingModule;
  let worker: RunningWorker;
  let c: ScenarioContext;
  let n = 100;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
    ({ moduleRef } = await buildProcedureModule(db.url));
    worker = await startWorker(moduleRef, temporal.nativeConnection, temporal.taskQueue);
    c = {
      client: new ProcedureClient(temporal.client, temporal.taskQueue, {}, `${temporal.taskQueue}-`),
      em: moduleRef.get(EntityManager),
      requests: moduleRef.get(RequestsService),
      moduleRef,
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
  const blobs = () => new BlobStore(join(process.env.DATA_DIR!, 'uploads'));
  const pdfPages = async (hash: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'sej-pdf-'));
    try {
      writeFileSync(join(dir, 'f.pdf'), await blobs().get(hash));
      return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'f.pdf')]).toString())?.[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('runs Procedure 1 from oficio to acuse: correction, partial validation, supply in two shipments, 17 cards with 7 voided slots', async () => {
    const r = await procedure1Scenario({ ...c, n: ++n });
    expect(r.result).toEqual({ outcome: 'DELIVERED', status: 'ENTREGADA', requestId: r.requestId });

    // Procedencia: 19 new asked (17 eligible), 7 continuing (5 eligible).
    expect(r.validation.context).toMatchObject({ newRequested: 19, newEligible: 17, continuingRequested: 7, continuingEligible: 5 });
    const reasons = await q('select student_id, eligible, approved, reason from request_student where request_id = ? order by student_id', [r.requestId]);
    const reasonOf = (id: number) => reasons.find((x) => Number(x.student_id) === id)?.reason;
    expect(reasonOf(r.students.noPhoto)).toMatch(/fotografía/);
    expect(reasonOf(r.students.declined)).toMatch(/declinó/);
    expect(reasonOf(r.students.issued)).toMatch(/expedida en este ciclo/);
    expect(reasonOf(r.students.foreign)).toMatch(/no pertenece/);
    expect(reasons.filter((x) => x.approved === true)).toHaveLength(22);

    // It waited on a real supply ticket (2 sheets = 16 slots, 12 micas) and resumed after the second shipment.
    expect(r.waiting.status).toBe('ESPERANDO_MATERIAL');
    expect(r.production.context).toMatchObject({ supplyRounds: 1, cardsProduced: 17, voidedSlots: 7 });
    const [ticket] = await q(`select id, status, origin, folio from supply_ticket where request_id = ?`, [String(r.requestId)]);
    expect(ticket).toMatchObject({ status: 'CLOSED', origin: 'PROCEDIMIENTO', folio: expect.stringMatching(/^AB-\d{4}-\d{6}$/) });
    expect(await q('select item_code, requested, approved, shipped, received from supply_ticket_line where ticket_id = ? order by item_code', [ticket.id])).toEqual([
      { item_code: 'MICA', requested: 12, approved: 12, shipped: 12, received: 12 },
      { item_code: 'TESLIN', requested: 16, approved: 16, shipped: 16, received: 16 },
    ]);
    const shipments = await q(`select s.status, a.kind from supply_shipment s join acuse a on a.id = s.acuse_id where s.ticket_id = ? order by s.number`, [ticket.id]);
    expect(shipments).toEqual([{ status: 'RECEIVED', kind: 'ENVIO_DRSE' }, { status: 'RECEIVED', kind: 'ENVIO_DRSE' }]);

    // The print run: real folios from the sequence, 7 blanks voided, 17 cards issued, linked to the reservation, rendered.
    const [run] = await q(`select id, planillas, cards, voided, pdf_hash, reservation_id, consumption_recorded_at from print_run where id = ?`, [r.production.context.printRunId]);
    expect(run).toMatchObject({ planillas: 3, cards: 17, voided: 7 });
    expect(run.consumption_recorded_at).not.toBeNull();
    expect(await pdfPages(String(run.pdf_hash))).toBe(3);
    const cards = await q(`select folio, kind, status, student_id from credential where run_id = ? order by folio_number`, [run.id]);
    expect(cards.filter((x) => x.kind === 'BLANCO' && x.status === 'ANULADA')).toHaveLength(7);
    const issuedCards = cards.filter((x) => x.kind === 'TARJETA' && x.status === 'EXPEDIDA');
    expect(issuedCards.map((x) => Number(x.student_id)).sort((x, y) => x - y)).toEqual([...r.students.newOk].sort((x, y) => x - y));
    expect(cards.every((x) => FOLIO.test(String(x.folio)))).toBe(true);

    // Stock: reserved at VALLES, consumed by the run (17 slots + 7 voided as waste), holograms of the 22 students.
    const [reservation] = await q(`select id, status, print_run_id from stock_reservation where request_id = ?`, [String(r.requestId)]);
    expect(reservation).toMatchObject({ id: run.reservation_id, status: 'CONSUMED', print_run_id: String(run.id) });
    const entries = await q(
      `select kind, item_code, quantity, waste_reason from stock_entry where reservation_id = ? order by item_code, kind`,
      [reservation.id],
    );
    expect(entries).toEqual([
      { kind: 'CONSUMPTION', item_code: HOLOGRAMA, quantity: 22, waste_reason: null },
      { kind: 'RESERVATION', item_code: HOLOGRAMA, quantity: 22, waste_reason: null },
      { kind: 'CONSUMPTION', item_code: 'MICA', quantity: 17, waste_reason: null },
      { kind: 'RESERVATION', item_code: 'MICA', quantity: 17, waste_reason: null },
      { kind: 'CONSUMPTION', item_code: 'TESLIN', quantity: 17, waste_reason: null },
      { kind: 'RESERVATION', item_code: 'TESLIN', quantity: 24, waste_reason: null },
      { kind: 'WASTE', item_code: 'TESLIN', quantity: 7, waste_reason: 'VOIDED_BLANK' },
      { kind: 'CONSUMPTION', item_code: 'TINTA', quantity: 3, waste_reason: null },
      { kind: 'RESERVATION', item_code: 'TINTA', quantity: 3, waste_reason: null },
    ]);
    expect(await inventory(moduleRef).balances({ drseCode: 'VALLES' })).toEqual({ [HOLOGRAMA]: [78, 0], MICA: [0, 0], TESLIN: [0, 0], TINTA: [46, 0] });
    // Central shipped what it was asked for.
    expect(await inventory(moduleRef).balances({ central: true })).toEqual({ MICA: [88, 0], TESLIN: [64, 0] });

    // Delivery: the CREDENCIALES acuse lists exactly the request's 17 folios, no names, and the 22 holograms (17 on the cards, 5 loose); its PDF exists.
    const acuses = await q(`select kind, card_count, card_folios, lines, school_id, pdf_hash, created_by_id from acuse where request_id = ? and kind = 'CREDENCIALES'`, [String(r.requestId)]);
    expect(acuses).toHaveLength(1);
    expect(acuses[0]).toMatchObject({ card_count: 17, school_id: r.school.id, created_by_id: `workflow:${r.workflowId}` });
    expect(acuses[0].lines).toEqual([expect.objectContaining({ item: HOLOGRAMA, quantity: 22 })]);
    expect([...(acuses[0].card_folios as string[])].sort()).toEqual(issuedCards.map((x) => String(x.folio)).sort());
    expect(await blobs().has(String(acuses[0].pdf_hash))).toBe(true);

    // Read model: final status, every task closed, an audit trail with one row per transition.
    const [req] = await q('select public_status, state, closed_at from procedure_request where id = ?', [r.requestId]);
    expect(req).toMatchObject({ public_status: 'ENTREGADA', state: 'entregada' });
    expect(req.closed_at).not.toBeNull();
    expect(await q(`select count(*)::int as n from procedure_task where request_id = ? and status = 'ABIERTA'`, [r.requestId])).toEqual([{ n: 0 }]);
    const timeline = await c.requests.timeline(r.requestId);
    expect(timeline.map((t) => t.seq)).toEqual(timeline.map((_, i) => i));
    expect(timeline.map((t) => t.event)).toEqual([
      'SUBMIT', 'RETURN', 'RESUBMIT', 'ACCEPT', 'PROCEDENCIA_CHECKED', 'VALIDATE_PARTIAL', 'MATERIAL_SHORT', 'SUPPLY_FULFILLED',
      'MATERIAL_RESERVED', 'PRINT_RUN_GENERATED', 'PRODUCTION_CONFIRMED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
    // Delivered only once the signed acuse came: a task for Control Escolar until then.
    expect(r.acuseWait).toMatchObject({ status: 'ESPERANDO_ACUSE', state: 'esperaAcuseFirmado', openTask: { key: 'ACUSE_FIRMADO', role: 'DRSE_CONTROL_ESCOLAR' } });
    expect(r.acuseWait!.context.acuseId).toEqual(expect.any(Number));
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

  it('runs Procedure 2 from oficio to the school’s acuse, moving the stock DRSE → school', async () => {
    const r = await procedure2Scenario({ ...c, n: ++n });
    expect(r.result).toEqual({ outcome: 'DELIVERED', status: 'ENTREGADA', requestId: r.requestId });
    expect(r.validation.context).toMatchObject({ requested: { teslinSheets: 90, micas: 700, holograms: 600 }, allowed: { teslinSheets: 75, micas: 600, holograms: 600 } });
    // While waiting for delivery the material is reserved at the DRSE, not yet the school's.
    expect(r.delivery.context.reservationId).toEqual(expect.any(Number));
    const [reservation] = await q(`select status from stock_reservation where id = ?`, [r.delivery.context.reservationId]);
    expect(reservation).toEqual({ status: 'DELIVERED' });
    const [acuse] = await q(`select kind, lines, school_id, from_holder_id from acuse where request_id = ?`, [String(r.requestId)]);
    expect(acuse).toMatchObject({ kind: 'MATERIAL_ESCUELA', school_id: r.school.id, from_holder_id: await inventory(moduleRef).holderId({ drseCode: 'SUR' }) });
    expect((acuse.lines as Array<{ item: string; quantity: number }>).map((l) => [l.item, l.quantity])).toEqual([[HOLOGRAMA, 600], ['MICA', 600], ['TESLIN', 600]]);
    expect(await inventory(moduleRef).balances({ drseCode: 'SUR' })).toEqual({ [HOLOGRAMA]: [200, 0], MICA: [200, 0], TESLIN: [200, 0] });
    expect(await inventory(moduleRef).balances({ schoolId: r.school.id })).toEqual({ [HOLOGRAMA]: [600, 0], MICA: [600, 0], TESLIN: [600, 0] });
    expect(await q(`select kind, count(*)::int as n from stock_entry where request_id = ? group by kind order by kind`, [String(r.requestId)])).toEqual([
      { kind: 'RESERVATION', n: 3 }, { kind: 'TRANSFER_IN', n: 3 }, { kind: 'TRANSFER_OUT', n: 3 },
    ]);
    expect((await c.requests.timeline(r.requestId)).map((t) => t.event)).toEqual([
      'SUBMIT', 'RETURN', 'RESUBMIT', 'ACCEPT', 'JUSTIFICATION_CHECKED', 'VALIDATE_PARTIAL', 'MATERIAL_RESERVED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
    expect(r.acuseWait).toMatchObject({ status: 'ESPERANDO_ACUSE', openTask: { key: 'ACUSE_FIRMADO', role: 'DRSE_TECNOLOGIAS' } });
  });

  it('runs a replacement: refused payment, valid receipt, new folio printed by the school, old folio replaced, delivered', async () => {
    const r = await replacementScenario({ ...c, n: ++n });
    expect(r.result).toEqual({ outcome: 'DELIVERED', status: 'ENTREGADA', requestId: r.requestId });
    expect(r.retry.context).toMatchObject({ paymentAttempts: 1 });
    // Production refused the receipt below the tariff, naming the field; nothing was recorded for it.
    expect(r.lowRefused).toMatchObject({ field: 'amountCents', status: 422 });
    expect(await q(`select receipt_number, status from card_replacement where student_id = ?`, [r.studentId])).toEqual([{ receipt_number: `R-${n}-2`, status: 'EMITIDA' }]);
    const newFolio = r.printing.context.newFolio as string;
    expect(newFolio).toMatch(FOLIO);
    expect(newFolio).not.toBe(r.oldFolio);
    expect(await q(`select status, replaced_by_folio from credential where folio = ?`, [r.oldFolio])).toEqual([{ status: 'REEMPLAZADA', replaced_by_folio: newFolio }]);
    const [fresh] = await q(`select c.status, c.student_id, p.holder_type, p.holder_school_id, p.pdf_hash from credential c join print_run p on p.id = c.run_id where c.folio = ?`, [newFolio]);
    expect(fresh).toMatchObject({ status: 'EXPEDIDA', student_id: r.studentId, holder_type: 'ESCUELA', holder_school_id: r.school.id });
    expect(fresh.pdf_hash).toEqual(expect.stringMatching(/^[0-9a-f]{64}$/));
    expect(await q(`select kind, card_folios from acuse where request_id = ?`, [String(r.requestId)])).toEqual([{ kind: 'CREDENCIALES', card_folios: [newFolio] }]);
    // Two cards printed on site from the school's own stock: 2 sheets (1 slot each, 7 voided), 2 micas, 2 holograms, 2 planillas of ink.
    expect(await inventory(moduleRef).balances({ schoolId: r.school.id })).toEqual({ [HOLOGRAMA]: [8, 0], MICA: [8, 0], TESLIN: [0, 0], TINTA: [48, 0] });
    expect((await c.requests.timeline(r.requestId)).map((t) => t.event)).toEqual([
      'SUBMIT', 'PAYMENT_RECORDED', 'PAYMENT_INVALID', 'PAYMENT_RECORDED', 'PAYMENT_VALID', 'REPLACEMENT_PRODUCED', 'PRODUCTION_CONFIRMED',
      'FOLIO_REVOKED', 'DELIVER', 'ACUSE_RECORDED', 'ACUSE_SIGNED',
    ]);
  });

  it('runs a supply a DRSE opened itself to its central rejection', async () => {
    const r = await supplyRejectedScenario({ ...c, n: ++n });
    expect(r.result.outcome).toBe('REJECTED');
    const [row] = await q(`select procedure, public_status, drse_code from procedure_request where workflow_id = ?`, [r.workflowId]);
    expect(row).toEqual({ procedure: 'SUPPLY', public_status: 'RECHAZADA', drse_code: 'CIENEGA' });
    const tickets = await q(`select t.status, t.origin, h.drse_code from supply_ticket t join stock_holder h on h.id = t.holder_id where h.drse_code = 'CIENEGA'`);
    expect(tickets).toEqual([{ status: 'REJECTED', origin: 'DRSE', drse_code: 'CIENEGA' }]);
  });
});
