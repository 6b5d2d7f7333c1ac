import { Test } from '@nestjs/testing';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { createOrmConfig } from '../../../src/database/mikro-orm.config';
import { collectActivities } from '../../../src/worker';
import { ACTIVITY_CLASSES } from '../../../src/worker.module';
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
    const moduleRef = await Test.createTestingModule({
      imports: [MikroOrmModule.forRoot(createOrmConfig(db.url))],
      providers: [...ACTIVITY_CLASSES],
    }).compile();
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
