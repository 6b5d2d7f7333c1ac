import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ServiceUnavailableError } from '../../common/domain-error';
import type { ProcedureName } from '../../../statecharts/step-meta';
import { eventSpec } from './decision-catalog';

const conflict = (message: string, code: string) => new DomainError(message, 'evento', code, 409);

/** The engine did not answer in time (Temporal or its worker down): 503, retry later. */
export class EngineUnavailableError extends ServiceUnavailableError {
  constructor(message = 'El motor de trámites no respondió a tiempo; reintente en unos momentos.') {
    super(message, 5, 'MOTOR_NO_DISPONIBLE');
    this.name = 'EngineUnavailableError';
  }
}

/** Runs `fn`, giving up (503) after `ms`: an HTTP call never hangs on a missing worker. */
export async function withinTime<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EngineUnavailableError()), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
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

/** A runner message that still shows a code (an event in quotes, a role or a status in capitals) is not shown as is. */
const CODE = /"[A-Z][A-Z_]+"|\b[A-Z]{2,}_[A-Z_]+\b/;

/**
 * Maps a refused `decide` Update (the runner's validator, workflows/procedure-runner.ts `check`) to
 * the HTTP answer: DecisionNoPermitida → 409 (not allowed now), RolNoPermitido / AlcanceNoPermitido
 * → 403 (the caller may not act on this task), DatoInvalido → 422. A closed workflow → 409.
 * The runner's sentences name events, roles and statuses by code; with `about` the answer names the
 * decision by its Spanish label (decision-catalog.ts) and says why, and no code reaches the user.
 */
export function decisionProblem(err: unknown, about?: RefusedDecision): Error {
  if (err instanceof DomainError) return err;
  const failure = failureOf(err);
  if (failure) {
    const message = failure.message || 'La decisión no se pudo aplicar.';
    const decision = about ? `La decisión «${eventSpec(about.procedure, about.event).etiqueta}»` : 'La decisión';
    switch (failure.type) {
      case 'DecisionNoPermitida':
        if (/no procede/.test(message)) {
          return conflict(`${decision} no procede con los datos enviados${about?.reason ? `: ${about.reason}` : '.'}`, 'EVENTO_NO_PERMITIDO');
        }
        if (/no está permitido/.test(message)) {
          return conflict(`${decision} no corresponde al paso en que está la solicitud ahora; vuelva a abrirla para ver lo que puede hacer.`, 'EVENTO_NO_PERMITIDO');
        }
        return conflict(plain(message, 'La solicitud no espera esa decisión en este momento.'), 'EVENTO_NO_PERMITIDO');
      case 'RolNoPermitido':
        return new DomainError(`Su rol no puede tomar ${lower(decision)} en este paso.`, 'evento', 'NO_PUEDE_ACTUAR', 403);
      case 'AlcanceNoPermitido':
        return new DomainError(plain(message, 'La solicitud no es de su escuela ni de su DRSE.'), 'evento', 'NO_PUEDE_ACTUAR', 403);
      case 'DatoInvalido': {
        const data = /El dato "(\w+)"/.exec(message);
        if (data) {
          const field = about ? eventSpec(about.procedure, about.event).datos?.find((f) => f.campo === data[1]) : undefined;
          return new DomainError(`El dato «${field?.etiqueta ?? 'de la decisión'}» debe ser un número.`, `datos.${data[1]}`, 'DATOS_NO_VALIDOS', 422);
        }
        return new DomainError(plain(message, 'Los datos de la decisión no son válidos.'), /comentario/i.test(message) ? 'comentario' : 'datos', 'DATOS_NO_VALIDOS', 422);
      }
      default:
        return conflict(plain(message, `${decision} no se pudo aplicar.`), 'DECISION_RECHAZADA');
    }
  }
  const name = (err as Error)?.name;
  if (name === 'WorkflowNotFoundError' || /already completed|not found/i.test((err as Error)?.message ?? '')) {
    return conflict('La solicitud ya no espera decisiones: su trámite concluyó o se detuvo.', 'TRAMITE_CONCLUIDO');
  }
  return err as Error;
}

/**
 * The runner refused because its current step does not take this event (not because a guard refused
 * the numbers): the refusal a decision sent a moment before the workflow catches up with the read
 * model gets, worth sending again.
 */
export function refusedAsNotThisStep(err: unknown): boolean {
  const failure = failureOf(err);
  return failure?.type === 'DecisionNoPermitida' && !/no procede/.test(failure.message);
}

const plain = (message: string, fallback: string): string => (CODE.test(message) ? fallback : message);
const lower = (decision: string): string => decision.replace(/^La /, 'la ');
