import { ActivityFailure, proxyActivities } from '@temporalio/workflow';

export interface HeartbeatProbeActivities {
  slowStep(ms: number): Promise<string>;
}

const { slowStep } = proxyActivities<HeartbeatProbeActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '1 second',
  retry: { maximumAttempts: 1 },
});

/** Runs one activity that lasts longer than its heartbeat timeout; answers how it ended. */
export async function heartbeatProbe(ms: number): Promise<string> {
  try {
    return await slowStep(ms);
  } catch (err) {
    if (err instanceof ActivityFailure) return `failed: ${err.cause?.message ?? err.message}`;
    throw err;
  }
}
