import type { Express } from 'express';
import type { NestFactory as NestFactoryType } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { ROLES_EXTENSION } from './http/auth.decorators';
import { JSON_BODY_LIMIT } from './http/problem.filter';
import { requestIdMiddleware } from './observability/http-logging';
import { httpMetricsMiddleware, metricsHandler } from './observability/metrics';
import { httpTracingMiddleware } from './observability/tracing';
import { applySecurityHeaders } from './security/security-headers';
import { codecCorsMiddleware } from './temporal/codec.controller';

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function createApp(factory: typeof NestFactoryType): Promise<NestExpressApplication> {
  const app = await factory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware);
  app.use(httpTracingMiddleware);
  // Prometheus exposition; who may read it is decided in the handler (METRICS_ALLOW, METRICS_TOKEN).
  (app.getHttpAdapter().getInstance() as Express).get('/metrics', metricsHandler());
  app.enableShutdownHooks();
  keepIdleConnectionsOpen(app, loadConfig().httpKeepAliveSeconds);
  app.disable('x-powered-by');
  if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY);
  applySecurityHeaders(app);
  app.use('/temporal-codec', codecCorsMiddleware());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT.bytes });
  serveWebInterface(app);
  const doc = new DocumentBuilder()
    .setTitle('Credencialización SEJ')
    .setDescription(
      'API del motor de trámites de credencialización de alumnos de la SEJ. Inicie sesión en `POST /auth/login` y envíe ' +
        '`Authorization: Bearer <accessToken>`. Cada operación dice qué roles atiende (`x-roles`). Los errores son ' +
        '`application/problem+json` con `detail` en español y `errors[]` por campo. Véase docs/api.md.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => withRolesInDescriptions(SwaggerModule.createDocument(app, doc)), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}

/**
 * Node closes an idle connection after 5 s; a client or proxy that reuses it at that moment gets
 * ECONNRESET (seen in CI). Headers must be allowed a little longer than the idle limit.
 */
function keepIdleConnectionsOpen(app: NestExpressApplication, seconds: number): void {
  const server = app.getHttpServer();
  server.keepAliveTimeout = seconds * 1000;
  server.headersTimeout = seconds * 1000 + 1000;
}

/** Copies each operation's `x-roles` into its description, where Swagger UI shows it. */
function withRolesInDescriptions(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method] as (Record<string, unknown> & { description?: string }) | undefined;
      const roles = op?.[ROLES_EXTENSION] as string[] | undefined;
      if (!op || !roles) continue;
      const line = roles.includes('PUBLICO') ? '**Roles:** público (sin sesión).' : `**Roles:** ${roles.join(', ')}.`;
      op.description = op.description ? `${line}\n\n${op.description}` : line;
    }
  }
  return document;
}

/**
 * The web interface (web/, built into web/dist by `npm run build:web`): static files at /app/, and
 * `/` redirects there. It talks to the same public API with the same tokens (docs/web.md).
 */
function serveWebInterface(app: NestExpressApplication): void {
  const dir = webDistDir();
  if (!dir) return;
  app.useStaticAssets(dir, { prefix: '/app/', index: 'index.html', maxAge: 0 });
  const server = app.getHttpAdapter().getInstance() as Express;
  server.get('/', (_req, res) => res.redirect(302, '/app/'));
}

function webDistDir(): string | null {
  const candidates = [process.env.WEB_DIST_DIR, path.resolve(__dirname, '..', 'web', 'dist'), path.resolve(__dirname, '..', '..', 'web', 'dist')];
  return candidates.find((d): d is string => !!d && existsSync(path.join(d, 'index.html'))) ?? null;
}
