/**
 * Workflow-side interceptors of the request id (docs/OPERATIONS.md): the id of the HTTP request that
 * started the workflow or sent its latest Update or signal travels in the `x-request-id` Temporal
 * header, is added to the workflow's log lines and is passed on to the activities and child
 * workflows it schedules. Headers are in the history, so replay rebuilds the same value. Nothing
 * else (no names, CURPs or comments) travels this way. The OpenTelemetry interceptors of the SDK
 * continue the caller's trace; their spans leave through the worker's `exporter` sink (a no-op when
 * tracing is off).
 */
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import {
  defaultPayloadConverter,
  Headers,
  log,
  WorkflowInterceptorsFactory,
} from '@temporalio/workflow';

/** The Temporal header and HTTP header (lower case) that carry the request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Short tokens only: letters, digits and `._:-`, up to 64 characters. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request id in a set of Temporal headers, when there is a well-formed one. */
export function requestIdFromHeaders(headers: Headers): string | undefined {
  const payload = headers[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  try {
    const value = defaultPayloadConverter.fromPayload<unknown>(payload);
    return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function withRequestIdHeader<T extends { readonly headers: Headers }>(input: T, requestId: string | undefined): T {
  if (!requestId) return input;
  return { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } };
}

// Module state is per workflow execution (each runs in its own sandbox context).
let current: string | undefined;

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async execute(input, next) {
        current = requestIdFromHeaders(input.headers) ?? current;
        return next(input);
      },
      async handleUpdate(input, next) {
        current = requestIdFromHeaders(input.headers) ?? current;
        log.info('Update recibido', { update: input.name });
        return next(input);
      },
      async handleSignal(input, next) {
        current = requestIdFromHeaders(input.headers) ?? current;
        return next(input);
      },
    },
    new OpenTelemetryInboundInterceptor(),
  ],
  outbound: [
    {
      scheduleActivity: (input, next) => next(withRequestIdHeader(input, current)),
      scheduleLocalActivity: (input, next) => next(withRequestIdHeader(input, current)),
      startChildWorkflowExecution: (input, next) => next(withRequestIdHeader(input, current)),
      getLogAttributes: (input, next) => next(current ? { ...input, requestId: current } : input),
    },
    new OpenTelemetryOutboundInterceptor(),
  ],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
