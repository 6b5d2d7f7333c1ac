import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Role } from '../src/access';
import type { AuditActor, RequestScope } from '../src/procedures/procedure-activities.types';
import type { ProcedureName, PublicStatus } from '../statecharts/step-meta';

/**
 * Messages of the procedure workflows, shared by the workflows and their clients (the API).
 * Pure definitions: importing this file starts nothing.
 */

/** A human decision: exactly one chart event. Event data may only be numbers (ids, quantities). */
export interface DecisionInput {
  event: { type: string } & Record<string, unknown>;
  /** `onBehalfSchoolId`: DRSE staff doing the school's step for a school without internet (the API checked it). */
  actor: Actor & { onBehalfSchoolId?: number };
  comment?: string;
}

export interface DecisionResult {
  status: PublicStatus;
  state: string;
  seq: number;
}

export interface HistoryEntry {
  seq: number;
  from: string | null;
  to: string;
  event: string;
  actor: AuditActor;
  at: string;
  comment: string | null;
}

export interface OpenTaskView {
  key: string;
  title: string;
  role: Role;
  dueAt: string | null;
  overdue: boolean;
  escalatedTo: Role | null;
  /** The task resolves an incident (a failed automatic step). */
  incident: boolean;
  /** What failed (Spanish), while an incident or a wait for stock is open. */
  description: string | null;
}

export interface ProcedureView {
  procedure: ProcedureName;
  chartVersion: number;
  requestId: number | null;
  status: PublicStatus;
  state: string;
  seq: number;
  openTask: OpenTaskView | null;
  /** Decision events each role may send now. */
  allowedEvents: Partial<Record<Role, string[]>>;
  /** The latest transitions (the whole trail is in the audit table). */
  history: HistoryEntry[];
  context: Record<string, unknown>;
}

/** What every procedure workflow returns (and a parent reads from its child). */
export interface ProcedureResult {
  outcome: string;
  status: PublicStatus;
  requestId: number;
}

/** Input of every procedure workflow. */
export interface ProcedureWorkflowInput<TChartInput> {
  /** Chart input: ids and numbers only. */
  input: TChartInput;
  scope: RequestScope;
  /** Chart version; the latest when absent. Recorded so the run keeps it for life. */
  chartVersion?: number;
  /** The request row the API created (absent for a supply started by a procedure). */
  requestId?: number;
  parentWorkflowId?: string;
  submittedBy?: AuditActor;
  comment?: string;
  /** task key → duration ('3 days', '2s', ms): from configuration, or short ones in tests. */
  slaOverrides?: Record<string, string | number>;
  /** continueAsNew when the history has more events than this (Temporal's suggestion also counts). */
  maxHistoryEvents?: number;
  /** startToClose timeout of each activity (default 2 minutes). */
  activityTimeout?: string;
  /** Heartbeat timeout of each activity (default 30 seconds): how soon a dead worker's step is retried. */
  heartbeatTimeout?: string;
  /** Attempts of a step whose chart maps its failure (v2; default 10) before it becomes an incident. */
  maxStepAttempts?: number;
  /** Set by the runner on continueAsNew. */
  resume?: RunnerResume;
}

export interface RunnerResume {
  chartVersion: number;
  snapshot: unknown;
  seq: number;
  requestId: number;
  history: HistoryEntry[];
  taskVisit: number;
  taskDueAt: string | null;
  escalated: boolean;
}

export const decideUpdate = defineUpdate<DecisionResult, [DecisionInput]>('decide');
export const procedureViewQuery = defineQuery<ProcedureView>('procedureView');

/** Workflow ids derive from the request, so a second start of the same request starts nothing. */
export const PROCEDURE_WORKFLOW_TYPES: Record<ProcedureName, string> = {
  PROCEDURE_1: 'procedure1Workflow',
  PROCEDURE_2: 'procedure2Workflow',
  SUPPLY: 'supplyWorkflow',
  REPLACEMENT: 'replacementWorkflow',
  SUPPORT: 'supportWorkflow',
};

/** `namespacePrefix` keeps several databases on one Temporal server apart (tests, benchmarks). */
export function procedureWorkflowId(procedure: ProcedureName, requestId: number, namespacePrefix = ''): string {
  return `${namespacePrefix}${procedure.toLowerCase().replace('_', '')}-request-${requestId}`;
}
