import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, STATE_ROLES } from '../../access';
import { ConflictError, DomainError, NotFoundError } from '../../common/domain-error';
import { Page, pageOptions } from '../../http/pagination';
import { AcuseService } from '../acuse.service';
import { HolderService } from '../holder.service';
import { InventoryConfig, INVENTORY_CONFIG } from '../inventory-config';
import { itemLabel, parseItemCode } from '../items';
import { JustificationReport } from '../justification.service';
import { ReceiptLine, receiptLines, SupplyTicketService, SupplyTicketView } from '../supply-ticket.service';
import { assertHologramCycle } from '../stock-ledger';
import { existingCycle } from './holders-http.service';
import { operationKey } from './operation-key';
import { readableTicketError } from './ticket-messages';
import { SUPPLY_TICKET_WORKFLOW_ROUTE, SupplyTicketCommand, SupplyTicketWorkflowRoute } from './supply-ticket-commands';
import {
  ApproveSupplyTicketDto,
  OpenSupplyTicketDto,
  ReceiptResultDto,
  ShipDto,
  ShipmentResultDto,
  SupplyTicketDetailDto,
  SupplyTicketDto,
  SupplyTicketQueryDto,
} from './supply-tickets.dto';

export function toSupplyTicketDto(t: SupplyTicketView): SupplyTicketDto {
  return {
    id: t.ticketId,
    folio: t.folio,
    status: t.status,
    holderId: t.holderId,
    drseCode: t.drseCode,
    origin: t.origin,
    requestId: t.requestId,
    cycleCode: t.cycleCode,
    justification: t.justification,
    decisionNote: t.decisionNote,
    lines: t.lines.map((l) => ({ ...l, description: itemLabel(parseItemCode(l.item)) })),
    shipments: t.shipments.map((s) => ({
      id: s.shipmentId,
      number: s.number,
      status: s.status,
      lines: s.lines,
      acuseId: s.acuseId,
      shippedAt: s.shippedAt,
      receivedAt: s.receivedAt,
    })),
    finished: t.finished,
  };
}

const NOT_FOUND = 'No existe el ticket de abastecimiento o no está en su ámbito.';

/**
 * Supply tickets over HTTP: scope (a DRSE sees its own, central sees all; 404 otherwise), then one
 * call per command. Commands go through `execute`, the single place that would hand a ticket
 * driven by a workflow to that workflow (see SUPPLY_TICKET_WORKFLOW_ROUTE).
 */
@Injectable()
export class SupplyTicketsHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: SupplyTicketService,
    private readonly holders: HolderService,
    private readonly acuses: AcuseService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    @Optional() @Inject(SUPPLY_TICKET_WORKFLOW_ROUTE) private readonly workflowRoute?: SupplyTicketWorkflowRoute,
  ) {}

  async open(actor: Actor, dto: OpenSupplyTicketDto, idempotencyKey?: string): Promise<SupplyTicketDetailDto> {
    const drseCode = dto.drseCode ?? (STATE_ROLES.includes(actor.role) ? undefined : actor.drseCode);
    if (!drseCode) throw new DomainError('Indique la DRSE que pide el material (drseCode).', 'drseCode');
    if (!STATE_ROLES.includes(actor.role) && actor.drseCode !== drseCode) throw new NotFoundError('No existe la DRSE o no está en su ámbito.', 'drseCode');
    const cycleCode = await existingCycle(this.em.fork(), dto.cycleCode, 'cycleCode');
    dto.lines.forEach((l, i) => assertHologramCycle(parseItemCode(l.item, `lines[${i}].item`), cycleCode, `lines[${i}].item`));
    const holder = await this.holders.holderForDrse(drseCode).catch((err: unknown) => {
      if (err instanceof NotFoundError) throw new NotFoundError(`La DRSE ${drseCode} no existe.`, 'drseCode');
      throw err;
    });
    const view = await this.tickets
      .open({
        key: operationKey(actor, 'ticket.open', holder.id, idempotencyKey),
        actor,
        holderId: holder.id,
        lines: dto.lines,
        justification: dto.justification,
        cycleCode,
      })
      .catch((err: unknown) => {
        throw readableTicketError(err);
      });
    return this.detail(view);
  }

  async list(actor: Actor, query: SupplyTicketQueryDto): Promise<Page<SupplyTicketDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!STATE_ROLES.includes(actor.role)) {
      where.push('h.drse_code = ?');
      params.push(actor.drseCode ?? '');
    }
    if (query.drseCode !== undefined) {
      where.push('h.drse_code = ?');
      params.push(query.drseCode);
    }
    if (query.status !== undefined) {
      where.push('t.status = ?');
      params.push(query.status);
    }
    const from = `from supply_ticket t join stock_holder h on h.id = t.holder_id ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const em = this.em.fork();
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total ${from}`, params);
    const { limit, offset } = pageOptions(query);
    const rows = await em.execute<Array<{ id: number }>>(`select t.id ${from} order by t.id desc limit ? offset ?`, [...params, limit, offset]);
    const items: SupplyTicketDto[] = [];
    for (const r of rows) items.push(toSupplyTicketDto(await this.tickets.get(r.id)));
    return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, ticketId: number): Promise<SupplyTicketDetailDto> {
    return this.detail(await this.inScope(actor, ticketId));
  }

  review(actor: Actor, ticketId: number, idempotencyKey?: string): Promise<SupplyTicketDto> {
    return this.command(actor, ticketId, { action: 'REVIEW' }, idempotencyKey);
  }

  approve(actor: Actor, ticketId: number, dto: ApproveSupplyTicketDto, idempotencyKey?: string): Promise<SupplyTicketDto> {
    return this.command(actor, ticketId, { action: 'APPROVE', lines: dto.lines, note: dto.note }, idempotencyKey);
  }

  reject(actor: Actor, ticketId: number, reason: string, idempotencyKey?: string): Promise<SupplyTicketDto> {
    return this.command(actor, ticketId, { action: 'REJECT', reason }, idempotencyKey);
  }

  cancel(actor: Actor, ticketId: number, reason: string, idempotencyKey?: string): Promise<SupplyTicketDto> {
    return this.command(actor, ticketId, { action: 'CANCEL', reason }, idempotencyKey);
  }

  async ship(actor: Actor, ticketId: number, dto: ShipDto, idempotencyKey?: string): Promise<ShipmentResultDto> {
    const before = await this.inScope(actor, ticketId);
    const known = new Set(before.shipments.map((s) => s.shipmentId));
    const after = await this.execute(actor, before, { action: 'SHIP', lines: dto.lines }, operationKey(actor, 'ticket.ship', ticketId, idempotencyKey));
    // The service names the new shipment; a workflow route returns the ticket, where it is the new one.
    const shipmentId = after.shipmentId ?? after.shipments.filter((s) => !known.has(s.shipmentId)).pop()?.shipmentId;
    if (shipmentId === undefined) throw new Error(`ticket ${ticketId}: the shipment just recorded is not in the ticket`);
    return { ...toSupplyTicketDto(after), shipmentId };
  }

  /**
   * The DRSE confirms what arrived of a shipment: stock moves central → DRSE, the shortfall is
   * written off at central and returns to the backorder, and the shipment's acuse is created. Both
   * steps are keyed by the shipment, so a retry after a failure in between finishes the job
   * instead of failing. The stated lines are completed (omitted items arrived whole) before the
   * call, so "no body" and "everything, line by line" are the same receipt.
   */
  async confirmReceipt(actor: Actor, ticketId: number, shipmentId: number, stated?: ReceiptLine[]): Promise<ReceiptResultDto> {
    const ticket = await this.inScope(actor, ticketId);
    const shipment = ticket.shipments.find((s) => s.shipmentId === shipmentId);
    if (!shipment) throw new NotFoundError('No existe ese envío en el ticket.', 'shipmentId');
    const lines: ReceiptLine[] = receiptLines(shipment.lines, stated, this.config.planillasPerInkSet).map((l) => ({
      item: l.item.code,
      quantity: l.received,
      ...(l.note ? { note: l.note } : {}),
    }));
    if (shipment.status === 'RECEIVED' && shipment.lines.some((s) => lines.find((l) => l.item === s.item)?.quantity !== s.received)) {
      throw new ConflictError(`El envío ${shipment.number} del ticket ${ticket.folio} ya fue recibido con otras cantidades; lo recibido no se cambia.`, 'shipmentId');
    }
    let view = await this.execute(actor, ticket, { action: 'CONFIRM_RECEIPT', shipmentId, lines }, `http:shipment-receipt:${shipmentId}`);
    let acuseId = view.shipments.find((s) => s.shipmentId === shipmentId)?.acuseId ?? null;
    if (acuseId === null) {
      acuseId = (await this.acuses.create({ key: `http:shipment-acuse:${shipmentId}`, actor, kind: 'ENVIO_DRSE', shipmentId })).acuseId;
      view = await this.tickets.get(ticketId);
    }
    const acuse = await this.acuses.get(acuseId);
    return { ...toSupplyTicketDto(view), acuseId: acuse.acuseId, acuseFolio: acuse.folio };
  }

  private async command(actor: Actor, ticketId: number, command: SupplyTicketCommand, idempotencyKey?: string): Promise<SupplyTicketDto> {
    const ticket = await this.inScope(actor, ticketId);
    const key = operationKey(actor, `ticket.${command.action.toLowerCase()}`, ticketId, idempotencyKey);
    return toSupplyTicketDto(await this.execute(actor, ticket, command, key));
  }

  /** The one place a ticket command is carried out: by the ticket's workflow if one drives it, else by the service. */
  private async execute(actor: Actor, ticket: SupplyTicketView, command: SupplyTicketCommand, key: string): Promise<SupplyTicketView & { shipmentId?: number }> {
    try {
      return await this.carryOut(actor, ticket, command, key);
    } catch (err) {
      throw readableTicketError(err);
    }
  }

  private async carryOut(actor: Actor, ticket: SupplyTicketView, command: SupplyTicketCommand, key: string): Promise<SupplyTicketView & { shipmentId?: number }> {
    if (this.workflowRoute && (await this.workflowRoute.drives(ticket))) return this.workflowRoute.execute(actor, ticket, command, key);
    const base = { key, actor, ticketId: ticket.ticketId };
    switch (command.action) {
      case 'REVIEW':
        return this.tickets.startReview(base);
      case 'APPROVE':
        return this.tickets.approve({ ...base, lines: command.lines, note: command.note });
      case 'REJECT':
        return this.tickets.reject({ ...base, reason: command.reason });
      case 'CANCEL':
        return this.tickets.cancel({ ...base, reason: command.reason });
      case 'SHIP':
        return this.tickets.ship({ ...base, lines: command.lines });
      case 'CONFIRM_RECEIPT':
        return this.tickets.confirmReceipt({ key, actor, shipmentId: command.shipmentId, lines: command.lines });
    }
  }

  private async inScope(actor: Actor, ticketId: number): Promise<SupplyTicketView> {
    const ticket = await this.tickets.get(ticketId).catch((err: unknown) => {
      if (err instanceof NotFoundError) throw new NotFoundError(NOT_FOUND, 'id');
      throw err;
    });
    if (!STATE_ROLES.includes(actor.role) && (actor.role === 'ESCUELA' || actor.drseCode !== ticket.drseCode)) throw new NotFoundError(NOT_FOUND, 'id');
    return ticket;
  }

  private async detail(view: SupplyTicketView): Promise<SupplyTicketDetailDto> {
    const report: JustificationReport = await this.tickets.justificationOf(view.ticketId);
    return { ...toSupplyTicketDto(view), justificationReport: report };
  }
}
