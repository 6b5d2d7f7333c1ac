import type { Role } from '../access';
import type { ProcedureName, PublicStatus } from '../../statecharts/step-meta';

/**
 * The contract between the workflow runner and the activities (types only, so workflow code can
 * import it). Every automatic step of a chart names one of the step activities below in its meta.
 */

/** Who made a transition: a user (by id and role) or the system. Never a name. */
export interface AuditActor {
  id: string;
  role: Role | 'SISTEMA';
  /** DRSE staff acting for a school without internet (issue 11): that school's id. */
  onBehalfSchoolId?: number;
}

export interface RequestScope {
  drseCode: string;
  schoolId?: number;
}

/** What an automatic step activity receives: ids, numbers and the chart context (ids and numbers). */
export interface StepInput {
  workflowId: string;
  procedure: ProcedureName;
  requestId: number;
  /** The chart state that runs the step. */
  step: string;
  /** Sequence number of the transition that entered the step: with workflowId, the idempotency key. */
  seq: number;
  scope: RequestScope;
  context: Record<string, unknown>;
}

/** An outcome the chart's meta maps to an event; `data` (numbers, booleans, nested numbers) travels in it. */
export interface StepResult {
  outcome: string;
  data?: Record<string, unknown>;
  /** Spanish note for the audit trail of the transition (e.g. what a compensation gave back). */
  note?: string;
}

/** One transition, as the read model and the audit trail record it (idempotent on workflowId + seq). */
export interface TransitionRecord {
  workflowId: string;
  procedure: ProcedureName;
  chartVersion: number;
  /** Known when the API created the request row; null for a child (supply) whose row this creates. */
  requestId: number | null;
  parentWorkflowId: string | null;
  scope: RequestScope;
  seq: number;
  fromState: string | null;
  toState: string;
  event: string;
  status: PublicStatus;
  final: boolean;
  actor: AuditActor;
  comment: string | null;
  /** Workflow time (ISO 8601): the same on every retry. */
  at: string;
  /** Set when the transition enters a human task. */
  openTask: {
    key: string;
    title: string;
    role: Role;
    dueAt: string | null;
    /** The task resolves an incident (listed first in the inbox). */
    incident?: boolean;
    /** What failed, in Spanish. */
    description?: string;
  } | null;
  /** Set when an SLA expired: the open task becomes overdue and the supervisor gets this task. */
  escalation: { role: Role; title: string } | null;
  /** The chart context after the transition (ids and counts); absent in records of older workers. */
  context?: Record<string, unknown>;
}

export type StepActivity = (input: StepInput) => Promise<StepResult>;

/** Every activity the procedure workflows call. Implemented by ProcedureActivities. */
export interface ProcedureActivityContract {
  recordProcedureTransition(record: TransitionRecord): Promise<{ requestId: number }>;
  // Procedure 1
  checkProcedencia: StepActivity;
  reserveRequestMaterial: StepActivity;
  generateRequestPrintRun: StepActivity;
  recordRequestAcuse: StepActivity;
  // Procedure 2
  checkMaterialJustification: StepActivity;
  // Cancellation with compensation (v2 charts)
  voidRequestFolios: StepActivity;
  releaseRequestMaterial: StepActivity;
  // Supply
  supplyOpenTicket: StepActivity;
  supplyApproveTicket: StepActivity;
  supplyRejectTicket: StepActivity;
  supplyCancelTicket: StepActivity;
  supplyRecordShipment: StepActivity;
  supplyConfirmReceipt: StepActivity;
  // Replacement
  verifyReplacementPayment: StepActivity;
  produceReplacementCard: StepActivity;
  revokeReplacedFolio: StepActivity;
  // Support (R10)
  receiveSupportTicket: StepActivity;
}

export type StepActivityName = Exclude<keyof ProcedureActivityContract, 'recordProcedureTransition'>;
