import { ApplicationFailure } from '@temporalio/common';
import { ConflictError, DomainError } from '../../../src/common/domain-error';
import { readableTicketError } from '../../../src/inventory/http/ticket-messages';
import { refusalReason } from '../../../src/requests/http/decision-catalog';
import { decisionProblem, refusedAsNotThisStep } from '../../../src/requests/http/decision-errors';
import type { DecisionRefusal } from '../../../statecharts/decisions';
import { fieldName, humanizeProblem, problemsDetail } from '../../../src/requests/http/field-names';

/** Codes people must never read: event and status codes, role codes, field paths. */
const CODES = /[A-Z]{3,}_[A-Z_]+|"[A-Z]+"|\b(VALIDATE|ACCEPT|DELIVER|OPEN|TESLIN|MICA)\b|datos\.|lines\[/;

/** The runner's refusals as workflows/procedure-runner.ts `check` throws them (message and detail), wrapped as the client sees them. */
const refused = (message: string, type: string, detail?: Partial<DecisionRefusal>) =>
  Object.assign(new Error('Update failed'), { cause: ApplicationFailure.create({ message, type, nonRetryable: true, details: detail ? [{ event: null, ...detail }] : [] }) });

describe('refusals people can read (issue 13, Medium)', () => {
  const p1Context = { newRequested: 26, newEligible: 17, continuingRequested: 0, continuingEligible: 0 };

  it('names a refused decision by its Spanish label and says why, with the limits', () => {
    const partial = decisionProblem(refused('La decisión "VALIDATE_PARTIAL" no procede con los datos enviados (cantidades o condiciones).', 'DecisionNoPermitida', { reason: 'guard' }), {
      procedure: 'PROCEDURE_1',
      event: 'VALIDATE_PARTIAL',
      reason: refusalReason('PROCEDURE_1', 'VALIDATE_PARTIAL', p1Context),
    }) as DomainError;
    expect(partial).toMatchObject({ status: 409, code: 'EVENTO_NO_PERMITIDO' });
    expect(partial.message).toBe(
      'La decisión «Validar parcialmente (ajustar cantidades)» no procede con los datos enviados: «Credenciales nuevas aprobadas» puede ser a lo más 17 y «Hologramas aprobados (alumnos que continúan)» a lo más 0 (los alumnos que cumplen los requisitos); al menos una cantidad mayor que cero y, en total, menos de lo pedido (26); para aprobar todo use «Validar: procede completa».',
    );
    const whole = decisionProblem(refused('La decisión "VALIDATE" no procede con los datos enviados (cantidades o condiciones).', 'DecisionNoPermitida', { reason: 'guard' }), {
      procedure: 'PROCEDURE_1',
      event: 'VALIDATE',
      reason: refusalReason('PROCEDURE_1', 'VALIDATE', p1Context),
    });
    expect(whole.message).toMatch(/^La decisión «Validar: procede completa» no procede con los datos enviados: cumplen los requisitos 17 de 26 alumnos de primer ingreso/);
    expect(whole.message).toContain('use «Validar parcialmente (ajustar cantidades)» o «No procede: devolver a la escuela»');
    for (const m of [partial.message, whole.message]) expect(m).not.toMatch(CODES);
  });

  it('sends again only a refusal of the step, never a guard\'s refusal of the numbers', () => {
    expect(refusedAsNotThisStep(refused('El evento "DELIVER" no está permitido en el estado actual (EN_REVISION_PLANEACION).', 'DecisionNoPermitida', { reason: 'notInState', event: 'DELIVER', status: 'EN_REVISION_PLANEACION' }))).toBe(true);
    expect(refusedAsNotThisStep(refused('La solicitud no espera una decisión en este momento.', 'DecisionNoPermitida', { reason: 'noTask' }))).toBe(true);
    expect(refusedAsNotThisStep(refused('La decisión "VALIDATE" no procede con los datos enviados (cantidades o condiciones).', 'DecisionNoPermitida', { reason: 'guard' }))).toBe(false);
    expect(refusedAsNotThisStep(refused('El rol ESCUELA no puede enviar "VALIDATE" en este paso.', 'RolNoPermitido', { reason: 'role', event: 'VALIDATE' }))).toBe(false);
  });

  it('gives Procedure 2 and a shipment their limits in the fields people fill', () => {
    const p2 = refusalReason('PROCEDURE_2', 'VALIDATE', { requested: { teslinSheets: 100, micas: 800, holograms: 800 }, allowed: { teslinSheets: 20, micas: 150, holograms: 800 } });
    expect(p2).toBe('lo pedido pasa de lo que permite el consumo reportado (Hojas Teslin: pidió 100, el consumo permite 20 y Micas: pidió 800, el consumo permite 150); use «Validar parcialmente (ajustar cantidades)» o «No procede: devolver a la escuela».');
    const ship = refusalReason('SUPPLY', 'SHIP', { requested: { teslinSheets: 3, micas: 17, holograms: 17 }, shipped: { teslinSheets: 1, micas: 17, holograms: 0 } });
    expect(ship).toBe('«Hojas Teslin» a lo más 2, «Micas» a lo más 0 y «Hologramas» a lo más 17 (lo que falta por enviar), y al menos una cantidad mayor que cero.');
    expect(refusalReason('PROCEDURE_1', 'ACCEPT', p1Context)).toBeNull();
    expect(refusalReason('PROCEDURE_1', 'VALIDATE', null)).toBeNull();
  });

  it('never passes an event, role or status code through', () => {
    const notNow = decisionProblem(refused('El evento "DELIVER" no está permitido en el estado actual (EN_REVISION_PLANEACION).', 'DecisionNoPermitida', { reason: 'notInState', event: 'DELIVER', status: 'EN_REVISION_PLANEACION' }), { procedure: 'PROCEDURE_1', event: 'DELIVER' });
    expect(notNow.message).toBe('La decisión «Registrar la entrega a la escuela» no corresponde al paso en que está la solicitud ahora; vuelva a abrirla para ver lo que puede hacer.');
    const role = decisionProblem(refused('El rol DRSE_PLANEACION no puede enviar "VALIDATE" en este paso.', 'RolNoPermitido', { reason: 'role', event: 'VALIDATE' }), { procedure: 'PROCEDURE_1', event: 'VALIDATE' }) as DomainError;
    expect(role).toMatchObject({ status: 403, message: 'Su rol no puede tomar la decisión «Validar: procede completa» en este paso.' });
    const data = decisionProblem(refused('El dato "newApproved" de la decisión debe ser un número.', 'DatoInvalido', { reason: 'data', event: 'VALIDATE_PARTIAL', field: 'newApproved', expected: 'number' }), { procedure: 'PROCEDURE_1', event: 'VALIDATE_PARTIAL' }) as DomainError;
    expect(data).toMatchObject({ status: 422, field: 'datos.newApproved', message: 'El dato «Credenciales nuevas aprobadas» debe ser un número.' });
    const unknown = decisionProblem(refused('Resultado "X_Y" desconocido en paso', 'Otra'));
    expect(unknown.message).toBe('La decisión no se pudo aplicar.');
    const noLabel = decisionProblem(refused('La decisión "VALIDATE_PARTIAL" no procede con los datos enviados (cantidades o condiciones).', 'DecisionNoPermitida', { reason: 'guard' }));
    expect(noLabel.message).toBe('La decisión no procede con los datos enviados.');
    for (const e of [notNow, role, data, unknown, noLabel]) expect(e.message).not.toMatch(CODES);
    // A step without a task says so, in the mapping's own words.
    expect(decisionProblem(refused('La solicitud no espera una decisión en este momento.', 'DecisionNoPermitida', { reason: 'noTask' })).message).toBe('La solicitud no espera una decisión en este momento.');
  });

  it('names request fields as the form does, keeping the path in `field`', () => {
    expect(fieldName('datos.justificacion')).toBe('Justificación');
    expect(fieldName('datos.nuevos[1]')).toBe('Alumnos de primer ingreso (2.º de la lista)');
    expect(fieldName('datos.material.teslinSheets')).toBe('Hojas Teslin');
    expect(fieldName('datos.grado')).toBeNull();
    const p = humanizeProblem({ field: 'datos.justificacion', message: 'El campo «datos.justificacion» es obligatorio.' });
    expect(p).toEqual({ field: 'datos.justificacion', message: 'El campo «Justificación» es obligatorio.' });
    expect(humanizeProblem({ field: 'datos.grado', message: 'El campo «datos.grado» no está permitido en esta solicitud.' }).message).toContain('«datos.grado»');
    expect(problemsDetail([p, humanizeProblem({ field: 'datos.material.micas', message: 'El campo «datos.material.micas» debe ser al menos 0.' })])).toBe(
      'La solicitud tiene 2 datos no válidos: Justificación, Micas.',
    );
  });

  it('says supply ticket statuses and articles in Spanish, Teslin in sheets', () => {
    const open = readableTicketError(new ConflictError('No se puede aprobar el ticket AB-2026-000004: está en estado OPEN.', 'ticketId')) as DomainError;
    expect(open).toMatchObject({ status: 409, field: 'ticketId', message: 'No se puede aprobar el ticket AB-2026-000004: está abierto; primero tómelo en revisión.' });
    const ship = readableTicketError(new ConflictError('No se puede surtir el ticket AB-2026-000004 en estado UNDER_REVIEW.', 'ticketId')) as DomainError;
    expect(ship.message).toBe('No se puede surtir el ticket AB-2026-000004: está en revisión; primero debe aprobarse.');
    const again = readableTicketError(new ConflictError('No se puede pasar a revisión el ticket AB-1: está en estado UNDER_REVIEW.', 'ticketId')) as DomainError;
    expect(again.message).toBe('No se puede pasar a revisión el ticket AB-1: está en revisión.');
    const tooMuch = readableTicketError(new DomainError('Del artículo TESLIN quedan 40 por surtir; no se pueden enviar 48.', 'lines[0].quantity', 'CANTIDAD_INVALIDA')) as DomainError;
    expect(tooMuch).toMatchObject({ field: 'lines[0].quantity', code: 'CANTIDAD_INVALIDA' });
    expect(tooMuch.message).toBe('De Hojas Teslin (8 credenciales por hoja) quedan por enviar 40 ranuras (5 hojas); no se pueden enviar 48 ranuras (6 hojas).');
    const holo = readableTicketError(new DomainError('El artículo HOLOGRAMA:2026-2027 no está en el ticket.', 'lines[1].item')) as DomainError;
    expect(holo.message).toBe('El artículo «Hologramas del ciclo 2026-2027» no está en el ticket.');
    for (const e of [open, ship, again, tooMuch, holo]) expect(e.message).not.toMatch(CODES);
    const other = new Error('x');
    expect(readableTicketError(other)).toBe(other);
  });
});
