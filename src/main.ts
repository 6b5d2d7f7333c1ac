import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(NestFactory);
  await app.listen(config.port, process.env.HOST || '0.0.0.0');
  new Logger('API').log(`API escuchando en http://localhost:${config.port} (documentación en /docs; Node ${process.version})`);
}

bootstrap().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
