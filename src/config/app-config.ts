import * as path from 'node:path';
import { envInteger } from './env';

/**
 * Every setting comes from the environment, with defaults that run the whole system on one
 * developer machine. README.md lists them.
 */
export interface AppConfig {
  databaseUrl: string;
  /** Connections per process (DATABASE_POOL_MAX). */
  databasePoolMax: number;
  /** How long a query waits for a pooled connection, or for PostgreSQL to accept one, before a 503. */
  databaseAcquireTimeoutMs: number;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  port: number;
  /**
   * How long the API keeps an idle keep-alive connection (HTTP_KEEP_ALIVE_SECONDS). Longer than a
   * proxy's or client's idle limit, so they close first and never write into a socket being closed.
   */
  httpKeepAliveSeconds: number;
  dataDir: string;
  chromiumPath: string;
  publicBaseUrl: string;
  /** Print runs generated at once by one API process (PRINT_RUN_CONCURRENCY); more wait in line. */
  printRunConcurrency: number;
  /** Requests that may wait for a print run or a rendering place (PRINT_RUN_QUEUE); past that, 503. */
  printRunQueue: number;
  /** How long one waits in that line (PRINT_RUN_QUEUE_WAIT_MS) before a 503. */
  printRunQueueWaitMs: number;
  /** The worker's Prometheus listener (WORKER_METRICS_PORT; 0 turns it off). The API serves /metrics on its own port. */
  workerMetricsPort: number;
  /** Where the Temporal SDK's own Prometheus exporter listens inside the worker (TEMPORAL_SDK_METRICS_ADDRESS); the worker's /metrics includes it. */
  temporalSdkMetricsAddress: string;
  /** Days the DRSE has to resolve a refusal complaint (R4) (COMPLAINT_DUE_DAYS). */
  complaintDueDays: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const int = (name: string, fallback: number): number => envInteger(env, name, fallback);
  const port = int('PORT', 3000);
  return {
    databaseUrl: env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/credencializacion',
    databasePoolMax: int('DATABASE_POOL_MAX', 10),
    databaseAcquireTimeoutMs: int('DATABASE_ACQUIRE_TIMEOUT_MS', 5000),
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'credencializacion',
    port,
    httpKeepAliveSeconds: int('HTTP_KEEP_ALIVE_SECONDS', 65),
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port}`,
    printRunConcurrency: int('PRINT_RUN_CONCURRENCY', 2),
    printRunQueue: int('PRINT_RUN_QUEUE', 32),
    printRunQueueWaitMs: int('PRINT_RUN_QUEUE_WAIT_MS', 10_000),
    workerMetricsPort: env.WORKER_METRICS_PORT === '0' ? 0 : int('WORKER_METRICS_PORT', 9464),
    temporalSdkMetricsAddress: env.TEMPORAL_SDK_METRICS_ADDRESS || '127.0.0.1:9465',
    complaintDueDays: int('COMPLAINT_DUE_DAYS', 10),
  };
}
