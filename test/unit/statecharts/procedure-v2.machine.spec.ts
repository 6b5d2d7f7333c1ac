import { AnyMachineSnapshot } from 'xstate';
import {
  allowedDecisions,
  CHARTS,
  LATEST_CHART_VERSION,
  procedure1MachineV1,
  procedure1MachineV2,
  procedure1MachineV3,
  procedure2MachineV3,
  publicStatus,
  stateName,
  stepMeta,
  TaskMeta,
} from '../../../statecharts';
import { walk } from './chart-test-kit';

const p1Input = { requestId: 7, schoolId: 3, drseCode: 'VALLES', newRequested: 17, continuingRequested: 5 };
const checked = { type: 'PROCEDENCIA_CHECKED', newRequested: 17, continuingRequested: 5, newEligible: 17, continuingEligible: 5 };
const failed = (step: string, reason = 'La escuela no existe.', errorType = 'DomainError') => ({ type: 'STEP_FAILED', step, reason, errorType });
const toMaterial = [{ type: 'ACCEPT' }, checked, { type: 'VALIDATE' }];
const reserved = { type: 'MATERIAL_RESERVED', reservationId: 11 };
const generated = { type: 'PRINT_RUN_GENERATED', printRunId: 4, cards: 17, voidedSlots: 7 };
const compensation = [{ type: 'FOLIOS_VOIDED' }, { type: 'MATERIAL_RELEASED' }];
const meta = (s: AnyMachineSnapshot) => stepMeta(s) as TaskMeta;

describe('chart v2 beside v1', () => {
  it('new workflows start on v3 of Procedures 1 and 2; v1 and v2 stay registered for the running ones', () => {
    expect(LATEST_CHART_VERSION).toMatchObject({ PROCEDURE_1: 3, PROCEDURE_2: 3 });
    expect(CHARTS.PROCEDURE_1[2]).toBe(procedure1MachineV2);
    expect(CHARTS.PROCEDURE_1[1]).toBe(procedure1MachineV1);
    expect(CHARTS.PROCEDURE_1[3]).toBe(procedure1MachineV3);
  });

  it('v2 of Procedure 1 keeps v1 happy path, statuses and context up to the acuse', () => {
    const events = [...toMaterial, reserved, generated, { type: 'PRODUCTION_CONFIRMED' }, { type: 'DELIVER' }];
    for (let i = 0; i <= events.length; i++) {
      const a = walk(procedure1MachineV1, p1Input, events.slice(0, i));
      const b = walk(procedure1MachineV3, p1Input, events.slice(0, i));
      expect([stateName(b), publicStatus(b)]).toEqual([stateName(a), publicStatus(a)]);
    }
    const recorded = walk(procedure1MachineV3, p1Input, [...events, { type: 'ACUSE_RECORDED', acuseId: 9 }]);
    expect(recorded.context).toMatchObject({ acuseId: 9, incident: null, incidents: 0 });
  });
});

describe('v2 charts: delivered only with the signed acuse', () => {
  const p2Input = { requestId: 8, schoolId: 4, drseCode: 'SUR', requested: { teslinSheets: 10, micas: 80, holograms: 80 } };
  const toP2Acuse = [{ type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: p2Input.requested, allowed: p2Input.requested }, { type: 'VALIDATE' }, reserved, { type: 'DELIVER' }];
  it.each([
    ['Procedure 1', procedure1MachineV3, p1Input, [...toMaterial, reserved, generated, { type: 'PRODUCTION_CONFIRMED' }, { type: 'DELIVER' }], 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL'],
    ['Procedure 2', procedure2MachineV3, p2Input, toP2Acuse, 'DRSE_TECNOLOGIAS', 'CONTROL_ESCOLAR_CENTRAL'],
  ] as const)('%s: the recorded acuse opens a 5-day task for %s; only ACUSE_SIGNED delivers', (_name, machine, input, before, role, escalateTo) => {
    const waiting = walk(machine, input, [...(before as never[]), { type: 'ACUSE_RECORDED', acuseId: 9 }]);
    expect([stateName(waiting), publicStatus(waiting), waiting.status]).toEqual(['esperaAcuseFirmado', 'ESPERANDO_ACUSE', 'active']);
    expect(meta(waiting).task).toEqual({ key: 'ACUSE_FIRMADO', title: 'Subir el acuse de entrega firmado y sellado', role, sla: '5 days', escalateTo });
    expect(allowedDecisions(waiting)).toEqual({ [role]: ['ACUSE_SIGNED'] });
    for (const other of ['DELIVER', 'CANCEL', 'RETRY', 'WITHDRAW', 'ACUSE_RECORDED']) expect(waiting.can({ type: other } as never)).toBe(false);
    const overdue = walk(machine, input, [...(before as never[]), { type: 'ACUSE_RECORDED', acuseId: 9 }, { type: 'SLA_EXPIRED' }]);
    expect([stateName(overdue), overdue.context.escalations]).toEqual(['esperaAcuseFirmado', 1]);
    const done = walk(machine, input, [...(before as never[]), { type: 'ACUSE_RECORDED', acuseId: 9 }, { type: 'ACUSE_SIGNED' }]);
    expect([done.status, publicStatus(done), done.context.acuseId]).toEqual(['done', 'ENTREGADA', 9]);
  });
});

describe('procedure1MachineV3: incidents', () => {
  it.each([
    ['verificacionProcedencia', 'incidenteProcedencia', 'DRSE_CONTROL_ESCOLAR', ['CANCEL', 'RETRY'], [{ type: 'ACCEPT' }]],
    ['verificacionMaterial', 'incidenteMaterial', 'DRSE_TECNOLOGIAS', ['CANCEL', 'RETRY', 'WAIT_FOR_STOCK'], toMaterial],
    ['produccion', 'incidenteProduccion', 'DRSE_CONTROL_ESCOLAR', ['CANCEL', 'RETRY'], [...toMaterial, reserved]],
    ['registroAcuse', 'incidenteAcuse', 'DRSE_CONTROL_ESCOLAR', ['RETRY'], [...toMaterial, reserved, generated, { type: 'PRODUCTION_CONFIRMED' }, { type: 'DELIVER' }]],
  ] as const)('a failure of %s opens %s for %s with its choices; RETRY runs the step again', (step, incident, role, choices, before) => {
    const snap = walk(procedure1MachineV3, p1Input, [...(before as never[]), failed(step)]);
    expect(stateName(snap)).toBe(incident);
    expect(publicStatus(snap)).toBe('CON_INCIDENTE');
    expect(meta(snap)).toMatchObject({ incident: true, task: { role } });
    expect(Object.keys(meta(snap).decisions).sort()).toEqual(choices);
    expect(snap.context.incident).toEqual({ step, reason: 'La escuela no existe.', errorType: 'DomainError' });
    expect(snap.context.incidents).toBe(1);
    const again = walk(procedure1MachineV3, p1Input, [...(before as never[]), failed(step), { type: 'RETRY' }]);
    expect(stateName(again)).toBe(step);
    expect(again.context.incident).toBeNull();
  });

  it('cancelling from an incident needs a reason, runs both compensations and ends CANCELADA', () => {
    const path = [...toMaterial, reserved, failed('produccion'), { type: 'CANCEL' }];
    const snap = walk(procedure1MachineV3, p1Input, path);
    expect([stateName(snap), publicStatus(snap)]).toEqual(['cancelacionFolios', 'EN_CANCELACION']);
    expect(stepMeta(snap)).toMatchObject({ kind: 'auto', activity: 'voidRequestFolios' });
    const end = walk(procedure1MachineV3, p1Input, [...path, ...compensation]);
    expect(end.status).toBe('done');
    expect(publicStatus(end)).toBe('CANCELADA');
    expect(end.output ?? stepMeta(end)).toMatchObject({ outcome: 'CANCELLED' });
    expect(meta(walk(procedure1MachineV3, p1Input, [...toMaterial, reserved, failed('produccion')])).commentRequired).toEqual(['CANCEL']);
  });

  it('a failed compensation is an incident whose retry restarts the compensation (idempotent steps)', () => {
    const snap = walk(procedure1MachineV3, p1Input, [...toMaterial, reserved, generated, { type: 'CANCEL' }, { type: 'FOLIOS_VOIDED' }, failed('cancelacionReserva')]);
    expect(stateName(snap)).toBe('incidenteCancelacion');
    expect(Object.keys(meta(snap).decisions)).toEqual(['RETRY']);
    expect(stateName(walk(procedure1MachineV3, p1Input, [...toMaterial, reserved, generated, { type: 'CANCEL' }, { type: 'FOLIOS_VOIDED' }, failed('cancelacionReserva'), { type: 'RETRY' }]))).toBe('cancelacionFolios');
  });

  it('no ink: the reservation goes straight to a visible wait for stock, with what is missing; recheck reserves again', () => {
    const ink = { type: 'INK_SHORT', step: 'verificacionMaterial', reason: 'Falta tinta en la DRSE.', errorType: 'TintaInsuficiente' };
    const snap = walk(procedure1MachineV3, p1Input, [...toMaterial, ink]);
    expect([stateName(snap), publicStatus(snap)]).toEqual(['esperaExistencias', 'ESPERANDO_EXISTENCIAS']);
    expect(snap.context.incident).toMatchObject({ reason: 'Falta tinta en la DRSE.' });
    expect(allowedDecisions(snap)).toEqual({
      DRSE_TECNOLOGIAS: ['RECHECK_MATERIAL', 'CANCEL'],
      DRSE_CONTROL_ESCOLAR: ['CANCEL'],
      CONTROL_ESCOLAR_CENTRAL: ['CANCEL'],
    });
    expect(stateName(walk(procedure1MachineV3, p1Input, [...toMaterial, ink, { type: 'RECHECK_MATERIAL' }]))).toBe('verificacionMaterial');
    // The material incident offers the same wait.
    expect(stateName(walk(procedure1MachineV3, p1Input, [...toMaterial, failed('verificacionMaterial'), { type: 'WAIT_FOR_STOCK' }]))).toBe('esperaExistencias');
    // The reserve step maps the ink failure on its own (not retried) and any other failure to the incident.
    expect(stepMeta(walk(procedure1MachineV3, p1Input, toMaterial))).toMatchObject({
      outcomes: { RESERVED: 'MATERIAL_RESERVED', SHORT: 'MATERIAL_SHORT', FAILED: 'STEP_FAILED', 'FAILED:TintaInsuficiente': 'INK_SHORT' },
    });
  });

  it('an authorised role cancels validated or produced requests (reason required), not delivered ones', () => {
    for (const before of [[{ type: 'ACCEPT' }, checked], [...toMaterial, reserved, generated]]) {
      const snap = walk(procedure1MachineV3, p1Input, before);
      expect(meta(snap).decisions.CANCEL).toEqual(['DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL']);
      expect(meta(snap).commentRequired).toEqual(['CANCEL']);
      expect(stateName(walk(procedure1MachineV3, p1Input, [...before, { type: 'CANCEL' }]))).toBe('cancelacionFolios');
    }
    const delivering = walk(procedure1MachineV3, p1Input, [...toMaterial, reserved, generated, { type: 'PRODUCTION_CONFIRMED' }]);
    expect(delivering.can({ type: 'CANCEL' })).toBe(false);
    expect(walk(procedure1MachineV3, p1Input, []).can({ type: 'CANCEL' })).toBe(false);
  });
});

describe('procedure2MachineV3', () => {
  const p2Input = { requestId: 8, schoolId: 4, drseCode: 'SUR', requested: { teslinSheets: 10, micas: 80, holograms: 80 } };
  const justified = { type: 'JUSTIFICATION_CHECKED', requested: p2Input.requested, allowed: { teslinSheets: 75, micas: 600, holograms: 600 } };
  const toReserve = [{ type: 'ACCEPT' }, justified, { type: 'VALIDATE' }];

  it('cancels a reserved, undelivered request: the reservation is released', () => {
    const atDelivery = walk(procedure2MachineV3, p2Input, [...toReserve, reserved]);
    expect(stateName(atDelivery)).toBe('entrega');
    expect(meta(atDelivery).decisions.CANCEL).toEqual(['DRSE_TECNOLOGIAS', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL']);
    const releasing = walk(procedure2MachineV3, p2Input, [...toReserve, reserved, { type: 'CANCEL' }]);
    expect(stepMeta(releasing)).toMatchObject({ kind: 'auto', activity: 'releaseRequestMaterial', status: 'EN_CANCELACION' });
    const end = walk(procedure2MachineV3, p2Input, [...toReserve, reserved, { type: 'CANCEL' }, { type: 'MATERIAL_RELEASED' }]);
    expect([end.status, publicStatus(end)]).toEqual(['done', 'CANCELADA']);
  });

  it('a failed delivery is an incident for Tecnologías that can only be retried', () => {
    const snap = walk(procedure2MachineV3, p2Input, [...toReserve, reserved, { type: 'DELIVER' }, failed('registroAcuse')]);
    expect([stateName(snap), publicStatus(snap), meta(snap).task.role]).toEqual(['incidenteEntrega', 'CON_INCIDENTE', 'DRSE_TECNOLOGIAS']);
    expect(Object.keys(meta(snap).decisions)).toEqual(['RETRY']);
  });

  it('asks for ink sets too, validated like the other materials (v1 requests without ink are unchanged)', () => {
    const withInk = { ...p2Input, requested: { teslinSheets: 2, micas: 16, holograms: 16, inkSets: 2 } };
    const checkedWith = (allowedInk: number) => walk(procedure2MachineV3, withInk, [
      { type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: withInk.requested, allowed: { teslinSheets: 75, micas: 600, holograms: 600, inkSets: allowedInk } },
    ]);
    expect(checkedWith(1).can({ type: 'VALIDATE' })).toBe(false);
    const ok = walk(procedure2MachineV3, withInk, [
      { type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: withInk.requested, allowed: { teslinSheets: 75, micas: 600, holograms: 600, inkSets: 2 } }, { type: 'VALIDATE' },
    ]);
    expect(ok.context.approved).toEqual({ teslinSheets: 2, micas: 16, holograms: 16, inkSets: 2 });
    // A partial validation adjusts the ink within what was asked and what the matrícula allows.
    expect(checkedWith(1).can({ type: 'VALIDATE_PARTIAL', teslinSheets: 2, micas: 16, holograms: 16, inkSets: 1 } as never)).toBe(true);
    expect(checkedWith(1).can({ type: 'VALIDATE_PARTIAL', teslinSheets: 2, micas: 16, holograms: 16, inkSets: 2 } as never)).toBe(false);
    expect(checkedWith(3).can({ type: 'VALIDATE_PARTIAL', teslinSheets: 2, micas: 16, holograms: 16, inkSets: 1.5 } as never)).toBe(false);
    const partial = walk(procedure2MachineV3, withInk, [
      { type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: withInk.requested, allowed: { teslinSheets: 75, micas: 600, holograms: 600, inkSets: 1 } },
      { type: 'VALIDATE_PARTIAL', teslinSheets: 2, micas: 16, holograms: 16, inkSets: 1 },
    ]);
    expect(partial.context.approved).toEqual({ teslinSheets: 2, micas: 16, holograms: 16, inkSets: 1 });
    // Ink only: a request of ink sets alone is a request.
    const inkOnly = { ...p2Input, requested: { teslinSheets: 0, micas: 0, holograms: 0, inkSets: 1 } };
    const inkOnlyChecked = walk(procedure2MachineV3, inkOnly, [{ type: 'ACCEPT' }, { type: 'JUSTIFICATION_CHECKED', requested: inkOnly.requested, allowed: { teslinSheets: 75, micas: 600, holograms: 600, inkSets: 2 } }]);
    expect(inkOnlyChecked.can({ type: 'VALIDATE' })).toBe(true);
    // Without ink: as before (a missing ink count is zero).
    const noInk = walk(procedure2MachineV3, p2Input, [{ type: 'ACCEPT' }, justified]);
    expect(noInk.can({ type: 'VALIDATE' })).toBe(true);
    expect(noInk.can({ type: 'VALIDATE_PARTIAL', teslinSheets: 10, micas: 80, holograms: 79 } as never)).toBe(true);
  });

  it('a failed reservation offers waiting for stock', () => {
    const snap = walk(procedure2MachineV3, p2Input, [...toReserve, failed('verificacionExistencias'), { type: 'WAIT_FOR_STOCK' }]);
    expect([stateName(snap), publicStatus(snap)]).toEqual(['esperaExistencias', 'ESPERANDO_EXISTENCIAS']);
  });
});
