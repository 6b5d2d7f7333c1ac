import { NestFactory } from '@nestjs/core';
import { collectActivities } from '../../../src/worker';
import { WorkerModule } from '../../../src/worker.module';
import { createWorker } from '../../../src/temporal/worker-factory';
import { systemCheckWorkflow } from '../../../workflows';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';

describe('worker wiring on the real Temporal server', () => {
  let db: TestDatabase;
  let temporal: TestTemporal;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await connectTestTemporal();
  });

  afterAll(async () => {
    await temporal?.close();
    await db?.drop();
  });

  it('runs a workflow whose activity reads this test database through the worker module', async () => {
    // The worker process's own module, configured like src/worker.ts does: from the environment.
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.url;
    const moduleRef = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    process.env.DATABASE_URL = saved;
    const worker = await createWorker({
      connection: temporal.nativeConnection,
      taskQueue: temporal.taskQueue,
      activities: collectActivities(moduleRef),
    });
    const result = await worker.runUntil(
      temporal.client.workflow.execute(systemCheckWorkflow, {
        taskQueue: temporal.taskQueue,
        workflowId: `system-check-${temporal.taskQueue}`,
      }),
    );
    expect(result).toEqual({ database: db.name, drseCount: 14 });
    const history = await temporal.client.workflow.getHandle(`system-check-${temporal.taskQueue}`).fetchHistory();
    expect(history.events?.some((e) => e.activityTaskCompletedEventAttributes)).toBe(true);
    await moduleRef.close();
  });
});
