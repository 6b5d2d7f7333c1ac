import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../access';

/**
 * The idempotency key an HTTP call hands to an inventory service (`Mutation.key`). With an
 * `Idempotency-Key` header it is derived from (user, operation, target, header), so a retry after a
 * crash between the service's commit and the HTTP record finds the first result; without one every
 * call is new. The HTTP interceptor (`@Idempotent()`) replays answers before the service is reached.
 */
export function operationKey(actor: Actor, operation: string, target: string | number, header: string | undefined): string {
  if (header === undefined || header === '') return `http:${operation}:${randomUUID()}`;
  const digest = createHash('sha256').update(`${actor.id}\n${operation}\n${target}\n${header}`).digest('hex');
  return `http:${operation}:${digest}`;
}
