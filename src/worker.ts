import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './config/app-config';
import { initLogging, rootLogger, TemporalJsonLogger } from './observability/logger';
import { addMetricsSource, startMetricsServer } from './observability/metrics';
import { startTracing, stopTracing } from './observability/tracing';
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
  startTracing('worker');
  const withMetrics = config.workerMetricsPort > 0;
  Runtime.install({
    logger: new TemporalJsonLogger(),
    // The SDK's own metrics (task latencies, slots, sticky cache, polls); appended to the worker's /metrics.
    ...(withMetrics
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.temporalSdkMetricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } }
      : {}),
  });
  if (withMetrics) addMetricsSource(async () => (await fetch(`http://${config.temporalSdkMetricsAddress}/metrics`, { signal: AbortSignal.timeout(2_000) })).text());
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  ctx.useLogger(ctx.get(Logger));
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    activities: collectActivities(ctx),
  });
  // A busy metrics port costs the metrics, not the worker.
  const metricsServer = withMetrics
    ? await startMetricsServer(config.workerMetricsPort, process.env.HOST || '0.0.0.0').catch((err: unknown) => {
        logger.warn({ err }, `No se pudo abrir el puerto de métricas ${config.workerMetricsPort}; el worker sigue sin /metrics`);
        return undefined;
      })
    : undefined;
  if (metricsServer) logger.info(`Métricas del worker en http://localhost:${config.workerMetricsPort}/metrics`);
  logger.info({ node: process.version }, `Worker conectado a Temporal en ${config.temporalAddress}, cola "${config.taskQueue}" (Node ${process.version})`);
  await worker.run();
  metricsServer?.close();
  await stopTracing();
  await connection.close();
  await ctx.close();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    rootLogger().fatal({ err }, 'El worker terminó por un error');
    process.exit(1);
  });
}
