import { STATE_ROLES } from '../../access';
import type { InboxSource } from '../inbox-source';

/**
 * Acuses whose signed and sealed copy is not uploaded yet. The office that made the delivery (or
 * confirmed the receipt) created the acuse and holds the signed paper, so the acuse waits on the
 * role that created it, in that role's scope: Control Escolar of the DRSE for cards it delivered,
 * a school that prints on site for its own deliveries, Tecnologías for material and shipments.
 * The acuse of a request that waits for it is not listed here: the request's own task
 * («Subir el acuse de entrega firmado y sellado») is, once.
 */
export const signedAcusesSource: InboxSource = {
  tipo: 'ACUSE',
  etiqueta: 'Acuses por firmar',
  select(actor) {
    const where = ['a.signed_scan_hash is null', 'a.created_by_role = ?', `(pr.public_status is null or pr.public_status <> 'ESPERANDO_ACUSE')`];
    const params: unknown[] = [actor.role];
    if (actor.role === 'ESCUELA') {
      where.push('a.school_id = ?');
      params.push(actor.schoolId ?? -1);
    } else if (!STATE_ROLES.includes(actor.role)) {
      where.push('a.drse_code in (select code from drse where code = ? or parent_code = ?)');
      params.push(actor.drseCode ?? '', actor.drseCode ?? '');
    }
    return {
      columns: {
        ref: 'a.id',
        titulo: `'Subir el acuse firmado ' || a.folio`,
        detalle: `case a.kind when 'CREDENCIALES' then 'Entrega de credenciales a ' || a.to_name
                              when 'MATERIAL_ESCUELA' then 'Entrega de material a ' || a.to_name
                              else 'Recepción del material enviado por ' || a.from_name end`,
        desde: 'a.created_at',
        solicitud_id: 'pr.id',
        procedimiento: 'pr.procedure',
        estado: 'pr.public_status',
        ticket_id: 'a.ticket_id',
        envio_id: 'a.shipment_id',
        acuse_id: 'a.id',
        folio: 'a.folio',
        school_id: 'a.school_id',
        drse_code: 'a.drse_code',
      },
      from: 'acuse a left join procedure_request pr on pr.id::text = a.request_id',
      where,
      params,
    };
  },
};
