import type { AnyStateMachine } from 'xstate';
import { ACUSE_SIGNED, AcuseSignedEvent, failable, INCIDENT_EVENT_TYPES, IncidentContext, IncidentEvent, incidentTask, signedAcuseTask, statesOf, thenAwaitSignedAcuse, withIncidents } from './incidents';
import type { TaskMeta } from './step-meta';
import { ReplacementContext, ReplacementEvent, REPLACEMENT_EVENT_TYPES, replacementMachineV1 } from './replacement.machine';

/**
 * Replacement, v3 (v2 with the seed rules of issue 11: the wait for the signed acuse): v1's flow (its states reused as they are) plus an incident on every automatic step,
 * resolved by retrying the step once its cause is fixed (a photo, stock at whoever prints). There is
 * no cancellation after the payment: recording it revoked the old card, so the replacement must be
 * completed; before it, the school withdraws as in v1. The delivery ends only when the signed acuse
 * is uploaded, by whoever printed and delivered the card (docs/procedures.md).
 */
export type ReplacementV3Context = ReplacementContext & IncidentContext;
export type ReplacementV3Event = ReplacementEvent | IncidentEvent | AcuseSignedEvent;

export const REPLACEMENT_V3_EVENT_TYPES: ReplacementV3Event['type'][] = [...REPLACEMENT_EVENT_TYPES, ...INCIDENT_EVENT_TYPES, ACUSE_SIGNED];

const s = statesOf(replacementMachineV1);

const incident = (key: string, title: string, retry: string) =>
  incidentTask({ key, title, role: 'DRSE_CONTROL_ESCOLAR', escalateTo: 'CONTROL_ESCOLAR_CENTRAL', retry });

/**
 * `POST /replacements` is the one path into this procedure: the school records the receipt, or
 * central Control Escolar (and ADMIN) for it; DRSE staff do it for a school without internet, as the
 * school (workflow-runner's on-behalf rule).
 */
const registroPagoMeta = s.registroPago.meta as TaskMeta;
const registroPago = {
  ...s.registroPago,
  meta: { ...registroPagoMeta, decisions: { ...registroPagoMeta.decisions, PAYMENT_RECORDED: ['ESCUELA', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] } } satisfies TaskMeta,
};

export const replacementMachineV3: AnyStateMachine = withIncidents(replacementMachineV1, {
  registroPago,
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
  registroAcuse: failable(
    thenAwaitSignedAcuse(s.registroAcuse, [{ guard: 'isPrintedByDrse', target: 'esperaAcuseDrse' }, { target: 'esperaAcuseEscuela' }]),
    'incidenteAcuse',
  ),
  // Whoever printed and delivered the card collects the signed acuse.
  esperaAcuseDrse: signedAcuseTask('DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL'),
  esperaAcuseEscuela: signedAcuseTask('ESCUELA', 'DRSE_CONTROL_ESCOLAR'),
  incidenteAcuse: incident('INCIDENTE_ACUSE', 'Incidente: falló el registro del acuse de entrega', 'registroAcuse'),
  entregada: s.entregada,
  retirada: s.retirada,
});
