import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { requestIdActivityInterceptors } from '../observability/temporal-context';
import { tracing } from '../observability/tracing';
import { temporalDataConverter } from './payload-codec';

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

/** The one place a worker is built: src/worker.ts, the tests and the benchmarks all use it. */
export async function createWorker(options: WorkerFactoryOptions): Promise<Worker> {
  const traces = tracing();
  const activity: NonNullable<NonNullable<WorkerOptions['interceptors']>['activity']> = [requestIdActivityInterceptors];
  if (traces) {
    activity.unshift((ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }));
  }
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: options.activities,
    dataConverter: temporalDataConverter(),
    interceptors: { activity, workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
    // Workflow spans leave through this sink; without tracing it drops them.
    sinks: { exporter: traces ? makeWorkflowExporter(traces.processor, traces.resource) : { export: { fn: () => undefined } } },
    ...options.extra,
  });
}
