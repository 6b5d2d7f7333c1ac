import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { STATE_ROLES } from '../access';
import { DomainError } from '../common/domain-error';
import { InventoryConfig, INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { ItemLine, parseItemCode, parseLines, parseQuantity, unitsPerPack } from './items';
import { computeInitialKit, computeShortfall, MaterialRequirement, ShortfallReport } from './material-requirement';
import { MANUAL_WASTE_REASONS, WasteReason } from './vocabulary';
import {
  assertActorCoversHolder,
  assertHologramCycle,
  assertRole,
  LedgerTx,
  loadHolder,
  Mutation,
  parseCauseId,
  resolveCycle,
  runIdempotent,
} from './stock-ledger';

export interface BalanceView {
  item: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface MovementResult {
  operation: string;
  holderId: number;
  lines: ItemLine[];
}

export interface TransferResult {
  fromHolderId: number;
  toHolderId: number;
  lines: ItemLine[];
}

export interface UsageLine {
  item: string;
  /** Slots / pieces / planillas that became cards. */
  consumed: number;
  /** Spoiled or voided units (voided blank slots, misprints). */
  wasted?: number;
  wasteReason?: WasteReason;
}

export interface LowStockSuggestion {
  item: string;
  available: number;
  minimum: number;
  target: number;
  /** target - available, rounded up to whole packs. */
  suggestedOrder: number;
}

function optionalText(raw: unknown, field: string, max = 100): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string' || !raw.trim() || raw.length > max) {
    throw new DomainError(`El campo ${field} debe ser un texto de 1 a ${max} caracteres.`, field);
  }
  return raw.trim();
}

export function requiredReason(raw: unknown, field = 'reason'): string {
  if (typeof raw !== 'string' || raw.trim().length < 5 || raw.length > 500) {
    throw new DomainError('El motivo es obligatorio (de 5 a 500 caracteres).', field, 'MOTIVO_OBLIGATORIO');
  }
  return raw.trim();
}

export function parseWasteReason(raw: unknown, field = 'wasteReason'): WasteReason {
  if (!MANUAL_WASTE_REASONS.includes(raw as WasteReason)) {
    throw new DomainError(`El motivo de merma debe ser uno de: ${MANUAL_WASTE_REASONS.join(', ')}.`, field, 'MOTIVO_OBLIGATORIO');
  }
  return raw as WasteReason;
}

/**
 * Receipts, transfers, adjustments, waste and unreserved consumption; balances and shortfall.
 * Every mutating method is idempotent on `key` (see stock-ledger.ts).
 */
@Injectable()
export class StockService {
  private readonly config: InventoryConfig;

  constructor(
    private readonly em: EntityManager,
    @Optional() @Inject(INVENTORY_CONFIG) config?: InventoryConfig,
  ) {
    this.config = config ?? loadInventoryConfig();
  }

  /** Material arrives at a holder from outside the system (supplier, initial kit). Whole packs. */
  receive(input: Mutation & { holderId: number; lines: ItemLine[]; cycleCode?: string; reason?: string; requestId?: string | number }): Promise<MovementResult> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'stock.receive', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const lines = parseLines(input.lines, { wholePacks: true, planillasPerInkSet: this.config.planillasPerInkSet });
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      const reason = optionalText(input.reason, 'reason', 500);
      const requestId = parseCauseId(input.requestId, 'requestId');
      const cycleCode = await resolveCycle(tem, input.cycleCode);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.map((l) => ({ holderId: holder.id, item: l.item })));
      for (const l of lines) {
        await tx.post({ holderId: holder.id, item: l.item, kind: 'RECEIPT', quantity: l.quantity, onHandDelta: l.quantity, reservedDelta: 0, reason, requestId, cycleCode });
      }
      return { operation: key, holderId: holder.id, lines: lines.map((l) => ({ item: l.item.code, quantity: l.quantity })) };
    });
  }

  /**
   * Initial kit (R6) computed from matrícula (a school: its own; a DRSE: its schools routed to it;
   * the central warehouse: `matricula` must be given) plus the configured margin, loaded as receipts.
   */
  async loadInitialKit(input: Mutation & { holderId: number; cycleCode: string; matricula?: number }): Promise<MovementResult & { matricula: number; cards: number }> {
    const em = this.em.fork();
    const holder = await loadHolder(em, input.holderId);
    let matricula = input.matricula;
    if (matricula === undefined) {
      if (holder.kind === 'ESCUELA') {
        const [r] = await em.execute<Array<{ matricula: number }>>('select matricula from school where id = ?', [holder.schoolId]);
        matricula = r.matricula;
      } else if (holder.kind === 'DRSE') {
        const [r] = await em.execute<Array<{ total: string | null }>>(
          `select sum(matricula) as total from school where drse_code = ? and print_route = 'DRSE'`,
          [holder.drseCode],
        );
        matricula = Number(r.total ?? 0);
      } else {
        throw new DomainError('Para el almacén central indique la matrícula que cubre el kit.', 'matricula');
      }
    }
    const kit = computeInitialKit({ matricula, cycleCode: input.cycleCode, config: this.config });
    const result = await this.receive({
      key: input.key,
      actor: input.actor,
      holderId: holder.id,
      lines: kit.lines,
      cycleCode: input.cycleCode,
      reason: `Kit inicial por matrícula de ${matricula} alumnos (margen ${this.config.kitMarginPercent}%)`,
    });
    return { ...result, matricula, cards: kit.cards };
  }

  /** Moves stock between two holders: both sides in one transaction, all lines or none. Whole packs. */
  transfer(
    input: Mutation & { fromHolderId: number; toHolderId: number; lines: ItemLine[]; cycleCode?: string; reason?: string; requestId?: string | number },
  ): Promise<TransferResult> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'stock.transfer', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const lines = parseLines(input.lines, { wholePacks: true, planillasPerInkSet: this.config.planillasPerInkSet });
      const from = await loadHolder(tem, input.fromHolderId, 'fromHolderId');
      const to = await loadHolder(tem, input.toHolderId, 'toHolderId');
      if (from.id === to.id) throw new DomainError('El almacén de origen y el de destino deben ser distintos.', 'toHolderId');
      assertActorCoversHolder(actor, from, 'el almacén de origen');
      const reason = optionalText(input.reason, 'reason', 500);
      const requestId = parseCauseId(input.requestId, 'requestId');
      const cycleCode = await resolveCycle(tem, input.cycleCode);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.flatMap((l) => [{ holderId: from.id, item: l.item }, { holderId: to.id, item: l.item }]));
      tx.requireAvailable(from.id, from.name, lines);
      for (const l of lines) {
        const common = { item: l.item, quantity: l.quantity, reason, requestId, cycleCode };
        await tx.post({ ...common, holderId: from.id, kind: 'TRANSFER_OUT', onHandDelta: -l.quantity, reservedDelta: 0, counterpartHolderId: to.id });
        await tx.post({ ...common, holderId: to.id, kind: 'TRANSFER_IN', onHandDelta: l.quantity, reservedDelta: 0, counterpartHolderId: from.id });
      }
      return { fromHolderId: from.id, toHolderId: to.id, lines: lines.map((l) => ({ item: l.item.code, quantity: l.quantity })) };
    });
  }

  /** Corrects on-hand stock after a physical count. Reason and actor required; never below reserved. */
  adjust(input: Mutation & { holderId: number; item: string; delta: number; reason: string; cycleCode?: string }): Promise<MovementResult & { delta: number }> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'stock.adjust', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const item = parseItemCode(input.item);
      if (typeof input.delta !== 'number' || !Number.isInteger(input.delta) || input.delta === 0) {
        throw new DomainError('El ajuste debe ser un número entero distinto de cero (positivo suma, negativo resta).', 'delta', 'CANTIDAD_INVALIDA');
      }
      parseQuantity(Math.abs(input.delta), 'delta');
      const reason = requiredReason(input.reason);
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      assertRole(actor, [...STATE_ROLES, 'DRSE_TECNOLOGIAS', 'ESCUELA'], 'ajustar existencias');
      const cycleCode = await resolveCycle(tem, input.cycleCode);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock([{ holderId: holder.id, item }]);
      if (input.delta < 0) tx.requireAvailable(holder.id, holder.name, [{ item, quantity: -input.delta }]);
      await tx.post({ holderId: holder.id, item, kind: 'ADJUSTMENT', quantity: Math.abs(input.delta), onHandDelta: input.delta, reservedDelta: 0, reason, cycleCode });
      return { operation: key, holderId: holder.id, lines: [{ item: item.code, quantity: Math.abs(input.delta) }], delta: input.delta };
    });
  }

  /** Records spoiled material outside a reservation (misprint, damage…), from available stock. */
  recordWaste(
    input: Mutation & { holderId: number; item: string; quantity: number; wasteReason: WasteReason; note?: string; printRunId?: string | number; cycleCode?: string },
  ): Promise<MovementResult> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'stock.waste', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const item = parseItemCode(input.item);
      const quantity = parseQuantity(input.quantity);
      const wasteReason = parseWasteReason(input.wasteReason);
      const note = optionalText(input.note, 'note', 500);
      if (wasteReason === 'OTHER' && !note) throw new DomainError('Una merma por "otro" motivo requiere una nota que la explique.', 'note', 'MOTIVO_OBLIGATORIO');
      const printRunId = parseCauseId(input.printRunId, 'printRunId');
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      const cycleCode = await resolveCycle(tem, input.cycleCode);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock([{ holderId: holder.id, item }]);
      tx.requireAvailable(holder.id, holder.name, [{ item, quantity }]);
      await tx.post({ holderId: holder.id, item, kind: 'WASTE', quantity, onHandDelta: -quantity, reservedDelta: 0, wasteReason, reason: note, printRunId, cycleCode });
      return { operation: key, holderId: holder.id, lines: [{ item: item.code, quantity }] };
    });
  }

  /**
   * A print run without a reservation (a school printing on site): consumption and waste per item
   * from available stock. Holograms must be of `cycleCode`. With `within` (an EntityManager in an open
   * transaction, e.g. the print run's) it runs in that transaction and commits or rolls back with it.
   */
  consume(
    input: Mutation & { holderId: number; cycleCode: string; printRunId: string | number; requestId?: string | number; usage: UsageLine[] },
    within?: EntityManager,
  ): Promise<MovementResult & { usage: UsageLine[] }> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'stock.consume', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const printRunId = parseCauseId(input.printRunId, 'printRunId', true);
      const requestId = parseCauseId(input.requestId, 'requestId');
      const cycleCode = (await resolveCycle(tem, input.cycleCode ?? '')) as string;
      const usage = parseUsage(input.usage, cycleCode);
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(usage.map((u) => ({ holderId: holder.id, item: u.item })));
      tx.requireAvailable(holder.id, holder.name, usage.map((u) => ({ item: u.item, quantity: u.consumed + u.wasted })));
      for (const u of usage) {
        await tx.post({ holderId: holder.id, item: u.item, kind: 'CONSUMPTION', quantity: u.consumed, onHandDelta: -u.consumed, reservedDelta: 0, printRunId, requestId, cycleCode });
        await tx.post({ holderId: holder.id, item: u.item, kind: 'WASTE', quantity: u.wasted, onHandDelta: -u.wasted, reservedDelta: 0, wasteReason: u.wasteReason, printRunId, requestId, cycleCode });
      }
      return {
        operation: key,
        holderId: holder.id,
        lines: usage.map((u) => ({ item: u.item.code, quantity: u.consumed + u.wasted })),
        usage: usage.map((u) => ({ item: u.item.code, consumed: u.consumed, wasted: u.wasted, ...(u.wasted > 0 ? { wasteReason: u.wasteReason } : {}) })),
      };
    }, within);
  }

  async balances(holderId: number): Promise<BalanceView[]> {
    const rows = await this.em.fork().execute<Array<{ item_code: string; on_hand: number; reserved: number }>>(
      'select item_code, on_hand, reserved from stock_balance where holder_id = ? order by item_code',
      [holderId],
    );
    return rows.map((r) => ({ item: r.item_code, onHand: r.on_hand, reserved: r.reserved, available: r.on_hand - r.reserved }));
  }

  async availableMap(holderId: number): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const b of await this.balances(holderId)) out[b.item] = b.available;
    return out;
  }

  /** Balances recomputed from the ledger alone (for audits and tests): must equal `balances`. */
  async ledgerBalances(holderId: number): Promise<BalanceView[]> {
    const rows = await this.em.fork().execute<Array<{ item_code: string; on_hand: string; reserved: string }>>(
      `select item_code, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
         from stock_entry where holder_id = ? group by item_code order by item_code`,
      [holderId],
    );
    return rows.map((r) => ({ item: r.item_code, onHand: Number(r.on_hand), reserved: Number(r.reserved), available: Number(r.on_hand) - Number(r.reserved) }));
  }

  /** Shortfall of a requirement against a holder's available stock (reads only). */
  async checkMaterial(holderId: number, requirement: Pick<MaterialRequirement, 'lines'>): Promise<ShortfallReport> {
    await loadHolder(this.em.fork(), holderId);
    return computeShortfall(requirement.lines, await this.availableMap(holderId), this.config);
  }

  /** Sets the low-stock threshold of an item at a holder (idempotent on key; last call wins). */
  setThreshold(input: Mutation & { holderId: number; item: string; minimum: number; target: number }): Promise<{ holderId: number; item: string; minimum: number; target: number }> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'stock.threshold', params: { ...input, key: undefined, actor: undefined } }, async (tem, _key, actor) => {
      const item = parseItemCode(input.item);
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      if (!Number.isInteger(input.minimum) || input.minimum < 0) throw new DomainError('El mínimo debe ser un entero mayor o igual a cero.', 'minimum');
      if (!Number.isInteger(input.target) || input.target <= input.minimum) throw new DomainError('La existencia objetivo debe ser un entero mayor que el mínimo.', 'target');
      const tx = new LedgerTx(tem, _key, actor, this.config.planillasPerInkSet);
      await tx.lock([{ holderId: holder.id, item }]); // creates the item (holograms) and balance row
      await tem.execute(
        `insert into stock_threshold (holder_id, item_code, minimum, target) values (?, ?, ?, ?)
           on conflict (holder_id, item_code) do update set minimum = excluded.minimum, target = excluded.target`,
        [holder.id, item.code, input.minimum, input.target],
      );
      return { holderId: holder.id, item: item.code, minimum: input.minimum, target: input.target };
    });
  }

  /** Items below their threshold at a holder, with the quantity a supply ticket should ask for. */
  async lowStock(holderId: number): Promise<LowStockSuggestion[]> {
    const rows = await this.em.fork().execute<Array<{ item_code: string; minimum: number; target: number; available: number }>>(
      `select t.item_code, t.minimum, t.target, coalesce(b.on_hand - b.reserved, 0) as available
         from stock_threshold t left join stock_balance b on b.holder_id = t.holder_id and b.item_code = t.item_code
        where t.holder_id = ? and coalesce(b.on_hand - b.reserved, 0) < t.minimum order by t.item_code`,
      [holderId],
    );
    return rows.map((r) => {
      const pack = unitsPerPack(parseItemCode(r.item_code).kind, this.config.planillasPerInkSet);
      return { item: r.item_code, available: r.available, minimum: r.minimum, target: r.target, suggestedOrder: Math.ceil((r.target - r.available) / pack) * pack };
    });
  }

  /** Ledger lines of a holder, newest first. */
  async entries(holderId: number, opts: { item?: string; limit?: number } = {}): Promise<Array<Record<string, unknown>>> {
    const params: unknown[] = [holderId];
    let where = 'holder_id = ?';
    if (opts.item) {
      where += ' and item_code = ?';
      params.push(parseItemCode(opts.item).code);
    }
    params.push(Math.min(Math.max(opts.limit ?? 200, 1), 1000));
    return this.em.fork().execute(
      `select id, kind, item_code, quantity, on_hand_delta, reserved_delta, waste_reason, reason, cycle_code, actor_id, actor_role,
              request_id, print_run_id, ticket_id, shipment_id, reservation_id, counterpart_holder_id, created_at
         from stock_entry where ${where} order by id desc limit ?`,
      params,
    );
  }
}

export interface ParsedUsage {
  item: ReturnType<typeof parseItemCode>;
  consumed: number;
  wasted: number;
  wasteReason?: WasteReason;
}

export function parseUsage(raw: unknown, cycleCode: string): ParsedUsage[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new DomainError('Debe indicar el consumo de al menos un artículo.', 'usage', 'SIN_ARTICULOS');
  const seen = new Set<string>();
  const out = raw.map((u: Partial<UsageLine> | undefined, i) => {
    const f = `usage[${i}]`;
    const item = parseItemCode(u?.item, `${f}.item`);
    assertHologramCycle(item, cycleCode, `${f}.item`);
    if (seen.has(item.code)) throw new DomainError(`El artículo ${item.code} aparece más de una vez.`, `${f}.item`, 'ARTICULO_REPETIDO');
    seen.add(item.code);
    const consumed = u?.consumed ?? 0;
    const wasted = u?.wasted ?? 0;
    for (const [name, v] of [['consumed', consumed], ['wasted', wasted]] as const) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        throw new DomainError('Las cantidades consumidas y de merma deben ser enteros mayores o iguales a cero.', `${f}.${name}`, 'CANTIDAD_INVALIDA');
      }
    }
    if (consumed + wasted === 0) throw new DomainError('La cantidad debe ser mayor que cero.', `${f}.consumed`, 'CANTIDAD_INVALIDA');
    const wasteReason = wasted > 0 ? parseWasteReason(u?.wasteReason, `${f}.wasteReason`) : undefined;
    return { item, consumed, wasted, wasteReason };
  });
  return out.sort((a, b) => (a.item.code < b.item.code ? -1 : 1));
}
