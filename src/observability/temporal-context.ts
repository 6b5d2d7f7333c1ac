import { Context } from '@temporalio/activity';
import type { Headers } from '@temporalio/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { requestIdFromHeaders, withRequestIdHeader } from '../../workflows/observability-interceptors';
import { rootLogger } from './logger';
import { activityDuration } from './metrics';
import { currentRequestContext, runWithRequestContext } from './request-context';

const fromContext = <T extends { readonly headers: Headers }>(input: T): T => withRequestIdHeader(input, currentRequestContext()?.requestId);

/**
 * API side: every workflow start, Update, signal and query sent while serving an HTTP request
 * carries that request's id as the `x-request-id` Temporal header.
 */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next(fromContext(input)),
  startWithDetails: (input, next) => next(fromContext(input)),
  startUpdate: (input, next) => next(fromContext(input)),
  startUpdateWithStart: (input, next) => next({ ...input, workflowStartHeaders: fromContext({ headers: input.workflowStartHeaders }).headers, updateHeaders: fromContext({ headers: input.updateHeaders }).headers }),
  signal: (input, next) => next(fromContext(input)),
  signalWithStart: (input, next) => next(fromContext(input)),
  query: (input, next) => next(fromContext(input)),
};

/**
 * Worker side: an activity runs inside the request context of the id its workflow passed on, so
 * its own log lines (and the SDK's) carry it; one line per finished activity with its duration.
 */
export const requestIdActivityInterceptors: ActivityInterceptorsFactory = (ctx: Context) => {
  let requestId: string | undefined;
  return {
    inbound: {
      async execute(input, next) {
        requestId = requestIdFromHeaders(input.headers);
        const { activityType, workflowExecution, attempt } = ctx.info;
        const fields = { context: 'Activity', activityType, workflowId: workflowExecution?.workflowId, attempt };
        const started = performance.now();
        const run = () => next(input);
        const end = activityDuration.startTimer({ activity: activityType });
        try {
          const result = await (requestId ? runWithRequestContext({ requestId }, run) : run());
          end({ outcome: 'ok' });
          rootLogger().info({ ...fields, ...(requestId ? { requestId } : {}), durationMs: Math.round(performance.now() - started) }, `Actividad ${activityType} terminada`);
          return result;
        } catch (err) {
          end({ outcome: 'error' });
          rootLogger().warn({ ...fields, ...(requestId ? { requestId } : {}), durationMs: Math.round(performance.now() - started), err }, `Actividad ${activityType} falló`);
          throw err;
        }
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
    },
  };
};
