import { Worker } from '@temporalio/worker';
import { bindActivities } from '../../../src/temporal/activity-binding';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';
import { heartbeatProbe } from './support/heartbeat.workflow';

class SlowActivities {
  async slowStep(ms: number): Promise<string> {
    await new Promise((r) => setTimeout(r, ms));
    return `done after ${ms} ms`;
  }
}

/**
 * Activities bound for the worker heartbeat while they run, so Temporal can use a short heartbeat
 * timeout to notice a dead worker in seconds; the same step unbound times out.
 */
describe(bindActivities.name, () => {
  let temporal: TestTemporal;
  beforeAll(async () => (temporal = await connectTestTemporal()));
  afterAll(async () => temporal?.close());

  async function probe(activities: object, id: string): Promise<string> {
    const worker = await Worker.create({
      connection: temporal.nativeConnection,
      taskQueue: `${temporal.taskQueue}-${id}`,
      workflowsPath: require.resolve('./support/heartbeat.workflow'),
      activities,
    });
    return worker.runUntil(
      temporal.client.workflow.execute(heartbeatProbe, { taskQueue: `${temporal.taskQueue}-${id}`, workflowId: `${temporal.taskQueue}-${id}`, args: [3_000] }),
    );
  }

  it('keeps a step that outlasts its heartbeat timeout alive', async () => {
    expect(await probe(bindActivities(new SlowActivities()), 'bound')).toBe('done after 3000 ms');
  });

  it('(control) the same step without the binding is timed out by Temporal', async () => {
    const sut = new SlowActivities();
    expect(await probe({ slowStep: (ms: number) => sut.slowStep(ms) }, 'unbound')).toMatch(/^failed: .*heartbeat/i);
  });
});
