import type { InboxSource } from '../inbox-source';
import { drivenByWorkflow } from './supply-driven';

/**
 * Shipments in transit to a DRSE, waiting for its Tecnologías office to confirm what arrived (the
 * DRSE of the ticket, as the supply-ticket API scopes them).
 */
export const shipmentsSource: InboxSource = {
  tipo: 'ENVIO',
  etiqueta: 'Envíos por recibir',
  select(actor) {
    if (actor.role !== 'DRSE_TECNOLOGIAS') return null;
    return {
      columns: {
        ref: 'sh.id',
        titulo: `'Confirmar la recepción del envío ' || sh.number || ' del ticket ' || st.folio`,
        detalle: `'Recursos Materiales lo envió; confirme lo que llegó.'`,
        desde: 'sh.shipped_at',
        ticket_id: 'st.id',
        envio_id: 'sh.id',
        folio: 'st.folio',
        drse_code: 'h.drse_code',
      },
      from: 'supply_shipment sh join supply_ticket st on st.id = sh.ticket_id join stock_holder h on h.id = st.holder_id',
      where: [`sh.status = 'IN_TRANSIT'`, 'h.drse_code = ?', `not ${drivenByWorkflow('st')}`],
      params: [actor.drseCode ?? ''],
    };
  },
};
