import { Client, WorkflowHandle } from '@temporalio/client';
import { LATEST_CHART_VERSION } from '../../statecharts/registry';
import type { ProcedureName } from '../../statecharts/step-meta';
import {
  decideUpdate,
  DecisionInput,
  DecisionResult,
  PROCEDURE_WORKFLOW_TYPES,
  procedureViewQuery,
  ProcedureView,
  procedureWorkflowId,
  ProcedureWorkflowInput,
} from '../../workflows/messages';

/** Reads SLA overrides from configuration: PROCEDURE_SLA_<TASK_KEY>=<duration> (e.g. "2 days"). */
export function slaOverridesFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const m = /^PROCEDURE_SLA_([A-Z_]+)$/.exec(name);
    if (m && value) out[m[1]] = value;
  }
  return out;
}

/**
 * What the API calls to run procedures: start (idempotent: the id derives from the request and a
 * running or closed workflow with that id is reused, never duplicated), decide and view.
 */
export class ProcedureClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly slaOverrides: Record<string, string | number> = slaOverridesFromEnv(),
    /** Prefix of every workflow id: one per database sharing a Temporal namespace (tests, benchmarks). */
    private readonly idPrefix = '',
  ) {}

  workflowId(procedure: ProcedureName, requestId: number): string {
    return procedureWorkflowId(procedure, requestId, this.idPrefix);
  }

  async start<T>(procedure: ProcedureName, requestId: number, wf: Omit<ProcedureWorkflowInput<T>, 'requestId'>): Promise<WorkflowHandle> {
    const workflowId = this.workflowId(procedure, requestId);
    const args: ProcedureWorkflowInput<T> = {
      chartVersion: LATEST_CHART_VERSION[procedure],
      ...wf,
      requestId,
      slaOverrides: { ...this.slaOverrides, ...wf.slaOverrides },
    };
    try {
      return await this.client.workflow.start(PROCEDURE_WORKFLOW_TYPES[procedure], {
        taskQueue: this.taskQueue,
        workflowId,
        args: [args],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      // Already ran to the end: the same request, nothing new to start.
      if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') return this.client.workflow.getHandle(workflowId);
      throw err;
    }
  }

  /** A supply opened by a DRSE (no request row yet: the workflow creates it). `key` makes it idempotent. */
  async startSupply(key: string, wf: ProcedureWorkflowInput<unknown>): Promise<WorkflowHandle> {
    const workflowId = `${this.idPrefix}supply-${key}`;
    try {
      return await this.client.workflow.start(PROCEDURE_WORKFLOW_TYPES.SUPPLY, {
        taskQueue: this.taskQueue,
        workflowId,
        args: [{ chartVersion: LATEST_CHART_VERSION.SUPPLY, ...wf, slaOverrides: { ...this.slaOverrides, ...wf.slaOverrides } }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') return this.client.workflow.getHandle(workflowId);
      throw err;
    }
  }

  decide(procedure: ProcedureName, requestId: number, decision: DecisionInput): Promise<DecisionResult> {
    return this.decideWorkflow(this.workflowId(procedure, requestId), decision);
  }

  view(procedure: ProcedureName, requestId: number): Promise<ProcedureView> {
    return this.viewWorkflow(this.workflowId(procedure, requestId));
  }

  /**
   * By workflow id (procedure_request.workflow_id), e.g. a supply started by a procedure. With an
   * `updateId` the decision is sent at most once: the server answers a repeat with the first outcome.
   */
  decideWorkflow(workflowId: string, decision: DecisionInput, updateId?: string): Promise<DecisionResult> {
    return this.client.workflow.getHandle(workflowId).executeUpdate(decideUpdate, { args: [decision], ...(updateId ? { updateId } : {}) });
  }

  viewWorkflow(workflowId: string): Promise<ProcedureView> {
    return this.client.workflow.getHandle(workflowId).query(procedureViewQuery);
  }

  /** Runs `fn`'s calls to Temporal with a deadline `ms` from now: past it they fail with gRPC DEADLINE_EXCEEDED. */
  withDeadline<T>(ms: number, fn: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + ms, fn);
  }
}
