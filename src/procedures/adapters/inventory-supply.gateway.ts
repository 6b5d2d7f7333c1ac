import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AcuseService, HolderService, SupplyTicketService } from '../../inventory';
import type { SupplyGateway } from '../ports';
import { linesToQuantities, quantitiesToLines } from './material-units';
import { asActivity, currentCycle, workflowActor } from './system-actor';

type Input<K extends keyof SupplyGateway> = Parameters<SupplyGateway[K]>[0];

/**
 * SupplyGateway over inventory's supply tickets. Roles of the system actor follow inventory's
 * rules: the DRSE's Tecnologías opens, cancels and confirms receipt; Recursos Materiales reviews,
 * approves, rejects and ships (the human who decided is in the procedure's audit trail).
 */
@Injectable()
export class InventorySupplyGateway implements SupplyGateway {
  constructor(
    private readonly em: EntityManager,
    private readonly holders: HolderService,
    private readonly tickets: SupplyTicketService,
    private readonly acuses: AcuseService,
  ) {}

  openTicket({ key, workflowId, requestId, drseCode, quantities, parentRequestId }: Input<'openTicket'>): Promise<{ ticketId: number }> {
    return asActivity(async () => {
      const cycleCode = await currentCycle(this.em);
      const holder = await this.holders.holderForDrse(drseCode);
      const t = await this.tickets.open({
        key,
        actor: workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode }),
        holderId: holder.id,
        lines: quantitiesToLines(quantities, cycleCode),
        cycleCode,
        // With a waiting procedure the ticket names its request (origin PROCEDIMIENTO); else the DRSE's own supply request.
        requestId: parentRequestId ?? undefined,
        justification: parentRequestId === null ? `Abastecimiento solicitado por la Oficina de Tecnologías de la DRSE (solicitud ${requestId}).` : undefined,
      });
      return { ticketId: t.ticketId };
    });
  }

  decideTicket({ key, workflowId, drseCode, ticketId, decision }: Input<'decideTicket'>): Promise<void> {
    return asActivity(async () => {
      const central = workflowActor(workflowId, 'RECURSOS_MATERIALES');
      if (decision === 'CANCELADO') {
        await this.tickets.cancel({ key, actor: workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode }), ticketId, reason: 'Cancelado por la DRSE durante la revisión central.' });
        return;
      }
      await this.tickets.startReview({ key: `${key}:revision`, actor: central, ticketId });
      if (decision === 'APROBADO') await this.tickets.approve({ key, actor: central, ticketId });
      else await this.tickets.reject({ key, actor: central, ticketId, reason: 'Rechazado en la revisión central.' });
    });
  }

  /** Shipped from central stock (reserved there in transit); a lack of central stock makes the step wait and retry. */
  recordShipment({ key, workflowId, ticketId, quantities }: Input<'recordShipment'>): Promise<{ shipmentId: number }> {
    return asActivity(
      async () => {
        const ticket = await this.tickets.get(ticketId);
        const shipped = await this.tickets.ship({ key, actor: workflowActor(workflowId, 'RECURSOS_MATERIALES'), ticketId, lines: quantitiesToLines(quantities, ticket.cycleCode) });
        return { shipmentId: shipped.shipmentId };
      },
      { waitOnShortage: true },
    );
  }

  /** The DRSE confirms the shipment (stock central → DRSE) and its ENVIO_DRSE acuse is issued. */
  confirmReceipt({ key, workflowId, drseCode, shipmentId }: Input<'confirmReceipt'>) {
    return asActivity(async () => {
      const actor = workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode });
      const ticket = await this.tickets.confirmReceipt({ key, actor, shipmentId });
      const acuse = await this.acuses.create({ key: `${key}:acuse`, actor, kind: 'ENVIO_DRSE', shipmentId });
      return {
        acuseId: acuse.acuseId,
        received: linesToQuantities(ticket.lines.map((l) => ({ item: l.item, quantity: l.received })), ticket.cycleCode),
        complete: ticket.lines.every((l) => l.received >= (l.approved ?? l.requested)),
      };
    });
  }
}
