import { assign, setup } from 'xstate';
import { auto, child, final, isNonNegativeInt, MaterialQuantities, SLA_EXPIRED, StepMeta, task } from './step-meta';

/** Procedure 2 (SPEC §4): a school that prints on site asks its DRSE for material. */
export interface Procedure2Input {
  requestId: number;
  schoolId: number;
  drseCode: string;
  requested: MaterialQuantities;
}

export interface Procedure2Context extends Procedure2Input {
  allowed: MaterialQuantities;
  approved: MaterialQuantities;
  corrections: number;
  escalations: number;
  supplyRounds: number;
  reservationId: number | null;
  shortage: MaterialQuantities | null;
  acuseId: number | null;
}

export type Procedure2Event =
  | { type: 'ACCEPT' }
  | { type: 'RETURN' }
  | { type: 'REJECT' }
  | { type: 'RESUBMIT' }
  | { type: 'WITHDRAW' }
  | { type: 'JUSTIFICATION_CHECKED'; requested: MaterialQuantities; allowed: MaterialQuantities }
  | { type: 'VALIDATE' }
  | ({ type: 'VALIDATE_PARTIAL' } & MaterialQuantities)
  | { type: 'INVALIDATE' }
  | { type: 'MATERIAL_RESERVED'; reservationId: number }
  | ({ type: 'MATERIAL_SHORT' } & MaterialQuantities)
  | { type: 'SUPPLY_FULFILLED' }
  | { type: 'SUPPLY_REJECTED' }
  | { type: 'REQUEST_SUPPLY' }
  | { type: 'RECHECK_MATERIAL' }
  | { type: 'DELIVER' }
  | { type: 'ACUSE_RECORDED'; acuseId: number }
  | { type: typeof SLA_EXPIRED };

export const PROCEDURE2_EVENT_TYPES: Procedure2Event['type'][] = [
  'ACCEPT', 'RETURN', 'REJECT', 'RESUBMIT', 'WITHDRAW', 'JUSTIFICATION_CHECKED', 'VALIDATE', 'VALIDATE_PARTIAL',
  'INVALIDATE', 'MATERIAL_RESERVED', 'MATERIAL_SHORT', 'SUPPLY_FULFILLED', 'SUPPLY_REJECTED', 'REQUEST_SUPPLY',
  'RECHECK_MATERIAL', 'DELIVER', 'ACUSE_RECORDED', SLA_EXPIRED,
];

const ITEMS = ['teslinSheets', 'micas', 'holograms'] as const;
const ZERO: MaterialQuantities = { teslinSheets: 0, micas: 0, holograms: 0 };
const total = (q: MaterialQuantities) => q.teslinSheets + q.micas + q.holograms;
const escalate = { [SLA_EXPIRED]: { actions: 'countEscalation' as const } };

export const procedure2MachineV1 = setup({
  types: {
    context: {} as Procedure2Context,
    events: {} as Procedure2Event,
    input: {} as Procedure2Input,
    meta: {} as StepMeta,
  },
  guards: {
    isWithinAllowed: ({ context }) =>
      total(context.requested) > 0 && ITEMS.every((k) => context.requested[k] <= context.allowed[k]),
    hasValidAdjustment: ({ context, event }) =>
      event.type === 'VALIDATE_PARTIAL' &&
      ITEMS.every((k) => isNonNegativeInt(event[k]) && event[k] <= Math.min(context.requested[k], context.allowed[k])) &&
      total(event) > 0 &&
      total(event) < total(context.requested),
  },
  actions: {
    countEscalation: assign({ escalations: ({ context }) => context.escalations + 1 }),
    countCorrection: assign({ corrections: ({ context }) => context.corrections + 1 }),
    recordCheck: assign(({ event }) =>
      event.type === 'JUSTIFICATION_CHECKED' ? { requested: { ...event.requested }, allowed: { ...event.allowed } } : {},
    ),
    approveAll: assign(({ context }) => ({ approved: { ...context.requested } })),
    approveAdjusted: assign(({ event }) =>
      event.type === 'VALIDATE_PARTIAL'
        ? { approved: { teslinSheets: event.teslinSheets, micas: event.micas, holograms: event.holograms } }
        : {},
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
    recordAcuse: assign(({ event }) => (event.type === 'ACUSE_RECORDED' ? { acuseId: event.acuseId } : {})),
  },
}).createMachine({
  id: 'procedure2',
  initial: 'revisionPlaneacion',
  context: ({ input }) => ({
    ...input,
    requested: { ...input.requested },
    allowed: { ...ZERO },
    approved: { ...ZERO },
    corrections: 0,
    escalations: 0,
    supplyRounds: 0,
    reservationId: null,
    shortage: null,
    acuseId: null,
  }),
  states: {
    revisionPlaneacion: {
      meta: task(
        'EN_REVISION_PLANEACION',
        { key: 'REVISION_PLANEACION', title: 'Revisar el oficio de solicitud de material', role: 'DRSE_PLANEACION', sla: '3 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { ACCEPT: ['DRSE_PLANEACION'], RETURN: ['DRSE_PLANEACION'], REJECT: ['DRSE_PLANEACION'], WITHDRAW: ['ESCUELA'] },
      ),
      on: { ACCEPT: 'verificacionJustificacion', RETURN: 'correccionEscuela', REJECT: 'rechazada', WITHDRAW: 'retirada', ...escalate },
    },
    correccionEscuela: {
      meta: task(
        'DEVUELTA_A_ESCUELA',
        { key: 'CORRECCION_ESCUELA', title: 'Corregir y reenviar el oficio', role: 'ESCUELA', sla: '5 days', escalateTo: 'DRSE_PLANEACION' },
        { RESUBMIT: ['ESCUELA'], WITHDRAW: ['ESCUELA'] },
      ),
      on: { RESUBMIT: { target: 'revisionPlaneacion', actions: 'countCorrection' }, WITHDRAW: 'retirada', ...escalate },
    },
    verificacionJustificacion: {
      meta: auto('EN_VALIDACION', 'checkMaterialJustification', { CHECKED: 'JUSTIFICATION_CHECKED' }),
      on: { JUSTIFICATION_CHECKED: { target: 'validacionControlEscolar', actions: 'recordCheck' } },
    },
    validacionControlEscolar: {
      meta: task(
        'EN_VALIDACION',
        { key: 'VALIDACION_CONTROL_ESCOLAR', title: 'Validar la solicitud contra matrícula y consumo', role: 'DRSE_CONTROL_ESCOLAR', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { VALIDATE: ['DRSE_CONTROL_ESCOLAR'], VALIDATE_PARTIAL: ['DRSE_CONTROL_ESCOLAR'], INVALIDATE: ['DRSE_CONTROL_ESCOLAR'], WITHDRAW: ['ESCUELA'] },
      ),
      on: {
        VALIDATE: { guard: 'isWithinAllowed', target: 'verificacionExistencias', actions: 'approveAll' },
        VALIDATE_PARTIAL: { guard: 'hasValidAdjustment', target: 'verificacionExistencias', actions: 'approveAdjusted' },
        INVALIDATE: { target: 'correccionEscuela', actions: 'countCorrection' },
        WITHDRAW: 'retirada',
        ...escalate,
      },
    },
    verificacionExistencias: {
      meta: auto('PREPARANDO_MATERIAL', 'reserveRequestMaterial', { RESERVED: 'MATERIAL_RESERVED', SHORT: 'MATERIAL_SHORT' }),
      on: {
        MATERIAL_RESERVED: { target: 'entrega', actions: 'recordReservation' },
        MATERIAL_SHORT: { target: 'esperaAbastecimiento', actions: 'recordShortage' },
      },
    },
    esperaAbastecimiento: {
      meta: child('ESPERANDO_MATERIAL', 'supplyWorkflow', { FULFILLED: 'SUPPLY_FULFILLED', REJECTED: 'SUPPLY_REJECTED', CANCELLED: 'SUPPLY_REJECTED' }),
      entry: 'countSupplyRound',
      on: { SUPPLY_FULFILLED: 'verificacionExistencias', SUPPLY_REJECTED: 'sinMaterial' },
    },
    sinMaterial: {
      meta: task(
        'ESPERANDO_MATERIAL',
        { key: 'SIN_MATERIAL', title: 'Resolver la falta de material', role: 'DRSE_TECNOLOGIAS', sla: '3 days', escalateTo: 'RECURSOS_MATERIALES' },
        { REQUEST_SUPPLY: ['DRSE_TECNOLOGIAS'], RECHECK_MATERIAL: ['DRSE_TECNOLOGIAS'] },
      ),
      on: { REQUEST_SUPPLY: 'esperaAbastecimiento', RECHECK_MATERIAL: 'verificacionExistencias', ...escalate },
    },
    entrega: {
      meta: task(
        'LISTA_PARA_ENTREGA',
        { key: 'ENTREGA', title: 'Entregar el material a la escuela', role: 'DRSE_TECNOLOGIAS', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { DELIVER: ['DRSE_TECNOLOGIAS'] },
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
