import { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import {
  AutoMeta,
  CHARTS,
  LATEST_CHART_VERSION,
  ProcedureName,
  PROCEDURES,
  publicStatus,
  replacementMachineV1,
  replacementMachineV3,
  stateName,
  stepMeta,
  supplyMachineV1,
  supplyMachineV2,
  TaskMeta,
} from '../../../statecharts';
import { walk } from './chart-test-kit';

const failed = (step: string) => ({ type: 'STEP_FAILED', step, reason: 'La fotografía del alumno no es legible.', errorType: 'DomainError' });
const meta = (s: AnyMachineSnapshot) => stepMeta(s) as TaskMeta;

/** Same states and statuses, step by step, on v1 and v2 (v2 only adds incident paths). */
function samePath(v1: AnyStateMachine, v2: AnyStateMachine, input: unknown, events: Array<{ type: string } & Record<string, unknown>>) {
  for (let i = 0; i <= events.length; i++) {
    const a = walk(v1, input, events.slice(0, i));
    const b = walk(v2, input, events.slice(0, i));
    expect([stateName(b), publicStatus(b)]).toEqual([stateName(a), publicStatus(a)]);
  }
}

describe('every latest chart', () => {
  it.each(PROCEDURES.map((p) => [p] as [ProcedureName]))('%s: every automatic step maps its failure to an incident task whose RETRY runs it again', (procedure) => {
    const machine = CHARTS[procedure][LATEST_CHART_VERSION[procedure]];
    const autos = Object.entries(machine.states).filter(([, node]) => (node.config.meta as AutoMeta | undefined)?.kind === 'auto');
    expect(autos.length).toBeGreaterThan(0);
    for (const [name, node] of autos) {
      const outcomes = (node.config.meta as AutoMeta).outcomes;
      expect({ name, failed: outcomes.FAILED }).toEqual({ name, failed: 'STEP_FAILED' });
      const target = (node.config.on as Record<string, { target: string }>).STEP_FAILED.target;
      const incident = machine.states[target].config.meta as TaskMeta;
      expect({ name, status: incident.status, incident: incident.incident }).toEqual({ name, status: 'CON_INCIDENTE', incident: true });
      // RETRY runs the step again; a failed compensation restarts the compensation from its first (idempotent) step.
      const retry = (machine.states[target].config.on as Record<string, { target: string }>).RETRY.target;
      const compensation = (node.config.meta as AutoMeta).status === 'EN_CANCELACION';
      const expected = compensation && (machine.states[retry].config.meta as AutoMeta).status === 'EN_CANCELACION' ? retry : name;
      expect({ name, retry }).toEqual({ name, retry: expected });
    }
  });
});

describe('supplyMachineV2', () => {
  const input = { drseCode: 'NORTE', requested: { teslinSheets: 10, micas: 80, holograms: 0 }, parentRequestId: 5 };
  const opened = { type: 'TICKET_OPENED', ticketId: 21 };
  const toShipment = [opened, { type: 'APPROVE' }, { type: 'TICKET_DECIDED' }, { type: 'SHIP', teslinSheets: 10, micas: 80, holograms: 0 }];

  it('keeps v1 paths: fulfilled, rejected, cancelled', () => {
    samePath(supplyMachineV1, supplyMachineV2, input, [
      ...toShipment, { type: 'SHIPMENT_RECORDED', shipmentId: 1 }, { type: 'CONFIRM_RECEIPT' },
      { type: 'RECEIPT_RECORDED', complete: true, teslinSheets: 10, micas: 80, holograms: 0 },
    ]);
    samePath(supplyMachineV1, supplyMachineV2, input, [opened, { type: 'REJECT' }, { type: 'TICKET_DECIDED' }]);
    samePath(supplyMachineV1, supplyMachineV2, input, [opened, { type: 'CANCEL' }, { type: 'TICKET_DECIDED' }]);
  });

  it('a ticket that could not be opened is an incident for Tecnologías: retried, or cancelled with a reason (nothing to undo)', () => {
    const snap = walk(supplyMachineV2, input, [failed('apertura')]);
    expect([stateName(snap), publicStatus(snap), meta(snap).task.role]).toEqual(['incidenteApertura', 'CON_INCIDENTE', 'DRSE_TECNOLOGIAS']);
    expect(Object.keys(meta(snap).decisions).sort()).toEqual(['CANCEL', 'RETRY']);
    expect(meta(snap).commentRequired).toEqual(['CANCEL']);
    expect(stateName(walk(supplyMachineV2, input, [failed('apertura'), { type: 'RETRY' }]))).toBe('apertura');
    const cancelled = walk(supplyMachineV2, input, [failed('apertura'), { type: 'CANCEL' }]);
    expect([cancelled.status, publicStatus(cancelled)]).toEqual(['done', 'CANCELADA']);
    expect(stepMeta(cancelled)).toMatchObject({ outcome: 'CANCELLED' });
  });

  it.each([
    ['aprobacion', [opened, { type: 'APPROVE' }], 'CONTROL_ESCOLAR_CENTRAL'],
    ['registroEnvio', toShipment, 'RECURSOS_MATERIALES'],
    ['registroRecepcion', [...toShipment, { type: 'SHIPMENT_RECORDED', shipmentId: 1 }, { type: 'CONFIRM_RECEIPT' }], 'DRSE_TECNOLOGIAS'],
  ] as const)('a failure of %s is an incident for %s that can only be retried, keeping what the decision carried', (step, before, role) => {
    const snap = walk(supplyMachineV2, input, [...(before as unknown as never[]), failed(step)]);
    expect([publicStatus(snap), meta(snap).task.role]).toEqual(['CON_INCIDENTE', role]);
    expect(Object.keys(meta(snap).decisions)).toEqual(['RETRY']);
    const again = walk(supplyMachineV2, input, [...(before as unknown as never[]), failed(step), { type: 'RETRY' }]);
    expect(stateName(again)).toBe(step);
    expect(again.context).toMatchObject({ incident: null, incidents: 1 });
    if (step === 'registroEnvio') expect(again.context.pendingShipment).toEqual({ teslinSheets: 10, micas: 80, holograms: 0 });
  });
});

describe('replacementMachineV3', () => {
  const input = { requestId: 9, schoolId: 2, drseCode: 'NORTE', studentId: 5, oldFolio: '2627-0000001-3', printRoute: 'ESCUELA' as const };
  const paid = { type: 'PAYMENT_RECORDED', paymentId: 3 };
  const produced = { type: 'REPLACEMENT_PRODUCED', printRunId: 8, newFolio: '2627-0000002-1' };

  it('keeps v1 paths for both print routes and the invalid payment, up to the acuse', () => {
    const rest = [{ type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }, { type: 'FOLIO_REVOKED' }, { type: 'DELIVER' }];
    samePath(replacementMachineV1, replacementMachineV3, input, [paid, ...rest]);
    samePath(replacementMachineV1, replacementMachineV3, { ...input, printRoute: 'DRSE' }, [paid, ...rest]);
    samePath(replacementMachineV1, replacementMachineV3, input, [paid, { type: 'PAYMENT_INVALID' }, { type: 'WITHDRAW' }]);
  });

  it.each([
    ['ESCUELA', 'esperaAcuseEscuela', 'ESCUELA', 'DRSE_CONTROL_ESCOLAR'],
    ['DRSE', 'esperaAcuseDrse', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL'],
  ] as const)('printed by %s: the signed acuse is collected by whoever printed (%s), and only it delivers', (printRoute, state, role, escalateTo) => {
    const path = [paid, { type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }, { type: 'FOLIO_REVOKED' }, { type: 'DELIVER' }, { type: 'ACUSE_RECORDED', acuseId: 4 }];
    const waiting = walk(replacementMachineV3, { ...input, printRoute }, path as never[]);
    expect([stateName(waiting), publicStatus(waiting), waiting.context.acuseId]).toEqual([state, 'ESPERANDO_ACUSE', 4]);
    expect(meta(waiting).task).toMatchObject({ key: 'ACUSE_FIRMADO', role, sla: '5 days', escalateTo });
    expect(meta(waiting).decisions).toEqual({ ACUSE_SIGNED: [role] });
    expect(waiting.can({ type: 'DELIVER' } as never)).toBe(false);
    const done = walk(replacementMachineV3, { ...input, printRoute }, [...path, { type: 'ACUSE_SIGNED' }] as never[]);
    expect([done.status, publicStatus(done)]).toEqual(['done', 'ENTREGADA']);
  });

  it.each([
    ['verificacionPago', [paid]],
    ['produccion', [paid, { type: 'PAYMENT_VALID' }]],
    ['revocacionEscuela', [paid, { type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }]],
    ['registroAcuse', [paid, { type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }, { type: 'FOLIO_REVOKED' }, { type: 'DELIVER' }]],
  ] as const)('a failure of %s is an incident for the DRSE\'s Control Escolar, with the reason, resolved by retrying (no cancellation after payment)', (step, before) => {
    const snap = walk(replacementMachineV3, input, [...(before as unknown as never[]), failed(step)]);
    expect([publicStatus(snap), meta(snap).task.role, meta(snap).task.escalateTo]).toEqual(['CON_INCIDENTE', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL']);
    expect(meta(snap).decisions).toEqual({ RETRY: ['DRSE_CONTROL_ESCOLAR'] });
    expect(snap.context.incident).toMatchObject({ step, reason: 'La fotografía del alumno no es legible.' });
    expect(stateName(walk(replacementMachineV3, input, [...(before as unknown as never[]), failed(step), { type: 'RETRY' }]))).toBe(step);
  });
});
