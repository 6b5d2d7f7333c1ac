import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { DomainError } from '../../../src/common/domain-error';
import { decisionProblem, refusedAsNotThisStep } from '../../../src/requests/http/decision-errors';
import type { DecisionRefusal } from '../../../statecharts/decisions';

/** Codes people must never read: event, status and role codes, failure types, field paths. */
const CODES = /[A-Z]{3,}_[A-Z_]+|"[A-Z]+"|\b(VALIDATE_PARTIAL|CANCEL|RESOLVE)\b|DatoInvalido|RolNoPermitido|AlcanceNoPermitido|DecisionNoPermitida|datos\./;

/** A refused Update as the client sees it; the message is noise: the mapping must not read it. */
const refused = (type: string, detail?: DecisionRefusal) =>
  Object.assign(new Error('Update failed'), { cause: ApplicationFailure.create({ type, message: 'texto cualquiera "X_Y"', nonRetryable: true, details: detail ? [detail] : [] }) });

describe('decisionProblem: a refused decision → its HTTP answer, from the failure type and detail only', () => {
  const p1 = { procedure: 'PROCEDURE_1' as const, event: 'VALIDATE_PARTIAL' };
  const cases: Array<[string, Error, number, string, string, string]> = [
    ['no task open', refused('DecisionNoPermitida', { reason: 'noTask', event: 'VALIDATE_PARTIAL' }), 409, 'EVENTO_NO_PERMITIDO', 'evento', 'La solicitud no espera una decisión en este momento.'],
    ['another step', refused('DecisionNoPermitida', { reason: 'notInState', event: 'VALIDATE_PARTIAL', status: 'EN_REVISION_PLANEACION' }), 409, 'EVENTO_NO_PERMITIDO', 'evento', 'La decisión «Validar parcialmente (ajustar cantidades)» no corresponde al paso en que está la solicitud ahora; vuelva a abrirla para ver lo que puede hacer.'],
    ['the guard', refused('DecisionNoPermitida', { reason: 'guard', event: 'VALIDATE_PARTIAL' }), 409, 'EVENTO_NO_PERMITIDO', 'evento', 'La decisión «Validar parcialmente (ajustar cantidades)» no procede con los datos enviados.'],
    ['the role', refused('RolNoPermitido', { reason: 'role', event: 'VALIDATE_PARTIAL' }), 403, 'NO_PUEDE_ACTUAR', 'evento', 'Su rol no puede tomar la decisión «Validar parcialmente (ajustar cantidades)» en este paso.'],
    ['the scope', refused('AlcanceNoPermitido', { reason: 'scope', event: 'VALIDATE_PARTIAL' }), 403, 'NO_PUEDE_ACTUAR', 'evento', 'El usuario no pertenece a la escuela o a la DRSE de esta solicitud.'],
    ['a number', refused('DatoInvalido', { reason: 'data', event: 'VALIDATE_PARTIAL', field: 'newApproved', expected: 'number' }), 422, 'DATOS_NO_VALIDOS', 'datos.newApproved', 'El dato «Credenciales nuevas aprobadas» debe ser un número.'],
    ['an integer', refused('DatoInvalido', { reason: 'data', event: 'VALIDATE_PARTIAL', field: 'continuingApproved', expected: 'integer', min: 0 }), 422, 'DATOS_NO_VALIDOS', 'datos.continuingApproved', 'El dato «Hologramas aprobados (alumnos que continúan)» debe ser un número entero de 0 o más.'],
    ['a missing comment', refused('DatoInvalido', { reason: 'comment', event: 'VALIDATE_PARTIAL', required: true }), 422, 'DATOS_NO_VALIDOS', 'comentario', 'La decisión «Validar parcialmente (ajustar cantidades)» requiere un comentario que explique el motivo.'],
    ['a long comment', refused('DatoInvalido', { reason: 'comment', event: 'VALIDATE_PARTIAL', maxLength: 1000 }), 422, 'DATOS_NO_VALIDOS', 'comentario', 'El comentario debe ser texto de hasta 1000 caracteres.'],
    ['invalid data without detail', refused('DatoInvalido'), 422, 'DATOS_NO_VALIDOS', 'datos', 'Los datos de la decisión no son válidos.'],
    ['an unknown failure', refused('Otra'), 409, 'DECISION_RECHAZADA', 'evento', 'La decisión «Validar parcialmente (ajustar cantidades)» no se pudo aplicar.'],
    ['an Update accepted when the workflow closed', refused('AcceptedUpdateCompletedWorkflow'), 409, 'TRAMITE_CONCLUIDO', 'evento', 'La solicitud ya no espera decisiones: su trámite concluyó o se detuvo.'],
    ['a closed or missing workflow', new WorkflowNotFoundError('workflow execution already completed', 'wf-1', undefined), 409, 'TRAMITE_CONCLUIDO', 'evento', 'La solicitud ya no espera decisiones: su trámite concluyó o se detuvo.'],
  ];

  it.each(cases)('%s', (_, err, status, code, field, message) => {
    const problem = decisionProblem(err, p1) as DomainError;
    expect(problem).toBeInstanceOf(DomainError);
    expect({ status: problem.status, code: problem.code, field: problem.field, message: problem.message }).toEqual({ status, code, field, message });
    expect(problem.message).not.toMatch(CODES);
  });

  it('says why the guard refused, and names no decision when it does not know which', () => {
    expect(decisionProblem(refused('DecisionNoPermitida', { reason: 'guard', event: 'X' }), { ...p1, reason: 'a lo más 3.' }).message).toBe(
      'La decisión «Validar parcialmente (ajustar cantidades)» no procede con los datos enviados: a lo más 3.',
    );
    expect(decisionProblem(refused('RolNoPermitido', { reason: 'role', event: 'X' })).message).toBe('Su rol no puede tomar la decisión en este paso.');
    expect(decisionProblem(refused('DatoInvalido', { reason: 'data', event: 'X', field: 'n', expected: 'number' })).message).toBe('El dato «de la decisión» debe ser un número.');
  });

  it('passes through what is not a refusal', () => {
    const domain = new DomainError('x', 'evento', 'X', 409);
    expect(decisionProblem(domain)).toBe(domain);
    const other = new Error('already completed; not found');
    expect(decisionProblem(other)).toBe(other);
  });

  it('sends again only a refusal of the step', () => {
    expect(refusedAsNotThisStep(refused('DecisionNoPermitida', { reason: 'notInState', event: 'X' }))).toBe(true);
    expect(refusedAsNotThisStep(refused('DecisionNoPermitida', { reason: 'noTask', event: 'X' }))).toBe(true);
    expect(refusedAsNotThisStep(refused('DecisionNoPermitida', { reason: 'guard', event: 'X' }))).toBe(false);
    expect(refusedAsNotThisStep(refused('DecisionNoPermitida'))).toBe(false);
    expect(refusedAsNotThisStep(refused('RolNoPermitido', { reason: 'role', event: 'X' }))).toBe(false);
  });
});
