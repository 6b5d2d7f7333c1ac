import type { AnyStateMachine } from 'xstate';
import { failable, INCIDENT_EVENT_TYPES, IncidentContext, IncidentEvent, incidentTask, statesOf, withIncidents } from './incidents';
import { ReplacementContext, ReplacementEvent, REPLACEMENT_EVENT_TYPES, replacementMachineV1 } from './replacement.machine';

/**
 * Replacement, v2: v1's flow (its states reused as they are) plus an incident on every automatic step,
 * resolved by retrying the step once its cause is fixed (a photo, stock at whoever prints). There is
 * no cancellation after the payment: recording it revoked the old card, so the replacement must be
 * completed; before it, the school withdraws as in v1 (docs/procedures.md).
 */
export type ReplacementV2Context = ReplacementContext & IncidentContext;
export type ReplacementV2Event = ReplacementEvent | IncidentEvent;

export const REPLACEMENT_V2_EVENT_TYPES: ReplacementV2Event['type'][] = [...REPLACEMENT_EVENT_TYPES, ...INCIDENT_EVENT_TYPES];

const s = statesOf(replacementMachineV1);

const incident = (key: string, title: string, retry: string) =>
  incidentTask({ key, title, role: 'DRSE_CONTROL_ESCOLAR', escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry });

export const replacementMachineV2: AnyStateMachine = withIncidents(replacementMachineV1, {
  registroPago: s.registroPago,
  verificacionPago: failable(s.verificacionPago, 'incidentePago'),
  incidentePago: incident('INCIDENTE_PAGO', 'Incidente: no se pudo verificar el pago de la reposición', 'verificacionPago'),
  produccion: failable(s.produccion, 'incidenteProduccion'),
  incidenteProduccion: incident('INCIDENTE_PRODUCCION', 'Incidente: no se pudo generar la credencial de reposición', 'produccion'),
  impresionDrse: s.impresionDrse,
  impresionEscuela: s.impresionEscuela,
  revocacionDrse: failable(s.revocacionDrse, 'incidenteRevocacionDrse'),
  incidenteRevocacionDrse: incident('INCIDENTE_REVOCACION', 'Incidente: no se pudo confirmar el reemplazo del folio anterior', 'revocacionDrse'),
  revocacionEscuela: failable(s.revocacionEscuela, 'incidenteRevocacionEscuela'),
  incidenteRevocacionEscuela: incident('INCIDENTE_REVOCACION', 'Incidente: no se pudo confirmar el reemplazo del folio anterior', 'revocacionEscuela'),
  entregaDrse: s.entregaDrse,
  entregaEscuela: s.entregaEscuela,
  registroAcuse: failable(s.registroAcuse, 'incidenteAcuse'),
  incidenteAcuse: incident('INCIDENTE_ACUSE', 'Incidente: falló el registro del acuse de entrega', 'registroAcuse'),
  entregada: s.entregada,
  retirada: s.retirada,
});
