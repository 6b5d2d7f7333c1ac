import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';
import { initLogging, rootLogger } from './observability/logger';
import { startTracing } from './observability/tracing';

async function bootstrap(): Promise<void> {
  initLogging('api');
  startTracing('api');
  const config = loadConfig();
  const app = await createApp(NestFactory);
  await app.listen(config.port, process.env.HOST || '0.0.0.0');
  rootLogger().info({ context: 'API', node: process.version }, `API escuchando en http://localhost:${config.port} (documentación en /docs; Node ${process.version})`);
}

bootstrap().catch((err: unknown) => {
  rootLogger().fatal({ err }, 'La API terminó por un error');
  process.exit(1);
});
