import { context, propagation, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NextFunction, Request, Response } from 'express';
import { routeOf } from './http-logging';

/**
 * OpenTelemetry traces through HTTP → Temporal client → workflow → activities → PostgreSQL. Off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP, the standard OTEL_* variables apply) or a
 * test passes its own exporter. Spans carry route patterns, workflow and activity types and ids,
 * never bodies or personal data.
 */
interface Tracing {
  provider: BasicTracerProvider;
  processor: SpanProcessor;
  resource: Resource;
}

let active: Tracing | undefined;

export function startTracing(serviceName: string, exporter?: SpanExporter): Tracing | undefined {
  if (active) return active;
  if (!exporter && !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const resource = new Resource({ 'service.name': process.env.OTEL_SERVICE_NAME || `credencializacion-sej-${serviceName}` });
  const processor = exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable(), propagator: new W3CTraceContextPropagator() });
  active = { provider, processor, resource };
  return active;
}

export function tracing(): Tracing | undefined {
  return active;
}

export async function stopTracing(): Promise<void> {
  const current = active;
  active = undefined;
  if (!current) return;
  await current.provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

function tracer(): Tracer {
  return trace.getTracer('credencializacion-sej');
}

/** Express middleware: one server span per request (continuing an incoming traceparent), active while it is served. */
export function httpTracingMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (!active) return next();
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer().startSpan(`${req.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
  res.on('finish', () => {
    const route = routeOf(req);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}

interface KnexQuery {
  __knexQueryUid?: string;
  sql?: string;
  method?: string;
}

interface QueryEvents {
  on(event: 'query', listener: (q: KnexQuery) => void): unknown;
  on(event: 'query-response' | 'query-error', listener: (result: unknown, q: KnexQuery) => void): unknown;
}

const STATEMENT_MAX = 2000;

/**
 * PostgreSQL: one client span per query, a child of the span active when the query was sent. The
 * statement text goes with its placeholders; bound values never do, and string literals written into
 * the text are masked too.
 */
export function traceQueries(knex: QueryEvents): void {
  const open = new Map<string, Span>();
  knex.on('query', (q) => {
    if (!active || !q.__knexQueryUid) return;
    const text = (q.sql ?? '').replace(/'(?:[^']|'')*'/g, "'?'").slice(0, STATEMENT_MAX);
    const operation = (q.method && q.method !== 'raw' ? q.method : (text.trim().split(/\s+/)[0] ?? 'query')).toUpperCase();
    const span = tracer().startSpan(`pg ${operation}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'postgresql', 'db.operation.name': operation, 'db.query.text': text },
    });
    open.set(q.__knexQueryUid, span);
  });
  const finish = (failed: boolean) => (_result: unknown, q: KnexQuery) => {
    const span = q?.__knexQueryUid ? open.get(q.__knexQueryUid) : undefined;
    if (!span) return;
    open.delete(q.__knexQueryUid!);
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  knex.on('query-response', finish(false));
  knex.on('query-error', finish(true));
}
