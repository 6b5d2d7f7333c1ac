import type { AnyMachineSnapshot } from 'xstate';
import type { Role } from '../src/access';

/**
 * What a state of a procedure chart is, read by the generic runner (workflows/procedure-runner.ts),
 * the diagram script and the read model. Charts are flat: one active state at a time.
 */

/** Stable public statuses: what the API and the inbox show. Callers never see state names. */
export const PUBLIC_STATUSES = [
  'EN_REVISION_PLANEACION',
  'DEVUELTA_A_ESCUELA',
  'EN_VALIDACION',
  'PREPARANDO_MATERIAL',
  'ESPERANDO_MATERIAL',
  'EN_PRODUCCION',
  'LISTA_PARA_ENTREGA',
  'ENTREGADA',
  'RECHAZADA',
  'RETIRADA',
  'ESPERANDO_PAGO',
  'EN_REVISION_CENTRAL',
  'EN_SURTIDO',
  'EN_RECEPCION',
  'SURTIDA',
  'CANCELADA',
  // v2: incidents, waiting for stock, compensation of a cancelled request.
  'CON_INCIDENTE',
  'ESPERANDO_EXISTENCIAS',
  'EN_CANCELACION',
  // v2: delivered, waiting for the signed and sealed acuse (not yet ENTREGADA).
  'ESPERANDO_ACUSE',
  // Support tickets (R10): received, attended by the DRSE's Tecnologías, DGTI or central Control Escolar, solved (to confirm), closed.
  'RECIBIDO',
  'EN_ATENCION_DRSE',
  'EN_ATENCION_DGTI',
  'EN_ATENCION_CENTRAL',
  'RESUELTO',
  'CERRADO',
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** Names of the procedures (also the `procedure` column of the read model). */
export const PROCEDURES = ['PROCEDURE_1', 'PROCEDURE_2', 'SUPPLY', 'REPLACEMENT', 'SUPPORT'] as const;
export type ProcedureName = (typeof PROCEDURES)[number];

/** Material quantities, in the units the DRSE stock counts them. */
export interface MaterialQuantities {
  teslinSheets: number;
  micas: number;
  holograms: number;
}

/** A human task: who must act (role, within the request's scope), its title and its SLA. */
export interface TaskMeta {
  kind: 'task';
  status: PublicStatus;
  task: {
    /** Stable key of the task (also the key of SLA overrides in the workflow input). */
    key: string;
    /** Spanish title shown in the inbox. */
    title: string;
    role: Role;
    /** Default SLA (a Temporal duration such as '3 days'); configuration and workflow input override it. */
    sla: string;
    /** Who gets the follow-up task when the SLA expires. */
    escalateTo: Role;
  };
  /** Which roles may send which decision events here (the validator also checks the request scope). */
  decisions: Partial<Record<string, Role[]>>;
  /** Decisions that need a comment (the reason of a cancellation). */
  commentRequired?: string[];
  /** The task resolves an incident (a failed automatic step): listed first in the inbox, described by `context.incident.reason`. */
  incident?: boolean;
}

/** An automatic step: the activity the runner calls and the events its outcomes become. */
export interface AutoMeta {
  kind: 'auto';
  status: PublicStatus;
  activity: string;
  /**
   * activity outcome → chart event type (the outcome's data travels in the event). Since v2 a step may
   * also map its failure: `FAILED` (a business refusal, or retries exhausted under the bounded
   * policy) and `FAILED:<error type>` (that failure only, not retried) become events carrying
   * `{ reason, errorType }`; without them the failure ends the workflow execution (v1).
   */
  outcomes: Record<string, string>;
}

/** A wait on a child workflow whose result outcome becomes an event. */
export interface ChildMeta {
  kind: 'child';
  status: PublicStatus;
  workflow: string;
  outcomes: Record<string, string>;
}

export interface FinalMeta {
  kind: 'final';
  status: PublicStatus;
  /** What the workflow returns to a parent (e.g. FULFILLED, REJECTED). */
  outcome: string;
}

export type StepMeta = TaskMeta | AutoMeta | ChildMeta | FinalMeta;

/** The event every task state handles when its SLA expires (fed by the runner, never a chart timer). */
export const SLA_EXPIRED = 'SLA_EXPIRED';

/** Outcome of an automatic step that failed for good (mapped in `AutoMeta.outcomes`, v2). */
export const FAILED_OUTCOME = 'FAILED';
/** The outcome of a failure of one error type (e.g. `FAILED:TintaInsuficiente`): not retried, mapped on its own. */
export const failedOutcome = (errorType: string) => `${FAILED_OUTCOME}:${errorType}`;

/** Meta of the (single) active state. */
export function stepMeta(snapshot: AnyMachineSnapshot): StepMeta {
  const metas = snapshot.getMeta() as Record<string, StepMeta | undefined>;
  const values = Object.values(metas).filter((m): m is StepMeta => m !== undefined);
  if (values.length !== 1) throw new Error(`Chart state ${JSON.stringify(snapshot.value)} must carry exactly one meta`);
  return values[0];
}

/** The active state's name (charts are flat). */
export function stateName(snapshot: AnyMachineSnapshot): string {
  if (typeof snapshot.value !== 'string') throw new Error('Procedure charts are flat');
  return snapshot.value;
}

/** The stable public status of any snapshot of any procedure chart. */
export function publicStatus(snapshot: AnyMachineSnapshot): PublicStatus {
  return stepMeta(snapshot).status;
}

/** Decision events a role may send now (guards that need event data are checked when it is sent). */
export function allowedDecisions(snapshot: AnyMachineSnapshot): Partial<Record<Role, string[]>> {
  const meta = stepMeta(snapshot);
  const out: Partial<Record<Role, string[]>> = {};
  if (meta.kind !== 'task') return out;
  for (const [event, roles] of Object.entries(meta.decisions)) {
    for (const role of roles ?? []) (out[role] ??= []).push(event);
  }
  return out;
}

/** Small constructors so charts read as a list of steps. */
export function task(
  status: PublicStatus,
  t: TaskMeta['task'],
  decisions: TaskMeta['decisions'],
  extra: Pick<TaskMeta, 'commentRequired' | 'incident'> = {},
): TaskMeta {
  return { kind: 'task', status, task: t, decisions, ...extra };
}
export function auto(status: PublicStatus, activity: string, outcomes: Record<string, string>): AutoMeta {
  return { kind: 'auto', status, activity, outcomes };
}
export function child(status: PublicStatus, workflow: string, outcomes: Record<string, string>): ChildMeta {
  return { kind: 'child', status, workflow, outcomes };
}
export function final(status: PublicStatus, outcome: string): FinalMeta {
  return { kind: 'final', status, outcome };
}

export const isNonNegativeInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
