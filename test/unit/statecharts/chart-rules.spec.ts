import { AnyStateMachine, createMachine } from 'xstate';
import {
  allowedDecisions,
  chartFor,
  CHARTS,
  procedure1MachineV1 as p1,
  procedure1MachineV3,
  procedure2MachineV1 as p2,
  replacementMachineV1 as rep,
  stateName,
  stepMeta,
  supplyMachineV1 as supply,
  task,
} from '../../../statecharts';
import { at, walk } from './chart-test-kit';

type Assignment = (args: { context: Record<string, unknown>; event: { type: string } & Record<string, unknown> }) => unknown;
type Guard = (args: { context: Record<string, unknown>; event: { type: string } & Record<string, unknown> }) => boolean;

const guard = (machine: AnyStateMachine, name: string) => (machine.implementations.guards as Record<string, Guard>)[name];

/** Actions that do not read the event: they apply whatever the transition that runs them. */
const EVENT_INDEPENDENT = new Set(['approveAll', 'clearIncident']);

describe('every chart action and guard', () => {
  const machines = Object.values(CHARTS).flatMap((versions) => Object.values(versions));

  it('an action that reads its event changes nothing for an event it does not handle', () => {
    const checked: string[] = [];
    for (const machine of machines) {
      for (const [name, action] of Object.entries(machine.implementations.actions as Record<string, { assignment?: unknown }>)) {
        if (typeof action.assignment !== 'function' || EVENT_INDEPENDENT.has(name)) continue;
        const changed = (action.assignment as Assignment)({ context: { incidents: 0, paymentAttempts: 0, shipments: 0 }, event: { type: 'OTRO', acuseId: 1, paymentId: 1, ticketId: 1, shipmentId: 1 } });
        expect({ name, changed }).toEqual({ name, changed: {} });
        checked.push(name);
      }
    }
    expect(new Set(checked)).toEqual(
      new Set(['recordEligibility', 'approveAdjusted', 'recordReservation', 'recordShortage', 'recordPrintRun', 'recordAcuse', 'recordCheck', 'recordPayment', 'recordProduction', 'recordPendingShipment', 'recordTicket', 'supplyRecordShipment', 'recordReceipt', 'recordIncident']),
    );
  });

  it.each([
    [p1, 'hasValidAdjustment', { type: 'VALIDATE', newApproved: 1, continuingApproved: 0 }],
    [p2, 'hasValidAdjustment', { type: 'VALIDATE', teslinSheets: 1, micas: 0, holograms: 0 }],
    [rep, 'hasPaymentId', { type: 'WITHDRAW', paymentId: 4 }],
    [supply, 'hasShipmentQuantities', { type: 'APPROVE', teslinSheets: 1, micas: 0, holograms: 0 }],
    [supply, 'isComplete', { type: 'CONFIRM_RECEIPT', complete: true }],
  ] as const)('%#: a guard on event data refuses any other event carrying the same data', (machine, name, event) => {
    const context = { newEligible: 5, continuingEligible: 5, newRequested: 5, continuingRequested: 5, requested: { teslinSheets: 5, micas: 5, holograms: 5 }, allowed: { teslinSheets: 5, micas: 5, holograms: 5 }, shipped: { teslinSheets: 0, micas: 0, holograms: 0 } };
    expect(guard(machine as AnyStateMachine, name)({ context, event: { ...event } })).toBe(false);
  });

  it.each([
    ['PROCEDURE_1', p1Input(), []],
    ['PROCEDURE_2', { requestId: 1, schoolId: 2, drseCode: 'SUR', requested: { teslinSheets: 1, micas: 8, holograms: 8 } }, []],
    ['REPLACEMENT', { requestId: 9, schoolId: 2, drseCode: 'NORTE', studentId: 5, oldFolio: null, printRoute: 'DRSE' }, []],
    ['SUPPLY', { drseCode: 'NORTE', requested: { teslinSheets: 1, micas: 0, holograms: 0 }, parentRequestId: null }, [{ type: 'TICKET_OPENED', ticketId: 2 }]],
    ['SUPPORT', { requestId: 3, kind: 'SISTEMA', drseCode: 'NORTE', schoolId: 2, opener: 'ESCUELA' }, [{ type: 'TICKET_RECEIVED' }]],
  ] as const)('%s: each expired deadline of a task is counted once', (procedure, input, before) => {
    for (const machine of Object.values(CHARTS[procedure])) {
      const once = walk(machine, input, [...before, { type: 'SLA_EXPIRED' }]);
      const twice = walk(machine, input, [...before, { type: 'SLA_EXPIRED' }, { type: 'SLA_EXPIRED' }]);
      expect([once.context.escalations, twice.context.escalations]).toEqual([1, 2]);
    }
  });
});

function p1Input() {
  return { requestId: 7, schoolId: 3, drseCode: 'VALLES', newRequested: 5, continuingRequested: 5 };
}

describe('Procedure 1 validation rules', () => {
  const checked = (o: Partial<Record<'newRequested' | 'continuingRequested' | 'newEligible' | 'continuingEligible', number>>) => ({
    type: 'PROCEDENCIA_CHECKED', newRequested: 5, continuingRequested: 5, newEligible: 5, continuingEligible: 5, ...o,
  });
  const validating = (o: Parameters<typeof checked>[0] = {}) => walk(p1, p1Input(), [{ type: 'ACCEPT' }, checked(o)]);

  it('validates fully only when every requested student qualifies, of both kinds, and something was requested', () => {
    expect(validating().can({ type: 'VALIDATE' })).toBe(true);
    expect(validating({ continuingEligible: 4 }).can({ type: 'VALIDATE' })).toBe(false);
    expect(validating({ newEligible: 4 }).can({ type: 'VALIDATE' })).toBe(false);
    expect(validating({ newRequested: 0, continuingRequested: 0, newEligible: 0, continuingEligible: 0 }).can({ type: 'VALIDATE' })).toBe(false);
    expect(validating({ newRequested: 0, newEligible: 0 }).can({ type: 'VALIDATE' })).toBe(true);
  });

  it('a partial validation approves up to the eligible of each kind, something, and less than everything requested', () => {
    const s = validating({ newEligible: 3, continuingEligible: 2 });
    const partial = (newApproved: number, continuingApproved: number) => s.can({ type: 'VALIDATE_PARTIAL', newApproved, continuingApproved });
    expect(partial(3, 2)).toBe(true);
    expect(partial(1, 1)).toBe(true);
    expect(partial(0, 1)).toBe(true);
    expect(partial(3, 3)).toBe(false);
    expect(partial(4, 0)).toBe(false);
    expect(partial(0, 0)).toBe(false);
    expect(partial(1.5, 0)).toBe(false);
    const full = validating();
    expect(full.can({ type: 'VALIDATE_PARTIAL', newApproved: 5, continuingApproved: 5 })).toBe(false);
    expect(full.can({ type: 'VALIDATE_PARTIAL', newApproved: 5, continuingApproved: 4 })).toBe(true);
  });
});

describe('Procedure 2 validation rules', () => {
  const input = (requested: Record<'teslinSheets' | 'micas' | 'holograms', number>) => ({ requestId: 1, schoolId: 2, drseCode: 'SUR', requested });
  const checkedWith = (requested: Record<'teslinSheets' | 'micas' | 'holograms', number>, allowed: Record<'teslinSheets' | 'micas' | 'holograms', number>) =>
    walk(p2, input(requested), [{ type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested, allowed }]);
  const q = (teslinSheets: number, micas: number, holograms: number) => ({ teslinSheets, micas, holograms });

  it('starts with what was requested and nothing allowed or approved', () => {
    expect(walk(p2, input(q(2, 16, 16)), []).context).toMatchObject({ requested: q(2, 16, 16), allowed: q(0, 0, 0), approved: q(0, 0, 0) });
  });

  it('validates fully a non-empty request within the ceiling of every item (equal is within)', () => {
    expect(checkedWith(q(0, 5, 5), q(0, 5, 5)).can({ type: 'VALIDATE' })).toBe(true);
    expect(checkedWith(q(5, 5, 0), q(5, 5, 0)).can({ type: 'VALIDATE' })).toBe(true);
    expect(checkedWith(q(0, 0, 0), q(5, 5, 5)).can({ type: 'VALIDATE' })).toBe(false);
    expect(checkedWith(q(1, 6, 5), q(5, 5, 5)).can({ type: 'VALIDATE' })).toBe(false);
  });

  it('a partial validation approves something, and less than requested in all', () => {
    const s = checkedWith(q(2, 16, 16), q(2, 16, 16));
    expect(s.can({ type: 'VALIDATE_PARTIAL', ...q(0, 0, 0) })).toBe(false);
    expect(s.can({ type: 'VALIDATE_PARTIAL', ...q(2, 16, 16) })).toBe(false);
    expect(s.can({ type: 'VALIDATE_PARTIAL', ...q(2, 16, 15) })).toBe(true);
  });

  it('a shortage records what is missing of each item, and each supply round is counted', () => {
    const short = { type: 'MATERIAL_SHORT', teslinSheets: 1, micas: 3, holograms: 0 };
    const waiting = walk(p2, input(q(2, 16, 16)), [{ type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: q(2, 16, 16), allowed: q(2, 16, 16) }, { type: 'VALIDATE' }, short]);
    expect(waiting.context).toMatchObject({ shortage: q(1, 3, 0), supplyRounds: 1 });
    const again = walk(p2, input(q(2, 16, 16)), [
      { type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: q(2, 16, 16), allowed: q(2, 16, 16) }, { type: 'VALIDATE' }, short, { type: 'SUPPLY_REJECTED' }, { type: 'REQUEST_SUPPLY' },
    ]);
    expect(again.context.supplyRounds).toBe(2);
  });
});

describe('replacement and supply rules', () => {
  it('a payment is recorded only with a positive whole receipt id', () => {
    const s = walk(rep, { requestId: 9, schoolId: 2, drseCode: 'NORTE', studentId: 5, oldFolio: null, printRoute: 'DRSE' }, []);
    expect(s.can({ type: 'PAYMENT_RECORDED', paymentId: 2.5 })).toBe(false);
    expect(s.can({ type: 'PAYMENT_RECORDED', paymentId: 0 })).toBe(false);
    expect(s.can({ type: 'PAYMENT_RECORDED', paymentId: 3 })).toBe(true);
  });

  it('a shipment of micas and holograms only is a shipment', () => {
    const s = walk(supply, { drseCode: 'NORTE', requested: { teslinSheets: 0, micas: 8, holograms: 8 }, parentRequestId: null }, [
      { type: 'TICKET_OPENED', ticketId: 2 }, { type: 'APPROVE' }, { type: 'TICKET_DECIDED' },
    ]);
    expect(s.can({ type: 'SHIP', teslinSheets: 0, micas: 1, holograms: 1 })).toBe(true);
  });
});

describe('step meta and the registry', () => {
  it('a chart state must carry exactly one meta, and charts are flat', () => {
    const bare = createMachine({ initial: 'a', states: { a: {} } });
    expect(() => stepMeta(walk(bare, undefined, []))).toThrow('must carry exactly one meta');
    const nested = createMachine({ initial: 'a', states: { a: { meta: task('ENTREGADA', { key: 'K', title: 'T', role: 'ADMIN', sla: '1 day', escalateTo: 'ADMIN' }, {}), initial: 'b', states: { b: { meta: { kind: 'final', status: 'ENTREGADA', outcome: 'X' } } } } } });
    expect(() => stepMeta(walk(nested, undefined, []))).toThrow('must carry exactly one meta');
    expect(() => stateName(walk(nested, undefined, []))).toThrow('Procedure charts are flat');
    expect(stateName(at(p1, 'entrega', {}))).toBe('entrega');
  });

  it('decisions without roles are offered to nobody', () => {
    const m = createMachine({ initial: 'a', states: { a: { meta: task('ENTREGADA', { key: 'K', title: 'T', role: 'ADMIN', sla: '1 day', escalateTo: 'ADMIN' }, { X: undefined, Y: ['ADMIN'] }) } } });
    expect(allowedDecisions(walk(m, undefined, []))).toEqual({ ADMIN: ['Y'] });
  });

  it('finds a registered chart version and refuses an unknown one', () => {
    expect(chartFor('PROCEDURE_1', 3)).toBe(procedure1MachineV3);
    expect(() => chartFor('SUPPLY', 99)).toThrow('No chart SUPPLY v99');
    expect(() => chartFor('NOPE' as never, 1)).toThrow('No chart NOPE v1');
  });
});
