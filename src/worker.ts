import 'reflect-metadata';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from './config/app-config';
import { bindActivities } from './temporal/activity-binding';
import { createWorker } from './temporal/worker-factory';
import { ACTIVITY_CLASSES, WorkerModule } from './worker.module';

/** Collects every activity method of the worker's activity classes. */
export function collectActivities(ctx: INestApplicationContext): Record<string, (...args: never[]) => Promise<unknown>> {
  const activities: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const cls of ACTIVITY_CLASSES) Object.assign(activities, bindActivities(ctx.get(cls)));
  return activities;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Worker');
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn', 'log'] });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    activities: collectActivities(ctx),
  });
  logger.log(`Worker conectado a Temporal en ${config.temporalAddress}, cola "${config.taskQueue}" (Node ${process.version})`);
  await worker.run();
  await connection.close();
  await ctx.close();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
