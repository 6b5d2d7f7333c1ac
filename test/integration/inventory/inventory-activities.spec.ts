import { ApplicationFailure } from '@temporalio/common';
import { INVENTORY_ENTITIES, StockBalance, StockEntry, SupplyTicket } from '../../../src/inventory/entities';
import { InventoryActivities } from '../../../src/inventory/inventory.activities';
import { StockService } from '../../../src/inventory/stock.service';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ADMIN, CENTRAL_STAFF, CONFIG, CYCLE, HOLO, holders, seedCatalog } from './fixtures';

describe(InventoryActivities.name, () => {
  let db: TestDatabase;
  let sut: InventoryActivities;
  const control = { id: 'wf-proc1', role: 'DRSE_CONTROL_ESCOLAR' as const, drseCode: 'VALLES' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedCatalog(db);
    sut = new InventoryActivities(db.orm.em, undefined, undefined, CONFIG);
  });
  afterAll(async () => db?.drop());

  it('checks, fails to reserve, opens a ticket for the shortfall, then reserves and consumes once stock arrives', async () => {
    const { valles, central } = await holders(db);
    const stock = new StockService(db.orm.em, CONFIG);
    await stock.receive({ key: 'act-rcv', actor: ADMIN, holderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }, { item: 'TESLIN', quantity: 80 }, { item: HOLO, quantity: 100 }, { item: 'TINTA', quantity: 50 }] });
    const requirement = { newCards: 20, continuingStudents: 30, cycleCode: CYCLE };

    const check = await sut.checkMaterial({ holder: { drseCode: 'VALLES' }, requirement });
    expect(check.sufficient).toBe(false);
    expect(check.lines.find((l) => l.item === 'MICA')).toEqual({ item: 'MICA', required: 20, available: 10, missing: 10, suggestedOrder: 10 });

    const attempt = await sut.reserveMaterial({ key: 'wf-proc1:reserve:1', actor: control, holder: { drseCode: 'VALLES' }, requestId: 41, ...requirement });
    expect(attempt).toMatchObject({ reserved: false, holderId: valles.id });

    const ticket = await sut.openSupplyTicket({ key: 'wf-proc1:ticket:1', actor: control, holder: { drseCode: 'VALLES' }, requestId: 41, requirement });
    expect(ticket.lines).toEqual([{ item: 'MICA', quantity: 10 }]);
    const view = await sut.getSupplyTicket({ ticketId: ticket.ticketId });
    expect(view).toMatchObject({ origin: 'PROCEDIMIENTO', requestId: '41', status: 'OPEN', finished: false });
    expect(view.justification).toContain('41');

    await stock.receive({ key: 'act-central', actor: CENTRAL_STAFF, holderId: central.id, lines: [{ item: 'MICA', quantity: 10 }] });
    await stock.transfer({ key: 'act-tr', actor: ADMIN, fromHolderId: central.id, toHolderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }] });
    const ok = await sut.reserveMaterial({ key: 'wf-proc1:reserve:2', actor: control, holder: { drseCode: 'VALLES' }, requestId: 41, ...requirement });
    if (!ok.reserved) throw new Error('expected a reservation');
    expect(await sut.reserveMaterial({ key: 'wf-proc1:reserve:2', actor: control, holder: { drseCode: 'VALLES' }, requestId: 41, ...requirement })).toEqual(ok);
    const consumed = await sut.consumeReservation({ key: 'wf-proc1:consume', actor: control, reservationId: ok.reservationId, printRunId: 9 });
    expect(consumed.status).toBe('CONSUMED');
    const report = await sut.justificationReport({ holder: { holderId: valles.id }, cycleCode: CYCLE });
    expect(report.printRuns).toEqual([
      { printRunId: '9', requestIds: ['41'], items: [{ item: HOLO, consumed: 50, wasted: 0 }, { item: 'MICA', consumed: 20, wasted: 0 }, { item: 'TESLIN', consumed: 20, wasted: 4 }, { item: 'TINTA', consumed: 3, wasted: 0 }] },
    ]);
  });

  it('turns business refusals into non-retryable Temporal failures', async () => {
    const err = await sut.releaseReservation({ key: 'x', actor: ADMIN, reservationId: 999999 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect((err as ApplicationFailure).type).toBe('NO_ENCONTRADO');
    const bad = await sut.computeRequirement({ newCards: -1, continuingStudents: 0, cycleCode: CYCLE }).catch((e: unknown) => e);
    expect((bad as ApplicationFailure).message).toMatch(/credenciales nuevas debe ser un número entero/);
  });
  it('maps every inventory table to its entity for ORM reads', async () => {
    const em = db.orm.em.fork();
    for (const entity of INVENTORY_ENTITIES) await em.find(entity as never, {}, { limit: 5 });
    const balance = await em.findOneOrFail(StockBalance, { itemCode: 'TESLIN', onHand: 56 });
    expect(balance.available).toBe(balance.onHand - balance.reserved);
    const entries = await em.find(StockEntry, { kind: 'CONSUMPTION', printRunId: '9' });
    expect(entries.map((e) => e.itemCode).sort()).toEqual([HOLO, 'MICA', 'TESLIN', 'TINTA']);
    const ticket = await em.findOneOrFail(SupplyTicket, { requestId: '41' });
    expect(ticket.origin).toBe('PROCEDIMIENTO');
  });
});
