import pino, { Logger as PinoLogger } from 'pino';
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { currentRequestContext } from './request-context';

/**
 * The one logger of a process (API or worker): JSON lines on stdout with level, time, process,
 * request id, actor id and role. Pretty lines only when a person watches a terminal (stdout is a TTY
 * and pino-pretty, a development dependency, is installed; LOG_PRETTY=0 turns it off). LOG_LEVEL
 * sets the level (default info).
 */

interface LineSink {
  write(line: string): unknown;
}

let processName: string | undefined;
let root: PinoLogger | undefined;
let redirected: LineSink | null = null;
let defaultSink: LineSink | undefined;

/** Names the process in every line ("api", "worker"); call before the first log. */
export function initLogging(name: string): PinoLogger {
  processName = name;
  return rootLogger();
}

export function rootLogger(): PinoLogger {
  root ??= pino(
    {
      level: process.env.LOG_LEVEL || 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorForLog, error: errorForLog },
      mixin: contextFields,
    },
    { write: (line: string) => sink().write(line) },
  );
  return root;
}

/** Sends every line to `target` instead of stdout (tests capture a run's logs); null restores stdout. */
export function redirectLogs(target: LineSink | null): void {
  redirected = target;
}

function sink(): LineSink {
  if (redirected) return redirected;
  defaultSink ??= prettySink() ?? process.stdout;
  return defaultSink;
}

function prettySink(): LineSink | null {
  if (!process.stdout.isTTY || process.env.LOG_PRETTY === '0') return null;
  try {
    // A development dependency: absent in production installs, where lines stay JSON.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: object) => LineSink;
    return pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return null;
  }
}

/** Request id and actor of the running request or activity, unless the line's logger already binds them. */
function contextFields(_merge: object, _level: number, logger: PinoLogger): Record<string, string> {
  const out: Record<string, string> = { process: processName ?? (process.env.LOG_PROCESS || 'sej') };
  const context = currentRequestContext();
  if (!context) return out;
  const bound = logger.bindings() as { requestId?: string };
  if (!bound.requestId) out.requestId = context.requestId;
  if (context.actorId) out.actorId = context.actorId;
  if (context.role) out.role = context.role;
  return out;
}

/**
 * Errors without what the database may echo back: a driver error's message and detail can carry a
 * row's values (a CURP in a unique violation), so only its class, SQLSTATE and stack frames go out.
 */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err).slice(0, 200) };
  const e = err as Error & { code?: unknown; sqlState?: unknown; detail?: unknown };
  const fromDatabase = e.sqlState !== undefined || e.detail !== undefined || /Exception$|DatabaseError/.test(e.name);
  const frames = (e.stack ?? '').split('\n').filter((l) => l.startsWith('    at ')).slice(0, 15).join('\n');
  return {
    type: e.name,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(fromDatabase ? {} : { message: e.message }),
    stack: frames,
  };
}

const TEMPORAL_LEVELS: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Temporal's Runtime logger (worker, workflow and activity logs of the SDK) as lines of the same
 * JSON logger, with the SDK's attributes (workflowId, activityType, requestId, …) as fields.
 */
export class TemporalJsonLogger implements TemporalLogger {
  constructor(private readonly logger: () => PinoLogger = rootLogger) {}

  log(level: TemporalLogLevel, message: string, meta: LogMetadata = {}): void {
    const fields: Record<string, unknown> = { component: 'temporal' };
    for (const [key, value] of Object.entries(meta)) {
      if (key === 'error' || key === 'failure') fields.err = value;
      else fields[key] = value;
    }
    this.logger()[TEMPORAL_LEVELS[level] ?? 'info'](fields, message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
