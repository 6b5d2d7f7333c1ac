import { whileHeartbeating } from './heartbeat';

/**
 * Turns an injectable activities class into the plain object Temporal's worker registers:
 * every public method, bound to its instance, heartbeating while it runs.
 */
export function bindActivities<T extends object>(instance: T): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  let proto = Object.getPrototypeOf(instance);
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = (instance as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof fn !== 'function' || name in out) continue;
      const method = (fn as (...args: unknown[]) => Promise<unknown>).bind(instance);
      out[name] = (...args: unknown[]) => whileHeartbeating(() => method(...args));
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out;
}
