import { assign, type AnyStateMachine } from 'xstate';
import { ACUSE_SIGNED, AcuseSignedEvent, cancellable, CANCEL_ROLES, failable, INCIDENT_EVENT_TYPES, IncidentContext, IncidentEvent, incidentTask, statesOf, signedAcuseTask, stockWait, thenAwaitSignedAcuse, withIncidents, CANCELLED_FINAL } from './incidents';
import { Procedure2Context, Procedure2Event, PROCEDURE2_EVENT_TYPES, procedure2MachineV1 } from './procedure2.machine';
import { auto, isNonNegativeInt, MaterialQuantities } from './step-meta';

/**
 * Procedure 2, v2: v1's flow (its states reused as they are), ink sets asked and validated like the
 * other materials (missing ink at the DRSE is a visible wait for stock, as in Procedure 1), plus incidents on every automatic step,
 * a visible wait for stock, and cancellation with compensation (the reservation released) until the
 * material is delivered, which ends only when the signed acuse is uploaded (docs/procedures.md).
 */
export type Procedure2V3Context = Procedure2Context & IncidentContext;
export type Procedure2V3Event = Procedure2Event | IncidentEvent | AcuseSignedEvent;

export const PROCEDURE2_V3_EVENT_TYPES: Procedure2V3Event['type'][] = [...PROCEDURE2_EVENT_TYPES, ...INCIDENT_EVENT_TYPES, ACUSE_SIGNED];

const s = statesOf(procedure2MachineV1);

/**
 * v2 quantities: v1's plus ink sets (juegos de tinta), validated like the other materials. A request
 * without ink (and every v1 one) has none: a missing `inkSets` counts as zero.
 */
export type Procedure2Quantities = MaterialQuantities & { inkSets?: number };
export const PROCEDURE2_ITEMS = ['teslinSheets', 'micas', 'holograms', 'inkSets'] as const;
const of = (q: Procedure2Quantities | Record<string, unknown>, k: (typeof PROCEDURE2_ITEMS)[number]): number => Number((q as Record<string, unknown>)[k] ?? 0);
const total = (q: Procedure2Quantities | Record<string, unknown>) => PROCEDURE2_ITEMS.reduce((sum, k) => sum + of(q, k), 0);
type Ctx = { requested: Procedure2Quantities; allowed: Procedure2Quantities };
type Ev = { type: string } & Record<string, unknown>;

const inkGuards = {
  isWithinAllowed: ({ context }: { context: Ctx }) =>
    total(context.requested) > 0 && PROCEDURE2_ITEMS.every((k) => of(context.requested, k) <= of(context.allowed, k)),
  hasValidAdjustment: ({ context, event }: { context: Ctx; event: Ev }) =>
    event.type === 'VALIDATE_PARTIAL' &&
    PROCEDURE2_ITEMS.every((k) => isNonNegativeInt(event[k] ?? 0) && of(event, k) <= Math.min(of(context.requested, k), of(context.allowed, k))) &&
    total(event) > 0 &&
    total(event) < total(context.requested),
};
const inkActions = {
  approveAdjusted: assign(({ event }: { event: Ev }) =>
    event.type === 'VALIDATE_PARTIAL'
      ? { approved: { teslinSheets: of(event, 'teslinSheets'), micas: of(event, 'micas'), holograms: of(event, 'holograms'), inkSets: of(event, 'inkSets') } }
      : {},
  ),
};

export const procedure2MachineV3: AnyStateMachine = withIncidents(procedure2MachineV1, {
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
  registroAcuse: failable(thenAwaitSignedAcuse(s.registroAcuse, 'esperaAcuseFirmado'), 'incidenteEntrega'),
  esperaAcuseFirmado: signedAcuseTask('DRSE_TECNOLOGIAS', 'CONTROL_ESCOLAR_CENTRAL'),
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
}, { guards: inkGuards, actions: inkActions });
