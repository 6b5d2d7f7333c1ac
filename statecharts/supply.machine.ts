import { assign, setup } from 'xstate';
import { auto, final, isNonNegativeInt, MaterialQuantities, SLA_EXPIRED, StepMeta, task } from './step-meta';

/**
 * Supply replenishment (abastecimiento, SPEC §4): the workflow side of the inventory module's supply
 * tickets. Opened by a DRSE's Tecnologías office or by a procedure waiting for material.
 */
export interface SupplyInput {
  drseCode: string;
  requested: MaterialQuantities;
  /** The request of the procedure that waits on this supply, if any. */
  parentRequestId: number | null;
}

export interface SupplyContext extends SupplyInput {
  ticketId: number | null;
  shipped: MaterialQuantities;
  shipments: number;
  currentShipmentId: number | null;
  /** Quantities of the shipment being recorded (from the SHIP decision). */
  pendingShipment: MaterialQuantities | null;
  escalations: number;
}

export type SupplyEvent =
  | { type: 'TICKET_OPENED'; ticketId: number }
  | { type: 'APPROVE' }
  | { type: 'REJECT' }
  | { type: 'CANCEL' }
  | { type: 'TICKET_DECIDED' }
  | ({ type: 'SHIP' } & MaterialQuantities)
  | { type: 'SHIPMENT_RECORDED'; shipmentId: number }
  | { type: 'CONFIRM_RECEIPT' }
  | ({ type: 'RECEIPT_RECORDED'; complete: boolean } & MaterialQuantities)
  | { type: typeof SLA_EXPIRED };

export const SUPPLY_EVENT_TYPES: SupplyEvent['type'][] = [
  'TICKET_OPENED', 'APPROVE', 'REJECT', 'CANCEL', 'TICKET_DECIDED', 'SHIP', 'SHIPMENT_RECORDED', 'CONFIRM_RECEIPT',
  'RECEIPT_RECORDED', SLA_EXPIRED,
];

const ITEMS = ['teslinSheets', 'micas', 'holograms'] as const;
const escalate = { [SLA_EXPIRED]: { actions: 'countEscalation' as const } };

export const supplyMachineV1 = setup({
  types: {
    context: {} as SupplyContext,
    events: {} as SupplyEvent,
    input: {} as SupplyInput,
    meta: {} as StepMeta,
  },
  guards: {
    /** Whole quantities, something to ship, and no more than is still owed (requested − received). */
    hasShipmentQuantities: ({ context, event }) =>
      event.type === 'SHIP' &&
      ITEMS.every((k) => isNonNegativeInt(event[k]) && event[k] <= context.requested[k] - context.shipped[k]) &&
      event.teslinSheets + event.micas + event.holograms > 0,
    isComplete: ({ event }) => event.type === 'RECEIPT_RECORDED' && event.complete,
  },
  actions: {
    countEscalation: assign({ escalations: ({ context }) => context.escalations + 1 }),
    recordPendingShipment: assign(({ event }) =>
      event.type === 'SHIP' ? { pendingShipment: { teslinSheets: event.teslinSheets, micas: event.micas, holograms: event.holograms } } : {},
    ),
    recordTicket: assign(({ event }) => (event.type === 'TICKET_OPENED' ? { ticketId: event.ticketId } : {})),
    supplyRecordShipment: assign(({ context, event }) =>
      event.type === 'SHIPMENT_RECORDED' ? { currentShipmentId: event.shipmentId, shipments: context.shipments + 1, pendingShipment: null } : {},
    ),
    recordReceipt: assign(({ event }) =>
      event.type === 'RECEIPT_RECORDED'
        ? { shipped: { teslinSheets: event.teslinSheets, micas: event.micas, holograms: event.holograms }, currentShipmentId: null }
        : {},
    ),
  },
}).createMachine({
  id: 'supply',
  initial: 'apertura',
  context: ({ input }) => ({
    ...input,
    requested: { ...input.requested },
    ticketId: null,
    shipped: { teslinSheets: 0, micas: 0, holograms: 0 },
    shipments: 0,
    currentShipmentId: null,
    pendingShipment: null,
    escalations: 0,
  }),
  states: {
    apertura: {
      meta: auto('EN_REVISION_CENTRAL', 'supplyOpenTicket', { OPENED: 'TICKET_OPENED' }),
      on: { TICKET_OPENED: { target: 'revisionCentral', actions: 'recordTicket' } },
    },
    revisionCentral: {
      meta: task(
        'EN_REVISION_CENTRAL',
        { key: 'REVISION_CENTRAL', title: 'Revisar la solicitud de abastecimiento', role: 'CONTROL_ESCOLAR_CENTRAL', sla: '3 days', escalateTo: 'ADMIN' },
        // Central review: Control Escolar central (the task's owner) or Recursos Materiales, who also
        // reviews tickets a DRSE opens directly (/supply-tickets/:id/approve routes here for this ticket).
        { APPROVE: ['CONTROL_ESCOLAR_CENTRAL', 'RECURSOS_MATERIALES'], REJECT: ['CONTROL_ESCOLAR_CENTRAL', 'RECURSOS_MATERIALES'], CANCEL: ['DRSE_TECNOLOGIAS'] },
      ),
      on: { APPROVE: 'aprobacion', REJECT: 'registroRechazo', CANCEL: 'registroCancelacion', ...escalate },
    },
    aprobacion: {
      meta: auto('EN_SURTIDO', 'supplyApproveTicket', { DONE: 'TICKET_DECIDED' }),
      on: { TICKET_DECIDED: 'surtido' },
    },
    registroRechazo: {
      meta: auto('RECHAZADA', 'supplyRejectTicket', { DONE: 'TICKET_DECIDED' }),
      on: { TICKET_DECIDED: 'rechazada' },
    },
    registroCancelacion: {
      meta: auto('CANCELADA', 'supplyCancelTicket', { DONE: 'TICKET_DECIDED' }),
      on: { TICKET_DECIDED: 'cancelada' },
    },
    surtido: {
      meta: task(
        'EN_SURTIDO',
        { key: 'SURTIDO', title: 'Surtir el abastecimiento (envío total o parcial)', role: 'RECURSOS_MATERIALES', sla: '10 days', escalateTo: 'ADMIN' },
        { SHIP: ['RECURSOS_MATERIALES'] },
      ),
      on: { SHIP: { guard: 'hasShipmentQuantities', target: 'registroEnvio', actions: 'recordPendingShipment' }, ...escalate },
    },
    registroEnvio: {
      meta: auto('EN_SURTIDO', 'supplyRecordShipment', { RECORDED: 'SHIPMENT_RECORDED' }),
      on: { SHIPMENT_RECORDED: { target: 'recepcion', actions: 'supplyRecordShipment' } },
    },
    recepcion: {
      meta: task(
        'EN_RECEPCION',
        { key: 'RECEPCION', title: 'Confirmar la recepción del envío (acuse)', role: 'DRSE_TECNOLOGIAS', sla: '3 days', escalateTo: 'RECURSOS_MATERIALES' },
        { CONFIRM_RECEIPT: ['DRSE_TECNOLOGIAS'] },
      ),
      on: { CONFIRM_RECEIPT: 'registroRecepcion', ...escalate },
    },
    registroRecepcion: {
      meta: auto('EN_RECEPCION', 'supplyConfirmReceipt', { RECORDED: 'RECEIPT_RECORDED' }),
      on: {
        RECEIPT_RECORDED: [
          { guard: 'isComplete', target: 'surtida', actions: 'recordReceipt' },
          { target: 'surtido', actions: 'recordReceipt' },
        ],
      },
    },
    surtida: { type: 'final', meta: final('SURTIDA', 'FULFILLED') },
    rechazada: { type: 'final', meta: final('RECHAZADA', 'REJECTED') },
    cancelada: { type: 'final', meta: final('CANCELADA', 'CANCELLED') },
  },
});
