import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { InventoryConfig, INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { ItemLine, parseItemCode, parseLines } from './items';
import { computeMaterialRequirement } from './material-requirement';
import type { ReservationStatus } from './vocabulary';
import type { WasteReason } from './vocabulary';
import { parseUsage, UsageLine } from './stock.service';
import { assertActorCoversHolder, assertHologramCycle, LedgerTx, loadHolder, Mutation, parseCauseId, resolveCycle, runIdempotent } from './stock-ledger';

export interface ReservationLineView {
  item: string;
  quantity: number;
  consumed: number;
  wasted: number;
  released: number;
}

export interface ReservationView {
  reservationId: number;
  holderId: number;
  requestId: string;
  cycleCode: string;
  newCards: number;
  continuingStudents: number;
  status: ReservationStatus;
  printRunId: string | null;
  lines: ReservationLineView[];
}


/** Reservations for requests: reserve (all items or none), consume on print, release on cancel. */
@Injectable()
export class ReservationService {
  private readonly config: InventoryConfig;

  constructor(
    private readonly em: EntityManager,
    @Optional() @Inject(INVENTORY_CONFIG) config?: InventoryConfig,
  ) {
    this.config = config ?? loadInventoryConfig();
  }

  /**
   * Reserves at `holderId` the material a request needs (SPEC §5). All items or none: if any item
   * falls short, throws InsufficientStockError (with the shortfall) and writes nothing.
   */
  reserve(
    input: Mutation & { holderId: number; requestId: string | number; cycleCode: string; newCards: number; continuingStudents: number },
  ): Promise<ReservationView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'reservation.reserve', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const requirement = computeMaterialRequirement({ ...input, config: this.config });
      const requestId = parseCauseId(input.requestId, 'requestId', true) as string;
      const cycleCode = (await resolveCycle(tem, requirement.cycleCode)) as string;
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      const lines = requirement.lines.map((l) => ({ item: parseItemCode(l.item), quantity: l.quantity }));
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.map((l) => ({ holderId: holder.id, item: l.item })));
      tx.requireAvailable(holder.id, holder.name, lines);
      const [row] = await tem.execute<Array<{ id: number }>>(
        `insert into stock_reservation (operation_key, holder_id, request_id, cycle_code, new_cards, continuing_students, status)
         values (?, ?, ?, ?, ?, ?, 'ACTIVE') returning id`,
        [key, holder.id, requestId, cycleCode, requirement.newCards, requirement.continuingStudents],
      );
      for (const l of lines) {
        await tem.execute('insert into stock_reservation_line (reservation_id, item_code, quantity) values (?, ?, ?)', [row.id, l.item.code, l.quantity]);
        await tx.post({ holderId: holder.id, item: l.item, kind: 'RESERVATION', quantity: l.quantity, onHandDelta: 0, reservedDelta: l.quantity, requestId, cycleCode, reservationId: row.id });
      }
      return (await this.load(tem, row.id)) as ReservationView;
    });
  }

  /**
   * Reserves explicit item lines (Procedure 2: material a school asked for, not a card count). Whole
   * packs, all lines or none (InsufficientStockError with the shortfall). Holograms must be of the
   * reservation's cycle. `deliver` hands them over; `release` gives them back.
   */
  reserveLines(input: Mutation & { holderId: number; requestId: string | number; cycleCode: string; lines: ItemLine[] }): Promise<ReservationView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'reservation.reserveLines', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const requestId = parseCauseId(input.requestId, 'requestId', true) as string;
      const cycleCode = (await resolveCycle(tem, input.cycleCode)) as string;
      const lines = parseLines(input.lines, { wholePacks: true, planillasPerInkSet: this.config.planillasPerInkSet });
      lines.forEach((l, i) => assertHologramCycle(l.item, cycleCode, `lines[${i}].item`));
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.map((l) => ({ holderId: holder.id, item: l.item })));
      tx.requireAvailable(holder.id, holder.name, lines);
      const [row] = await tem.execute<Array<{ id: number }>>(
        `insert into stock_reservation (operation_key, holder_id, request_id, cycle_code, new_cards, continuing_students, status)
         values (?, ?, ?, ?, 0, 0, 'ACTIVE') returning id`,
        [key, holder.id, requestId, cycleCode],
      );
      for (const l of lines) {
        await tem.execute('insert into stock_reservation_line (reservation_id, item_code, quantity) values (?, ?, ?)', [row.id, l.item.code, l.quantity]);
        await tx.post({ holderId: holder.id, item: l.item, kind: 'RESERVATION', quantity: l.quantity, onHandDelta: 0, reservedDelta: l.quantity, requestId, cycleCode, reservationId: row.id });
      }
      return (await this.load(tem, row.id)) as ReservationView;
    });
  }

  /**
   * Hands the whole reservation over to another holder in one transaction (Procedure 2 delivery:
   * DRSE → school): TRANSFER_OUT from the reserved stock, TRANSFER_IN at the receiver. The
   * reservation ends DELIVERED.
   */
  deliver(input: Mutation & { reservationId: number; toHolderId: number }): Promise<ReservationView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'reservation.deliver', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const res = await this.lockActive(tem, input.reservationId, 'entregar');
      const from = await loadHolder(tem, res.holder_id);
      const to = await loadHolder(tem, input.toHolderId, 'toHolderId');
      if (from.id === to.id) throw new DomainError('El almacén de origen y el de destino deben ser distintos.', 'toHolderId');
      assertActorCoversHolder(actor, from, 'el almacén de origen');
      const lines = (
        await tem.execute<Array<{ item_code: string; quantity: number }>>('select item_code, quantity from stock_reservation_line where reservation_id = ? order by item_code', [res.id])
      ).map((l) => ({ item: parseItemCode(l.item_code), quantity: l.quantity }));
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.flatMap((l) => [{ holderId: from.id, item: l.item }, { holderId: to.id, item: l.item }]));
      for (const l of lines) {
        const cause = { item: l.item, quantity: l.quantity, requestId: res.request_id, cycleCode: res.cycle_code, reservationId: res.id };
        await tx.post({ ...cause, holderId: from.id, kind: 'TRANSFER_OUT', onHandDelta: -l.quantity, reservedDelta: -l.quantity, counterpartHolderId: to.id });
        await tx.post({ ...cause, holderId: to.id, kind: 'TRANSFER_IN', onHandDelta: l.quantity, reservedDelta: 0, counterpartHolderId: from.id });
      }
      await tem.execute(`update stock_reservation set status = 'DELIVERED', closed_at = now() where id = ?`, [res.id]);
      return (await this.load(tem, res.id)) as ReservationView;
    });
  }

  /**
   * Records the print run of a reservation: by default exactly the SPEC §5 requirement (cards use
   * slots, micas, holograms and ink; the voided blank slots of the last planilla are waste
   * VOIDED_BLANK). `usage` overrides it (misprints: more waste); usage beyond the reservation is
   * drawn from available stock. Whatever stays reserved is released. The reservation ends CONSUMED.
   */
  consume(input: Mutation & { reservationId: number; printRunId: string | number; usage?: UsageLine[] }): Promise<ReservationView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'reservation.consume', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const printRunId = parseCauseId(input.printRunId, 'printRunId', true) as string;
      const res = await this.lockActive(tem, input.reservationId, 'consumir');
      const holder = await loadHolder(tem, res.holder_id);
      assertActorCoversHolder(actor, holder);
      const reservedLines = await tem.execute<Array<{ item_code: string; quantity: number }>>(
        'select item_code, quantity from stock_reservation_line where reservation_id = ? order by item_code',
        [res.id],
      );
      const usage = input.usage !== undefined ? parseUsage(input.usage, res.cycle_code) : this.defaultUsage(res);
      const reservedBy = new Map(reservedLines.map((l) => [l.item_code, l.quantity]));
      const items = new Map<string, ReturnType<typeof parseItemCode>>();
      for (const l of reservedLines) items.set(l.item_code, parseItemCode(l.item_code));
      usage.forEach((u, i) => {
        if (!reservedBy.has(u.item.code)) {
          throw new DomainError(`El artículo ${u.item.code} no forma parte de la reserva ${res.id}.`, `usage[${i}].item`, 'ARTICULO_NO_RESERVADO');
        }
      });
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock([...items.values()].map((item) => ({ holderId: holder.id, item })));
      // Usage beyond what was reserved must fit the available stock.
      tx.requireAvailable(
        holder.id,
        holder.name,
        usage.map((u) => ({ item: u.item, quantity: Math.max(0, u.consumed + u.wasted - (reservedBy.get(u.item.code) ?? 0)) })),
      );
      const cause = { requestId: res.request_id, printRunId, cycleCode: res.cycle_code, reservationId: res.id };
      for (const [code, item] of [...items.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        let remaining = reservedBy.get(code) ?? 0;
        const u = usage.find((x) => x.item.code === code);
        const consumed = u?.consumed ?? 0;
        const wasted = u?.wasted ?? 0;
        const fromReserveC = Math.min(consumed, remaining);
        remaining -= fromReserveC;
        await tx.post({ ...cause, holderId: holder.id, item, kind: 'CONSUMPTION', quantity: consumed, onHandDelta: -consumed, reservedDelta: -fromReserveC });
        const fromReserveW = Math.min(wasted, remaining);
        remaining -= fromReserveW;
        await tx.post({ ...cause, holderId: holder.id, item, kind: 'WASTE', quantity: wasted, onHandDelta: -wasted, reservedDelta: -fromReserveW, wasteReason: u?.wasteReason });
        await tx.post({ ...cause, holderId: holder.id, item, kind: 'RELEASE', quantity: remaining, onHandDelta: 0, reservedDelta: -remaining });
        await tem.execute('update stock_reservation_line set consumed = ?, wasted = ?, released = ? where reservation_id = ? and item_code = ?', [consumed, wasted, remaining, res.id, code]);
      }
      await tem.execute(`update stock_reservation set status = 'CONSUMED', print_run_id = ?, closed_at = now() where id = ?`, [printRunId, res.id]);
      return (await this.load(tem, res.id)) as ReservationView;
    });
  }

  /** Gives back everything a reservation still holds (request cancelled or rejected). */
  release(input: Mutation & { reservationId: number; reason?: string }): Promise<ReservationView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'reservation.release', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const res = await this.lockActive(tem, input.reservationId, 'liberar');
      const holder = await loadHolder(tem, res.holder_id);
      assertActorCoversHolder(actor, holder);
      const lines = await tem.execute<Array<{ item_code: string; quantity: number }>>(
        'select item_code, quantity from stock_reservation_line where reservation_id = ? order by item_code',
        [res.id],
      );
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.map((l) => ({ holderId: holder.id, item: parseItemCode(l.item_code) })));
      const reason = typeof input.reason === 'string' && input.reason.trim() ? input.reason.trim().slice(0, 500) : undefined;
      for (const l of lines) {
        await tx.post({
          holderId: holder.id, item: parseItemCode(l.item_code), kind: 'RELEASE', quantity: l.quantity, onHandDelta: 0, reservedDelta: -l.quantity,
          requestId: res.request_id, cycleCode: res.cycle_code, reservationId: res.id, reason,
        });
        await tem.execute('update stock_reservation_line set released = quantity where reservation_id = ? and item_code = ?', [res.id, l.item_code]);
      }
      await tem.execute(`update stock_reservation set status = 'RELEASED', closed_at = now() where id = ?`, [res.id]);
      return (await this.load(tem, res.id)) as ReservationView;
    });
  }

  async get(reservationId: number): Promise<ReservationView> {
    const view = await this.load(this.em.fork(), reservationId);
    if (!view) throw new NotFoundError(`La reserva ${reservationId} no existe.`, 'reservationId');
    return view;
  }

  async findByRequest(requestId: string): Promise<ReservationView[]> {
    const em = this.em.fork();
    const rows = await em.execute<Array<{ id: number }>>('select id from stock_reservation where request_id = ? order by id', [requestId]);
    return Promise.all(rows.map(async (r) => (await this.load(em, r.id)) as ReservationView));
  }

  private defaultUsage(res: ReservationRow): Array<{ item: ReturnType<typeof parseItemCode>; consumed: number; wasted: number; wasteReason?: WasteReason }> {
    const req = computeMaterialRequirement({ newCards: res.new_cards, continuingStudents: res.continuing_students, cycleCode: res.cycle_code, config: this.config });
    const usage = [
      { item: parseItemCode(`HOLOGRAMA:${res.cycle_code}`), consumed: req.holograms, wasted: 0 },
      { item: parseItemCode('MICA'), consumed: req.micas, wasted: 0 },
      { item: parseItemCode('TESLIN'), consumed: req.newCards, wasted: req.voidedSlots, wasteReason: 'VOIDED_BLANK' as const },
      { item: parseItemCode('TINTA'), consumed: req.inkPlanillas, wasted: 0 },
    ];
    return usage.filter((u) => u.consumed + u.wasted > 0);
  }

  private async lockActive(tem: EntityManager, reservationId: unknown, verb: string): Promise<ReservationRow> {
    if (typeof reservationId !== 'number' || !Number.isInteger(reservationId) || reservationId <= 0) {
      throw new DomainError('La reserva no es válida.', 'reservationId');
    }
    const rows = await tem.execute<ReservationRow[]>('select * from stock_reservation where id = ? for update', [reservationId]);
    if (rows.length === 0) throw new NotFoundError(`La reserva ${reservationId} no existe.`, 'reservationId');
    const res = rows[0];
    if (res.status !== 'ACTIVE') {
      const state = res.status === 'CONSUMED' ? 'ya fue consumida' : res.status === 'DELIVERED' ? 'ya fue entregada' : 'ya fue liberada';
      throw new ConflictError(`No se puede ${verb} la reserva ${reservationId}: ${state}.`, 'reservationId');
    }
    return res;
  }

  private async load(em: EntityManager, reservationId: number): Promise<ReservationView | null> {
    const rows = await em.execute<ReservationRow[]>('select * from stock_reservation where id = ?', [reservationId]);
    if (rows.length === 0) return null;
    const r = rows[0];
    const lines = await em.execute<Array<{ item_code: string; quantity: number; consumed: number; wasted: number; released: number }>>(
      'select item_code, quantity, consumed, wasted, released from stock_reservation_line where reservation_id = ? order by item_code',
      [reservationId],
    );
    return {
      reservationId: r.id,
      holderId: r.holder_id,
      requestId: r.request_id,
      cycleCode: r.cycle_code,
      newCards: r.new_cards,
      continuingStudents: r.continuing_students,
      status: r.status,
      printRunId: r.print_run_id,
      lines: lines.map((l) => ({ item: l.item_code, quantity: l.quantity, consumed: l.consumed, wasted: l.wasted, released: l.released })),
    };
  }
}

interface ReservationRow {
  id: number;
  holder_id: number;
  request_id: string;
  cycle_code: string;
  new_cards: number;
  continuing_students: number;
  status: ReservationStatus;
  print_run_id: string | null;
}

export type { ItemLine };
