import { HolderService } from '../../../src/inventory/holder.service';
import { InsufficientStockError } from '../../../src/inventory/inventory-errors';
import { JustificationService } from '../../../src/inventory/justification.service';
import { computeMaterialRequirement } from '../../../src/inventory/material-requirement';
import { ReservationService } from '../../../src/inventory/reservation.service';
import { StockService } from '../../../src/inventory/stock.service';
import { SupplyTicketService } from '../../../src/inventory/supply-ticket.service';
import { NotFoundError } from '../../../src/common/domain-error';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ADMIN, CENTRAL_STAFF, CONFIG, CYCLE, HOLO, holders, seedCatalog } from './fixtures';

/** A request's material through the inventory services: check, shortfall, ticket, reservation, consumption, report. */
describe('material for a request', () => {
  let db: TestDatabase;
  let holderService: HolderService;
  let reservations: ReservationService;
  let tickets: SupplyTicketService;
  let justification: JustificationService;
  const control = { id: 'wf-proc1', role: 'DRSE_CONTROL_ESCOLAR' as const, drseCode: 'VALLES' };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedCatalog(db);
    holderService = new HolderService(db.orm.em);
    reservations = new ReservationService(db.orm.em, CONFIG);
    tickets = new SupplyTicketService(db.orm.em, CONFIG);
    justification = new JustificationService(db.orm.em, CONFIG);
  });
  afterAll(async () => db?.drop());

  it('checks, fails to reserve, opens a ticket for the shortfall, then reserves and consumes once stock arrives', async () => {
    const { valles, central } = await holders(db);
    const stock = new StockService(db.orm.em, CONFIG);
    await stock.receive({ key: 'act-rcv', actor: ADMIN, holderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }, { item: 'TESLIN', quantity: 80 }, { item: HOLO, quantity: 100 }, { item: 'TINTA', quantity: 50 }] });
    const requirement = { newCards: 20, continuingStudents: 30, cycleCode: CYCLE };

    expect((await holderService.resolve({ drseCode: 'VALLES' })).id).toBe(valles.id);
    const check = await stock.checkMaterial(valles.id, computeMaterialRequirement({ ...requirement, config: CONFIG }));
    expect(check.sufficient).toBe(false);
    expect(check.lines.find((l) => l.item === 'MICA')).toEqual({ item: 'MICA', required: 20, available: 10, missing: 10, suggestedOrder: 10 });

    const attempt = reservations.reserve({ key: 'wf-proc1:reserve:1', actor: control, holderId: valles.id, requestId: 41, ...requirement });
    await expect(attempt).rejects.toBeInstanceOf(InsufficientStockError);

    const shortfall = check.lines.filter((l) => l.suggestedOrder > 0).map((l) => ({ item: l.item, quantity: l.suggestedOrder }));
    expect(shortfall).toEqual([{ item: 'MICA', quantity: 10 }]);
    const ticket = await tickets.open({ key: 'wf-proc1:ticket:1', actor: control, holderId: valles.id, requestId: 41, cycleCode: CYCLE, lines: shortfall });
    expect(ticket.lines.map((l) => ({ item: l.item, quantity: l.requested }))).toEqual([{ item: 'MICA', quantity: 10 }]);
    const view = await tickets.get(ticket.ticketId);
    expect(view).toMatchObject({ origin: 'PROCEDIMIENTO', requestId: '41', status: 'OPEN', finished: false });
    expect(view.justification).toContain('41');

    await stock.receive({ key: 'act-central', actor: CENTRAL_STAFF, holderId: central.id, lines: [{ item: 'MICA', quantity: 10 }] });
    await stock.transfer({ key: 'act-tr', actor: ADMIN, fromHolderId: central.id, toHolderId: valles.id, lines: [{ item: 'MICA', quantity: 10 }] });
    const ok = await reservations.reserve({ key: 'wf-proc1:reserve:2', actor: control, holderId: valles.id, requestId: 41, ...requirement });
    expect(await reservations.reserve({ key: 'wf-proc1:reserve:2', actor: control, holderId: valles.id, requestId: 41, ...requirement })).toEqual(ok);
    const consumed = await reservations.consume({ key: 'wf-proc1:consume', actor: control, reservationId: ok.reservationId, printRunId: 9 });
    expect(consumed.status).toBe('CONSUMED');
    const report = await justification.report({ holderId: valles.id, cycleCode: CYCLE });
    expect(report.printRuns).toEqual([
      { printRunId: '9', requestIds: ['41'], items: [{ item: HOLO, consumed: 50, wasted: 0 }, { item: 'MICA', consumed: 20, wasted: 0 }, { item: 'TESLIN', consumed: 20, wasted: 4 }, { item: 'TINTA', consumed: 3, wasted: 0 }] },
    ]);
  });

  it('refuses an unknown reservation and a negative requirement', async () => {
    const err = await reservations.release({ key: 'x', actor: ADMIN, reservationId: 999999 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).code).toBe('NO_ENCONTRADO');
    expect(() => computeMaterialRequirement({ newCards: -1, continuingStudents: 0, cycleCode: CYCLE, config: CONFIG })).toThrow(/credenciales nuevas debe ser un número entero/);
  });
  it('leaves the ledger rows the flow implies', async () => {
    const em = db.orm.em.fork();
    const [balance] = await em.execute<Array<{ on_hand: number; reserved: number }>>("select on_hand, reserved from stock_balance where item_code = 'TESLIN' and on_hand = 56");
    expect(balance.on_hand - balance.reserved).toBeGreaterThanOrEqual(0);
    const entries = await em.execute<Array<{ item_code: string }>>("select item_code from stock_entry where kind = 'CONSUMPTION' and print_run_id = '9'");
    expect(entries.map((e) => e.item_code).sort()).toEqual([HOLO, 'MICA', 'TESLIN', 'TINTA']);
    const [ticket] = await em.execute<Array<{ origin: string }>>("select origin from supply_ticket where request_id = '41'");
    expect(ticket.origin).toBe('PROCEDIMIENTO');
  });
});
