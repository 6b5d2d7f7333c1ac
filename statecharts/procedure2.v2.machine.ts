import type { AnyStateMachine } from 'xstate';
import { cancellable, CANCEL_ROLES, failable, INCIDENT_EVENT_TYPES, IncidentContext, IncidentEvent, incidentTask, statesOf, stockWait, withIncidents, CANCELLED_FINAL } from './incidents';
import { Procedure2Context, Procedure2Event, PROCEDURE2_EVENT_TYPES, procedure2MachineV1 } from './procedure2.machine';
import { auto } from './step-meta';

/**
 * Procedure 2, v2: v1's flow (its states reused as they are) plus incidents on every automatic step,
 * a visible wait for stock, and cancellation with compensation (the reservation released) until the
 * material is delivered (docs/procedures.md).
 */
export type Procedure2V2Context = Procedure2Context & IncidentContext;
export type Procedure2V2Event = Procedure2Event | IncidentEvent;

export const PROCEDURE2_V2_EVENT_TYPES: Procedure2V2Event['type'][] = [...PROCEDURE2_EVENT_TYPES, ...INCIDENT_EVENT_TYPES];

const s = statesOf(procedure2MachineV1);

export const procedure2MachineV2: AnyStateMachine = withIncidents(procedure2MachineV1, {
  revisionPlaneacion: s.revisionPlaneacion,
  correccionEscuela: s.correccionEscuela,
  verificacionJustificacion: failable(s.verificacionJustificacion, 'incidenteJustificacion'),
  incidenteJustificacion: incidentTask({
    key: 'INCIDENTE_JUSTIFICACION', title: 'Incidente: falló la verificación de la justificación', role: 'DRSE_CONTROL_ESCOLAR',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'verificacionJustificacion', cancel: 'cancelacionReserva',
  }),
  validacionControlEscolar: cancellable(s.validacionControlEscolar, 'cancelacionReserva'),
  verificacionExistencias: failable(s.verificacionExistencias, 'incidenteMaterial', { TintaInsuficiente: { event: 'INK_SHORT', target: 'esperaExistencias' } }),
  incidenteMaterial: incidentTask({
    key: 'INCIDENTE_MATERIAL', title: 'Incidente: falló la reserva de material', role: 'DRSE_TECNOLOGIAS',
    escalateTo: 'RECURSOS_MATERIALES', retry: 'verificacionExistencias', cancel: 'cancelacionReserva', waitForStock: 'esperaExistencias',
  }),
  esperaExistencias: stockWait('Reponer las existencias de la DRSE y volver a reservar', 'verificacionExistencias', 'cancelacionReserva'),
  esperaAbastecimiento: s.esperaAbastecimiento,
  sinMaterial: cancellable(s.sinMaterial, 'cancelacionReserva', ['DRSE_TECNOLOGIAS', ...CANCEL_ROLES]),
  // Reserved, not yet delivered: cancelling releases the reservation.
  entrega: cancellable(s.entrega, 'cancelacionReserva', ['DRSE_TECNOLOGIAS', ...CANCEL_ROLES]),
  registroAcuse: failable(s.registroAcuse, 'incidenteEntrega'),
  incidenteEntrega: incidentTask({
    key: 'INCIDENTE_ENTREGA', title: 'Incidente: falló el registro de la entrega y su acuse', role: 'DRSE_TECNOLOGIAS',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'registroAcuse',
  }),
  cancelacionReserva: failable(
    { meta: auto('EN_CANCELACION', 'releaseRequestMaterial', { RELEASED: 'MATERIAL_RELEASED' }), on: { MATERIAL_RELEASED: 'cancelada' } },
    'incidenteCancelacion',
  ),
  incidenteCancelacion: incidentTask({
    key: 'INCIDENTE_CANCELACION', title: 'Incidente: no se pudo completar la cancelación', role: 'DRSE_TECNOLOGIAS',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'cancelacionReserva',
  }),
  entregada: s.entregada,
  rechazada: s.rechazada,
  retirada: s.retirada,
  cancelada: CANCELLED_FINAL,
});
