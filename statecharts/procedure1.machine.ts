import { assign, setup } from 'xstate';
import { auto, child, final, isNonNegativeInt, MaterialQuantities, SLA_EXPIRED, StepMeta, task } from './step-meta';

/** Procedure 1 (SPEC §4): the DRSE makes the credentials for a school routed to it by R1. */
export interface Procedure1Input {
  requestId: number;
  schoolId: number;
  drseCode: string;
  newRequested: number;
  continuingRequested: number;
}

export interface Procedure1Context extends Procedure1Input {
  newEligible: number;
  continuingEligible: number;
  newApproved: number;
  continuingApproved: number;
  corrections: number;
  escalations: number;
  supplyRounds: number;
  reservationId: number | null;
  shortage: MaterialQuantities | null;
  printRunId: number | null;
  cardsProduced: number;
  voidedSlots: number;
  acuseId: number | null;
}

export type Procedure1Event =
  | { type: 'ACCEPT' }
  | { type: 'RETURN' }
  | { type: 'REJECT' }
  | { type: 'RESUBMIT' }
  | { type: 'WITHDRAW' }
  | { type: 'PROCEDENCIA_CHECKED'; newRequested: number; continuingRequested: number; newEligible: number; continuingEligible: number }
  | { type: 'VALIDATE' }
  | { type: 'VALIDATE_PARTIAL'; newApproved: number; continuingApproved: number }
  | { type: 'INVALIDATE' }
  | { type: 'MATERIAL_RESERVED'; reservationId: number }
  | ({ type: 'MATERIAL_SHORT' } & MaterialQuantities)
  | { type: 'SUPPLY_FULFILLED' }
  | { type: 'SUPPLY_REJECTED' }
  | { type: 'REQUEST_SUPPLY' }
  | { type: 'RECHECK_MATERIAL' }
  | { type: 'PRINT_RUN_GENERATED'; printRunId: number | null; cards: number; voidedSlots: number }
  | { type: 'PRODUCTION_CONFIRMED' }
  | { type: 'DELIVER' }
  | { type: 'ACUSE_RECORDED'; acuseId: number }
  | { type: typeof SLA_EXPIRED };

export const PROCEDURE1_EVENT_TYPES: Procedure1Event['type'][] = [
  'ACCEPT', 'RETURN', 'REJECT', 'RESUBMIT', 'WITHDRAW', 'PROCEDENCIA_CHECKED', 'VALIDATE', 'VALIDATE_PARTIAL',
  'INVALIDATE', 'MATERIAL_RESERVED', 'MATERIAL_SHORT', 'SUPPLY_FULFILLED', 'SUPPLY_REJECTED', 'REQUEST_SUPPLY',
  'RECHECK_MATERIAL', 'PRINT_RUN_GENERATED', 'PRODUCTION_CONFIRMED', 'DELIVER', 'ACUSE_RECORDED', SLA_EXPIRED,
];

const escalate = { [SLA_EXPIRED]: { actions: 'countEscalation' as const } };

export const procedure1MachineV1 = setup({
  types: {
    context: {} as Procedure1Context,
    events: {} as Procedure1Event,
    input: {} as Procedure1Input,
    meta: {} as StepMeta,
  },
  guards: {
    isFullyEligible: ({ context }) =>
      context.newEligible === context.newRequested &&
      context.continuingEligible === context.continuingRequested &&
      context.newRequested + context.continuingRequested > 0,
    hasValidAdjustment: ({ context, event }) =>
      event.type === 'VALIDATE_PARTIAL' &&
      isNonNegativeInt(event.newApproved) &&
      isNonNegativeInt(event.continuingApproved) &&
      event.newApproved <= context.newEligible &&
      event.continuingApproved <= context.continuingEligible &&
      event.newApproved + event.continuingApproved > 0 &&
      event.newApproved + event.continuingApproved < context.newRequested + context.continuingRequested,
  },
  actions: {
    countEscalation: assign({ escalations: ({ context }) => context.escalations + 1 }),
    countCorrection: assign({ corrections: ({ context }) => context.corrections + 1 }),
    recordEligibility: assign(({ event }) =>
      event.type === 'PROCEDENCIA_CHECKED'
        ? {
            newRequested: event.newRequested,
            continuingRequested: event.continuingRequested,
            newEligible: event.newEligible,
            continuingEligible: event.continuingEligible,
          }
        : {},
    ),
    approveAll: assign(({ context }) => ({ newApproved: context.newEligible, continuingApproved: context.continuingEligible })),
    approveAdjusted: assign(({ event }) =>
      event.type === 'VALIDATE_PARTIAL' ? { newApproved: event.newApproved, continuingApproved: event.continuingApproved } : {},
    ),
    recordReservation: assign(({ event }) =>
      event.type === 'MATERIAL_RESERVED' ? { reservationId: event.reservationId, shortage: null } : {},
    ),
    recordShortage: assign(({ event }) =>
      event.type === 'MATERIAL_SHORT'
        ? { shortage: { teslinSheets: event.teslinSheets, micas: event.micas, holograms: event.holograms } }
        : {},
    ),
    countSupplyRound: assign({ supplyRounds: ({ context }) => context.supplyRounds + 1 }),
    recordPrintRun: assign(({ event }) =>
      event.type === 'PRINT_RUN_GENERATED'
        ? { printRunId: event.printRunId, cardsProduced: event.cards, voidedSlots: event.voidedSlots }
        : {},
    ),
    recordAcuse: assign(({ event }) => (event.type === 'ACUSE_RECORDED' ? { acuseId: event.acuseId } : {})),
  },
}).createMachine({
  id: 'procedure1',
  initial: 'revisionPlaneacion',
  context: ({ input }) => ({
    ...input,
    newEligible: 0,
    continuingEligible: 0,
    newApproved: 0,
    continuingApproved: 0,
    corrections: 0,
    escalations: 0,
    supplyRounds: 0,
    reservationId: null,
    shortage: null,
    printRunId: null,
    cardsProduced: 0,
    voidedSlots: 0,
    acuseId: null,
  }),
  states: {
    revisionPlaneacion: {
      meta: task(
        'EN_REVISION_PLANEACION',
        { key: 'REVISION_PLANEACION', title: 'Revisar el oficio de la escuela', role: 'DRSE_PLANEACION', sla: '3 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { ACCEPT: ['DRSE_PLANEACION'], RETURN: ['DRSE_PLANEACION'], REJECT: ['DRSE_PLANEACION'], WITHDRAW: ['ESCUELA'] },
      ),
      on: {
        ACCEPT: 'verificacionProcedencia',
        RETURN: 'correccionEscuela',
        REJECT: 'rechazada',
        WITHDRAW: 'retirada',
        ...escalate,
      },
    },
    correccionEscuela: {
      meta: task(
        'DEVUELTA_A_ESCUELA',
        { key: 'CORRECCION_ESCUELA', title: 'Corregir y reenviar el oficio', role: 'ESCUELA', sla: '5 days', escalateTo: 'DRSE_PLANEACION' },
        { RESUBMIT: ['ESCUELA'], WITHDRAW: ['ESCUELA'] },
      ),
      on: {
        RESUBMIT: { target: 'revisionPlaneacion', actions: 'countCorrection' },
        WITHDRAW: 'retirada',
        ...escalate,
      },
    },
    verificacionProcedencia: {
      meta: auto('EN_VALIDACION', 'checkProcedencia', { CHECKED: 'PROCEDENCIA_CHECKED' }),
      on: { PROCEDENCIA_CHECKED: { target: 'validacionControlEscolar', actions: 'recordEligibility' } },
    },
    validacionControlEscolar: {
      meta: task(
        'EN_VALIDACION',
        { key: 'VALIDACION_CONTROL_ESCOLAR', title: 'Validar la procedencia de la solicitud', role: 'DRSE_CONTROL_ESCOLAR', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { VALIDATE: ['DRSE_CONTROL_ESCOLAR'], VALIDATE_PARTIAL: ['DRSE_CONTROL_ESCOLAR'], INVALIDATE: ['DRSE_CONTROL_ESCOLAR'], WITHDRAW: ['ESCUELA'] },
      ),
      on: {
        VALIDATE: { guard: 'isFullyEligible', target: 'verificacionMaterial', actions: 'approveAll' },
        VALIDATE_PARTIAL: { guard: 'hasValidAdjustment', target: 'verificacionMaterial', actions: 'approveAdjusted' },
        INVALIDATE: { target: 'correccionEscuela', actions: 'countCorrection' },
        WITHDRAW: 'retirada',
        ...escalate,
      },
    },
    verificacionMaterial: {
      meta: auto('PREPARANDO_MATERIAL', 'reserveRequestMaterial', { RESERVED: 'MATERIAL_RESERVED', SHORT: 'MATERIAL_SHORT' }),
      on: {
        MATERIAL_RESERVED: { target: 'produccion', actions: 'recordReservation' },
        MATERIAL_SHORT: { target: 'esperaAbastecimiento', actions: 'recordShortage' },
      },
    },
    esperaAbastecimiento: {
      meta: child('ESPERANDO_MATERIAL', 'supplyWorkflow', { FULFILLED: 'SUPPLY_FULFILLED', REJECTED: 'SUPPLY_REJECTED', CANCELLED: 'SUPPLY_REJECTED' }),
      entry: 'countSupplyRound',
      on: {
        SUPPLY_FULFILLED: 'verificacionMaterial',
        SUPPLY_REJECTED: 'sinMaterial',
      },
    },
    sinMaterial: {
      meta: task(
        'ESPERANDO_MATERIAL',
        { key: 'SIN_MATERIAL', title: 'Resolver la falta de material', role: 'DRSE_TECNOLOGIAS', sla: '3 days', escalateTo: 'RECURSOS_MATERIALES' },
        { REQUEST_SUPPLY: ['DRSE_TECNOLOGIAS'], RECHECK_MATERIAL: ['DRSE_TECNOLOGIAS'] },
      ),
      on: {
        REQUEST_SUPPLY: 'esperaAbastecimiento',
        RECHECK_MATERIAL: 'verificacionMaterial',
        ...escalate,
      },
    },
    produccion: {
      meta: auto('EN_PRODUCCION', 'generateRequestPrintRun', { GENERATED: 'PRINT_RUN_GENERATED' }),
      on: { PRINT_RUN_GENERATED: { target: 'confirmacionProduccion', actions: 'recordPrintRun' } },
    },
    confirmacionProduccion: {
      meta: task(
        'EN_PRODUCCION',
        { key: 'CONFIRMACION_PRODUCCION', title: 'Imprimir, enmicar y colocar hologramas', role: 'DRSE_CONTROL_ESCOLAR', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { PRODUCTION_CONFIRMED: ['DRSE_CONTROL_ESCOLAR'] },
      ),
      on: { PRODUCTION_CONFIRMED: 'entrega', ...escalate },
    },
    entrega: {
      meta: task(
        'LISTA_PARA_ENTREGA',
        { key: 'ENTREGA', title: 'Entregar credenciales y hologramas a la escuela', role: 'DRSE_CONTROL_ESCOLAR', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { DELIVER: ['DRSE_CONTROL_ESCOLAR'] },
      ),
      on: { DELIVER: 'registroAcuse', ...escalate },
    },
    registroAcuse: {
      meta: auto('LISTA_PARA_ENTREGA', 'recordRequestAcuse', { RECORDED: 'ACUSE_RECORDED' }),
      on: { ACUSE_RECORDED: { target: 'entregada', actions: 'recordAcuse' } },
    },
    entregada: { type: 'final', meta: final('ENTREGADA', 'DELIVERED') },
    rechazada: { type: 'final', meta: final('RECHAZADA', 'REJECTED') },
    retirada: { type: 'final', meta: final('RETIRADA', 'WITHDRAWN') },
  },
});
