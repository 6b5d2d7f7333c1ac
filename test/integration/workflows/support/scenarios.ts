import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureClient } from '../../../../src/procedures/procedure-client';
import { ProductionService } from '../../../../src/production/production.service';
import { RequestsService } from '../../../../src/requests/requests.service';
import { startPending } from '../../../../src/requests/pending-start';
import { NewSupportTicket, SupportTicketsService } from '../../../../src/support/support-tickets.service';
import { ProcedureResult } from '../../../../workflows/messages';
import { ApplicationFailure } from '@temporalio/common';
import { actors, CYCLE, inState, inventory, PortHook, seedSchool, waitForChildSupply, waitForView } from './harness';

export interface ScenarioContext {
  client: ProcedureClient;
  em: EntityManager;
  requests: RequestsService;
  moduleRef: TestingModule;
  /** Distinct per scenario run within one database (CCT digits, PRNG seed, keys). */
  n: number;
  slaOverrides?: Record<string, string>;
  activityTimeout?: string;
}

const cct = (n: number) => `14EPR${String(n).padStart(4, '0')}${'ABCDEFGHJK'[n % 10]}`;
const HOLOGRAMA = `HOLOGRAMA:${CYCLE}`;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * After the delivery: v2 charts wait for the signed acuse (the API sends ACUSE_SIGNED once the scan is
 * stored); v1 charts are delivered already. Returns the view of the wait (null on v1).
 */
export async function signAcuse(c: ScenarioContext, procedure: 'PROCEDURE_1' | 'PROCEDURE_2' | 'REPLACEMENT', requestId: number, actor: ReturnType<typeof actors>[keyof ReturnType<typeof actors>]) {
  const id = c.client.workflowId(procedure, requestId);
  const view = await waitForView(c.client, id, (v) => v.status === 'ESPERANDO_ACUSE' || v.status === 'ENTREGADA');
  if (view.status !== 'ESPERANDO_ACUSE') return null;
  await c.client.decide(procedure, requestId, { event: { type: 'ACUSE_SIGNED' }, actor });
  return view;
}

/**
 * Procedure 1 from oficio to acuse on real stock: a return for correction and resubmission, a
 * partly valid validation, a shortage (2 sheets, 12 micas) that opens a real supply ticket fulfilled
 * in two shipments from central stock, a print run of 17 cards (7 voided slots, rendered), delivery
 * with the CREDENCIALES acuse. VALLES starts with 2 sheets, 6 micas, 101 holograms and a set of
 * ink; a card issued earlier this cycle (a real run) leaves 1 sheet, 5 micas, 100 holograms.
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
  const inv = inventory(c.moduleRef);
  await inv.receive({ drseCode }, [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 6 }, { item: HOLOGRAMA, quantity: 101 }, { item: 'TINTA', quantity: 50 }], `p1-${c.n}-drse`);
  await inv.receive({ central: true }, [{ item: 'TESLIN', quantity: 80 }, { item: 'MICA', quantity: 100 }], `p1-${c.n}-central`);
  const previous = await c.moduleRef.get(ProductionService, { strict: false }).createPrintRun({
    key: `p1-${c.n}-previous`, holder: { type: 'DRSE', drseCode }, studentIds: [issued], actor: a.controlEscolar,
  });

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
  const acuseWait = await signAcuse(c, 'PROCEDURE_1', requestId, a.controlEscolar);
  const result: ProcedureResult = await handle.result();
  return {
    requestId, workflowId: id, supplyId, school, validation, waiting, production, acuseWait, result, previousRunId: previous.runId!,
    students: { newOk, noPhoto, declined, continuing, issued, foreign },
  };
}

/**
 * Procedure 2: return and resubmission, partly valid validation, reservation at the DRSE (SUR has
 * 100 sheets, 800 micas, 800 holograms), delivery DRSE → school stock with the MATERIAL_ESCUELA acuse.
 */
export async function procedure2Scenario(c: ScenarioContext) {
  const drseCode = 'SUR';
  const { school } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 600, hasInternet: true, seed: c.n });
  const a = actors(drseCode, school.id);
  await inventory(c.moduleRef).receive({ drseCode }, [{ item: 'TESLIN', quantity: 800 }, { item: 'MICA', quantity: 800 }, { item: HOLOGRAMA, quantity: 800 }], `p2-${c.n}-drse`);
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
  const delivery = await waitForView(c.client, id, inState('entrega'));
  await c.client.decide('PROCEDURE_2', requestId, { event: { type: 'DELIVER' }, actor: a.tecnologias });
  const acuseWait = await signAcuse(c, 'PROCEDURE_2', requestId, a.tecnologias);
  const result: ProcedureResult = await handle.result();
  return { requestId, workflowId: id, school, validation, delivery, acuseWait, result };
}

/**
 * Replacement printed by the school itself (on site, with its own stock). The student's card was
 * issued by an earlier run of the school. A payment id that is not this student's is refused by the
 * workflow, a receipt below the tariff is refused by production, the right one is recorded
 * (production revokes the old card), the school's next run prints the new card and replaces the old
 * folio, delivery with acuse.
 */
/** A student of a school that prints on site, holding a card of this cycle, and a replacement started for it, waiting for the payment. */
async function replacementAtPayment(c: ScenarioContext) {
  const drseCode = 'NORTE';
  const { school, student } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 800, hasInternet: true, seed: c.n });
  const studentId = await student({ primerIngreso: false });
  const a = actors(drseCode, school.id);
  await inventory(c.moduleRef).receive(
    { schoolId: school.id },
    [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 10 }, { item: HOLOGRAMA, quantity: 10 }, { item: 'TINTA', quantity: 50 }],
    `rep-${c.n}-school`,
  );
  const first = await c.moduleRef.get(ProductionService, { strict: false }).createPrintRun({
    key: `rep-${c.n}-first`, holder: { type: 'ESCUELA', schoolId: school.id }, studentIds: [studentId], actor: a.escuela,
  });
  const oldFolio = first.firstFolio!;
  const { requestId } = await c.requests.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: `REP-${c.n}`, studentId });
  const id = c.client.workflowId('REPLACEMENT', requestId);
  const handle = await c.client.start('REPLACEMENT', requestId, {
    input: { requestId, schoolId: school.id, drseCode, studentId, oldFolio, printRoute: 'ESCUELA' as const },
    scope: { drseCode, schoolId: school.id },
    submittedBy: { id: a.escuela.id, role: a.escuela.role },
    slaOverrides: c.slaOverrides,
    activityTimeout: c.activityTimeout,
  });
  await waitForView(c.client, id, inState('registroPago'));
  return { requestId, id, handle, a, school, studentId, oldFolio };
}

/** The replacement's printing, delivery and acuse, from the school's printing task. */
async function finishReplacement(c: ScenarioContext, r: Awaited<ReturnType<typeof replacementAtPayment>>): Promise<ProcedureResult> {
  await c.client.decide('REPLACEMENT', r.requestId, { event: { type: 'PRODUCTION_CONFIRMED' }, actor: r.a.escuela });
  await waitForView(c.client, r.id, inState('entregaEscuela'));
  await c.client.decide('REPLACEMENT', r.requestId, { event: { type: 'DELIVER' }, actor: r.a.escuela });
  await signAcuse(c, 'REPLACEMENT', r.requestId, r.a.escuela);
  return r.handle.result();
}

export async function replacementScenario(c: ScenarioContext) {
  const r = await replacementAtPayment(c);
  const { requestId, id, a } = r;
  await c.client.decide('REPLACEMENT', requestId, { event: { type: 'PAYMENT_RECORDED', paymentId: 999_999 }, actor: a.escuela });
  const retry = await waitForView(c.client, id, (v) => v.state === 'registroPago' && v.seq > 1);
  const lowRefused: unknown = await c.requests
    .recordPayment(requestId, { receiptNumber: `R-${c.n}-1`, paidOn: today(), amountCents: 2000 }, a.escuela)
    .then(() => null, (err: unknown) => err);
  const ok = await c.requests.recordPayment(requestId, { receiptNumber: `R-${c.n}-2`, paidOn: today(), amountCents: 2800, reason: 'PERDIDA' }, a.escuela);
  await c.client.decide('REPLACEMENT', requestId, { event: { type: 'PAYMENT_RECORDED', paymentId: ok.paymentId }, actor: a.escuela });
  const printing = await waitForView(c.client, id, inState('impresionEscuela'));
  const result = await finishReplacement(c, r);
  return { requestId, workflowId: id, school: r.school, studentId: r.studentId, oldFolio: r.oldFolio, paymentId: ok.paymentId, lowRefused, retry, printing, result };
}

/**
 * Chart v2: producing the replacement card is refused (a business reason, e.g. the photo) — an
 * incident for the DRSE's Control Escolar with the reason; once fixed, RETRY produces it and the
 * replacement is delivered. Needs `c.hooks` (the ports' hook of the harness).
 */
export async function replacementIncidentScenario(c: ScenarioContext & { hooks: { hook: PortHook } }) {
  const r = await replacementAtPayment(c);
  const ok = await c.requests.recordPayment(r.requestId, { receiptNumber: `R-${c.n}-1`, paidOn: today(), amountCents: 2800, reason: 'ROBO' }, r.a.escuela);
  let calls = 0;
  let refusals = 0;
  c.hooks.hook = async (op) => {
    if (op === 'production.produceReplacement' && calls++ === 0) {
      refusals++;
      throw ApplicationFailure.create({ message: 'La fotografía del alumno no es legible; cárguela de nuevo.', type: 'DomainError', nonRetryable: true });
    }
  };
  try {
    await c.client.decide('REPLACEMENT', r.requestId, { event: { type: 'PAYMENT_RECORDED', paymentId: ok.paymentId }, actor: r.a.escuela });
    const incident = await waitForView(c.client, r.id, inState('incidenteProduccion'));
    await c.client.decide('REPLACEMENT', r.requestId, { event: { type: 'RETRY' }, actor: r.a.controlEscolar });
    await waitForView(c.client, r.id, inState('impresionEscuela'));
    const result = await finishReplacement(c, r);
    return { requestId: r.requestId, workflowId: r.id, studentId: r.studentId, incident, refusals, calls, result };
  } finally {
    c.hooks.hook = async () => undefined;
  }
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

/**
 * Chart v2: a Procedure 1 at a DRSE without ink waits for stock (visible state), is rechecked once the
 * ink arrives, its print run is generated, and then it is cancelled with a reason: the folios never
 * printed are voided and their material returned.
 */
export async function procedure1CancelScenario(c: ScenarioContext) {
  const drseCode = 'ALTOS_NORTE';
  const { school, student } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 100, hasInternet: false, seed: c.n });
  const a = actors(drseCode, school.id);
  const ids = [await student({ primerIngreso: true }), await student({ primerIngreso: true })];
  const inv = inventory(c.moduleRef);
  await inv.receive({ drseCode }, [{ item: 'TESLIN', quantity: 8 }, { item: 'MICA', quantity: 2 }, { item: HOLOGRAMA, quantity: 2 }], `p1c-${c.n}-drse`);
  const { requestId } = await c.requests.createRequest({
    procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: `OFC-${c.n}`, students: ids.map((studentId) => ({ studentId, kind: 'NUEVO' as const })),
  });
  const id = c.client.workflowId('PROCEDURE_1', requestId);
  const handle = await c.client.start('PROCEDURE_1', requestId, {
    input: { requestId, schoolId: school.id, drseCode, newRequested: 2, continuingRequested: 0 },
    scope: { drseCode, schoolId: school.id },
    submittedBy: { id: a.escuela.id, role: a.escuela.role },
    slaOverrides: c.slaOverrides,
    activityTimeout: c.activityTimeout,
  });
  await waitForView(c.client, id, inState('revisionPlaneacion'));
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'ACCEPT' }, actor: a.planeacion });
  await waitForView(c.client, id, inState('validacionControlEscolar'));
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'VALIDATE' }, actor: a.controlEscolar });
  const waiting = await waitForView(c.client, id, inState('esperaExistencias'));
  await inv.receive({ drseCode }, [{ item: 'TINTA', quantity: 50 }], `p1c-${c.n}-ink`);
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'RECHECK_MATERIAL' }, actor: a.tecnologias });
  const produced = await waitForView(c.client, id, inState('confirmacionProduccion'));
  await c.client.decide('PROCEDURE_1', requestId, { event: { type: 'CANCEL' }, actor: a.controlEscolar, comment: 'La escuela pidió cancelar el oficio.' });
  const result: ProcedureResult = await handle.result();
  return { requestId, workflowId: id, school, waiting, produced, result };
}

/** Opens a support ticket (its rows) and starts its workflow as the API does. */
export async function openSupportTicket(c: ScenarioContext, t: Omit<NewSupportTicket, 'operationKey'>) {
  const { ticketId, start } = await new SupportTicketsService(c.em).create({ ...t, operationKey: `ticket-${c.n}-${t.kind}-${t.opener}` });
  const handle = await startPending(c.client, 'SUPPORT', ticketId, { ...start, slaOverrides: c.slaOverrides, activityTimeout: c.activityTimeout } as typeof start);
  return { ticketId, workflowId: handle.workflowId, handle };
}

/**
 * R10: a school opens a SISTEMA ticket; its DRSE's Tecnologías derives it to DGTI; DGTI resolves; the
 * school reopens it (back to DGTI), DGTI resolves again and the school confirms: closed.
 */
export async function supportScenario(c: ScenarioContext) {
  const drseCode = 'SUR';
  const { school } = await seedSchool(c.em.fork(), { cct: cct(c.n), drseCode, matricula: 300, hasInternet: true, seed: c.n });
  const a = actors(drseCode, school.id);
  const description = `No puedo entrar al sistema desde la dirección de la escuela (prueba ${c.n}).`;
  const { ticketId, workflowId, handle } = await openSupportTicket(c, {
    kind: 'SISTEMA', description, drseCode, schoolId: school.id, opener: 'ESCUELA', openedBy: { id: a.escuela.id, role: a.escuela.role }, onBehalfSchoolId: null,
  });
  const attending = await waitForView(c.client, workflowId, inState('atencionTecnologias'));
  await c.client.decideWorkflow(workflowId, { event: { type: 'DERIVE_TO_DGTI' }, actor: a.tecnologias, comment: 'Falla del servidor central: se deriva a DGTI.' });
  const derived = await waitForView(c.client, workflowId, inState('atencionDgti'));
  await c.client.decideWorkflow(workflowId, { event: { type: 'RESOLVE' }, actor: a.dgti, comment: 'Se restableció el acceso de la escuela.' });
  await waitForView(c.client, workflowId, inState('confirmacionEscuela'));
  await c.client.decideWorkflow(workflowId, { event: { type: 'REOPEN' }, actor: a.escuela, comment: 'Sigue sin poder entrar.' });
  const reopened = await waitForView(c.client, workflowId, (v) => v.state === 'atencionDgti' && v.context.reopened === 1);
  await c.client.decideWorkflow(workflowId, { event: { type: 'RESOLVE' }, actor: a.dgti, comment: 'Se reinició la cuenta de la escuela.' });
  await waitForView(c.client, workflowId, (v) => v.state === 'confirmacionEscuela' && v.seq > reopened.seq);
  await c.client.decideWorkflow(workflowId, { event: { type: 'CONFIRM' }, actor: a.escuela });
  const result: ProcedureResult = await handle.result();
  return { ticketId, workflowId, school, description, attending, derived, reopened, result, a };
}

/** R10: a doubt of a DRSE's Control Escolar goes to central Control Escolar, which answers; the DRSE confirms. */
export async function supportDoubtScenario(c: ScenarioContext) {
  const drseCode = 'NORTE';
  const a = actors(drseCode, 0);
  const { ticketId, workflowId, handle } = await openSupportTicket(c, {
    kind: 'DUDA', description: '¿Cómo se registra un alumno que cambió de turno a mitad del ciclo?', drseCode, schoolId: null, opener: 'DRSE_CONTROL_ESCOLAR',
    openedBy: { id: a.controlEscolar.id, role: a.controlEscolar.role }, onBehalfSchoolId: null,
  });
  const central = await waitForView(c.client, workflowId, inState('atencionCentral'));
  await c.client.decideWorkflow(workflowId, { event: { type: 'RESOLVE' }, actor: a.central, comment: 'Se da de baja en un turno y de alta en el otro.' });
  const answered = await waitForView(c.client, workflowId, inState('confirmacionDrse'));
  await c.client.decideWorkflow(workflowId, { event: { type: 'CONFIRM' }, actor: a.controlEscolar });
  const result: ProcedureResult = await handle.result();
  return { ticketId, workflowId, central, answered, result };
}
