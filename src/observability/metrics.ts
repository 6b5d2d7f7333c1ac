import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { BlockList, isIP, isIPv6 } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { routeOf } from './http-logging';

/**
 * The process's Prometheus metrics (prom-client): `/metrics` on the API, and on the worker's own
 * small listener. Labels are bounded: route patterns (never URLs), procedures, events, roles, DRSE
 * codes and item codes. docs/OPERATIONS.md lists them and the alerts built on them.
 */
export const metricsRegistry = new Registry();

export const httpRequests = new Counter({
  name: 'sej_http_requests_total',
  help: 'Solicitudes HTTP atendidas, por método, ruta (patrón) y estado.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'sej_http_request_duration_seconds',
  help: 'Duración de las solicitudes HTTP, por método, ruta (patrón) y estado.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const decisions = new Counter({
  name: 'sej_decisions_total',
  help: 'Decisiones enviadas a los trámites, por procedimiento, evento y resultado (applied, refused, failed).',
  labelNames: ['procedure', 'event', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const printRuns = new Counter({
  name: 'sej_print_runs_total',
  help: 'Corridas de impresión emitidas (nuevas, no repeticiones idempotentes).',
  registers: [metricsRegistry],
});

export const cardsIssued = new Counter({
  name: 'sej_cards_issued_total',
  help: 'Credenciales emitidas en corridas de impresión.',
  registers: [metricsRegistry],
});

export const cardsRendered = new Counter({
  name: 'sej_cards_rendered_total',
  help: 'Credenciales dibujadas en PDF de planillas.',
  registers: [metricsRegistry],
});

export const renderDuration = new Histogram({
  name: 'sej_render_duration_seconds',
  help: 'Duración de cada render de Chromium, por tipo (pdf, png) y resultado.',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60],
  registers: [metricsRegistry],
});

export const activityDuration = new Histogram({
  name: 'sej_activity_duration_seconds',
  help: 'Duración de las actividades de Temporal de este worker, por actividad y resultado.',
  labelNames: ['activity', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
  registers: [metricsRegistry],
});

export const collectFailures = new Counter({
  name: 'sej_metrics_collect_failures_total',
  help: 'Lecturas de la base de datos para métricas que fallaron o excedieron su tiempo (el valor anterior se conserva).',
  labelNames: ['collector'] as const,
  registers: [metricsRegistry],
});

let defaultsOn = false;

/** Node's process metrics (CPU, memory, event loop, GC); once per process, when it serves metrics. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** Times `work` into a histogram with an `outcome` label ok / error. */
export async function timed<T, L extends string>(histogram: Histogram<L>, labels: Partial<Record<L, string>>, work: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer(labels);
  try {
    const out = await work();
    end({ outcome: 'ok' } as Partial<Record<L, string>>);
    return out;
  } catch (err) {
    end({ outcome: 'error' } as Partial<Record<L, string>>);
    throw err;
  }
}

/** Express middleware: counts and times every request by route pattern and status. */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
    httpRequests.inc(labels);
    end(labels);
  });
  next();
}

// ------------------------------------------------------------------ who may read /metrics

export interface MetricsAccess {
  enabled: boolean;
  /** Addresses or CIDR ranges (METRICS_ALLOW); default loopback only. */
  allow: string[];
  /** When set (METRICS_TOKEN), `Authorization: Bearer <token>` is also required. */
  token?: string;
}

export function metricsAccessFromEnv(env: NodeJS.ProcessEnv = process.env): MetricsAccess {
  const allow = (env.METRICS_ALLOW ?? '127.0.0.0/8,::1/128')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of allow) {
    const [address, bits] = entry.split('/');
    const max = isIP(address) === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (entry !== '*' && (!isIP(address) || !okBits)) {
      throw new Error(`METRICS_ALLOW debe ser una lista de direcciones IP o rangos CIDR separados por comas, o * (recibido: ${entry}).`);
    }
  }
  return { enabled: env.METRICS_ENABLED !== 'false', allow, token: env.METRICS_TOKEN || undefined };
}

function blockList(allow: string[]): BlockList {
  const list = new BlockList();
  for (const entry of allow.filter((e) => e !== '*')) {
    const [address, bits] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** Whether a caller at `address` with that Authorization header may read the metrics. */
export function metricsAllowed(access: MetricsAccess, address: string | undefined, authorization: string | undefined, list = blockList(access.allow)): boolean {
  if (!access.enabled || !address) return false;
  if (access.allow.includes('*') === false) {
    const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
    const type = isIPv6(plain) ? 'ipv6' : 'ipv4';
    if (!list.check(plain, type)) return false;
  }
  if (access.token && authorization !== `Bearer ${access.token}`) return false;
  return true;
}

async function answer(res: ServerResponse, allowed: boolean): Promise<void> {
  if (!allowed) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('No encontrado.\n');
    return;
  }
  const body = await metricsText();
  res.statusCode = 200;
  res.setHeader('Content-Type', metricsRegistry.contentType);
  res.end(body);
}

/** The API's `/metrics` handler (Express, outside Nest's guard: access is decided here). */
export function metricsHandler(access: MetricsAccess = metricsAccessFromEnv()): (req: Request, res: Response) => void {
  const list = blockList(access.allow);
  collectProcessMetrics();
  return (req, res) => {
    void answer(res, metricsAllowed(access, req.ip ?? req.socket.remoteAddress, req.headers.authorization, list)).catch(() => {
      if (!res.headersSent) res.status(500).end();
    });
  };
}

/** Extra text appended to the exposition (the worker adds the Temporal SDK's own metrics). */
const extraSources: Array<() => Promise<string>> = [];

export function addMetricsSource(source: () => Promise<string>): void {
  extraSources.push(source);
}

export async function metricsText(): Promise<string> {
  const parts = [await metricsRegistry.metrics()];
  for (const source of extraSources) parts.push(await source().catch(() => ''));
  return parts.filter(Boolean).join('\n');
}

/** The worker's metrics listener: GET /metrics only, with the same access rules as the API. */
export function startMetricsServer(port: number, host: string, access: MetricsAccess = metricsAccessFromEnv()): Promise<Server> {
  const list = blockList(access.allow);
  collectProcessMetrics();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.statusCode = 404;
      res.end();
      return;
    }
    void answer(res, metricsAllowed(access, req.socket.remoteAddress, req.headers.authorization, list)).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
