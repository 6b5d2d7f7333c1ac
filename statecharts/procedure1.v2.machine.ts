import type { AnyStateMachine } from 'xstate';
import { cancellable, CANCEL_ROLES, failable, INCIDENT_EVENT_TYPES, IncidentContext, IncidentEvent, incidentTask, statesOf, stockWait, withIncidents, CANCELLED_FINAL } from './incidents';
import { Procedure1Context, Procedure1Event, PROCEDURE1_EVENT_TYPES, procedure1MachineV1 } from './procedure1.machine';
import { auto } from './step-meta';

/**
 * Procedure 1, v2: v1's flow (its states are reused as they are) plus incidents on every automatic
 * step, a visible wait for stock (ink), and cancellation with compensation — folios taken but never
 * printed are voided and their material returned, reservations released (docs/procedures.md).
 */
export type Procedure1V2Context = Procedure1Context & IncidentContext;
export type Procedure1V2Event = Procedure1Event | IncidentEvent;

export const PROCEDURE1_V2_EVENT_TYPES: Procedure1V2Event['type'][] = [...PROCEDURE1_EVENT_TYPES, ...INCIDENT_EVENT_TYPES];

const s = statesOf(procedure1MachineV1);

export const procedure1MachineV2: AnyStateMachine = withIncidents(procedure1MachineV1, {
  revisionPlaneacion: s.revisionPlaneacion,
  correccionEscuela: s.correccionEscuela,
  verificacionProcedencia: failable(s.verificacionProcedencia, 'incidenteProcedencia'),
  incidenteProcedencia: incidentTask({
    key: 'INCIDENTE_PROCEDENCIA', title: 'Incidente: falló la verificación de procedencia', role: 'DRSE_CONTROL_ESCOLAR',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'verificacionProcedencia', cancel: 'cancelacionFolios',
  }),
  validacionControlEscolar: cancellable(s.validacionControlEscolar, 'cancelacionFolios'),
  verificacionMaterial: failable(s.verificacionMaterial, 'incidenteMaterial', { TintaInsuficiente: { event: 'INK_SHORT', target: 'esperaExistencias' } }),
  incidenteMaterial: incidentTask({
    key: 'INCIDENTE_MATERIAL', title: 'Incidente: falló la reserva de material', role: 'DRSE_TECNOLOGIAS',
    escalateTo: 'RECURSOS_MATERIALES', retry: 'verificacionMaterial', cancel: 'cancelacionFolios', waitForStock: 'esperaExistencias',
  }),
  esperaExistencias: stockWait('Reponer las existencias de la DRSE (tinta o material) y volver a reservar', 'verificacionMaterial', 'cancelacionFolios'),
  esperaAbastecimiento: s.esperaAbastecimiento,
  sinMaterial: cancellable(s.sinMaterial, 'cancelacionFolios', ['DRSE_TECNOLOGIAS', ...CANCEL_ROLES]),
  produccion: failable(s.produccion, 'incidenteProduccion'),
  incidenteProduccion: incidentTask({
    key: 'INCIDENTE_PRODUCCION', title: 'Incidente: falló la generación del archivo de impresión', role: 'DRSE_CONTROL_ESCOLAR',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'produccion', cancel: 'cancelacionFolios',
  }),
  // Cards generated but not yet confirmed printed: cancelling voids their folios.
  confirmacionProduccion: cancellable(s.confirmacionProduccion, 'cancelacionFolios'),
  entrega: s.entrega,
  registroAcuse: failable(s.registroAcuse, 'incidenteAcuse'),
  incidenteAcuse: incidentTask({
    key: 'INCIDENTE_ACUSE', title: 'Incidente: falló el registro del acuse de entrega', role: 'DRSE_CONTROL_ESCOLAR',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'registroAcuse',
  }),
  // Compensation, in order: folios never printed voided (and their material returned), then reservations released.
  cancelacionFolios: failable(
    { meta: auto('EN_CANCELACION', 'voidRequestFolios', { VOIDED: 'FOLIOS_VOIDED' }), on: { FOLIOS_VOIDED: 'cancelacionReserva' } },
    'incidenteCancelacion',
  ),
  cancelacionReserva: failable(
    { meta: auto('EN_CANCELACION', 'releaseRequestMaterial', { RELEASED: 'MATERIAL_RELEASED' }), on: { MATERIAL_RELEASED: 'cancelada' } },
    'incidenteCancelacion',
  ),
  incidenteCancelacion: incidentTask({
    key: 'INCIDENTE_CANCELACION', title: 'Incidente: no se pudo completar la cancelación', role: 'DRSE_CONTROL_ESCOLAR',
    escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry: 'cancelacionFolios',
  }),
  entregada: s.entregada,
  rechazada: s.rechazada,
  retirada: s.retirada,
  cancelada: CANCELLED_FINAL,
});
