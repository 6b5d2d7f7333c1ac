import { ConflictError, DomainError } from '../../../src/common/domain-error';
import { JustificationService } from '../../../src/inventory/justification.service';
import { ReservationService } from '../../../src/inventory/reservation.service';
import { StockService } from '../../../src/inventory/stock.service';
import { SupplyTicketService } from '../../../src/inventory/supply-ticket.service';
import type { HolderRow } from '../../../src/inventory/stock-ledger';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ADMIN, CENTRAL_STAFF, CONFIG, counts, CYCLE, HOLO, holders, ledgerMismatches, OTHER_CYCLE, seedCatalog, valleyIt } from './fixtures';

describe(SupplyTicketService.name, () => {
  let db: TestDatabase;
  let sut: SupplyTicketService;
  let stock: StockService;
  let central: HolderRow;
  let valles: HolderRow;
  let sur: HolderRow;
  let schoolId: number;
  const bal = async (holderId: number, item: string) => (await stock.balances(holderId)).find((b) => b.item === item) ?? { onHand: 0, reserved: 0, available: 0 };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ schoolId } = await seedCatalog(db));
    ({ central, valles, sur } = await holders(db));
    sut = new SupplyTicketService(db.orm.em, CONFIG);
    stock = new StockService(db.orm.em, CONFIG);
    await stock.receive({ key: 'central-stock', actor: CENTRAL_STAFF, holderId: central.id, lines: [{ item: 'TESLIN', quantity: 800 }, { item: 'MICA', quantity: 500 }] });
  });
  afterAll(async () => db?.drop());

  it('runs open → review → approved with less → partial shipments with backorder → confirmed receipts → closed', async () => {
    const opened = await sut.open({
      key: 't1-open', actor: valleyIt, holderId: valles.id, cycleCode: CYCLE,
      lines: [{ item: 'TESLIN', quantity: 400 }, { item: 'MICA', quantity: 300 }],
      justification: 'Se agotaron las micas del kit inicial con la primera corrida del ciclo.',
    });
    expect(opened).toMatchObject({ status: 'OPEN', origin: 'DRSE', drseCode: 'VALLES', requestId: null });
    expect(opened.folio).toMatch(/^AB-\d{4}-\d{6}$/);
    expect((await sut.justificationOf(opened.ticketId)).holderId).toBe(valles.id);

    await expect(sut.approve({ key: 't1-early', actor: CENTRAL_STAFF, ticketId: opened.ticketId })).rejects.toThrow(/estado OPEN/);
    await expect(sut.startReview({ key: 't1-rev-x', actor: valleyIt, ticketId: opened.ticketId })).rejects.toMatchObject({ status: 403 });
    await sut.startReview({ key: 't1-rev', actor: CENTRAL_STAFF, ticketId: opened.ticketId });
    await expect(
      sut.approve({ key: 't1-app-x', actor: CENTRAL_STAFF, ticketId: opened.ticketId, lines: [{ item: 'MICA', quantity: 301 }] }),
    ).rejects.toThrow(/entre 0 y 300/);
    const approved = await sut.approve({ key: 't1-app', actor: CENTRAL_STAFF, ticketId: opened.ticketId, lines: [{ item: 'MICA', quantity: 200 }], note: 'Existencia central limitada' });
    expect(approved.status).toBe('APPROVED');
    expect(approved.lines).toEqual([
      { item: 'MICA', requested: 300, approved: 200, shipped: 0, received: 0, missing: 0, backorder: 200 },
      { item: 'TESLIN', requested: 400, approved: 400, shipped: 0, received: 0, missing: 0, backorder: 400 },
    ]);

    const ship1 = await sut.ship({ key: 't1-ship1', actor: CENTRAL_STAFF, ticketId: opened.ticketId, lines: [{ item: 'TESLIN', quantity: 160 }, { item: 'MICA', quantity: 200 }] });
    expect(ship1.status).toBe('IN_FULFILLMENT');
    expect(ship1.lines.map((l) => [l.item, l.backorder])).toEqual([['MICA', 0], ['TESLIN', 240]]);
    // In transit: reserved at central, not yet at the DRSE.
    expect(await bal(central.id, 'TESLIN')).toMatchObject({ onHand: 800, reserved: 160 });
    expect((await bal(valles.id, 'TESLIN')).onHand).toBe(0);
    await expect(sut.cancel({ key: 't1-cancel', actor: valleyIt, ticketId: opened.ticketId, reason: 'Ya no se necesita' })).rejects.toBeInstanceOf(ConflictError);
    await expect(sut.ship({ key: 't1-over', actor: CENTRAL_STAFF, ticketId: opened.ticketId, lines: [{ item: 'TESLIN', quantity: 248 }] })).rejects.toThrow(/quedan 240/);

    await expect(sut.confirmReceipt({ key: 't1-rcv1-x', actor: { id: 'u-sur', role: 'DRSE_TECNOLOGIAS', drseCode: 'SUR' }, shipmentId: ship1.shipmentId })).rejects.toMatchObject({ status: 403 });
    const rec1 = await sut.confirmReceipt({ key: 't1-rcv1', actor: valleyIt, shipmentId: ship1.shipmentId });
    expect(rec1.status).toBe('IN_FULFILLMENT');
    expect(await bal(valles.id, 'TESLIN')).toMatchObject({ onHand: 160, reserved: 0 });
    expect(await bal(central.id, 'TESLIN')).toMatchObject({ onHand: 640, reserved: 0 });
    expect(await bal(valles.id, 'MICA')).toMatchObject({ onHand: 200 });

    const ship2 = await sut.ship({ key: 't1-ship2', actor: CENTRAL_STAFF, ticketId: opened.ticketId, lines: [{ item: 'TESLIN', quantity: 240 }] });
    expect(ship2.status).toBe('FULFILLED');
    expect(ship2.lines.every((l) => l.backorder === 0)).toBe(true);
    const closed = await sut.confirmReceipt({ key: 't1-rcv2', actor: valleyIt, shipmentId: ship2.shipmentId });
    expect(closed.status).toBe('CLOSED');
    expect(closed.finished).toBe(true);
    expect(closed.shipments.map((s) => [s.number, s.status])).toEqual([[1, 'RECEIVED'], [2, 'RECEIVED']]);
    const before = await counts(db);
    expect(await sut.confirmReceipt({ key: 't1-rcv2', actor: valleyIt, shipmentId: ship2.shipmentId })).toEqual(closed);
    expect(await counts(db)).toEqual(before);
    await expect(sut.confirmReceipt({ key: 't1-rcv2-again', actor: valleyIt, shipmentId: ship2.shipmentId })).rejects.toThrow(/ya fue recibido/);
    expect(await bal(valles.id, 'TESLIN')).toMatchObject({ onHand: 400 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('cancels before fulfilment, rejects with a reason, and closes a partial ticket leaving no backorder', async () => {
    const a = await sut.open({ key: 't2-open', actor: valleyIt, holderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }], justification: 'Reposición de micas dañadas por humedad.' });
    expect((await sut.cancel({ key: 't2-cancel', actor: valleyIt, ticketId: a.ticketId, reason: 'Se resolvió con existencia propia' })).status).toBe('CANCELLED');
    await expect(sut.startReview({ key: 't2-rev', actor: CENTRAL_STAFF, ticketId: a.ticketId })).rejects.toThrow(/CANCELLED/);

    const b = await sut.open({ key: 't3-open', actor: valleyIt, holderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }], justification: 'Solicitud adicional de micas para el ciclo.' });
    await sut.startReview({ key: 't3-rev', actor: CENTRAL_STAFF, ticketId: b.ticketId });
    await expect(sut.reject({ key: 't3-rej-x', actor: CENTRAL_STAFF, ticketId: b.ticketId, reason: '' })).rejects.toBeInstanceOf(DomainError);
    expect((await sut.reject({ key: 't3-rej', actor: CENTRAL_STAFF, ticketId: b.ticketId, reason: 'Sin justificación de consumo suficiente' })).status).toBe('REJECTED');

    const c = await sut.open({ key: 't4-open', actor: valleyIt, holderId: valles.id, lines: [{ item: 'MICA', quantity: 30 }], justification: 'Micas para la segunda corrida de impresión.' });
    await sut.startReview({ key: 't4-rev', actor: CENTRAL_STAFF, ticketId: c.ticketId });
    await sut.approve({ key: 't4-app', actor: CENTRAL_STAFF, ticketId: c.ticketId });
    const s = await sut.ship({ key: 't4-ship', actor: CENTRAL_STAFF, ticketId: c.ticketId, lines: [{ item: 'MICA', quantity: 12 }] });
    expect(s.lines[0]).toMatchObject({ approved: 30, shipped: 12, backorder: 18 });
    await expect(sut.closeWithBackorder({ key: 't4-close-x', actor: CENTRAL_STAFF, ticketId: c.ticketId, reason: 'Sin existencia' })).rejects.toThrow(/sin confirmar/);
    await sut.confirmReceipt({ key: 't4-rcv', actor: valleyIt, shipmentId: s.shipmentId });
    const closed = await sut.closeWithBackorder({ key: 't4-close', actor: CENTRAL_STAFF, ticketId: c.ticketId, reason: 'Sin existencia central del resto' });
    expect(closed.status).toBe('CLOSED');
    expect(closed.lines[0]).toMatchObject({ received: 12, backorder: 0 });
  });

  it('refuses tickets for non-DRSE holders and bad lines, writing nothing', async () => {
    const before = await counts(db);
    await expect(sut.open({ key: 'bad-t1', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: 10 }], justification: 'Pedido del almacén central.' })).rejects.toThrow(/Solo la Oficina de Tecnologías/);
    await expect(sut.open({ key: 'bad-t2', actor: valleyIt, holderId: valles.id, lines: [{ item: 'TINTA', quantity: 7 }], justification: 'Tinta para impresión.' })).rejects.toThrow(/juegos completos/);
    await expect(sut.open({ key: 'bad-t3', actor: valleyIt, holderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }], justification: 'corta' })).rejects.toThrow(/justificación/);
    await expect(sut.open({ key: 'bad-t4', actor: valleyIt, holderId: sur.id, lines: [{ item: 'MICA', quantity: 10 }], justification: 'Pedido para otra región.' })).rejects.toMatchObject({ status: 403 });
    expect(await counts(db)).toEqual(before);
  });

  it('suggests a ticket when available stock falls below a holder threshold', async () => {
    await stock.setThreshold({ key: 'thr-1', actor: valleyIt, holderId: valles.id, item: 'TESLIN', minimum: 500, target: 900 });
    await stock.setThreshold({ key: 'thr-2', actor: valleyIt, holderId: valles.id, item: 'MICA', minimum: 5, target: 50 });
    // Valles holds 400 Teslin slots and 212 micas at this point.
    expect(await stock.lowStock(valles.id)).toEqual([{ item: 'TESLIN', available: 400, minimum: 500, target: 900, suggestedOrder: 504 }]);
    await expect(stock.setThreshold({ key: 'thr-3', actor: valleyIt, holderId: valles.id, item: 'MICA', minimum: 10, target: 10 })).rejects.toThrow(/mayor que el mínimo/);
  });

  it('builds the R6 justification report that matches a hand-computed fixture', async () => {
    const holder = sur;
    const res = new ReservationService(db.orm.em, CONFIG);
    await stock.receive({ key: 'j-rcv', actor: ADMIN, holderId: holder.id, cycleCode: CYCLE, lines: [{ item: 'TESLIN', quantity: 160 }, { item: 'MICA', quantity: 100 }, { item: HOLO, quantity: 100 }, { item: 'TINTA', quantity: 50 }] });
    await stock.receive({ key: 'j-rcv-old', actor: ADMIN, holderId: holder.id, cycleCode: OTHER_CYCLE, lines: [{ item: 'MICA', quantity: 10 }] });
    const schoolHolder = await (await holders(db)).svc.holderForSchool(schoolId);
    await stock.transfer({ key: 'j-tr', actor: ADMIN, fromHolderId: holder.id, toHolderId: schoolHolder.id, cycleCode: CYCLE, lines: [{ item: 'TESLIN', quantity: 40 }, { item: 'MICA', quantity: 20 }] });
    const a = await res.reserve({ key: 'j-resA', actor: ADMIN, holderId: holder.id, requestId: 'req-A', cycleCode: CYCLE, newCards: 13, continuingStudents: 4 });
    await res.consume({ key: 'j-conA', actor: ADMIN, reservationId: a.reservationId, printRunId: 'pr-A' });
    await stock.consume({
      key: 'j-conB', actor: ADMIN, holderId: holder.id, cycleCode: CYCLE, printRunId: 'pr-B', requestId: 'req-B',
      usage: [{ item: 'TESLIN', consumed: 8, wasted: 8, wasteReason: 'MISPRINT' }, { item: 'MICA', consumed: 8, wasted: 1, wasteReason: 'MISPRINT' }, { item: HOLO, consumed: 8 }, { item: 'TINTA', consumed: 2 }],
    });
    await stock.recordWaste({ key: 'j-waste', actor: ADMIN, holderId: holder.id, cycleCode: CYCLE, item: 'MICA', quantity: 2, wasteReason: 'DAMAGED' });
    await stock.adjust({ key: 'j-adj', actor: ADMIN, holderId: holder.id, cycleCode: CYCLE, item: HOLO, delta: -5, reason: 'Conteo físico: faltan 5 hologramas' });
    await res.reserve({ key: 'j-resC', actor: ADMIN, holderId: holder.id, requestId: 'req-C', cycleCode: CYCLE, newCards: 0, continuingStudents: 6 });

    const report = await new JustificationService(db.orm.em, CONFIG).report({ holderId: holder.id, cycleCode: CYCLE });
    const zero = { VOIDED_BLANK: 0, MISPRINT: 0, DAMAGED: 0, OTHER: 0, LOST_IN_TRANSIT: 0 };
    const pick = (code: string) => {
      const { description: _d, onHandText: _t, ...rest } = report.items.find((i) => i.item === code)!;
      return rest;
    };
    expect(report.items.map((i) => i.item)).toEqual([HOLO, 'MICA', 'TESLIN', 'TINTA']);
    expect(pick('TESLIN')).toEqual({ item: 'TESLIN', received: 160, transferredOut: 40, consumed: 21, wasted: 11, wastedByReason: { ...zero, VOIDED_BLANK: 3, MISPRINT: 8 }, adjusted: 0, onHand: 88, reserved: 0, available: 88 });
    expect(pick('MICA')).toEqual({ item: 'MICA', received: 100, transferredOut: 20, consumed: 21, wasted: 3, wastedByReason: { ...zero, MISPRINT: 1, DAMAGED: 2 }, adjusted: 0, onHand: 66, reserved: 0, available: 66 });
    expect(pick(HOLO)).toEqual({ item: HOLO, received: 100, transferredOut: 0, consumed: 25, wasted: 0, wastedByReason: zero, adjusted: -5, onHand: 70, reserved: 6, available: 64 });
    expect(pick('TINTA')).toEqual({ item: 'TINTA', received: 50, transferredOut: 0, consumed: 4, wasted: 0, wastedByReason: zero, adjusted: 0, onHand: 46, reserved: 0, available: 46 });
    expect(report.items.find((i) => i.item === 'TESLIN')?.onHandText).toBe('88 ranuras (11 hojas)');
    expect(report.printRuns).toEqual([
      { printRunId: 'pr-A', requestIds: ['req-A'], items: [{ item: HOLO, consumed: 17, wasted: 0 }, { item: 'MICA', consumed: 13, wasted: 0 }, { item: 'TESLIN', consumed: 13, wasted: 3 }, { item: 'TINTA', consumed: 2, wasted: 0 }] },
      { printRunId: 'pr-B', requestIds: ['req-B'], items: [{ item: HOLO, consumed: 8, wasted: 0 }, { item: 'MICA', consumed: 8, wasted: 1 }, { item: 'TESLIN', consumed: 8, wasted: 8 }, { item: 'TINTA', consumed: 2, wasted: 0 }] },
    ]);
    expect(report.outsidePrintRuns).toEqual([{ item: 'MICA', consumed: 0, wasted: 2 }]);
  });
});
