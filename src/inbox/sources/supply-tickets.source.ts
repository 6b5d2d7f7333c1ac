import type { InboxSource } from '../inbox-source';
import { drivenByWorkflow } from './supply-driven';

const IN_REVIEW = `st.status in ('OPEN', 'UNDER_REVIEW')`;

/**
 * Supply tickets a DRSE opened that wait on Recursos Materiales: to review and approve (open, in
 * review) or to ship (approved, or partly shipped with a backorder).
 */
export const supplyTicketsSource: InboxSource = {
  tipo: 'ABASTECIMIENTO',
  etiqueta: 'Abastecimiento',
  select(actor) {
    if (actor.role !== 'RECURSOS_MATERIALES') return null;
    return {
      columns: {
        ref: 'st.id',
        titulo: `case when ${IN_REVIEW} then 'Revisar el ticket de abastecimiento ' else 'Surtir el ticket de abastecimiento ' end || st.folio`,
        detalle: `case when ${IN_REVIEW} then st.justification
                        when st.status = 'IN_FULFILLMENT' then 'Aprobado y enviado en parte: falta enviar el resto o cerrarlo con faltante.'
                        else 'Aprobado: falta registrar el envío (total o parcial).' end`,
        desde: `case when ${IN_REVIEW} then st.opened_at else st.updated_at end`,
        ticket_id: 'st.id',
        folio: 'st.folio',
        drse_code: 'h.drse_code',
      },
      from: 'supply_ticket st join stock_holder h on h.id = st.holder_id',
      where: [`st.status in ('OPEN', 'UNDER_REVIEW', 'APPROVED', 'IN_FULFILLMENT')`, `not ${drivenByWorkflow('st')}`],
      params: [],
    };
  },
};
