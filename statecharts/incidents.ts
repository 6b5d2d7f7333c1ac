import { AnyStateMachine, assign, setup } from 'xstate';
import type { Role } from '../src/access';
import { AutoMeta, FAILED_OUTCOME, failedOutcome, final, SLA_EXPIRED, StepMeta, task, TaskMeta } from './step-meta';

/**
 * Building blocks of the v2 charts (docs/procedures.md "Incidentes y cancelación"): an automatic step
 * whose failure opens an incident, the incident's task, and decisions that cancel a request with
 * compensation. v1 charts do not use them and never change.
 */

/** What failed: the step, the reason shown to people (Spanish) and the error type. */
export interface Incident {
  step: string;
  reason: string;
  errorType: string;
}

export interface IncidentContext {
  incident: Incident | null;
  incidents: number;
}

export const STEP_FAILED = 'STEP_FAILED';

/** Events of the incident and cancellation blocks (a chart adds the ones it uses to its event list). */
export type IncidentEvent =
  | { type: typeof STEP_FAILED; step: string; reason: string; errorType: string }
  | { type: 'INK_SHORT'; step: string; reason: string; errorType: string }
  | { type: 'RETRY' }
  | { type: 'CANCEL' }
  | { type: 'WAIT_FOR_STOCK' }
  | { type: 'FOLIOS_VOIDED' }
  | { type: 'MATERIAL_RELEASED' };

export const INCIDENT_EVENT_TYPES = [STEP_FAILED, 'INK_SHORT', 'RETRY', 'CANCEL', 'WAIT_FOR_STOCK', 'FOLIOS_VOIDED', 'MATERIAL_RELEASED'] as const;

/** Who may cancel a request that took material or folios (besides the role of an incident task). */
export const CANCEL_ROLES: Role[] = ['DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL'];

interface StateConfig {
  meta?: StepMeta;
  on?: Record<string, unknown>;
  [key: string]: unknown;
}

const isFailure = (e: { type: string }): e is Extract<IncidentEvent, { reason: string }> => e.type === STEP_FAILED || e.type === 'INK_SHORT';

/** Actions of the blocks; spread into a chart's `setup({ actions })`. */
export const incidentActions = {
  recordIncident: assign(({ context, event }: { context: IncidentContext; event: { type: string } }) =>
    isFailure(event)
      ? { incident: { step: event.step, reason: event.reason, errorType: event.errorType }, incidents: context.incidents + 1 }
      : {},
  ),
  clearIncident: assign(() => ({ incident: null })),
};

/** Context fields the blocks add to a chart's initial context. */
export const NO_INCIDENT: IncidentContext = { incident: null, incidents: 0 };

/**
 * An automatic step (a v1 state config) whose failure — a business refusal, or retries exhausted under
 * the runner's bounded policy — moves the chart to `incidentState`. `byType` sends the failures of one
 * error type elsewhere with their own event (not retried; e.g. no ink → wait for stock).
 */
export function failable(state: StateConfig, incidentState: string, byType: Record<string, { event: string; target: string }> = {}): StateConfig {
  const meta = state.meta as AutoMeta;
  const outcomes: Record<string, string> = { ...meta.outcomes, [FAILED_OUTCOME]: STEP_FAILED };
  const on: Record<string, unknown> = { ...state.on, [STEP_FAILED]: { target: incidentState, actions: 'recordIncident' } };
  for (const [errorType, { event, target }] of Object.entries(byType)) {
    outcomes[failedOutcome(errorType)] = event;
    on[event] = { target, actions: 'recordIncident' };
  }
  return { ...state, meta: { ...meta, outcomes }, on };
}

/**
 * The task of an incident, for the role that can resolve it: retry the step, cancel the request with
 * compensation (reason required) and, for material, wait for stock.
 */
export function incidentTask(o: {
  key: string;
  title: string;
  role: Role;
  escalateTo: Role;
  retry: string;
  cancel?: string;
  waitForStock?: string;
}): StateConfig {
  const decisions: TaskMeta['decisions'] = { RETRY: [o.role] };
  const on: Record<string, unknown> = { RETRY: { target: o.retry, actions: 'clearIncident' }, [SLA_EXPIRED]: { actions: 'countEscalation' } };
  if (o.cancel) {
    decisions.CANCEL = [...new Set([o.role, ...CANCEL_ROLES])];
    on.CANCEL = o.cancel;
  }
  if (o.waitForStock) {
    decisions.WAIT_FOR_STOCK = [o.role];
    on.WAIT_FOR_STOCK = o.waitForStock;
  }
  const meta = task(
    'CON_INCIDENTE',
    { key: o.key, title: o.title, role: o.role, sla: '2 days', escalateTo: o.escalateTo },
    decisions,
    o.cancel ? { incident: true, commentRequired: ['CANCEL'] } : { incident: true },
  );
  return { meta, on };
}

/** A task (a v1 state config) from which an authorised role may also cancel the request, with a reason. */
export function cancellable(state: StateConfig, target: string, roles: Role[] = CANCEL_ROLES): StateConfig {
  const meta = state.meta as TaskMeta;
  return {
    ...state,
    meta: { ...meta, decisions: { ...meta.decisions, CANCEL: roles }, commentRequired: [...(meta.commentRequired ?? []), 'CANCEL'] },
    on: { ...state.on, CANCEL: target },
  };
}

/** The state configs of a v1 chart, to reuse as they are in its v2. */
export function statesOf(v1: AnyStateMachine): Record<string, StateConfig> {
  return v1.config.states as Record<string, StateConfig>;
}

/**
 * A v2 chart: v1's guards and actions plus the incident actions, v1's initial context plus the
 * incident fields, and the given states (v1's, wrapped by `failable`/`cancellable`, and the new ones).
 * `replaced` guards and actions take the place of v1's of the same name (a rule v2 widens).
 */
export function withIncidents(
  v1: AnyStateMachine,
  states: Record<string, StateConfig>,
  replaced: { guards?: Record<string, unknown>; actions?: Record<string, unknown> } = {},
): AnyStateMachine {
  const initial = v1.config.context as (a: { input: unknown }) => object;
  return setup({
    guards: { ...(v1.implementations.guards as object), ...replaced.guards } as never,
    actions: { ...(v1.implementations.actions as object), ...incidentActions, ...replaced.actions } as never,
  }).createMachine({
    id: v1.config.id,
    initial: v1.config.initial as string,
    context: ({ input }: { input: unknown }) => ({ ...initial({ input }), ...NO_INCIDENT }),
    states,
  } as never) as unknown as AnyStateMachine;
}

/** A visible wait for stock (ink or material) at the DRSE: Tecnologías restocks and rechecks, or the request is cancelled. */
export function stockWait(title: string, recheck: string, cancel: string): StateConfig {
  return {
    meta: task(
      'ESPERANDO_EXISTENCIAS',
      { key: 'ESPERA_EXISTENCIAS', title, role: 'DRSE_TECNOLOGIAS', sla: '5 days', escalateTo: 'RECURSOS_MATERIALES' },
      { RECHECK_MATERIAL: ['DRSE_TECNOLOGIAS'], CANCEL: ['DRSE_TECNOLOGIAS', ...CANCEL_ROLES] },
      { commentRequired: ['CANCEL'] },
    ),
    on: {
      RECHECK_MATERIAL: { target: recheck, actions: 'clearIncident' },
      CANCEL: cancel,
      [SLA_EXPIRED]: { actions: 'countEscalation' },
    },
  };
}

/** The event that closes a delivery: the signed and sealed acuse was uploaded (only the API's upload sends it). */
export const ACUSE_SIGNED = 'ACUSE_SIGNED';
export type AcuseSignedEvent = { type: typeof ACUSE_SIGNED };

/**
 * An automatic step that records the delivery's acuse (a v1 state config whose ACUSE_RECORDED went
 * to the final state), now leading to the wait for its signed copy instead.
 */
export function thenAwaitSignedAcuse(state: StateConfig, wait: string | Array<{ guard?: string; target: string }>): StateConfig {
  const targets = typeof wait === 'string' ? [{ target: wait }] : wait;
  return { ...state, on: { ...state.on, ACUSE_RECORDED: targets.map((t) => ({ ...t, actions: 'recordAcuse' })) } };
}

/**
 * Delivered, waiting for the signed and sealed acuse: whoever collects it uploads the scan (the API
 * sends ACUSE_SIGNED with it) and only then is the request delivered.
 */
export function signedAcuseTask(role: Role, escalateTo: Role, delivered = 'entregada'): StateConfig {
  return {
    meta: task(
      'ESPERANDO_ACUSE',
      { key: 'ACUSE_FIRMADO', title: 'Subir el acuse de entrega firmado y sellado', role, sla: '5 days', escalateTo },
      { [ACUSE_SIGNED]: [role] },
    ),
    on: { [ACUSE_SIGNED]: delivered, [SLA_EXPIRED]: { actions: 'countEscalation' } },
  };
}

/** The final state of a cancelled request or supply. */
export const CANCELLED_FINAL: StateConfig = { type: 'final', meta: final('CANCELADA', 'CANCELLED') };
