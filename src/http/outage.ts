import { isGrpcServiceError } from '@temporalio/client';
import { ServiceUnavailableError } from '../common/domain-error';

/**
 * The one place where "a service we need is down or saturated" is recognised, whatever layer threw
 * it: PostgreSQL unreachable or restarting, the pool exhausted past its acquire timeout, the
 * Temporal frontend unreachable or past the call's deadline. Each becomes a 503 with Retry-After.
 */

export const DATABASE_UNAVAILABLE = 'La base de datos no está disponible o está saturada en este momento; no se guardó nada. Reintente en unos segundos.';
export const ENGINE_UNAVAILABLE = 'El motor de trámites no está disponible en este momento; no se aplicó nada. Reintente en unos segundos.';

/** Seconds a client should wait before retrying after an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
/** PostgreSQL: connection exceptions (08…), server shutting down or starting (57P01–57P03), too many connections. */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
const PG_CONNECTION_TEXT = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|the database system is (starting up|shutting down)/i;
/** gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4). */
const GRPC_OUTAGE = new Set([14, 4]);

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let e = err;
  for (let i = 0; i < 6 && e && typeof e === 'object' && !chain.includes(e); i++) {
    chain.push(e);
    const x = e as { cause?: unknown; previous?: unknown };
    e = x.cause ?? x.previous;
  }
  return chain;
}

function isDatabaseOutage(e: unknown): boolean {
  const x = e as { name?: string; code?: unknown; message?: string };
  if (x.name === 'KnexTimeoutError') return true;
  if (typeof x.code === 'string' && (NETWORK_CODES.has(x.code) || PG_UNAVAILABLE.test(x.code))) return true;
  return x.name === 'ConnectionException' || PG_CONNECTION_TEXT.test(x.message ?? '');
}

function isEngineOutage(e: unknown): boolean {
  if (isGrpcServiceError(e)) return GRPC_OUTAGE.has(e.code);
  const name = (e as { name?: string }).name;
  return name === 'WorkflowUpdateRPCTimeoutOrCancelledError' || (name === 'ServiceError' && /Failed to connect/i.test((e as Error).message));
}

/** The 503 for an outage error, or undefined when `err` is something else. */
export function outageOf(err: unknown): ServiceUnavailableError | undefined {
  if (err instanceof ServiceUnavailableError) return err;
  const chain = causes(err);
  if (chain.some(isEngineOutage)) return new ServiceUnavailableError(ENGINE_UNAVAILABLE, OUTAGE_RETRY_AFTER_SECONDS, 'MOTOR_NO_DISPONIBLE');
  if (chain.some(isDatabaseOutage)) return new ServiceUnavailableError(DATABASE_UNAVAILABLE, OUTAGE_RETRY_AFTER_SECONDS, 'BASE_DE_DATOS_NO_DISPONIBLE');
  return undefined;
}
