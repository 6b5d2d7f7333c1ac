import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { requestIdActivityInterceptors } from '../observability/temporal-context';
import { envInteger } from '../config/env';
import { tracing } from '../observability/tracing';
import { temporalDataConverter } from './payload-codec';
import { prebuiltWorkflowBundle } from './workflow-bundle';

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

/** Workflow-side interceptors: the request id across Updates, activities and child workflows. */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../../workflows/observability-interceptors')];

/**
 * Bounds of the worker's sticky workflow cache (WORKER_MAX_CACHED_WORKFLOWS, default 1000: ≈ 2 MB
 * each, so the cache stays near 2 GB at most; the SDK's own default grows with the heap) and how long
 * a sticky task waits for this worker before another one replays the workflow
 * (WORKER_STICKY_TIMEOUT_SECONDS, default 10).
 */
export function workerCacheOptions(env: NodeJS.ProcessEnv = process.env): Pick<WorkerOptions, 'maxCachedWorkflows' | 'stickyQueueScheduleToStartTimeout'> {
  return {
    maxCachedWorkflows: envInteger(env, 'WORKER_MAX_CACHED_WORKFLOWS', 1000, 0),
    stickyQueueScheduleToStartTimeout: `${envInteger(env, 'WORKER_STICKY_TIMEOUT_SECONDS', 10)}s`,
  };
}

/** The prebuilt bundle in a compiled deployment (its interceptors are inside it), else the sources to bundle at start. */
function workflowCode(): Pick<WorkerOptions, 'workflowsPath' | 'workflowBundle'> & { workflowModules: string[] } {
  const codePath = prebuiltWorkflowBundle();
  return codePath ? { workflowBundle: { codePath }, workflowModules: [] } : { workflowsPath: WORKFLOWS_PATH, workflowModules: WORKFLOW_INTERCEPTOR_MODULES };
}

/** The one place a worker is built: src/worker.ts, the tests and the benchmarks all use it. */
export async function createWorker(options: WorkerFactoryOptions): Promise<Worker> {
  const traces = tracing();
  const activity: NonNullable<NonNullable<WorkerOptions['interceptors']>['activity']> = [requestIdActivityInterceptors];
  if (traces) {
    activity.unshift((ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }));
  }
  const { workflowModules, ...code } = workflowCode();
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    ...code,
    activities: options.activities,
    dataConverter: temporalDataConverter(),
    ...workerCacheOptions(),
    interceptors: { activity, workflowModules },
    // Workflow spans leave through this sink; without tracing it drops them.
    sinks: { exporter: traces ? makeWorkflowExporter(traces.processor, traces.resource) : { export: { fn: () => undefined } } },
    ...options.extra,
  });
}
