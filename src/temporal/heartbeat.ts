import { asyncLocalStorage, Context } from '@temporalio/activity';

/** The running activity's context; undefined outside one (API process, scripts, tests) and in a local activity, which cannot heartbeat. */
function currentActivity(): Context | undefined {
  const context = asyncLocalStorage.getStore();
  return context?.info.isLocal ? undefined : context;
}

/** Tells Temporal the running activity is alive (the SDK throttles the calls); a no-op outside activities. */
export function heartbeat(): void {
  currentActivity()?.heartbeat();
}

/**
 * Runs `work` while heartbeating on a timer, so a step that spends long in one call (a PDF render,
 * a large print run) still proves it is alive, and a dead worker's step is retried after the
 * activity's heartbeat timeout instead of its start-to-close timeout.
 */
export async function whileHeartbeating<T>(work: () => Promise<T>): Promise<T> {
  const context = currentActivity();
  if (!context) return work();
  context.heartbeat();
  const everyMs = Math.min(5_000, Math.max(200, (context.info.heartbeatTimeoutMs ?? 20_000) / 4));
  const timer = setInterval(() => context.heartbeat(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
