import fc from 'fast-check';
import { DomainError, ConflictError } from '../../../src/common/domain-error';
import { InsufficientStockError } from '../../../src/inventory/inventory-errors';
import { ReservationService } from '../../../src/inventory/reservation.service';
import { StockService } from '../../../src/inventory/stock.service';
import type { HolderRow } from '../../../src/inventory/stock-ledger';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ADMIN, CONFIG, counts, CYCLE, HOLO, holders, ledgerMismatches, OLD_HOLO, seedCatalog, valleyIt } from './fixtures';

describe(StockService.name, () => {
  let db: TestDatabase;
  let sut: StockService;
  let reservations: ReservationService;
  let central: HolderRow;
  let valles: HolderRow;
  let sur: HolderRow;
  let school: HolderRow;
  let schoolId: number;
  let smallSchoolId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ schoolId, smallSchoolId } = await seedCatalog(db));
    ({ central, valles, sur } = await holders(db));
    school = await (await holders(db)).svc.holderForSchool(schoolId);
    sut = new StockService(db.orm.em, CONFIG);
    reservations = new ReservationService(db.orm.em, CONFIG);
  });
  afterAll(async () => db?.drop());

  it('keeps a balance row equal to the ledger and returns the first result on a repeated key', async () => {
    const first = await sut.receive({ key: 'rcv-1', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: 500 }, { item: 'TESLIN', quantity: 400 }] });
    const before = await counts(db);
    const again = await sut.receive({ key: 'rcv-1', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: 500 }, { item: 'TESLIN', quantity: 400 }] });
    expect(again).toEqual(first);
    expect(await counts(db)).toEqual(before);
    const balances = await sut.balances(central.id);
    expect(balances).toEqual(await sut.ledgerBalances(central.id));
    expect(balances.find((b) => b.item === 'MICA')).toEqual({ item: 'MICA', onHand: 500, reserved: 0, available: 500 });
  });

  it('refuses the same key with other data', async () => {
    await expect(sut.receive({ key: 'rcv-1', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: 1 }] })).rejects.toBeInstanceOf(ConflictError);
  });

  it('moves both sides of a transfer in one transaction, and none when the receiving side fails', async () => {
    await sut.transfer({ key: 'tr-ok', actor: ADMIN, fromHolderId: central.id, toHolderId: valles.id, lines: [{ item: 'TESLIN', quantity: 80 }] });
    expect((await sut.balances(valles.id)).find((b) => b.item === 'TESLIN')?.onHand).toBe(80);

    // Make the second side (TRANSFER_IN at SUR) fail inside PostgreSQL.
    const em = db.orm.em.fork();
    await em.execute(`alter table stock_balance add constraint test_sur_cap check (holder_id <> ${sur.id} or on_hand <= 10)`);
    try {
      const before = await counts(db);
      await expect(
        sut.transfer({ key: 'tr-fail', actor: ADMIN, fromHolderId: central.id, toHolderId: sur.id, lines: [{ item: 'MICA', quantity: 20 }] }),
      ).rejects.toThrow(/test_sur_cap/);
      expect(await counts(db)).toEqual(before);
      const ops = await em.execute(`select 1 from inventory_operation where key = 'tr-fail'`);
      expect(ops).toHaveLength(0);
    } finally {
      await em.execute('alter table stock_balance drop constraint test_sur_cap');
    }
    // The key was not consumed by the failure: the same call now succeeds.
    await sut.transfer({ key: 'tr-fail', actor: ADMIN, fromHolderId: central.id, toHolderId: sur.id, lines: [{ item: 'MICA', quantity: 20 }] });
    expect((await sut.balances(sur.id)).find((b) => b.item === 'MICA')?.onHand).toBe(20);
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('refuses bad input with a Spanish message naming the field and writes nothing', async () => {
    const before = await counts(db);
    const cases: Array<[Promise<unknown>, RegExp, string]> = [
      [sut.receive({ key: 'bad-1', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: -5 }] }), /entero mayor que cero/, 'lines[0].quantity'],
      [sut.receive({ key: 'bad-2', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: 0 }] }), /entero mayor que cero/, 'lines[0].quantity'],
      [sut.receive({ key: 'bad-3', actor: ADMIN, holderId: central.id, lines: [{ item: 'PAPEL', quantity: 5 }] }), /no existe/, 'lines[0].item'],
      [sut.receive({ key: 'bad-4', actor: ADMIN, holderId: central.id, lines: [{ item: 'TESLIN', quantity: 5 }] }), /hojas completas/, 'lines[0].quantity'],
      [sut.adjust({ key: 'bad-5', actor: ADMIN, holderId: central.id, item: 'MICA', delta: -3, reason: '' }), /motivo es obligatorio/, 'reason'],
      [sut.adjust({ key: 'bad-6', actor: ADMIN, holderId: central.id, item: 'MICA', delta: 0, reason: 'conteo físico' }), /distinto de cero/, 'delta'],
      [sut.receive({ key: 'bad-7', actor: ADMIN, holderId: central.id, lines: [{ item: 'HOLOGRAMA:2031-2032', quantity: 5 }] }), /ciclo escolar no está registrado/, 'item'],
      [
        sut.consume({ key: 'bad-8', actor: ADMIN, holderId: central.id, cycleCode: CYCLE, printRunId: 'pr-x', usage: [{ item: OLD_HOLO, consumed: 3 }] }),
        /holograma del ciclo 2025-2026 no sirve para el ciclo 2026-2027/,
        'usage[0].item',
      ],
      [sut.receive({ key: '', actor: ADMIN, holderId: central.id, lines: [{ item: 'MICA', quantity: 5 }] }), /clave de idempotencia/, 'key'],
      [sut.receive({ key: 'bad-9', actor: { id: '', role: 'ADMIN' }, holderId: central.id, lines: [{ item: 'MICA', quantity: 5 }] }), /quién realiza/, 'actor'],
      [sut.adjust({ key: 'bad-10', actor: ADMIN, holderId: central.id, item: 'MICA', delta: -100000, reason: 'conteo físico' }), /Existencia insuficiente/, 'lines'],
    ];
    for (const [promise, message, field] of cases) {
      const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).message).toMatch(message);
      expect((err as DomainError).field).toBe(field);
    }
    expect(await counts(db)).toEqual(before);
  });

  it('refuses a DRSE actor on another DRSE or the central warehouse', async () => {
    await expect(sut.receive({ key: 'scope-1', actor: valleyIt, holderId: sur.id, lines: [{ item: 'MICA', quantity: 1 }] })).rejects.toMatchObject({ status: 403 });
    await expect(sut.receive({ key: 'scope-2', actor: valleyIt, holderId: central.id, lines: [{ item: 'MICA', quantity: 1 }] })).rejects.toMatchObject({ status: 403 });
    await expect(sut.receive({ key: 'scope-3', actor: valleyIt, holderId: school.id, lines: [{ item: 'MICA', quantity: 1 }] })).resolves.toMatchObject({ holderId: school.id });
  });

  it('keeps the ledger append-only and the balance CHECK in force against raw SQL', async () => {
    const em = db.orm.em.fork();
    await expect(em.execute(`update stock_entry set quantity = quantity + 1`)).rejects.toThrow(/solo anexado/);
    await expect(em.execute(`delete from stock_entry`)).rejects.toThrow(/solo anexado/);
    await expect(em.execute(`update stock_balance set reserved = on_hand + 1 where holder_id = ${central.id}`)).rejects.toThrow(/stock_balance_available_non_negative/);
  });

  it('reserves all or nothing and never oversells under 20 concurrent reservations', async () => {
    const drse = valles;
    // Exactly 7 requests of 8 new cards are covered by the micas; the rest is plentiful.
    await sut.receive({ key: 'c-rcv', actor: ADMIN, holderId: drse.id, lines: [{ item: 'MICA', quantity: 56 }, { item: 'TESLIN', quantity: 800 }, { item: HOLO, quantity: 800 }, { item: 'TINTA', quantity: 100 }] });
    const before = await sut.balances(drse.id);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        reservations.reserve({ key: `c-res-${i}`, actor: ADMIN, holderId: drse.id, requestId: `req-${i}`, cycleCode: CYCLE, newCards: 8, continuingStudents: 2 }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(7);
    expect(refused).toHaveLength(13);
    for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientStockError);
    const after = await sut.balances(drse.id);
    const get = (list: typeof after, item: string) => list.find((b) => b.item === item)!;
    expect(get(after, 'MICA')).toEqual({ item: 'MICA', onHand: 56, reserved: 56, available: 0 });
    // All or nothing: the refused ones reserved no Teslin, holograms or ink either.
    expect(get(after, 'TESLIN').reserved - (get(before, 'TESLIN').reserved)).toBe(7 * 8);
    expect(get(after, HOLO).reserved - get(before, HOLO).reserved).toBe(7 * 10);
    expect(get(after, 'TINTA').reserved - get(before, 'TINTA').reserved).toBe(7);
    const [{ n }] = await db.orm.em.fork().execute<Array<{ n: string }>>(`select count(*) as n from stock_reservation where request_id like 'req-%'`);
    expect(Number(n)).toBe(7);
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('returns one reservation to concurrent duplicate calls with the same key', async () => {
    await sut.receive({ key: 'd-rcv', actor: ADMIN, holderId: sur.id, lines: [{ item: 'MICA', quantity: 40 }, { item: 'TESLIN', quantity: 40 }, { item: HOLO, quantity: 40 }, { item: 'TINTA', quantity: 50 }] });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => reservations.reserve({ key: 'dup-res', actor: ADMIN, holderId: sur.id, requestId: 'req-dup', cycleCode: CYCLE, newCards: 5, continuingStudents: 0 })),
    );
    expect(new Set(results.map((r) => r.reservationId)).size).toBe(1);
    results.forEach((r) => expect(r).toEqual(results[0]));
    const rows = await db.orm.em.fork().execute(`select id from stock_reservation where request_id = 'req-dup'`);
    expect(rows).toHaveLength(1);
    expect((await sut.balances(sur.id)).find((b) => b.item === 'MICA')?.reserved).toBe(5);
  });

  it('consumes a reservation by SPEC §5 (voided blank slots as waste) and releases the rest; repeats change nothing', async () => {
    await sut.receive({ key: 'r-rcv', actor: ADMIN, holderId: school.id, lines: [{ item: 'MICA', quantity: 30 }, { item: 'TESLIN', quantity: 40 }, { item: HOLO, quantity: 30 }, { item: 'TINTA', quantity: 50 }] });
    const res = await reservations.reserve({ key: 'r-res', actor: ADMIN, holderId: school.id, requestId: 'req-r', cycleCode: CYCLE, newCards: 13, continuingStudents: 4 });
    expect(res.lines).toEqual([
      { item: HOLO, quantity: 17, consumed: 0, wasted: 0, released: 0 },
      { item: 'MICA', quantity: 13, consumed: 0, wasted: 0, released: 0 },
      { item: 'TESLIN', quantity: 16, consumed: 0, wasted: 0, released: 0 },
      { item: 'TINTA', quantity: 2, consumed: 0, wasted: 0, released: 0 },
    ]);
    const consumed = await reservations.consume({ key: 'r-con', actor: ADMIN, reservationId: res.reservationId, printRunId: 'pr-1' });
    expect(consumed.status).toBe('CONSUMED');
    expect(consumed.lines.find((l) => l.item === 'TESLIN')).toEqual({ item: 'TESLIN', quantity: 16, consumed: 13, wasted: 3, released: 0 });
    const before = await counts(db);
    expect(await reservations.consume({ key: 'r-con', actor: ADMIN, reservationId: res.reservationId, printRunId: 'pr-1' })).toEqual(consumed);
    expect(await counts(db)).toEqual(before);
    await expect(reservations.release({ key: 'r-rel', actor: ADMIN, reservationId: res.reservationId })).rejects.toBeInstanceOf(ConflictError);
    const b = await sut.balances(school.id);
    expect(b.find((x) => x.item === 'TESLIN')).toEqual({ item: 'TESLIN', onHand: 24, reserved: 0, available: 24 });
    expect(b.find((x) => x.item === HOLO)).toEqual({ item: HOLO, onHand: 13, reserved: 0, available: 13 });
    const waste = await db.orm.em.fork().execute(`select waste_reason, quantity from stock_entry where print_run_id = 'pr-1' and kind = 'WASTE'`);
    expect(waste).toEqual([{ waste_reason: 'VOIDED_BLANK', quantity: 3 }]);

    // A misprint: more waste than reserved is drawn from available; unused micas are released.
    const res2 = await reservations.reserve({ key: 'r-res2', actor: ADMIN, holderId: school.id, requestId: 'req-r2', cycleCode: CYCLE, newCards: 8, continuingStudents: 0 });
    const c2 = await reservations.consume({
      key: 'r-con2', actor: ADMIN, reservationId: res2.reservationId, printRunId: 'pr-2',
      usage: [{ item: 'TESLIN', consumed: 8, wasted: 8, wasteReason: 'MISPRINT' }, { item: 'MICA', consumed: 6 }, { item: HOLO, consumed: 8 }, { item: 'TINTA', consumed: 2 }],
    });
    expect(c2.lines.find((l) => l.item === 'MICA')).toEqual({ item: 'MICA', quantity: 8, consumed: 6, wasted: 0, released: 2 });
    const b2 = await sut.balances(school.id);
    expect(b2.find((x) => x.item === 'TESLIN')).toEqual({ item: 'TESLIN', onHand: 8, reserved: 0, available: 8 });
    // 1 (scope test) + 30 received - 13 - 6 consumed.
    expect(b2.find((x) => x.item === 'MICA')).toEqual({ item: 'MICA', onHand: 12, reserved: 0, available: 12 });

    // Release on cancel.
    const res3 = await reservations.reserve({ key: 'r-res3', actor: ADMIN, holderId: school.id, requestId: 'req-r3', cycleCode: CYCLE, newCards: 0, continuingStudents: 5 });
    const rel = await reservations.release({ key: 'r-rel3', actor: ADMIN, reservationId: res3.reservationId, reason: 'Solicitud cancelada' });
    expect(rel.status).toBe('RELEASED');
    expect(await reservations.release({ key: 'r-rel3', actor: ADMIN, reservationId: res3.reservationId, reason: 'Solicitud cancelada' })).toEqual(rel);
    await expect(
      reservations.consume({ key: 'r-con3', actor: ADMIN, reservationId: res3.reservationId, printRunId: 'pr-3' }),
    ).rejects.toThrow(/ya fue liberada/);
    expect((await sut.balances(school.id)).find((x) => x.item === HOLO)).toEqual({ item: HOLO, onHand: 5, reserved: 0, available: 5 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('keeps ledger sums equal to balances and never negative over random operation sequences', async () => {
    const ITEMS = ['MICA', 'TESLIN', HOLO, 'TINTA'];
    const pack = (item: string) => (item === 'TESLIN' ? 8 : item === 'TINTA' ? CONFIG.planillasPerInkSet : 1);
    const hs = [central, valles, sur];
    const op = fc.oneof(
      fc.record({ t: fc.constant('receive' as const), h: fc.nat(2), item: fc.constantFrom(...ITEMS), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ t: fc.constant('transfer' as const), h: fc.nat(2), h2: fc.nat(2), item: fc.constantFrom(...ITEMS), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ t: fc.constant('adjust' as const), h: fc.nat(2), item: fc.constantFrom(...ITEMS), n: fc.integer({ min: -30, max: 30 }) }),
      fc.record({ t: fc.constant('waste' as const), h: fc.nat(2), item: fc.constantFrom(...ITEMS), n: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ t: fc.constant('reserve' as const), h: fc.nat(2), n: fc.integer({ min: 0, max: 20 }), m: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ t: fc.constant('consume' as const), i: fc.nat(50) }),
      fc.record({ t: fc.constant('release' as const), i: fc.nat(50) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        run++;
        const active: number[] = [];
        for (const [i, o] of ops.entries()) {
          const key = `pb-${run}-${i}`;
          const before = await counts(db);
          try {
            if (o.t === 'receive') await sut.receive({ key, actor: ADMIN, holderId: hs[o.h].id, lines: [{ item: o.item, quantity: o.n * pack(o.item) }] });
            else if (o.t === 'transfer') await sut.transfer({ key, actor: ADMIN, fromHolderId: hs[o.h].id, toHolderId: hs[o.h2].id, lines: [{ item: o.item, quantity: o.n * pack(o.item) }] });
            else if (o.t === 'adjust') await sut.adjust({ key, actor: ADMIN, holderId: hs[o.h].id, item: o.item, delta: o.n, reason: 'Conteo físico de prueba' });
            else if (o.t === 'waste') await sut.recordWaste({ key, actor: ADMIN, holderId: hs[o.h].id, item: o.item, quantity: o.n, wasteReason: 'DAMAGED' });
            else if (o.t === 'reserve') active.push((await reservations.reserve({ key, actor: ADMIN, holderId: hs[o.h].id, requestId: key, cycleCode: CYCLE, newCards: o.n, continuingStudents: o.m })).reservationId);
            else if (active.length > 0) {
              const id = active.splice(o.i % active.length, 1)[0];
              if (o.t === 'consume') await reservations.consume({ key, actor: ADMIN, reservationId: id, printRunId: key });
              else await reservations.release({ key, actor: ADMIN, reservationId: id });
            }
          } catch (err) {
            // Refusals are expected (no stock, same holder, empty request); they must write nothing.
            if (!(err instanceof DomainError)) throw err;
            expect(await counts(db)).toEqual(before);
          }
        }
        expect(await ledgerMismatches(db)).toEqual([]);
      }),
      { numRuns: 12, seed: 20261129 },
    );
  });
  it('creates holders on demand once, refuses stock for a school its DRSE prints for, and loads initial kits from matrícula', async () => {
    const { svc } = await holders(db);
    const same = await Promise.all([1, 2, 3, 4].map(() => svc.holderForDrse('CIENEGA')));
    expect(new Set(same.map((h) => h.id)).size).toBe(1);
    expect(same[0].name).toBe('Oficina de Tecnologías, DRSE Ciénega (Ocotlán)');
    await expect(svc.holderForSchool(smallSchoolId)).rejects.toThrow(/no imprime en sitio/);
    await expect(svc.holderForDrse('ATLANTIS')).rejects.toThrow(/no existe/);

    // A DRSE's kit covers the matrícula of the schools routed to it (here one school of 120) + 10%.
    const kit = await sut.loadInitialKit({ key: 'kit-valles', actor: ADMIN, holderId: valles.id, cycleCode: CYCLE });
    expect(kit).toMatchObject({ matricula: 120, cards: 132 });
    expect(kit.lines).toEqual([
      { item: HOLO, quantity: 132 },
      { item: 'MICA', quantity: 132 },
      { item: 'TESLIN', quantity: 136 },
      { item: 'TINTA', quantity: 50 },
    ]);
    const schoolKit = await sut.loadInitialKit({ key: 'kit-school', actor: ADMIN, holderId: (await svc.holderForSchool(schoolId)).id, cycleCode: CYCLE });
    expect(schoolKit).toMatchObject({ matricula: 600, cards: 660 });
    expect(await sut.loadInitialKit({ key: 'kit-valles', actor: ADMIN, holderId: valles.id, cycleCode: CYCLE })).toEqual(kit);
    expect(await ledgerMismatches(db)).toEqual([]);
  });
});
