import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type * as activities from './activities';
import type { BenchTransition } from './activities';

export type RecordMode = 'activity' | 'local' | 'inStep' | 'batch';

const remote = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
const local = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '1 minute' });

/**
 * Procedure 1's happy path as transitions: D after a person's decision (or the filing), A after an
 * automatic step (which runs right before it). The read model must show a D's open task before the
 * workflow waits for the next person, so a batch is flushed before each D and at the end.
 */
const PATH: Array<['D' | 'A', string]> = [
  ['D', 'SUBMIT'], ['D', 'ACCEPT'], ['A', 'PROCEDENCIA_CHECKED'], ['D', 'VALIDATE'], ['A', 'MATERIAL_RESERVED'],
  ['A', 'PRINT_RUN_GENERATED'], ['D', 'PRODUCTION_CONFIRMED'], ['D', 'DELIVER'], ['A', 'ACUSE_RECORDED'], ['D', 'ACUSE_SIGNED'],
];

export async function transitionsWorkflow(mode: RecordMode, workflowId: string): Promise<number> {
  let pending: BenchTransition[] = [];
  let calls = 0;
  for (const [i, [kind, event]] of PATH.entries()) {
    const t: BenchTransition = { workflowId, seq: i, from: i === 0 ? null : PATH[i - 1][1], to: event, event };
    if (mode === 'batch' && kind === 'D' && pending.length) {
      await remote.recordTransitions(pending);
      calls++;
      pending = [];
    }
    if (kind === 'A' && mode === 'inStep') {
      await remote.stepAndRecord([t]);
      calls++;
      continue;
    }
    if (kind === 'A') {
      await remote.step();
      calls++;
    }
    if (mode === 'activity') await remote.recordTransitions([t]);
    else if (mode === 'local') await local.recordTransitions([t]);
    else if (mode === 'inStep') await remote.recordTransitions([t]);
    else pending.push(t);
    if (mode !== 'batch') calls++;
  }
  if (pending.length) {
    await remote.recordTransitions(pending);
    calls++;
  }
  return calls;
}
