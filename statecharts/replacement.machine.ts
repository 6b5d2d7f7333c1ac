import { assign, setup } from 'xstate';
import { auto, final, SLA_EXPIRED, StepMeta, task } from './step-meta';

/** Replacement (reposición, SPEC §4 and R5): report → payment → new card → old folio revoked → delivery. */
export interface ReplacementInput {
  requestId: number;
  schoolId: number;
  drseCode: string;
  studentId: number;
  /** The folio of the card being replaced, as printed (e.g. `2627-0000123-7`). */
  oldFolio: string;
  /** R1: who prints for the school. */
  printRoute: 'DRSE' | 'ESCUELA';
}

export interface ReplacementContext extends ReplacementInput {
  paymentId: number | null;
  paymentAttempts: number;
  printRunId: number | null;
  newFolio: string | null;
  acuseId: number | null;
  escalations: number;
}

export type ReplacementEvent =
  | { type: 'PAYMENT_RECORDED'; paymentId: number }
  | { type: 'WITHDRAW' }
  | { type: 'PAYMENT_VALID' }
  | { type: 'PAYMENT_INVALID' }
  | { type: 'REPLACEMENT_PRODUCED'; printRunId: number; newFolio: string }
  | { type: 'PRODUCTION_CONFIRMED' }
  | { type: 'FOLIO_REVOKED' }
  | { type: 'DELIVER' }
  | { type: 'ACUSE_RECORDED'; acuseId: number }
  | { type: typeof SLA_EXPIRED };

export const REPLACEMENT_EVENT_TYPES: ReplacementEvent['type'][] = [
  'PAYMENT_RECORDED', 'WITHDRAW', 'PAYMENT_VALID', 'PAYMENT_INVALID', 'REPLACEMENT_PRODUCED', 'PRODUCTION_CONFIRMED',
  'FOLIO_REVOKED', 'DELIVER', 'ACUSE_RECORDED', SLA_EXPIRED,
];

const escalate = { [SLA_EXPIRED]: { actions: 'countEscalation' as const } };

export const replacementMachineV1 = setup({
  types: {
    context: {} as ReplacementContext,
    events: {} as ReplacementEvent,
    input: {} as ReplacementInput,
    meta: {} as StepMeta,
  },
  guards: {
    hasPaymentId: ({ event }) => event.type === 'PAYMENT_RECORDED' && Number.isInteger(event.paymentId) && event.paymentId > 0,
    isPrintedByDrse: ({ context }) => context.printRoute === 'DRSE',
  },
  actions: {
    countEscalation: assign({ escalations: ({ context }) => context.escalations + 1 }),
    recordPayment: assign(({ context, event }) =>
      event.type === 'PAYMENT_RECORDED' ? { paymentId: event.paymentId, paymentAttempts: context.paymentAttempts + 1 } : {},
    ),
    recordProduction: assign(({ event }) =>
      event.type === 'REPLACEMENT_PRODUCED' ? { printRunId: event.printRunId, newFolio: event.newFolio } : {},
    ),
    recordAcuse: assign(({ event }) => (event.type === 'ACUSE_RECORDED' ? { acuseId: event.acuseId } : {})),
  },
}).createMachine({
  id: 'replacement',
  initial: 'registroPago',
  context: ({ input }) => ({
    ...input,
    paymentId: null,
    paymentAttempts: 0,
    printRunId: null,
    newFolio: null,
    acuseId: null,
    escalations: 0,
  }),
  states: {
    registroPago: {
      meta: task(
        'ESPERANDO_PAGO',
        { key: 'REGISTRO_PAGO', title: 'Registrar el recibo de pago de la reposición', role: 'ESCUELA', sla: '10 days', escalateTo: 'DRSE_CONTROL_ESCOLAR' },
        { PAYMENT_RECORDED: ['ESCUELA'], WITHDRAW: ['ESCUELA'] },
      ),
      on: {
        PAYMENT_RECORDED: { guard: 'hasPaymentId', target: 'verificacionPago', actions: 'recordPayment' },
        WITHDRAW: 'retirada',
        ...escalate,
      },
    },
    verificacionPago: {
      meta: auto('ESPERANDO_PAGO', 'verifyReplacementPayment', { VALID: 'PAYMENT_VALID', INVALID: 'PAYMENT_INVALID' }),
      on: { PAYMENT_VALID: 'produccion', PAYMENT_INVALID: 'registroPago' },
    },
    produccion: {
      meta: auto('EN_PRODUCCION', 'produceReplacementCard', { PRODUCED: 'REPLACEMENT_PRODUCED' }),
      on: {
        REPLACEMENT_PRODUCED: [
          { guard: 'isPrintedByDrse', target: 'impresionDrse', actions: 'recordProduction' },
          { target: 'impresionEscuela', actions: 'recordProduction' },
        ],
      },
    },
    impresionDrse: {
      meta: task(
        'EN_PRODUCCION',
        { key: 'IMPRESION_REPOSICION', title: 'Imprimir y enmicar la credencial de reposición', role: 'DRSE_CONTROL_ESCOLAR', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { PRODUCTION_CONFIRMED: ['DRSE_CONTROL_ESCOLAR'] },
      ),
      on: { PRODUCTION_CONFIRMED: 'revocacionDrse', ...escalate },
    },
    impresionEscuela: {
      meta: task(
        'EN_PRODUCCION',
        { key: 'IMPRESION_REPOSICION', title: 'Imprimir y enmicar la credencial de reposición', role: 'ESCUELA', sla: '5 days', escalateTo: 'DRSE_CONTROL_ESCOLAR' },
        { PRODUCTION_CONFIRMED: ['ESCUELA'] },
      ),
      on: { PRODUCTION_CONFIRMED: 'revocacionEscuela', ...escalate },
    },
    revocacionDrse: {
      meta: auto('EN_PRODUCCION', 'revokeReplacedFolio', { REVOKED: 'FOLIO_REVOKED' }),
      on: { FOLIO_REVOKED: 'entregaDrse' },
    },
    revocacionEscuela: {
      meta: auto('EN_PRODUCCION', 'revokeReplacedFolio', { REVOKED: 'FOLIO_REVOKED' }),
      on: { FOLIO_REVOKED: 'entregaEscuela' },
    },
    entregaDrse: {
      meta: task(
        'LISTA_PARA_ENTREGA',
        { key: 'ENTREGA_REPOSICION', title: 'Entregar la credencial de reposición a la escuela', role: 'DRSE_CONTROL_ESCOLAR', sla: '5 days', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' },
        { DELIVER: ['DRSE_CONTROL_ESCOLAR'] },
      ),
      on: { DELIVER: 'registroAcuse', ...escalate },
    },
    entregaEscuela: {
      meta: task(
        'LISTA_PARA_ENTREGA',
        { key: 'ENTREGA_REPOSICION', title: 'Entregar la credencial de reposición al alumno', role: 'ESCUELA', sla: '5 days', escalateTo: 'DRSE_CONTROL_ESCOLAR' },
        { DELIVER: ['ESCUELA'] },
      ),
      on: { DELIVER: 'registroAcuse', ...escalate },
    },
    registroAcuse: {
      meta: auto('LISTA_PARA_ENTREGA', 'recordRequestAcuse', { RECORDED: 'ACUSE_RECORDED' }),
      on: { ACUSE_RECORDED: { target: 'entregada', actions: 'recordAcuse' } },
    },
    entregada: { type: 'final', meta: final('ENTREGADA', 'DELIVERED') },
    retirada: { type: 'final', meta: final('RETIRADA', 'WITHDRAWN') },
  },
});
