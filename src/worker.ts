import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './config/app-config';
import { initLogging, rootLogger, TemporalJsonLogger } from './observability/logger';
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
  const logger = initLogging('worker').child({ context: 'Worker' });
  Runtime.install({ logger: new TemporalJsonLogger() });
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  ctx.useLogger(ctx.get(Logger));
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    activities: collectActivities(ctx),
  });
  logger.info({ node: process.version }, `Worker conectado a Temporal en ${config.temporalAddress}, cola "${config.taskQueue}" (Node ${process.version})`);
  await worker.run();
  await connection.close();
  await ctx.close();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    rootLogger().fatal({ err }, 'El worker terminó por un error');
    process.exit(1);
  });
}
