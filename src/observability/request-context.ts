import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER, REQUEST_ID_PATTERN } from '../../workflows/observability-interceptors';

export { REQUEST_ID_HEADER };

/**
 * What every log line of one unit of work carries: the request id (HTTP request, or the Temporal
 * Update/activity it led to) and, once authenticated, the actor's id and role. Never names, CURPs
 * or bodies.
 */
export interface RequestContext {
  requestId: string;
  actorId?: string;
  role?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** An incoming `X-Request-Id` when it is a short token; a new UUID otherwise. */
export function acceptRequestId(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** Records who is acting in the current request (the auth guard calls it once it knows). */
export function setRequestActor(actor: { id: string; role: string }): void {
  const context = storage.getStore();
  if (!context) return;
  context.actorId = actor.id;
  context.role = actor.role;
}
