import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ServiceUnavailableError } from '../../common/domain-error';

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

/**
 * Maps a refused `decide` Update (the runner's validator, workflows/procedure-runner.ts `check`) to
 * the HTTP answer: DecisionNoPermitida → 409 (not allowed now), RolNoPermitido / AlcanceNoPermitido
 * → 403 (the caller may not act on this task), DatoInvalido → 422. A closed workflow → 409.
 */
export function decisionProblem(err: unknown): Error {
  if (err instanceof DomainError) return err;
  const failure = failureOf(err);
  if (failure) {
    const message = failure.message || 'La decisión no se pudo aplicar.';
    switch (failure.type) {
      case 'DecisionNoPermitida':
        return conflict(message, 'EVENTO_NO_PERMITIDO');
      case 'RolNoPermitido':
      case 'AlcanceNoPermitido':
        return new DomainError(message, 'evento', 'NO_PUEDE_ACTUAR', 403);
      case 'DatoInvalido':
        return new DomainError(message, /comentario/i.test(message) ? 'comentario' : 'datos', 'DATOS_NO_VALIDOS', 422);
      default:
        return conflict(message, 'DECISION_RECHAZADA');
    }
  }
  const name = (err as Error)?.name;
  if (name === 'WorkflowNotFoundError' || /already completed|not found/i.test((err as Error)?.message ?? '')) {
    return conflict('La solicitud ya no espera decisiones: su trámite concluyó o se detuvo.', 'TRAMITE_CONCLUIDO');
  }
  return err as Error;
}
