import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, ROLES, STATE_ROLES } from '../access';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { ForbiddenError, InsufficientStockError, pgErrorInfo } from './inventory-errors';
import { describeQuantity, ItemRef, parseItemCode } from './items';
import type { EntryKind, WasteReason } from './vocabulary';
import type { HolderKind } from './vocabulary';

/**
 * The transactional core every mutating inventory method goes through:
 * - `runIdempotent`: one transaction per call, keyed by the caller's idempotency key; a repeated
 *   key returns the stored result of the first call and writes nothing;
 * - `LedgerTx`: locks balance rows in a fixed order, appends ledger entries and moves the balance
 *   row with them (the database CHECK is the last guard against negative stock).
 */

export interface Mutation {
  /** Caller-given idempotency key (1–200 characters), e.g. `${workflowId}:reserve:1`. */
  key: string;
  actor: Actor;
}

export function parseKey(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > 200) {
    throw new DomainError('La clave de idempotencia es obligatoria (de 1 a 200 caracteres).', 'key', 'CLAVE_INVALIDA');
  }
  return raw;
}

export function parseActor(raw: unknown): Actor {
  const a = (raw ?? {}) as Partial<Actor>;
  if (typeof a.id !== 'string' || !a.id.trim() || a.id.length > 100 || !ROLES.includes(a.role as Actor['role'])) {
    throw new DomainError('Debe indicarse quién realiza la operación (usuario y rol válidos).', 'actor', 'ACTOR_INVALIDO');
  }
  return a as Actor;
}

/** JSON with sorted keys, so equal parameters hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return JSON.stringify(createHash('sha256').update(value).digest('hex'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

async function storedResult<T>(em: EntityManager, key: string, kind: string, hash: string): Promise<{ found: boolean; result?: T }> {
  const rows = await em.execute<Array<{ kind: string; params_hash: string; result: T }>>(
    'select kind, params_hash, result from inventory_operation where key = ?',
    [key],
  );
  if (rows.length === 0) return { found: false };
  if (rows[0].kind !== kind || rows[0].params_hash !== hash) {
    throw new ConflictError(`La clave de idempotencia "${key}" ya se usó para otra operación con otros datos.`, 'key');
  }
  return { found: true, result: rows[0].result };
}

/**
 * Runs `work` once per key in its own transaction. The operation row is inserted FIRST, so a
 * concurrent call with the same key waits on the primary key and then gets a unique violation,
 * upon which it returns the first call's stored result. A refusal (exception) rolls everything
 * back, key included: nothing is written and the key may be used again. With `within` (an
 * EntityManager inside an open transaction) it runs in a savepoint of that transaction instead.
 */
export async function runIdempotent<T>(
  em: EntityManager,
  op: { key: unknown; actor: unknown; kind: string; params: unknown },
  work: (tem: EntityManager, key: string, actor: Actor) => Promise<T>,
  within?: EntityManager,
): Promise<T> {
  const key = parseKey(op.key);
  const actor = parseActor(op.actor);
  const hash = createHash('sha256').update(canonicalJson({ kind: op.kind, params: op.params })).digest('hex');
  // `within`: a caller's open transaction (e.g. a print run's): the operation runs in a savepoint
  // of it, on the same connection, and commits or rolls back with the caller's work.
  const base = within ?? em.fork();
  const first = await storedResult<T>(base, key, op.kind, hash);
  if (first.found) return first.result as T;
  try {
    return await base.transactional(async (tem) => {
      await tem.execute(
        'insert into inventory_operation (key, kind, params_hash, actor_id, actor_role) values (?, ?, ?, ?, ?)',
        [key, op.kind, hash, actor.id, actor.role],
      );
      const result = await work(tem, key, actor);
      // Stored and returned as JSON, so the first and every repeated call see the same value.
      const json = JSON.stringify(result ?? null);
      await tem.execute('update inventory_operation set result = ?::jsonb where key = ?', [json, key]);
      return JSON.parse(json) as T;
    });
  } catch (err) {
    const info = pgErrorInfo(err);
    if (info.code === '23505' && info.constraint === 'inventory_operation_pkey') {
      const again = await storedResult<T>(within ?? em.fork(), key, op.kind, hash);
      if (again.found) return again.result as T;
    }
    throw err;
  }
}

export interface HolderRow {
  id: number;
  kind: HolderKind;
  name: string;
  drseCode: string | null;
  schoolId: number | null;
  /** DRSE code of a school holder's school (routing, scope). */
  schoolDrseCode: string | null;
}

export async function loadHolder(em: EntityManager, holderId: unknown, field = 'holderId'): Promise<HolderRow> {
  if (typeof holderId !== 'number' || !Number.isInteger(holderId) || holderId <= 0) {
    throw new DomainError('El almacén (poseedor de material) no es válido.', field);
  }
  const rows = await em.execute<Array<{ id: number; kind: HolderKind; name: string; drse_code: string | null; school_id: number | null; school_drse_code: string | null }>>(
    `select h.id, h.kind, h.name, h.drse_code, h.school_id, s.drse_code as school_drse_code
       from stock_holder h left join school s on s.id = h.school_id where h.id = ?`,
    [holderId],
  );
  if (rows.length === 0) throw new NotFoundError(`El almacén ${holderId} no existe.`, field);
  const r = rows[0];
  return { id: r.id, kind: r.kind, name: r.name, drseCode: r.drse_code, schoolId: r.school_id, schoolDrseCode: r.school_drse_code };
}

/** Scope of a holder for `actorCovers`: central = state only. */
export function assertActorCoversHolder(actor: Actor, holder: HolderRow, what = 'este almacén'): void {
  const ok =
    holder.kind === 'CENTRAL'
      ? STATE_ROLES.includes(actor.role)
      : actorCovers(actor, { drseCode: holder.drseCode ?? holder.schoolDrseCode ?? undefined, schoolId: holder.schoolId ?? undefined });
  if (!ok) throw new ForbiddenError(`Su rol o ámbito no le permite operar ${what} (${holder.name}).`, 'actor');
}

export function assertRole(actor: Actor, roles: readonly Actor['role'][], action: string): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`Su rol (${actor.role}) no le permite ${action}.`, 'actor');
}

/** Checks the cycle exists; without one, the current cycle (or null if none is current). */
export async function resolveCycle(em: EntityManager, cycleCode: unknown, field = 'cycleCode'): Promise<string | null> {
  if (cycleCode === undefined || cycleCode === null) {
    const rows = await em.execute<Array<{ code: string }>>('select code from school_cycle where is_current');
    return rows[0]?.code ?? null;
  }
  const code = typeof cycleCode === 'string' ? cycleCode.trim() : '';
  const rows = await em.execute<Array<{ code: string }>>('select code from school_cycle where code = ?', [code]);
  if (rows.length === 0) throw new DomainError(`El ciclo escolar "${String(cycleCode)}" no está registrado.`, field, 'CICLO_DESCONOCIDO');
  return code;
}

/** Holograms are items per cycle: create the item row on first use (the cycle must exist). */
export async function ensureItems(em: EntityManager, items: ItemRef[]): Promise<void> {
  for (const item of items) {
    if (item.kind !== 'HOLOGRAMA') continue;
    const cycle = await em.execute<Array<{ code: string }>>('select code from school_cycle where code = ?', [item.cycleCode]);
    if (cycle.length === 0) {
      throw new DomainError(`No hay hologramas del ciclo ${item.cycleCode}: ese ciclo escolar no está registrado.`, 'item', 'CICLO_DESCONOCIDO');
    }
    await em.execute(
      `insert into inventory_item (code, kind, cycle_code, name, unit) values (?, 'HOLOGRAMA', ?, ?, 'pieza') on conflict (code) do nothing`,
      [item.code, item.cycleCode, `Holograma del ciclo ${item.cycleCode}`],
    );
  }
}

/** A hologram line must belong to the operation's cycle (R3: a hologram of one cycle is not one of another). */
export function assertHologramCycle(item: ItemRef, cycleCode: string, field: string): void {
  if (item.kind === 'HOLOGRAMA' && item.cycleCode !== cycleCode) {
    throw new DomainError(
      `El holograma del ciclo ${item.cycleCode} no sirve para el ciclo ${cycleCode}: cada ciclo tiene su propio holograma.`,
      field,
      'HOLOGRAMA_DE_OTRO_CICLO',
    );
  }
}

export interface BalanceState {
  onHand: number;
  reserved: number;
}

export interface EntryInput {
  holderId: number;
  item: ItemRef;
  kind: EntryKind;
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  wasteReason?: WasteReason;
  reason?: string;
  cycleCode?: string | null;
  requestId?: string;
  printRunId?: string;
  ticketId?: number;
  shipmentId?: number;
  reservationId?: number;
  counterpartHolderId?: number;
}

const balanceKey = (holderId: number, itemCode: string) => `${holderId}|${itemCode}`;

/** Ledger writes within one idempotent transaction. */
export class LedgerTx {
  private seq = 0;
  private readonly balances = new Map<string, BalanceState>();

  constructor(
    private readonly tem: EntityManager,
    private readonly opKey: string,
    private readonly actor: Actor,
    private readonly planillasPerInkSet: number,
  ) {}

  /**
   * Locks the balance rows of (holder, item) pairs, creating missing rows, always in
   * (holder_id, item_code) order so two transactions never wait on each other in a cycle.
   */
  async lock(pairs: Array<{ holderId: number; item: ItemRef }>): Promise<void> {
    const uniq = new Map<string, { holderId: number; itemCode: string }>();
    for (const p of pairs) uniq.set(balanceKey(p.holderId, p.item.code), { holderId: p.holderId, itemCode: p.item.code });
    const sorted = [...uniq.values()].sort((a, b) => a.holderId - b.holderId || (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
    await ensureItems(this.tem, pairs.map((p) => p.item));
    for (const p of sorted) {
      await this.tem.execute('insert into stock_balance (holder_id, item_code) values (?, ?) on conflict do nothing', [p.holderId, p.itemCode]);
    }
    for (const p of sorted) {
      const rows = await this.tem.execute<Array<{ on_hand: number; reserved: number }>>(
        'select on_hand, reserved from stock_balance where holder_id = ? and item_code = ? for update',
        [p.holderId, p.itemCode],
      );
      this.balances.set(balanceKey(p.holderId, p.itemCode), { onHand: rows[0].on_hand, reserved: rows[0].reserved });
    }
  }

  balance(holderId: number, item: ItemRef): BalanceState {
    const b = this.balances.get(balanceKey(holderId, item.code));
    if (!b) throw new Error(`balance ${holderId}/${item.code} not locked`);
    return b;
  }

  available(holderId: number, item: ItemRef): number {
    const b = this.balance(holderId, item);
    return b.onHand - b.reserved;
  }

  /** Refuses (InsufficientStockError, nothing written) unless every need fits the available stock. */
  requireAvailable(holderId: number, holderName: string, needs: Array<{ item: ItemRef; quantity: number }>): void {
    const short = needs
      .map((n) => ({ n, have: this.available(holderId, n.item) }))
      .filter(({ n, have }) => n.quantity > have);
    if (short.length === 0) return;
    const text = short
      .map(({ n, have }) => `${n.item.code}: disponible ${describeQuantity(n.item, have, this.planillasPerInkSet)}, se requieren ${describeQuantity(n.item, n.quantity, this.planillasPerInkSet)}`)
      .join('; ');
    throw new InsufficientStockError(
      `Existencia insuficiente en ${holderName}. ${text}.`,
      short.map(({ n, have }) => ({ item: n.item.code, required: n.quantity, available: have, missing: n.quantity - have, suggestedOrder: n.quantity - have })),
    );
  }

  /** Appends one ledger entry and moves the balance row with it. */
  async post(e: EntryInput): Promise<void> {
    if (e.quantity <= 0) return;
    const b = this.balance(e.holderId, e.item);
    const idem = `${this.opKey}#${++this.seq}`;
    await this.tem.execute(
      `insert into stock_entry (idempotency_key, operation_key, holder_id, item_code, kind, quantity, on_hand_delta, reserved_delta,
         waste_reason, reason, cycle_code, actor_id, actor_role, request_id, print_run_id, ticket_id, shipment_id, reservation_id, counterpart_holder_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        idem, this.opKey, e.holderId, e.item.code, e.kind, e.quantity, e.onHandDelta, e.reservedDelta,
        e.wasteReason ?? null, e.reason ?? null, e.cycleCode ?? null, this.actor.id, this.actor.role,
        e.requestId ?? null, e.printRunId ?? null, e.ticketId ?? null, e.shipmentId ?? null, e.reservationId ?? null,
        e.counterpartHolderId ?? null,
      ],
    );
    try {
      await this.tem.execute(
        'update stock_balance set on_hand = on_hand + ?, reserved = reserved + ?, updated_at = now() where holder_id = ? and item_code = ?',
        [e.onHandDelta, e.reservedDelta, e.holderId, e.item.code],
      );
    } catch (err) {
      const info = pgErrorInfo(err);
      if (info.code === '23514' && (info.constraint ?? '').startsWith('stock_balance_')) {
        throw new InsufficientStockError(`La existencia de ${e.item.code} no puede quedar negativa.`, [
          { item: e.item.code, required: e.quantity, available: b.onHand - b.reserved, missing: e.quantity, suggestedOrder: e.quantity },
        ]);
      }
      throw err;
    }
    b.onHand += e.onHandDelta;
    b.reserved += e.reservedDelta;
  }
}

export { parseItemCode };

/** A cause id (request, print run): a string or a positive integer, stored as text. */
export function parseCauseId(raw: unknown, field: string, required = false): string | undefined {
  if (raw === undefined || raw === null) {
    if (required) throw new DomainError(`El identificador ${field} es obligatorio.`, field);
    return undefined;
  }
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) return String(raw);
  if (typeof raw === 'string' && raw.trim() && raw.length <= 100) return raw.trim();
  throw new DomainError(`El identificador ${field} no es válido (texto de 1 a 100 caracteres o entero positivo).`, field);
}
