import { isGrpcDeadlineError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { DomainError, ServiceUnavailableError } from '../../common/domain-error';
import { DECISION_FAILURE, decisionRefusalOf, fieldExpectation, type DecisionRefusal, type DecisionSpec } from '../../../statecharts/decisions';
import type { ProcedureName } from '../../../statecharts/step-meta';
import { decisionOf } from './decision-catalog';

const conflict = (message: string, code: string) => new DomainError(message, 'evento', code, 409);

/** The engine did not answer in time (Temporal or its worker down): 503, retry later. */
export class EngineUnavailableError extends ServiceUnavailableError {
  constructor(message = 'El motor de trámites no respondió a tiempo; reintente en unos momentos.') {
    super(message, 5, 'MOTOR_NO_DISPONIBLE');
    this.name = 'EngineUnavailableError';
  }
}

/** What gives Temporal calls a deadline (ProcedureClient). */
export interface EngineDeadline {
  withDeadline<T>(ms: number, fn: () => Promise<T>): Promise<T>;
}

/**
 * Runs `fn`'s Temporal calls under the client's deadline (`Client.withDeadline`), answering 503 when
 * it passes (gRPC DEADLINE_EXCEEDED): an HTTP call never hangs on a missing worker or server.
 */
export async function withinTime<T>(engine: EngineDeadline, ms: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await engine.withDeadline(ms, fn);
  } catch (err) {
    // An Update's RPC that runs out of time surfaces as the SDK's own error, not as the gRPC status.
    if (isGrpcDeadlineError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw new EngineUnavailableError();
    throw err;
  }
}

function failureOf(err: unknown): ApplicationFailure | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof ApplicationFailure) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Which decision was refused, so the answer names it as people do (never its code). */
export interface RefusedDecision {
  procedure: ProcedureName;
  event: string;
  /** Why the guard refused it (limits, eligibility), from the request's recorded context; Spanish. */
  reason?: string | null;
}

/** The failure type the server gives an accepted Update whose workflow closed before answering it. */
const UPDATE_OF_CLOSED_WORKFLOW = 'AcceptedUpdateCompletedWorkflow';

const closed = () => conflict('La solicitud ya no espera decisiones: su trámite concluyó o se detuvo.', 'TRAMITE_CONCLUIDO');

/**
 * Maps a refused `decide` Update to the HTTP answer by the failure's type and its structured detail
 * (statecharts/decisions.ts `DecisionRefusal`, thrown by workflows/procedure-runner.ts `validate`),
 * never by its message: not allowed now → 409, the caller's role or scope → 403, data or comment →
 * 422 naming the field, a closed workflow → 409. With `about` the answer names the decision by its
 * Spanish label (decision-catalog.ts) and says why; no code reaches the user.
 */
export function decisionProblem(err: unknown, about?: RefusedDecision): Error {
  if (err instanceof DomainError) return err;
  if (err instanceof WorkflowNotFoundError) return closed();
  const failure = failureOf(err);
  if (!failure) return err as Error;
  if (failure.type === UPDATE_OF_CLOSED_WORKFLOW) return closed();
  const spec = about ? decisionOf(about.procedure, about.event) : undefined;
  const decision = spec ? `La decisión «${spec.label}»` : 'La decisión';
  const refusal = decisionRefusalOf(failure.details);
  switch (failure.type) {
    case DECISION_FAILURE.notAllowed:
      if (refusal?.reason === 'guard') {
        return conflict(`${decision} no procede con los datos enviados${about?.reason ? `: ${about.reason}` : '.'}`, 'EVENTO_NO_PERMITIDO');
      }
      if (refusal?.reason === 'notInState') {
        return conflict(`${decision} no corresponde al paso en que está la solicitud ahora; vuelva a abrirla para ver lo que puede hacer.`, 'EVENTO_NO_PERMITIDO');
      }
      return conflict('La solicitud no espera una decisión en este momento.', 'EVENTO_NO_PERMITIDO');
    case DECISION_FAILURE.role:
      return new DomainError(`Su rol no puede tomar ${lower(decision)} en este paso.`, 'evento', 'NO_PUEDE_ACTUAR', 403);
    case DECISION_FAILURE.scope:
      return new DomainError('El usuario no pertenece a la escuela o a la DRSE de esta solicitud.', 'evento', 'NO_PUEDE_ACTUAR', 403);
    case DECISION_FAILURE.data:
      return invalidData(refusal, decision, spec);
    default:
      return conflict(`${decision} no se pudo aplicar.`, 'DECISION_RECHAZADA');
  }
}

function invalidData(refusal: DecisionRefusal | null, decision: string, spec: DecisionSpec | undefined): DomainError {
  if (refusal?.reason === 'comment') {
    return refusal.required
      ? new DomainError(`${decision} requiere un comentario que explique el motivo.`, 'comentario', 'DATOS_NO_VALIDOS', 422)
      : new DomainError(`El comentario debe ser texto de hasta ${refusal.maxLength ?? 1000} caracteres.`, 'comentario', 'DATOS_NO_VALIDOS', 422);
  }
  if (refusal?.reason === 'data' && refusal.field) {
    const label = spec?.fields.find((f) => f.name === refusal.field)?.label;
    if (!refusal.expected) return new DomainError(`${decision} no lleva ese dato.`, `datos.${refusal.field}`, 'DATOS_NO_VALIDOS', 422);
    return new DomainError(`El dato «${label ?? 'de la decisión'}» debe ser ${fieldExpectation({ kind: refusal.expected, min: refusal.min })}.`, `datos.${refusal.field}`, 'DATOS_NO_VALIDOS', 422);
  }
  return new DomainError('Los datos de la decisión no son válidos.', 'datos', 'DATOS_NO_VALIDOS', 422);
}

/**
 * The runner refused because its current step does not take this event (not because a guard refused
 * the numbers): the refusal a decision sent a moment before the workflow catches up with the read
 * model gets, worth sending again.
 */
export function refusedAsNotThisStep(err: unknown): boolean {
  const failure = failureOf(err);
  if (failure?.type !== DECISION_FAILURE.notAllowed) return false;
  const reason = decisionRefusalOf(failure.details)?.reason;
  return reason === 'notInState' || reason === 'noTask';
}

const lower = (decision: string): string => decision.replace(/^La /, 'la ');
