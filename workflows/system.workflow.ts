import { proxyActivities } from '@temporalio/workflow';
import type { SystemActivities } from '../src/system/system.activities';

const { checkDatabase } = proxyActivities<SystemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/** Smallest end-to-end workflow: proves a worker runs workflows and reaches the database. */
export async function systemCheckWorkflow(): Promise<{ database: string; drseCount: number }> {
  return checkDatabase();
}
