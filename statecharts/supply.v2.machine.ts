import type { AnyStateMachine } from 'xstate';
import { CANCELLED_FINAL, failable, INCIDENT_EVENT_TYPES, IncidentContext, IncidentEvent, incidentTask, statesOf, withIncidents } from './incidents';
import { SupplyContext, SupplyEvent, SUPPLY_EVENT_TYPES, supplyMachineV1 } from './supply.machine';

/**
 * Supply, v2: v1's flow (its states reused as they are) plus an incident on every automatic step. A
 * ticket that could not be opened may be cancelled from its incident (nothing was taken yet); after
 * that, each step is retried once its cause is fixed (docs/procedures.md).
 */
export type SupplyV2Context = SupplyContext & IncidentContext;
export type SupplyV2Event = SupplyEvent | IncidentEvent;

export const SUPPLY_V2_EVENT_TYPES: SupplyV2Event['type'][] = [...SUPPLY_EVENT_TYPES, ...INCIDENT_EVENT_TYPES];

const s = statesOf(supplyMachineV1);

/** The incident of a step that records the central decision of the ticket (approval, rejection, cancellation). */
const ticketIncident = (retry: string) =>
  incidentTask({
    key: 'INCIDENTE_TICKET', title: 'Incidente: no se pudo registrar la decisión del ticket de abastecimiento', role: 'CONTROL_ESCOLAR_CENTRAL',
    escalateTo: 'ADMIN', retry,
  });

export const supplyMachineV2: AnyStateMachine = withIncidents(supplyMachineV1, {
  apertura: failable(s.apertura, 'incidenteApertura'),
  incidenteApertura: incidentTask({
    key: 'INCIDENTE_APERTURA', title: 'Incidente: no se pudo abrir el ticket de abastecimiento', role: 'DRSE_TECNOLOGIAS',
    escalateTo: 'RECURSOS_MATERIALES', retry: 'apertura', cancel: 'cancelada',
  }),
  revisionCentral: s.revisionCentral,
  aprobacion: failable(s.aprobacion, 'incidenteAprobacion'),
  incidenteAprobacion: ticketIncident('aprobacion'),
  registroRechazo: failable(s.registroRechazo, 'incidenteRechazo'),
  incidenteRechazo: ticketIncident('registroRechazo'),
  registroCancelacion: failable(s.registroCancelacion, 'incidenteCancelacion'),
  incidenteCancelacion: ticketIncident('registroCancelacion'),
  surtido: s.surtido,
  registroEnvio: failable(s.registroEnvio, 'incidenteEnvio'),
  incidenteEnvio: incidentTask({
    key: 'INCIDENTE_ENVIO', title: 'Incidente: no se pudo registrar el envío', role: 'RECURSOS_MATERIALES',
    escalateTo: 'ADMIN', retry: 'registroEnvio',
  }),
  recepcion: s.recepcion,
  registroRecepcion: failable(s.registroRecepcion, 'incidenteRecepcion'),
  incidenteRecepcion: incidentTask({
    key: 'INCIDENTE_RECEPCION', title: 'Incidente: no se pudo registrar la recepción del envío', role: 'DRSE_TECNOLOGIAS',
    escalateTo: 'RECURSOS_MATERIALES', retry: 'registroRecepcion',
  }),
  surtida: s.surtida,
  rechazada: s.rechazada,
  cancelada: CANCELLED_FINAL,
});
