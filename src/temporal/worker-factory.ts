import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';

export interface WorkerFactoryOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
  /** Overrides for tests and benchmarks (concurrency, shutdown grace, …). */
  extra?: Partial<WorkerOptions>;
}

/** Where Temporal bundles workflow code from: workflows/index.ts in sources, .js in dist/. */
export const WORKFLOWS_PATH = require.resolve('../../workflows');

/** The one place a worker is built: src/worker.ts, the tests and the benchmarks all use it. */
export async function createWorker(options: WorkerFactoryOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: options.activities,
    ...options.extra,
  });
}
