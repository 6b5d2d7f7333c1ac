import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../../src/procedures/procedure-client';
import { RequestsService } from '../../../../src/requests/requests.service';
import { ProcedureResult } from '../../../../workflows/messages';
import { actors, inState, seedSchool, waitForChildSupply, waitForView } from './harness';
import { TableGateways } from './table-gateways';

export interface ScenarioContext {
  client: ProcedureClient;
  em: EntityManager;
  requests: RequestsService;
  gateways: TableGateways;
  /** Distinct per scenario run within one database (CCT digits, PRNG seed). */
  n: number;
  slaOverrides?: Record<string, string>;
  activityTimeout?: string;
}

const cct = (n: number) => `14EPR${String(n).padStart(4, '0')}${'ABCDEFGHJK'[n % 10]}`;

/**
 * Procedure 1 from oficio to acuse: a return for correction and resubmission, a partly valid
 * validation, a shortage that opens a supply fulfilled in two shipments, a print run of 17 cards
 * (7 voided slots), delivery.
 */
export async function procedure1Scenario(c: ScenarioContext) {
  const drseCode = 'VALLES';
  const { school, student } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 300, hasInternet: false, seed: c.n });
  const other = await seedSchool(c.em.fork(), { cct: cct(c.n + 5000), drseCode, matricula: 300, hasInternet: false, seed: c.n + 5000 });
  const a = actors(drseCode, school.id);
  const newOk: number[] = [];
  for (let i = 0; i < 17; i++) newOk.push(await student({ primerIngreso: true }));
  const noPhoto = await student({ primerIngreso: true, photo: false });
  const declined = await student({ primerIngreso: true, declined: true });
  const continuing: number[] = [];
  for (let i = 0; i < 5; i++) continuing.push(await student({ primerIngreso: false }));
  const issued = await student({ primerIngreso: false });
  const foreign = await other.student({ primerIngreso: false });
  await c.em.fork().execute('insert into test_issued (student_id) values (?)', [issued]);
  await c.gateways.setStock(drseCode, { teslinSheets: 1, micas: 5, holograms: 100 });

  // The first oficio lists only part of the students; Planeación returns it.
  const { requestId } = await c.requests.createRequest({
    procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: `OF-${c.n}`,
    students: newOk.slice(0, 10).map((studentId) => ({ studentId, kind: 'NUEVO' as const })),
  });
  const wf = {
    input: { requestId, schoolId: school.id, drseCode, newRequested: 10, continuingRequested: 0 },
    scope: { drseCode, schoolId: school.id },
    submittedBy: { id: a.escuela.id, role: a.escuela.role },
    slaOverrides: c.slaOverrides,
    activityTimeout: c.activityTimeout,
  };
  const handle = await c.client.start('PROCEDURE_1', requestId, wf);
  const id = c.client.workflowId('PROCEDURE_1', requestId);
  await waitForView(c.client, id, inState('revisionPlaneacion'));
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'RETURN' }, actor: a.planeacion, comment: 'Faltan alumnos y el sello.' });
  await c.requests.replaceStudents(requestId, [
    ...[...newOk, noPhoto, declined].map((studentId) => ({ studentId, kind: 'NUEVO' as const })),
    ...[...continuing, issued, foreign].map((studentId) => ({ studentId, kind: 'CONTINUO' as const })),
  ]);
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'RESUBMIT' }, actor: a.escuela, comment: 'Oficio corregido.' });
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'ACCEPT' }, actor: a.planeacion });
  const validation = await waitForView(c.client, id, inState('validacionControlEscolar'));
  await c.client.decide('PROCEDURE_1', requestId, {
    event: { type: 'VALIDATE_PARTIAL', newApproved: 17, continuingApproved: 5 }, actor: a.controlEscolar, comment: 'Sin foto, declinado, ya expedido y de otra escuela.',
  });

  // Shortage: 3 sheets and 17 micas needed, 1 and 5 in stock. Supply in two shipments.
  const supplyId = await waitForChildSupply(c.em, requestId, 1);
  const waiting = await c.client.viewWorkflow(id);
  await waitForView(c.client, supplyId, inState('revisionCentral'));
  await c.client.decideWorkflow(supplyId, { event: { type: 'APPROVE' }, actor: a.central });
  for (const shipment of [{ teslinSheets: 1, micas: 6, holograms: 0 }, { teslinSheets: 1, micas: 6, holograms: 0 }]) {
    await waitForView(c.client, supplyId, inState('surtido'));
    await c.client.decideWorkflow(supplyId, { event: { type: 'SHIP', ...shipment }, actor: a.materiales });
    await waitForView(c.client, supplyId, inState('recepcion'));
    await c.client.decideWorkflow(supplyId, { event: { type: 'CONFIRM_RECEIPT' }, actor: a.tecnologias });
  }
  const production = await waitForView(c.client, id, inState('confirmacionProduccion'));
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'PRODUCTION_CONFIRMED' }, actor: a.controlEscolar });
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'DELIVER' }, actor: a.controlEscolar, comment: 'Entregado al director.' });
  const result: ProcedureResult = await handle.result();
  return { requestId, workflowId: id, supplyId, school, validation, waiting, production, result, students: { newOk, noPhoto, declined, continuing, issued, foreign } };
}

/** Procedure 2: return and resubmission, partly valid validation, reservation, delivery with acuse. */
export async function procedure2Scenario(c: ScenarioContext) {
  const drseCode = 'SUR';
  const { school } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 600, hasInternet: true, seed: c.n });
  const a = actors(drseCode, school.id);
  await c.gateways.setStock(drseCode, { teslinSheets: 100, micas: 800, holograms: 800 });
  const requested = { teslinSheets: 90, micas: 700, holograms: 600 };
  const { requestId } = await c.requests.createRequest({ procedure: 'PROCEDURE_2', schoolId: school.id, oficioKey: `MAT-${c.n}`, requested });
  const id = c.client.workflowId('PROCEDURE_2', requestId);
  const handle = await c.client.start('PROCEDURE_2', requestId, {
    input: { requestId, schoolId: school.id, drseCode, requested },
    scope: { drseCode, schoolId: school.id },
    submittedBy: { id: a.escuela.id, role: a.escuela.role },
    slaOverrides: c.slaOverrides,
    activityTimeout: c.activityTimeout,
  });
  await waitForView(c.client, id, inState('revisionPlaneacion'));
  await c.client.decide('PROCEDURE_2', requestId, { event: { type: 'RETURN' }, actor: a.planeacion, comment: 'Falta la justificación de uso.' });
  await c.client.decide('PROCEDURE_2', requestId, { event: { type: 'RESUBMIT' }, actor: a.escuela });
  await c.client.decide('PROCEDURE_2', requestId, { event: { type: 'ACCEPT' }, actor: a.planeacion });
  const validation = await waitForView(c.client, id, inState('validacionControlEscolar'));
  // The matrícula (600) caps micas at 600 and sheets at 75.
  await c.client.decide('PROCEDURE_2', requestId, {
    event: { type: 'VALIDATE_PARTIAL', teslinSheets: 75, micas: 600, holograms: 600 }, actor: a.controlEscolar, comment: 'Ajustado a la matrícula.',
  });
  await waitForView(c.client, id, inState('entrega'));
  await c.client.decide('PROCEDURE_2', requestId, { event: { type: 'DELIVER' }, actor: a.tecnologias });
  const result: ProcedureResult = await handle.result();
  return { requestId, workflowId: id, validation, result };
}

/** Replacement printed by the school itself: an insufficient receipt first, then a good one. */
export async function replacementScenario(c: ScenarioContext) {
  const drseCode = 'NORTE';
  const { school, student } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 800, hasInternet: true, seed: c.n });
  const studentId = await student({ primerIngreso: false });
  const a = actors(drseCode, school.id);
  const { requestId } = await c.requests.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: `REP-${c.n}` });
  const id = c.client.workflowId('REPLACEMENT', requestId);
  const oldFolio = 900000 + c.n;
  const handle = await c.client.start('REPLACEMENT', requestId, {
    input: { requestId, schoolId: school.id, drseCode, studentId, oldFolio, printRoute: 'ESCUELA' as const },
    scope: { drseCode, schoolId: school.id },
    submittedBy: { id: a.escuela.id, role: a.escuela.role },
    slaOverrides: c.slaOverrides,
    activityTimeout: c.activityTimeout,
  });
  await waitForView(c.client, id, inState('registroPago'));
  const low = await c.requests.recordPayment(requestId, { receiptNumber: `R-${c.n}-1`, paidOn: '2026-09-01', amountCents: 2000 }, a.escuela);
  await c.client.decide('REPLACEMENT', requestId, { event: { type: 'PAYMENT_RECORDED', paymentId: low.paymentId }, actor: a.escuela });
  const retry = await waitForView(c.client, id, (v) => v.state === 'registroPago' && v.seq > 1);
  const ok = await c.requests.recordPayment(requestId, { receiptNumber: `R-${c.n}-2`, paidOn: '2026-09-02', amountCents: 2800 }, a.escuela);
  await c.client.decide('REPLACEMENT', requestId, { event: { type: 'PAYMENT_RECORDED', paymentId: ok.paymentId }, actor: a.escuela });
  await waitForView(c.client, id, inState('impresionEscuela'));
  await c.client.decide('REPLACEMENT', requestId, { event: { type: 'PRODUCTION_CONFIRMED' }, actor: a.escuela });
  await waitForView(c.client, id, inState('entregaEscuela'));
  await c.client.decide('REPLACEMENT', requestId, { event: { type: 'DELIVER' }, actor: a.escuela });
  const result: ProcedureResult = await handle.result();
  return { requestId, workflowId: id, oldFolio, retry, result };
}

/** A supply a DRSE opens on its own, rejected centrally. */
export async function supplyRejectedScenario(c: ScenarioContext) {
  const drseCode = 'CIENEGA';
  const a = actors(drseCode, 0);
  const handle = await c.client.startSupply(`CIENEGA-${c.n}`, {
    input: { drseCode, requested: { teslinSheets: 20, micas: 160, holograms: 160 }, parentRequestId: null },
    scope: { drseCode },
    submittedBy: { id: a.tecnologias.id, role: a.tecnologias.role },
    slaOverrides: c.slaOverrides,
    activityTimeout: c.activityTimeout,
  });
  await waitForView(c.client, handle.workflowId, inState('revisionCentral'));
  await c.client.decideWorkflow(handle.workflowId, { event: { type: 'REJECT' }, actor: a.central, comment: 'Consumo sin justificar.' });
  const result: ProcedureResult = await handle.result();
  return { workflowId: handle.workflowId, result };
}
