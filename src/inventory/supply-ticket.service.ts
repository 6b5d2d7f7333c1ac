import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, STATE_ROLES } from '../access';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { InventoryConfig, INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { describeQuantity, ItemLine, itemLabel, ItemRef, parseItemCode, parseLines, unitsPerPack } from './items';
import type { TicketOrigin, TicketStatus } from './vocabulary';
import { JustificationReport, JustificationService } from './justification.service';
import { assertActorCoversHolder, assertRole, HolderRow, LedgerTx, loadHolder, Mutation, parseCauseId, resolveCycle, runIdempotent } from './stock-ledger';
import { CENTRAL_HOLDER_NAME } from './holder.service';

export interface TicketLineView {
  item: string;
  requested: number;
  approved: number | null;
  shipped: number;
  received: number;
  /** Shipped but reported missing on receipt (faltante); it is part of the backorder again. */
  missing: number;
  /** approved - (shipped - missing) (0 until approved). */
  backorder: number;
}

export interface ShipmentLineView extends ItemLine {
  /** What arrived (null while in transit). */
  received: number | null;
  /** quantity - received (null while in transit). */
  missing: number | null;
  note: string | null;
}

/** What the DRSE states arrived of one shipment line (omitted lines: everything shipped). */
export interface ReceiptLine {
  item: string;
  quantity: number;
  note?: string;
}

export interface ShipmentView {
  shipmentId: number;
  number: number;
  status: 'IN_TRANSIT' | 'RECEIVED';
  lines: ShipmentLineView[];
  acuseId: number | null;
  shippedAt: string;
  receivedAt: string | null;
}

export interface SupplyTicketView {
  ticketId: number;
  folio: string;
  status: TicketStatus;
  holderId: number;
  drseCode: string | null;
  supplierHolderId: number;
  origin: TicketOrigin;
  requestId: string | null;
  cycleCode: string;
  justification: string;
  decisionNote: string | null;
  lines: TicketLineView[];
  shipments: ShipmentView[];
  /** True once nothing more will happen (closed, rejected, cancelled). */
  finished: boolean;
}

const CENTRAL_ROLES: Actor['role'][] = ['RECURSOS_MATERIALES', 'ADMIN'];

function text(raw: unknown, field: string, message: string, max: number, min = 1): string {
  if (typeof raw !== 'string' || raw.trim().length < min || raw.length > max) throw new DomainError(message, field, 'TEXTO_OBLIGATORIO');
  return raw.trim();
}

/**
 * Supply (abastecimiento) tickets: OPEN → UNDER_REVIEW → APPROVED (maybe reduced) | REJECTED →
 * shipments (IN_FULFILLMENT while a backorder remains, FULFILLED when all approved is shipped) →
 * each shipment's receipt confirmed by the DRSE → CLOSED. CANCELLED before any shipment.
 * Stock moves central → DRSE only on confirmed receipt; shipped material is reserved at central.
 */
@Injectable()
export class SupplyTicketService {
  private readonly config: InventoryConfig;

  constructor(
    private readonly em: EntityManager,
    @Optional() @Inject(INVENTORY_CONFIG) config?: InventoryConfig,
  ) {
    this.config = config ?? loadInventoryConfig();
  }

  /**
   * Opens a ticket for a DRSE holder. With `requestId` it is opened on behalf of a waiting
   * procedure. The R6 justification report of the holder and cycle is attached automatically.
   */
  open(
    input: Mutation & { holderId: number; lines: ItemLine[]; justification?: string; requestId?: string | number; cycleCode?: string },
  ): Promise<SupplyTicketView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'ticket.open', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const lines = parseLines(input.lines, { wholePacks: true, planillasPerInkSet: this.config.planillasPerInkSet });
      const holder = await loadHolder(tem, input.holderId);
      if (holder.kind !== 'DRSE') throw new DomainError('Solo la Oficina de Tecnologías de una DRSE abre tickets de abastecimiento.', 'holderId');
      assertActorCoversHolder(actor, holder);
      assertRole(actor, ['DRSE_TECNOLOGIAS', 'DRSE_CONTROL_ESCOLAR', ...STATE_ROLES], 'abrir un ticket de abastecimiento');
      const requestId = parseCauseId(input.requestId, 'requestId');
      const justification =
        input.justification === undefined && requestId
          ? `Material faltante para atender la solicitud ${requestId}.`
          : text(input.justification, 'justification', 'La justificación es obligatoria (de 10 a 2000 caracteres).', 2000, 10);
      const cycleCode = await resolveCycle(tem, input.cycleCode);
      if (!cycleCode) throw new DomainError('No hay ciclo escolar vigente: indique el ciclo del ticket.', 'cycleCode');
      const central = await centralHolderIn(tem);
      const report = await new JustificationService(tem, this.config).build(tem, holder.id, cycleCode);
      // Items (holograms of a cycle) must exist before the lines reference them.
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.map((l) => ({ holderId: holder.id, item: l.item })));
      const [row] = await tem.execute<Array<{ id: number }>>(
        `insert into supply_ticket (folio, operation_key, holder_id, supplier_holder_id, origin, request_id, cycle_code, status, justification, justification_report, opened_by_id, opened_by_role)
         values ('AB-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('supply_ticket_folio_seq')::text, 6, '0'), ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?::jsonb, ?, ?) returning id`,
        [key, holder.id, central.id, requestId ? 'PROCEDIMIENTO' : 'DRSE', requestId ?? null, cycleCode, justification, JSON.stringify(report), actor.id, actor.role],
      );
      for (const l of lines) {
        await tem.execute('insert into supply_ticket_line (ticket_id, item_code, requested) values (?, ?, ?)', [row.id, l.item.code, l.quantity]);
      }
      return this.load(tem, row.id);
    });
  }

  startReview(input: Mutation & { ticketId: number }): Promise<SupplyTicketView> {
    return this.transition(input, 'ticket.review', ['OPEN'], 'pasar a revisión', async (tem, t) => {
      await tem.execute(`update supply_ticket set status = 'UNDER_REVIEW', updated_at = now() where id = ?`, [t.id]);
    });
  }

  /** Approves, optionally with reduced quantities (`lines`, each ≤ requested; omitted items = requested). */
  approve(input: Mutation & { ticketId: number; lines?: ItemLine[]; note?: string }): Promise<SupplyTicketView> {
    return this.transition(input, 'ticket.approve', ['UNDER_REVIEW'], 'aprobar', async (tem, t) => {
      const current = await tem.execute<Array<{ item_code: string; requested: number }>>('select item_code, requested from supply_ticket_line where ticket_id = ?', [t.id]);
      const approved = new Map(current.map((l) => [l.item_code, l.requested]));
      (Array.isArray(input.lines) ? input.lines : []).forEach((raw, i) => {
        const f = `lines[${i}]`;
        const item = parseItemCode(raw?.item, `${f}.item`);
        if (!approved.has(item.code)) throw new DomainError(`El artículo ${item.code} no está en el ticket.`, `${f}.item`);
        const q = raw?.quantity;
        const requested = current.find((c) => c.item_code === item.code)?.requested ?? 0;
        if (typeof q !== 'number' || !Number.isInteger(q) || q < 0 || q > requested) {
          throw new DomainError(`La cantidad aprobada de ${item.code} debe ser un entero entre 0 y ${requested}.`, `${f}.quantity`, 'CANTIDAD_INVALIDA');
        }
        if (q > 0) parseLines([{ item: item.code, quantity: q }], { field: 'lines', wholePacks: true, planillasPerInkSet: this.config.planillasPerInkSet });
        approved.set(item.code, q);
      });
      if ([...approved.values()].every((q) => q === 0)) {
        throw new DomainError('Para aprobar, al menos una cantidad debe ser mayor que cero; si no se surte nada, rechace el ticket.', 'lines');
      }
      for (const [code, q] of approved) {
        await tem.execute('update supply_ticket_line set approved = ? where ticket_id = ? and item_code = ?', [q, t.id, code]);
      }
      const note = input.note === undefined ? null : text(input.note, 'note', 'La nota no es válida (1 a 1000 caracteres).', 1000);
      await tem.execute(`update supply_ticket set status = 'APPROVED', decision_note = ?, updated_at = now() where id = ?`, [note, t.id]);
    });
  }

  reject(input: Mutation & { ticketId: number; reason: string }): Promise<SupplyTicketView> {
    return this.transition(input, 'ticket.reject', ['UNDER_REVIEW'], 'rechazar', async (tem, t) => {
      const reason = text(input.reason, 'reason', 'El motivo del rechazo es obligatorio (de 5 a 1000 caracteres).', 1000, 5);
      await tem.execute(`update supply_ticket set status = 'REJECTED', decision_note = ?, closed_at = now(), updated_at = now() where id = ?`, [reason, t.id]);
    });
  }

  /** Cancels a ticket before any shipment (the DRSE that opened it, or central staff). */
  cancel(input: Mutation & { ticketId: number; reason: string }): Promise<SupplyTicketView> {
    return this.transition(
      input,
      'ticket.cancel',
      ['OPEN', 'UNDER_REVIEW', 'APPROVED'],
      'cancelar',
      async (tem, t) => {
        const reason = text(input.reason, 'reason', 'El motivo de la cancelación es obligatorio (de 5 a 1000 caracteres).', 1000, 5);
        await tem.execute(`update supply_ticket set status = 'CANCELLED', decision_note = ?, closed_at = now(), updated_at = now() where id = ?`, [reason, t.id]);
      },
      'drse-or-central',
    );
  }

  /**
   * Ships part or all of the backorder. The quantities are reserved at the central warehouse
   * (in transit) and move to the DRSE when it confirms receipt.
   */
  ship(input: Mutation & { ticketId: number; lines: ItemLine[] }): Promise<SupplyTicketView & { shipmentId: number }> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'ticket.ship', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      assertRole(actor, CENTRAL_ROLES, 'surtir tickets de abastecimiento');
      const lines = parseLines(input.lines, { wholePacks: true, planillasPerInkSet: this.config.planillasPerInkSet });
      const t = await lockTicket(tem, input.ticketId);
      if (t.status !== 'APPROVED' && t.status !== 'IN_FULFILLMENT') {
        throw new ConflictError(`No se puede surtir el ticket ${t.folio} en estado ${t.status}.`, 'ticketId');
      }
      const current = await tem.execute<Array<{ item_code: string; approved: number; shipped: number; missing: number }>>(
        'select item_code, approved, shipped, missing from supply_ticket_line where ticket_id = ?',
        [t.id],
      );
      lines.forEach((l, i) => {
        const c = current.find((x) => x.item_code === l.item.code);
        if (!c) throw new DomainError(`El artículo ${l.item.code} no está en el ticket.`, `lines[${i}].item`);
        const backorder = c.approved - c.shipped + c.missing;
        if (l.quantity > backorder) {
          throw new DomainError(`Del artículo ${l.item.code} quedan ${backorder} por surtir; no se pueden enviar ${l.quantity}.`, `lines[${i}].quantity`, 'CANTIDAD_INVALIDA');
        }
      });
      const central = await loadHolder(tem, t.supplier_holder_id);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.map((l) => ({ holderId: central.id, item: l.item })));
      tx.requireAvailable(central.id, central.name, lines);
      const [{ n }] = await tem.execute<Array<{ n: number }>>('select coalesce(max(number), 0) + 1 as n from supply_shipment where ticket_id = ?', [t.id]);
      const [shipment] = await tem.execute<Array<{ id: number }>>(
        `insert into supply_shipment (ticket_id, number, status, shipped_by_id) values (?, ?, 'IN_TRANSIT', ?) returning id`,
        [t.id, n, actor.id],
      );
      for (const l of lines) {
        await tem.execute('insert into supply_shipment_line (shipment_id, item_code, quantity) values (?, ?, ?)', [shipment.id, l.item.code, l.quantity]);
        await tem.execute('update supply_ticket_line set shipped = shipped + ? where ticket_id = ? and item_code = ?', [l.quantity, t.id, l.item.code]);
        await tx.post({
          holderId: central.id, item: l.item, kind: 'RESERVATION', quantity: l.quantity, onHandDelta: 0, reservedDelta: l.quantity,
          ticketId: t.id, shipmentId: shipment.id, requestId: t.request_id ?? undefined, cycleCode: t.cycle_code,
        });
      }
      await tem.execute('update supply_ticket set status = ?, updated_at = now() where id = ?', [(await backorderLeft(tem, t.id)) ? 'IN_FULFILLMENT' : 'FULFILLED', t.id]);
      return { ...(await this.load(tem, t.id)), shipmentId: shipment.id };
    });
  }

  /**
   * The DRSE confirms a shipment arrived (its acuse), stating per line what arrived and a note
   * (`lines`; omitted items: everything shipped). What arrived moves central → DRSE now. What did
   * not (the shortfall, faltante) is written off at central out of its reservation (WASTE
   * LOST_IN_TRANSIT) and goes back to the ticket's backorder, so central can ship it again. When
   * everything approved has been shipped and received, the ticket closes.
   */
  confirmReceipt(input: Mutation & { shipmentId: number; lines?: ReceiptLine[] }): Promise<SupplyTicketView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'ticket.receive', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      if (typeof input.shipmentId !== 'number' || !Number.isInteger(input.shipmentId)) throw new DomainError('El envío no es válido.', 'shipmentId');
      const [ref] = await tem.execute<Array<{ ticket_id: number }>>('select ticket_id from supply_shipment where id = ?', [input.shipmentId]);
      if (!ref) throw new NotFoundError(`El envío ${input.shipmentId} no existe.`, 'shipmentId');
      const t = await lockTicket(tem, ref.ticket_id);
      const drse = await loadHolder(tem, t.holder_id);
      assertActorCoversHolder(actor, drse);
      assertRole(actor, ['DRSE_TECNOLOGIAS', 'ADMIN'], 'confirmar la recepción de un envío');
      const [shipment] = await tem.execute<Array<{ id: number; status: string; number: number }>>('select id, status, number from supply_shipment where id = ? for update', [input.shipmentId]);
      if (shipment.status === 'RECEIVED') throw new ConflictError(`El envío ${shipment.number} del ticket ${t.folio} ya fue recibido.`, 'shipmentId');
      const shipped = await tem.execute<Array<{ item_code: string; quantity: number }>>('select item_code, quantity from supply_shipment_line where shipment_id = ? order by item_code', [shipment.id]);
      const lines = receiptLines(shipped.map((l) => ({ item: l.item_code, quantity: l.quantity })), input.lines, this.config.planillasPerInkSet);
      const central = await loadHolder(tem, t.supplier_holder_id);
      const tx = new LedgerTx(tem, key, actor, this.config.planillasPerInkSet);
      await tx.lock(lines.flatMap((l) => [{ holderId: central.id, item: l.item }, { holderId: drse.id, item: l.item }]));
      for (const l of lines) {
        const cause = { item: l.item, ticketId: t.id, shipmentId: shipment.id, requestId: t.request_id ?? undefined, cycleCode: t.cycle_code };
        await tx.post({ ...cause, quantity: l.received, holderId: central.id, kind: 'TRANSFER_OUT', onHandDelta: -l.received, reservedDelta: -l.received, counterpartHolderId: drse.id });
        await tx.post({ ...cause, quantity: l.received, holderId: drse.id, kind: 'TRANSFER_IN', onHandDelta: l.received, reservedDelta: 0, counterpartHolderId: central.id });
        const reason = `Faltante al recibir el envío ${shipment.number} del ticket ${t.folio}${l.note ? `: ${l.note}` : ''}`.slice(0, 500);
        await tx.post({ ...cause, quantity: l.missing, holderId: central.id, kind: 'WASTE', wasteReason: 'LOST_IN_TRANSIT', reason, onHandDelta: -l.missing, reservedDelta: -l.missing });
        await tem.execute('update supply_shipment_line set received = ?, note = ? where shipment_id = ? and item_code = ?', [l.received, l.note, shipment.id, l.item.code]);
        await tem.execute('update supply_ticket_line set received = received + ?, missing = missing + ? where ticket_id = ? and item_code = ?', [l.received, l.missing, t.id, l.item.code]);
      }
      await tem.execute(`update supply_shipment set status = 'RECEIVED', received_by_id = ?, received_at = now() where id = ?`, [actor.id, shipment.id]);
      if (await backorderLeft(tem, t.id)) {
        // A shortfall put material back in the backorder: central has something to ship again.
        await tem.execute(`update supply_ticket set status = case when status = 'FULFILLED' then 'IN_FULFILLMENT' else status end, updated_at = now() where id = ?`, [t.id]);
      } else if (t.status === 'FULFILLED' && (await allReceived(tem, t.id))) {
        await tem.execute(`update supply_ticket set status = 'CLOSED', closed_at = now(), updated_at = now() where id = ?`, [t.id]);
      } else {
        await tem.execute('update supply_ticket set updated_at = now() where id = ?', [t.id]);
      }
      return this.load(tem, t.id);
    });
  }

  /** Central closes a partly fulfilled ticket, cancelling the rest of the backorder (reason required). */
  closeWithBackorder(input: Mutation & { ticketId: number; reason: string }): Promise<SupplyTicketView> {
    return this.transition(input, 'ticket.close', ['IN_FULFILLMENT'], 'cerrar con faltante', async (tem, t) => {
      const reason = text(input.reason, 'reason', 'El motivo del cierre es obligatorio (de 5 a 1000 caracteres).', 1000, 5);
      if (!(await allReceived(tem, t.id))) throw new ConflictError(`El ticket ${t.folio} tiene envíos sin confirmar: no se puede cerrar.`, 'ticketId');
      await tem.execute(`update supply_ticket set status = 'CLOSED', decision_note = ?, closed_at = now(), updated_at = now() where id = ?`, [reason, t.id]);
    });
  }

  async get(ticketId: number): Promise<SupplyTicketView> {
    return this.load(this.em.fork(), ticketId);
  }

  async list(filter: { holderId?: number; status?: TicketStatus; requestId?: string } = {}): Promise<SupplyTicketView[]> {
    const em = this.em.fork();
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.holderId !== undefined) {
      where.push('holder_id = ?');
      params.push(filter.holderId);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.requestId !== undefined) {
      where.push('request_id = ?');
      params.push(filter.requestId);
    }
    const rows = await em.execute<Array<{ id: number }>>(`select id from supply_ticket ${where.length ? `where ${where.join(' and ')}` : ''} order by id`, params);
    return Promise.all(rows.map((r) => this.load(em, r.id)));
  }

  /** The justification report attached when the ticket was opened. */
  async justificationOf(ticketId: number): Promise<JustificationReport> {
    const rows = await this.em.fork().execute<Array<{ justification_report: JustificationReport }>>('select justification_report from supply_ticket where id = ?', [ticketId]);
    if (rows.length === 0) throw new NotFoundError(`El ticket ${ticketId} no existe.`, 'ticketId');
    return rows[0].justification_report;
  }

  private transition(
    input: Mutation & { ticketId: number },
    kind: string,
    from: TicketStatus[],
    verb: string,
    apply: (tem: EntityManager, t: TicketRow) => Promise<void>,
    who: 'central' | 'drse-or-central' = 'central',
  ): Promise<SupplyTicketView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind, params: { ...input, key: undefined, actor: undefined } }, async (tem, _key, actor) => {
      const t = await lockTicket(tem, input.ticketId);
      if (who === 'central' || !STATE_ROLES.includes(actor.role)) {
        if (who === 'central') assertRole(actor, CENTRAL_ROLES, `${verb} tickets de abastecimiento`);
        else assertActorCoversHolder(actor, await loadHolder(tem, t.holder_id));
      }
      if (!from.includes(t.status)) throw new ConflictError(`No se puede ${verb} el ticket ${t.folio}: está en estado ${t.status}.`, 'ticketId');
      await apply(tem, t);
      return this.load(tem, t.id);
    });
  }

  private async load(em: EntityManager, ticketId: number): Promise<SupplyTicketView> {
    const rows = await em.execute<TicketRow[]>('select t.*, h.drse_code from supply_ticket t join stock_holder h on h.id = t.holder_id where t.id = ?', [ticketId]);
    if (rows.length === 0) throw new NotFoundError(`El ticket de abastecimiento ${ticketId} no existe.`, 'ticketId');
    const t = rows[0];
    const lines = await em.execute<Array<{ item_code: string; requested: number; approved: number | null; shipped: number; received: number; missing: number }>>(
      'select item_code, requested, approved, shipped, received, missing from supply_ticket_line where ticket_id = ? order by item_code',
      [t.id],
    );
    const shipments = await em.execute<Array<{ id: number; number: number; status: 'IN_TRANSIT' | 'RECEIVED'; acuse_id: number | null; shipped_at: Date; received_at: Date | null }>>(
      'select id, number, status, acuse_id, shipped_at, received_at from supply_shipment where ticket_id = ? order by number',
      [t.id],
    );
    const shipmentLines = await em.execute<Array<{ shipment_id: number; item_code: string; quantity: number; received: number | null; note: string | null }>>(
      'select l.shipment_id, l.item_code, l.quantity, l.received, l.note from supply_shipment_line l join supply_shipment s on s.id = l.shipment_id where s.ticket_id = ? order by l.item_code',
      [t.id],
    );
    return {
      ticketId: t.id,
      folio: t.folio,
      status: t.status,
      holderId: t.holder_id,
      drseCode: t.drse_code,
      supplierHolderId: t.supplier_holder_id,
      origin: t.origin,
      requestId: t.request_id,
      cycleCode: t.cycle_code,
      justification: t.justification,
      decisionNote: t.decision_note,
      lines: lines.map((l) => ({
        item: l.item_code,
        requested: l.requested,
        approved: l.approved,
        shipped: l.shipped,
        received: l.received,
        missing: l.missing,
        backorder: t.status === 'CLOSED' || t.status === 'CANCELLED' ? 0 : (l.approved ?? 0) - l.shipped + l.missing,
      })),
      shipments: shipments.map((s) => ({
        shipmentId: s.id,
        number: s.number,
        status: s.status,
        acuseId: s.acuse_id,
        shippedAt: new Date(s.shipped_at).toISOString(),
        receivedAt: s.received_at ? new Date(s.received_at).toISOString() : null,
        lines: shipmentLines
          .filter((l) => l.shipment_id === s.id)
          .map((l) => ({ item: l.item_code, quantity: l.quantity, received: l.received, missing: l.received === null ? null : l.quantity - l.received, note: l.note })),
      })),
      finished: ['CLOSED', 'REJECTED', 'CANCELLED'].includes(t.status),
    };
  }
}

interface TicketRow {
  id: number;
  folio: string;
  status: TicketStatus;
  holder_id: number;
  drse_code: string | null;
  supplier_holder_id: number;
  origin: TicketOrigin;
  request_id: string | null;
  cycle_code: string;
  justification: string;
  decision_note: string | null;
}

async function lockTicket(tem: EntityManager, ticketId: unknown): Promise<TicketRow> {
  if (typeof ticketId !== 'number' || !Number.isInteger(ticketId) || ticketId <= 0) throw new DomainError('El ticket no es válido.', 'ticketId');
  const rows = await tem.execute<TicketRow[]>('select * from supply_ticket where id = ? for update', [ticketId]);
  if (rows.length === 0) throw new NotFoundError(`El ticket de abastecimiento ${ticketId} no existe.`, 'ticketId');
  return rows[0];
}

async function allReceived(tem: EntityManager, ticketId: number): Promise<boolean> {
  const [{ pending }] = await tem.execute<Array<{ pending: string }>>(`select count(*) as pending from supply_shipment where ticket_id = ? and status <> 'RECEIVED'`, [ticketId]);
  return Number(pending) === 0;
}

async function backorderLeft(tem: EntityManager, ticketId: number): Promise<boolean> {
  const [{ left }] = await tem.execute<Array<{ left: string | null }>>('select sum(coalesce(approved, 0) - shipped + missing) as left from supply_ticket_line where ticket_id = ?', [ticketId]);
  return Number(left) > 0;
}

/**
 * What arrived of each line of a shipment, from what the DRSE states (`raw`, optional: omitted
 * items arrived whole). Refuses, naming the field, an item not in the shipment, an item twice, a
 * quantity that is not a whole number between 0 and what was shipped (in whole sheets or ink
 * sets), and a note longer than 500 characters. Sorted by item code (the lock order).
 */
export function receiptLines(
  shipped: ItemLine[],
  raw: unknown,
  planillasPerInkSet: number,
): Array<{ item: ItemRef; shipped: number; received: number; missing: number; note: string | null }> {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw new DomainError('Lo recibido debe ser una lista de artículos con su cantidad.', 'lines');
  const stated = new Map<string, { quantity: number; note: string | null }>();
  ((raw as unknown[] | undefined) ?? []).forEach((line, i) => {
    const f = `lines[${i}]`;
    const l = (line ?? {}) as Partial<ReceiptLine>;
    const item = parseItemCode(l.item, `${f}.item`);
    const s = shipped.find((x) => x.item === item.code);
    if (!s) throw new DomainError(`El artículo ${itemLabel(item)} no viene en este envío.`, `${f}.item`, 'ARTICULO_NO_ENVIADO');
    if (stated.has(item.code)) throw new DomainError(`El artículo ${itemLabel(item)} aparece más de una vez.`, `${f}.item`, 'ARTICULO_REPETIDO');
    const q = l.quantity;
    const pack = unitsPerPack(item.kind, planillasPerInkSet);
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 0 || q > s.quantity || q % pack !== 0) {
      const whole = pack > 1 ? (item.kind === 'TESLIN' ? ', en hojas completas' : ', en juegos completos') : '';
      throw new DomainError(
        `Lo recibido de ${itemLabel(item)} debe ser de 0 a ${describeQuantity(item, s.quantity, planillasPerInkSet)} (lo enviado)${whole}.`,
        `${f}.quantity`,
        'CANTIDAD_INVALIDA',
      );
    }
    let note: string | null = null;
    if (l.note !== undefined && l.note !== null) {
      if (typeof l.note !== 'string' || l.note.length > 500) throw new DomainError(`La nota de ${itemLabel(item)} admite a lo más 500 caracteres.`, `${f}.note`, 'TEXTO_INVALIDO');
      note = l.note.trim() || null;
    }
    stated.set(item.code, { quantity: q, note });
  });
  return shipped
    .map((s) => {
      const item = parseItemCode(s.item);
      const st = stated.get(item.code);
      const received = st?.quantity ?? s.quantity;
      return { item, shipped: s.quantity, received, missing: s.quantity - received, note: st?.note ?? null };
    })
    .sort((a, b) => (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0));
}

async function centralHolderIn(tem: EntityManager): Promise<HolderRow> {
  await tem.execute(`insert into stock_holder (kind, name) values ('CENTRAL', ?) on conflict do nothing`, [CENTRAL_HOLDER_NAME]);
  const [row] = await tem.execute<Array<{ id: number }>>(`select id from stock_holder where kind = 'CENTRAL'`);
  return loadHolder(tem, row.id);
}
