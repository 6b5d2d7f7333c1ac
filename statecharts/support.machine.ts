import { AnyStateMachine, assign, setup } from 'xstate';
import { failable, IncidentContext, incidentTask, STEP_FAILED, statesOf, withIncidents } from './incidents';
import { auto, final, SLA_EXPIRED, StepMeta, task } from './step-meta';

/**
 * Support escalation (R10, issue 11 item 8; docs/support.md): a ticket a school opens (or DRSE staff
 * for a school without internet, on its behalf), or the DRSE's Control Escolar for itself. The DRSE's
 * Tecnologías office attends it within its deadline and resolves it or derives it to DGTI; a doubt of
 * a DRSE's Control Escolar goes to central Control Escolar instead, which may also derive it to DGTI.
 * The opener confirms the solution (closed) or reopens it, back to whoever attended it last.
 * The workflow carries ids, codes and the kind only: the description stays in PostgreSQL.
 */
export const SUPPORT_KINDS = ['EQUIPO', 'SISTEMA', 'DUDA'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** Who confirms the solution: the school (its own ticket or one opened for it) or the DRSE's Control Escolar (its own). */
export const SUPPORT_OPENERS = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR'] as const;
export type SupportOpener = (typeof SUPPORT_OPENERS)[number];

/** Who attended the ticket last: a reopened ticket goes back there. */
export type SupportAttendant = 'DRSE_TECNOLOGIAS' | 'CONTROL_ESCOLAR_CENTRAL' | 'DGTI';

export interface SupportInput {
  /** The ticket (its procedure_request row). */
  requestId: number;
  kind: SupportKind;
  drseCode: string;
  /** The school of the ticket (null: the DRSE's own). */
  schoolId: number | null;
  opener: SupportOpener;
}

export interface SupportContext extends SupportInput {
  attendedBy: SupportAttendant | null;
  derived: boolean;
  reopened: number;
  escalations: number;
}

export type SupportEvent =
  | { type: 'TICKET_RECEIVED' }
  | { type: 'RESOLVE' }
  | { type: 'DERIVE_TO_DGTI' }
  | { type: 'CONFIRM' }
  | { type: 'REOPEN' }
  | { type: typeof STEP_FAILED; step: string; reason: string; errorType: string }
  | { type: 'RETRY' }
  | { type: typeof SLA_EXPIRED };

export const SUPPORT_EVENT_TYPES: SupportEvent['type'][] = ['TICKET_RECEIVED', 'RESOLVE', 'DERIVE_TO_DGTI', 'CONFIRM', 'REOPEN', STEP_FAILED, 'RETRY', SLA_EXPIRED];

const escalate = { [SLA_EXPIRED]: { actions: 'countEscalation' as const } };

/** A solution goes to the opener for confirmation. */
const toConfirmation = (attendant: 'byTecnologias' | 'byCentral' | 'byDgti') => [
  { guard: 'isOpenedForSchool' as const, target: 'confirmacionEscuela', actions: attendant },
  { target: 'confirmacionDrse', actions: attendant },
];

/** A reopened ticket goes back to whoever attended it last. */
const reopen = [
  { guard: 'wasAttendedByDgti' as const, target: 'atencionDgti', actions: 'countReopen' as const },
  { guard: 'wasAttendedByCentral' as const, target: 'atencionCentral', actions: 'countReopen' as const },
  { target: 'atencionTecnologias', actions: 'countReopen' as const },
];

const confirmation = (role: SupportOpener, escalateTo: 'DRSE_TECNOLOGIAS' | 'CONTROL_ESCOLAR_CENTRAL') => ({
  meta: task(
    'RESUELTO',
    { key: 'CONFIRMACION_SOPORTE', title: 'Confirmar la solución del ticket de soporte o reabrirlo', role, sla: '5 days', escalateTo },
    { CONFIRM: [role], REOPEN: [role] },
    { commentRequired: ['REOPEN'] },
  ),
  on: { CONFIRM: 'cerrado', REOPEN: reopen, ...escalate },
});

/** The flow without its incident (typed); `supportMachineV1` adds it. */
const supportFlow = setup({
  types: {
    context: {} as SupportContext,
    events: {} as Exclude<SupportEvent, { type: typeof STEP_FAILED } | { type: 'RETRY' }>,
    input: {} as SupportInput,
    meta: {} as StepMeta,
  },
  guards: {
    isDoubtForCentral: ({ context }) => context.kind === 'DUDA' && context.opener === 'DRSE_CONTROL_ESCOLAR',
    isOpenedForSchool: ({ context }) => context.opener === 'ESCUELA',
    wasAttendedByDgti: ({ context }) => context.attendedBy === 'DGTI',
    wasAttendedByCentral: ({ context }) => context.attendedBy === 'CONTROL_ESCOLAR_CENTRAL',
  },
  actions: {
    countEscalation: assign({ escalations: ({ context }) => context.escalations + 1 }),
    countReopen: assign({ reopened: ({ context }) => context.reopened + 1 }),
    markDerived: assign({ derived: () => true }),
    byTecnologias: assign({ attendedBy: () => 'DRSE_TECNOLOGIAS' as const }),
    byCentral: assign({ attendedBy: () => 'CONTROL_ESCOLAR_CENTRAL' as const }),
    byDgti: assign({ attendedBy: () => 'DGTI' as const }),
  },
}).createMachine({
  id: 'support',
  initial: 'recepcion',
  context: ({ input }) => ({ ...input, attendedBy: null, derived: false, reopened: 0, escalations: 0 }),
  states: {
    recepcion: {
      meta: auto('RECIBIDO', 'receiveSupportTicket', { RECEIVED: 'TICKET_RECEIVED' }),
      on: { TICKET_RECEIVED: [{ guard: 'isDoubtForCentral', target: 'atencionCentral' }, { target: 'atencionTecnologias' }] },
    },
    atencionTecnologias: {
      meta: task(
        'EN_ATENCION_DRSE',
        { key: 'ATENCION_TECNOLOGIAS', title: 'Atender el ticket de soporte (resolverlo o derivarlo a la Dirección de Tecnologías de la Información)', role: 'DRSE_TECNOLOGIAS', sla: '3 days', escalateTo: 'DGTI' },
        { RESOLVE: ['DRSE_TECNOLOGIAS'], DERIVE_TO_DGTI: ['DRSE_TECNOLOGIAS'] },
        { commentRequired: ['RESOLVE', 'DERIVE_TO_DGTI'] },
      ),
      on: {
        RESOLVE: toConfirmation('byTecnologias'),
        DERIVE_TO_DGTI: { target: 'atencionDgti', actions: 'markDerived' },
        ...escalate,
      },
    },
    atencionCentral: {
      meta: task(
        'EN_ATENCION_CENTRAL',
        { key: 'ATENCION_CONTROL_ESCOLAR_CENTRAL', title: 'Responder la duda de Control Escolar de la DRSE (o derivarla a la Dirección de Tecnologías de la Información)', role: 'CONTROL_ESCOLAR_CENTRAL', sla: '3 days', escalateTo: 'ADMIN' },
        { RESOLVE: ['CONTROL_ESCOLAR_CENTRAL'], DERIVE_TO_DGTI: ['CONTROL_ESCOLAR_CENTRAL'] },
        { commentRequired: ['RESOLVE', 'DERIVE_TO_DGTI'] },
      ),
      on: {
        RESOLVE: toConfirmation('byCentral'),
        DERIVE_TO_DGTI: { target: 'atencionDgti', actions: 'markDerived' },
        ...escalate,
      },
    },
    atencionDgti: {
      meta: task(
        'EN_ATENCION_DGTI',
        { key: 'ATENCION_DGTI', title: 'Atender el ticket de soporte derivado (segundo nivel de soporte)', role: 'DGTI', sla: '5 days', escalateTo: 'ADMIN' },
        { RESOLVE: ['DGTI'] },
        { commentRequired: ['RESOLVE'] },
      ),
      on: { RESOLVE: toConfirmation('byDgti'), ...escalate },
    },
    confirmacionEscuela: confirmation('ESCUELA', 'DRSE_TECNOLOGIAS'),
    confirmacionDrse: confirmation('DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL'),
    cerrado: { type: 'final', meta: final('CERRADO', 'CLOSED') },
  },
});

/** The context of the registered chart: the flow's and the incident fields. */
export type SupportV1Context = SupportContext & IncidentContext;

const s = statesOf(supportFlow);

/** Support v1: the flow, and an incident (for the DRSE's Tecnologías) if receiving the ticket fails for good. */
export const supportMachineV1: AnyStateMachine = withIncidents(supportFlow, {
  ...s,
  recepcion: failable(s.recepcion, 'incidenteRecepcion'),
  incidenteRecepcion: incidentTask({
    key: 'INCIDENTE_RECEPCION', title: 'Incidente: no se pudo recibir el ticket de soporte', role: 'DRSE_TECNOLOGIAS', escalateTo: 'DGTI', retry: 'recepcion',
  }),
});
