import { EntityManager } from '@mikro-orm/postgresql';
import type { MaterialQuantities } from '../../../../statecharts/step-meta';
import type { MaterialGateway, ProductionGateway, ReserveResult, SupplyGateway } from '../../../../src/procedures/ports';

/**
 * IN-TEST implementations of the procedure ports, standing in for the inventory and production modules
 * until they are bound (see docs/procedures.md). They keep their state in test-only tables of the test
 * database, with the same idempotency rule the real modules must follow (unique `key`), so the
 * kill-the-worker test can count stock moves and folios.
 */
export const TEST_GATEWAY_TABLES = `
  create table if not exists test_stock (drse_code text not null, item text not null, qty integer not null check (qty >= 0), primary key (drse_code, item));
  create table if not exists test_stock_move (id serial primary key, key text not null unique, drse_code text not null, item text not null, delta integer not null);
  create table if not exists test_reservation (id serial primary key, key text not null unique, request_id integer not null);
  create sequence if not exists test_folio_seq;
  create table if not exists test_print_run (id serial primary key, key text not null unique, request_id integer not null, cards integer not null, voided integer not null);
  create table if not exists test_folio (folio integer primary key, print_run_id integer not null, student_id integer null, status text not null);
  create table if not exists test_acuse (id serial primary key, key text not null unique, request_id integer not null, kind text not null);
  create table if not exists test_ticket (id serial primary key, key text not null unique, drse_code text not null, teslin integer not null, micas integer not null, holograms integer not null, status text not null default 'ABIERTO');
  create table if not exists test_shipment (id serial primary key, key text not null unique, ticket_id integer not null, teslin integer not null, micas integer not null, holograms integer not null, received boolean not null default false);
  create table if not exists test_issued (student_id integer primary key);
`;

const ITEMS: Array<[keyof MaterialQuantities, string]> = [['teslinSheets', 'TESLIN'], ['micas', 'MICA'], ['holograms', 'HOLOGRAMA']];
type Row = Record<string, unknown>;

/** Hook that lets a test stop the world at a chosen activity (the kill-the-worker test). */
export type GatewayHook = (operation: string) => Promise<void>;

export class TableGateways {
  hook: GatewayHook = async () => undefined;

  constructor(private readonly em: EntityManager) {}

  static async install(em: EntityManager): Promise<void> {
    await em.getConnection().execute(TEST_GATEWAY_TABLES);
  }

  async setStock(drseCode: string, q: MaterialQuantities): Promise<void> {
    for (const [field, item] of ITEMS) {
      await this.em.fork().execute(
        'insert into test_stock (drse_code, item, qty) values (?, ?, ?) on conflict (drse_code, item) do update set qty = excluded.qty',
        [drseCode, item, q[field]],
      );
    }
  }

  private async move(em: EntityManager, key: string, drseCode: string, q: MaterialQuantities, sign: 1 | -1): Promise<void> {
    for (const [field, item] of ITEMS) {
      if (q[field] === 0) continue;
      await em.execute('insert into test_stock_move (key, drse_code, item, delta) values (?, ?, ?, ?)', [`${key}:${item}`, drseCode, item, sign * q[field]]);
      await em.execute(
        'insert into test_stock (drse_code, item, qty) values (?, ?, ?) on conflict (drse_code, item) do update set qty = test_stock.qty + ?',
        [drseCode, item, Math.max(0, sign * q[field]), sign * q[field]],
      );
    }
  }

  readonly material: MaterialGateway = {
    reserve: async ({ key, requestId, drseCode, quantities }): Promise<ReserveResult> => {
      await this.hook('reserve');
      const result = await this.em.fork().transactional(async (em): Promise<ReserveResult> => {
        const [done] = await em.execute<Row[]>('select id from test_reservation where key = ?', [key]);
        if (done) return { reserved: true, reservationId: Number(done.id) };
        const rows = await em.execute<Row[]>('select item, qty from test_stock where drse_code = ? for update', [drseCode]);
        const have = (item: string) => Number(rows.find((r) => r.item === item)?.qty ?? 0);
        const shortage = Object.fromEntries(ITEMS.map(([f, item]) => [f, Math.max(0, quantities[f] - have(item))])) as unknown as MaterialQuantities;
        if (shortage.teslinSheets + shortage.micas + shortage.holograms > 0) return { reserved: false, shortage };
        await this.move(em, key, drseCode, quantities, -1);
        const [r] = await em.execute<Row[]>('insert into test_reservation (key, request_id) values (?, ?) returning id', [key, requestId]);
        return { reserved: true, reservationId: Number(r.id) };
      });
      await this.hook('reserve:done');
      return result;
    },
    recordDeliveryAcuse: async ({ key, requestId, kind }) => {
      await this.hook('recordDeliveryAcuse');
      const em = this.em.fork();
      await em.execute('insert into test_acuse (key, request_id, kind) values (?, ?, ?) on conflict (key) do nothing', [key, requestId, kind]);
      const [r] = await em.execute<Row[]>('select id from test_acuse where key = ?', [key]);
      return { acuseId: Number(r.id) };
    },
    consumptionSummary: async () => ({ printedCards: 0, voidedSlots: 0, wastedSlots: 0 }),
  };

  readonly production: ProductionGateway = {
    issuedThisCycle: async ({ studentIds }) => {
      if (studentIds.length === 0) return [];
      const rows = await this.em.fork().execute<Row[]>('select student_id from test_issued where student_id = any(?::int[])', [`{${studentIds.join(',')}}`]);
      return rows.map((r) => Number(r.student_id));
    },
    generatePrintRun: async ({ key, requestId, studentIds }) => {
      await this.hook('generatePrintRun');
      const result = await this.em.fork().transactional(async (em) => {
        const [done] = await em.execute<Row[]>('select id, cards, voided from test_print_run where key = ?', [key]);
        if (done) return { printRunId: Number(done.id), cards: Number(done.cards), voidedSlots: Number(done.voided) };
        if (studentIds.length === 0) return { printRunId: null, cards: 0, voidedSlots: 0 };
        const slots = Math.ceil(studentIds.length / 8) * 8;
        const voided = slots - studentIds.length;
        const [run] = await em.execute<Row[]>('insert into test_print_run (key, request_id, cards, voided) values (?, ?, ?, ?) returning id', [key, requestId, studentIds.length, voided]);
        for (let i = 0; i < slots; i++) {
          await em.execute(`insert into test_folio (folio, print_run_id, student_id, status) values (nextval('test_folio_seq'), ?, ?, ?)`, [
            run.id, studentIds[i] ?? null, i < studentIds.length ? 'EXPEDIDO' : 'ANULADO',
          ]);
        }
        for (const id of studentIds) await em.execute('insert into test_issued (student_id) values (?) on conflict do nothing', [id]);
        return { printRunId: Number(run.id), cards: studentIds.length, voidedSlots: voided };
      });
      await this.hook('generatePrintRun:done');
      return result;
    },
    produceReplacement: async ({ key, requestId, studentId }) => {
      return this.em.fork().transactional(async (em) => {
        const [done] = await em.execute<Row[]>('select r.id, f.folio from test_print_run r join test_folio f on f.print_run_id = r.id where r.key = ? and f.student_id is not null', [key]);
        if (done) return { printRunId: Number(done.id), newFolio: Number(done.folio) };
        const [run] = await em.execute<Row[]>('insert into test_print_run (key, request_id, cards, voided) values (?, ?, 1, 7) returning id', [key, requestId]);
        const [f] = await em.execute<Row[]>(`insert into test_folio (folio, print_run_id, student_id, status) values (nextval('test_folio_seq'), ?, ?, 'EXPEDIDO') returning folio`, [run.id, studentId]);
        return { printRunId: Number(run.id), newFolio: Number(f.folio) };
      });
    },
    revokeFolio: async ({ folio }) => {
      await this.em.fork().execute(`insert into test_folio (folio, print_run_id, status) values (?, 0, 'REVOCADO') on conflict (folio) do update set status = 'REVOCADO'`, [folio]);
    },
  };

  readonly supply: SupplyGateway = {
    openTicket: async ({ key, drseCode, quantities }) => {
      const em = this.em.fork();
      await em.execute('insert into test_ticket (key, drse_code, teslin, micas, holograms) values (?, ?, ?, ?, ?) on conflict (key) do nothing', [
        key, drseCode, quantities.teslinSheets, quantities.micas, quantities.holograms,
      ]);
      const [r] = await em.execute<Row[]>('select id from test_ticket where key = ?', [key]);
      return { ticketId: Number(r.id) };
    },
    decideTicket: async ({ ticketId, decision }) => {
      await this.em.fork().execute('update test_ticket set status = ? where id = ?', [decision, ticketId]);
    },
    recordShipment: async ({ key, ticketId, quantities }) => {
      const em = this.em.fork();
      await em.execute('insert into test_shipment (key, ticket_id, teslin, micas, holograms) values (?, ?, ?, ?, ?) on conflict (key) do nothing', [
        key, ticketId, quantities.teslinSheets, quantities.micas, quantities.holograms,
      ]);
      const [r] = await em.execute<Row[]>('select id from test_shipment where key = ?', [key]);
      return { shipmentId: Number(r.id) };
    },
    confirmReceipt: async ({ key, ticketId, shipmentId }) => {
      await this.hook('confirmReceipt');
      return this.em.fork().transactional(async (em) => {
        const [t] = await em.execute<Row[]>('select * from test_ticket where id = ? for update', [ticketId]);
        const [s] = await em.execute<Row[]>('select * from test_shipment where id = ?', [shipmentId]);
        if (!s.received) {
          await this.move(em, key, String(t.drse_code), { teslinSheets: Number(s.teslin), micas: Number(s.micas), holograms: Number(s.holograms) }, 1);
          await em.execute('update test_shipment set received = true where id = ?', [shipmentId]);
        }
        const [sum] = await em.execute<Row[]>(
          'select coalesce(sum(teslin),0) as t, coalesce(sum(micas),0) as m, coalesce(sum(holograms),0) as h from test_shipment where ticket_id = ? and received',
          [ticketId],
        );
        const received = { teslinSheets: Number(sum.t), micas: Number(sum.m), holograms: Number(sum.h) };
        const complete = received.teslinSheets >= Number(t.teslin) && received.micas >= Number(t.micas) && received.holograms >= Number(t.holograms);
        return { acuseId: shipmentId, received, complete };
      });
    },
  };
}
