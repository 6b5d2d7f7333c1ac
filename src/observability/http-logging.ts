import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { rootLogger } from './logger';
import { acceptRequestId, REQUEST_ID_HEADER, runWithRequestContext } from './request-context';

type LoggedRequest = IncomingMessage & Partial<Pick<Request, 'route' | 'baseUrl' | 'path'>> & { id?: string };

/**
 * First middleware of the API: takes the caller's `X-Request-Id` when it is a short token (else
 * makes one), answers it in the `X-Request-Id` header and runs the rest of the request inside its
 * context, so every log line, problem body and Temporal call of the request carries it.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  (req as LoggedRequest).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  runWithRequestContext({ requestId }, next);
}

/** The request id given to a request by requestIdMiddleware. */
export function requestIdOf(req: unknown): string | undefined {
  const id = (req as LoggedRequest | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The route pattern that answered (`/requests/:id/decisions`), never the URL: paths and query
 * strings can carry search terms (names) and ids. Bounded for metric labels.
 */
export function routeOf(req: unknown): string {
  const r = req as LoggedRequest;
  const pattern = r.route?.path;
  if (typeof pattern === 'string') return `${r.baseUrl ?? ''}${pattern}` || '/';
  const path = r.path ?? r.url ?? '';
  if (path.startsWith('/app/') || path === '/app') return '/app/*';
  return 'unmatched';
}

/**
 * nestjs-pino over the process's root logger. In the API it also writes one line per request:
 * method, route, status, duration, request id, actor id and role (the last three from the request
 * context), and nothing of the request's
 * headers, URL or body.
 */
export const LoggingModule = LoggerModule.forRoot({
  pinoHttp: {
    logger: rootLogger(),
    genReqId: (req: IncomingMessage) => requestIdOf(req) ?? acceptRequestId(undefined),
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessObject: (req: IncomingMessage, res: ServerResponse, value: { durationMs?: number }) => ({
      method: req.method,
      route: routeOf(req),
      status: res.statusCode,
      durationMs: value.durationMs,
    }),
    customErrorObject: (req: IncomingMessage, res: ServerResponse, _err: Error, value: { durationMs?: number }) => ({
      method: req.method,
      route: routeOf(req),
      status: res.statusCode,
      durationMs: value.durationMs,
    }),
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${routeOf(req)} → ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${routeOf(req)} → ${res.statusCode}`,
  },
});
