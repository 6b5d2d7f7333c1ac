import { INestApplication } from '@nestjs/common';
import type { NestFactory as NestFactoryType } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function createApp(factory: typeof NestFactoryType): Promise<INestApplication> {
  const app = await factory.create(AppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Credencialización SEJ')
    .setDescription('API del motor de trámites de credencialización de alumnos de la SEJ.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs-json' });
  return app;
}
