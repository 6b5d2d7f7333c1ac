import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../access';
import { DomainError } from '../../common/domain-error';
import {
  SupplyTicketCommand,
  SupplyTicketWorkflowRoute,
  parseItemCode,
  SupplyTicketService,
  SupplyTicketView,
  wholeSheets,
} from '../../inventory';
import { ProcedureClient } from '../../procedures';
import { chartFor } from '../../../statecharts/registry';
import type { MaterialQuantities, StepMeta } from '../../../statecharts/step-meta';
import type { ProcedureView } from '../../../workflows/messages';
import { refusalReason } from './decision-catalog';
import { decisionProblem, withinTime } from './decision-errors';
import { PROCEDURE_CLIENT } from './procedure-client.provider';

type Row = Record<string, unknown>;

const DECIDE_MS = 20_000;
/** How long a ticket command waits for the workflow's automatic step (the ticket write) to finish. */
const SETTLE_MS = 30_000;

/**
 * Binds the inventory API's SUPPLY_TICKET_WORKFLOW_ROUTE: a ticket opened by a procedure
 * (`origin: PROCEDIMIENTO`) is driven by its `supply` workflow, so the HTTP command becomes an
 * event of that workflow's `decide` Update; the workflow's activity then writes the ticket. The
 * answer waits until that step has run, so the returned ticket shows the change.
 */
@Injectable()
export class SupplyTicketWorkflowRouteService implements SupplyTicketWorkflowRoute {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: SupplyTicketService,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
  ) {}

  async drives(ticket: SupplyTicketView): Promise<boolean> {
    return (await this.workflowOf(ticket)) !== null;
  }

  async execute(actor: Actor, ticket: SupplyTicketView, command: SupplyTicketCommand, _key: string): Promise<SupplyTicketView> {
    const found = await this.workflowOf(ticket);
    if (!found) throw new Error(`ticket ${ticket.ticketId} is not driven by a workflow`);
    const { workflowId, view } = found;
    let event: { type: string } & Record<string, unknown>;
    let comment: string | undefined;
    switch (command.action) {
      case 'REVIEW':
        // The workflow's central review task is open from the start: nothing to record.
        return ticket;
      case 'APPROVE':
        if (command.lines?.some((l) => ticket.lines.find((t) => t.item === l.item)?.requested !== l.quantity)) {
          throw new DomainError('Un abastecimiento pedido por un trámite se aprueba por lo pedido; para reducirlo, recházelo con su motivo.', 'lines');
        }
        event = { type: 'APPROVE' };
        comment = command.note;
        break;
      case 'REJECT':
        event = { type: 'REJECT' };
        comment = command.reason;
        break;
      case 'CANCEL':
        event = { type: 'CANCEL' };
        comment = command.reason;
        break;
      case 'SHIP':
        event = { type: 'SHIP', ...this.quantities(command.lines) };
        break;
      case 'CONFIRM_RECEIPT':
        if (view.context.currentShipmentId !== command.shipmentId) {
          throw new DomainError('Ese envío no es el que el trámite espera confirmar.', 'shipmentId', 'ENVIO_NO_ESPERADO', 409);
        }
        {
          const shipped = ticket.shipments.find((s) => s.shipmentId === command.shipmentId)?.lines ?? [];
          if (command.lines?.some((l) => l.quantity < (shipped.find((s) => s.item === l.item)?.quantity ?? 0))) {
            throw new DomainError(
              'Este envío es de un abastecimiento pedido por un trámite: por ahora solo se confirma completo. Si llegó incompleto, no lo confirme y avise a Recursos Materiales.',
              'lines',
              'FALTANTE_EN_TRAMITE',
            );
          }
        }
        event = { type: 'CONFIRM_RECEIPT' };
        break;
    }
    let seq: number;
    try {
      seq = (await withinTime(this.procedures, DECIDE_MS, () => this.procedures.decideWorkflow(workflowId, { event, actor: { id: actor.id, role: actor.role, drseCode: actor.drseCode, schoolId: actor.schoolId, subDrseCodes: actor.subDrseCodes }, comment }))).seq;
    } catch (err) {
      throw decisionProblem(err, { procedure: 'SUPPLY', event: event.type, reason: refusalReason('SUPPLY', event.type, view.context) });
    }
    await this.settled(workflowId, seq);
    return this.tickets.get(ticket.ticketId);
  }

  /** The running supply workflow whose ticket this is (by the request the ticket names), or null. */
  private async workflowOf(ticket: SupplyTicketView): Promise<{ workflowId: string; view: ProcedureView } | null> {
    if (ticket.origin !== 'PROCEDIMIENTO' || ticket.requestId === null || !/^\d+$/.test(ticket.requestId)) return null;
    const requestId = Number(ticket.requestId);
    const rows = await this.em.fork().execute<Row[]>(
      `select workflow_id from procedure_request where procedure = 'SUPPLY' and workflow_id is not null and (id = ? or parent_request_id = ?) order by id desc`,
      [requestId, requestId],
    );
    for (const r of rows) {
      const workflowId = String(r.workflow_id);
      const view = await withinTime(this.procedures, 5_000, () => this.procedures.viewWorkflow(workflowId)).catch(() => null);
      if (view && view.context.ticketId === ticket.ticketId) return { workflowId, view };
    }
    return null;
  }

  /** Waits until the workflow has left the automatic steps that follow transition `seq`. */
  private async settled(workflowId: string, seq: number): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    while (Date.now() < deadline) {
      const view = await this.procedures.viewWorkflow(workflowId).catch(() => null);
      if (view === null) return; // no longer answering: nothing left to wait for
      if (view.seq >= seq) {
        const meta = chartFor(view.procedure, view.chartVersion).states[view.state]?.config.meta as StepMeta | undefined;
        if (meta?.kind !== 'auto') return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private quantities(lines: Array<{ item: string; quantity: number }>): MaterialQuantities {
    const q: MaterialQuantities = { teslinSheets: 0, micas: 0, holograms: 0 };
    lines.forEach((l, i) => {
      const item = parseItemCode(l.item, `lines[${i}].item`);
      if (item.kind === 'TESLIN') q.teslinSheets += wholeSheets(l.quantity, `lines[${i}].quantity`);
      else if (item.kind === 'MICA') q.micas += l.quantity;
      else if (item.kind === 'HOLOGRAMA') q.holograms += l.quantity;
      else throw new DomainError('Un abastecimiento de trámite sólo surte Teslin, micas y hologramas.', `lines[${i}].item`);
    });
    return q;
  }
}
