import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  executeChild,
  patched,
  proxyActivities,
  proxyLocalActivities,
  TimeoutFailure,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time';
import { AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import { actorCovers, ON_BEHALF_ROLES } from '../src/access';
import type {
  AuditActor,
  ProcedureActivityContract,
  StepActivity,
  StepActivityName,
  TransitionRecord,
} from '../src/procedures/procedure-activities.types';
import { DECISION_FAILURE, DecisionFailureType, DecisionRefusal, decisionShapeRefusal } from '../statecharts/decisions';
import { chartFor, LATEST_CHART_VERSION } from '../statecharts/registry';
import {
  allowedDecisions,
  AutoMeta,
  FAILED_OUTCOME,
  failedOutcome,
  ProcedureName,
  SLA_EXPIRED,
  stateName,
  stepMeta,
  TaskMeta,
} from '../statecharts/step-meta';
import {
  decideUpdate,
  DecisionInput,
  HistoryEntry,
  procedureViewQuery,
  ProcedureResult,
  ProcedureView,
  ProcedureWorkflowInput,
} from './messages';

const SYSTEM: AuditActor = { id: 'sistema', role: 'SISTEMA' };
/**
 * Workflows started after this patch record each transition with a local activity (no task queue
 * round trip, a marker in the history instead of three activity events); the ones started before keep
 * recording with a remote activity, so their histories replay unchanged (docs/procedures.md).
 */
export const RECORD_LOCALLY_PATCH = 'record-transition-local';
const HISTORY_KEPT = 100;
const REASON_MAX = 500;
type Duration = Parameters<typeof msToNumber>[0];

/** How a procedure builds the input of a child workflow it waits on (e.g. supply from a shortage). */
export type ChildInputs = Record<string, (context: Record<string, unknown>, parent: { requestId: number; input: ProcedureWorkflowInput<unknown> }) => ProcedureWorkflowInput<unknown>>;

/**
 * The generic runner: steps any chart with XState's pure initialTransition/transition (no actor, no
 * XState timers), keeps the snapshot as the workflow's state and, for the active state's meta, opens a
 * task and waits for a decision (Update) or its SLA, runs an automatic step's activity, or waits on a
 * child workflow. Every transition is recorded by one idempotent activity (audit + read model), a local one since RECORD_LOCALLY_PATCH.
 */
export async function runProcedure(procedure: ProcedureName, wf: ProcedureWorkflowInput<unknown>, childInputs: ChildInputs = {}): Promise<ProcedureResult> {
  const info = workflowInfo();
  const resume = wf.resume;
  const chartVersion = resume?.chartVersion ?? wf.chartVersion ?? unversionedChart(procedure);
  const machine = chartFor(procedure, chartVersion);
  const timeouts = {
    startToCloseTimeout: (wf.activityTimeout ?? '2 minutes') as Duration,
    // Every activity heartbeats while it runs (src/temporal/heartbeat.ts): a dead worker's step is retried after this, not after startToClose.
    heartbeatTimeout: (wf.heartbeatTimeout ?? '30 seconds') as Duration,
  };
  const retry = { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 } as const;
  // Recording a transition is retried until it succeeds (the workflow cannot move without it); so is
  // every step of a chart that maps no failure (v1).
  const activities = proxyActivities<ProcedureActivityContract>({ ...timeouts, retry });
  const localRecorder = proxyLocalActivities<Pick<ProcedureActivityContract, 'recordProcedureTransition'>>({ startToCloseTimeout: timeouts.startToCloseTimeout, retry });

  /** A step whose chart maps its failure (v2) is retried a bounded number of times, and not at all for the error types it maps on their own. */
  function stepActivities(meta: AutoMeta): ProcedureActivityContract {
    if (!(FAILED_OUTCOME in meta.outcomes)) return activities;
    const nonRetryableErrorTypes = Object.keys(meta.outcomes)
      .filter((o) => o.startsWith(`${FAILED_OUTCOME}:`))
      .map((o) => o.slice(FAILED_OUTCOME.length + 1));
    return proxyActivities<ProcedureActivityContract>({ ...timeouts, retry: { ...retry, maximumAttempts: wf.maxStepAttempts ?? 10, nonRetryableErrorTypes } });
  }

  /**
   * The event a failed step becomes when its chart maps failures (v2): `{ reason, errorType, step }`,
   * the reason in Spanish (a business refusal's own message; a technical error is not shown). Null:
   * the chart maps no failure, the error propagates (v1 behaviour).
   */
  function failureEvent(meta: AutoMeta, step: string, err: unknown): { type: string; step: string; reason: string; errorType: string } | null {
    if (!(FAILED_OUTCOME in meta.outcomes) || !(err instanceof ActivityFailure)) return null;
    const cause = err.cause;
    let errorType = 'Error';
    let reason = 'El paso automático falló varias veces seguidas por un error técnico (base de datos, servicio o sistema). Revise que los servicios estén en línea y reintente.';
    if (cause instanceof TimeoutFailure) {
      errorType = 'Timeout';
      reason = 'El paso automático no terminó a tiempo en varios intentos. Reintente cuando el sistema esté disponible.';
    } else if (cause instanceof ApplicationFailure) {
      errorType = cause.type ?? 'Error';
      // Business refusals (DomainError → non-retryable) and mapped error types carry a Spanish message for people.
      if (cause.nonRetryable || failedOutcome(errorType) in meta.outcomes) reason = cause.message;
    }
    const type = meta.outcomes[failedOutcome(errorType)] ?? meta.outcomes[FAILED_OUTCOME];
    return { type, step, reason: reason.slice(0, REASON_MAX), errorType };
  }

  let snapshot: AnyMachineSnapshot;
  let seq: number;
  let requestId: number;
  let history: HistoryEntry[];
  let taskVisit: number;
  let taskDueAt: string | null;
  let escalated: boolean;
  let lock: Promise<unknown> = Promise.resolve();

  /** Transitions never interleave: a decision and an automatic step are applied one after the other. */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = lock.then(fn);
    lock = run.catch(() => undefined);
    return run;
  }

  function slaMs(meta: TaskMeta): number {
    return msToNumber((wf.slaOverrides?.[meta.task.key] ?? meta.task.sla) as Parameters<typeof msToNumber>[0]);
  }

  /** What failed, for an incident's task (v2 charts keep it in `context.incident`). */
  function incidentReason(s: AnyMachineSnapshot): string | null {
    const incident = (s.context as { incident?: { reason?: unknown } | null }).incident;
    return typeof incident?.reason === 'string' ? incident.reason : null;
  }

  function taskRecord(next: AnyMachineSnapshot, entering: boolean): TransitionRecord['openTask'] {
    const meta = stepMeta(next);
    if (!entering || meta.kind !== 'task') return null;
    const dueAt = new Date(new Date().getTime() + slaMs(meta)).toISOString();
    const description = incidentReason(next);
    return {
      key: meta.task.key,
      title: meta.task.title,
      role: meta.task.role,
      dueAt,
      ...(meta.incident ? { incident: true } : {}),
      ...(description !== null ? { description } : {}),
    };
  }

  async function record(from: string | null, next: AnyMachineSnapshot, event: string, actor: AuditActor, comment: string | null, nextSeq: number): Promise<number> {
    const to = stateName(next);
    const meta = stepMeta(next);
    const entering = from !== to;
    const current = from === null ? null : stepMeta(snapshot);
    const escalation =
      event === SLA_EXPIRED && current?.kind === 'task'
        ? { role: current.task.escalateTo, title: `Atender vencimiento: ${current.task.title}` }
        : null;
    const openTask = taskRecord(next, entering);
    const at = new Date().toISOString();
    const recorder = patched(RECORD_LOCALLY_PATCH) ? localRecorder : activities;
    const result = await recorder.recordProcedureTransition({
      workflowId: info.workflowId,
      procedure,
      chartVersion,
      requestId: from === null ? (wf.requestId ?? null) : requestId,
      parentWorkflowId: wf.parentWorkflowId ?? null,
      scope: wf.scope,
      seq: nextSeq,
      fromState: from,
      toState: to,
      event,
      status: meta.status,
      final: meta.kind === 'final',
      actor,
      comment,
      at,
      openTask,
      escalation,
      context: next.context as Record<string, unknown>,
    });
    history.push({ seq: nextSeq, from, to, event, actor, at, comment });
    if (history.length > HISTORY_KEPT) history = history.slice(-HISTORY_KEPT);
    if (openTask) {
      taskVisit++;
      taskDueAt = openTask.dueAt;
      escalated = false;
    }
    if (escalation) escalated = true;
    return result.requestId;
  }

  async function apply(event: { type: string }, actor: AuditActor, comment: string | null): Promise<void> {
    const from = stateName(snapshot);
    const [next] = transition(machine, snapshot, event as never);
    const nextSeq = seq + 1;
    await record(from, next, event.type, actor, comment, nextSeq);
    snapshot = next;
    seq = nextSeq;
  }

  /** A school's step done by DRSE staff on its behalf (the API allows it only for a school without internet). */
  function actsForSchool(d: DecisionInput, allowed: readonly string[]): boolean {
    return allowed.includes('ESCUELA') && ON_BEHALF_ROLES.includes(d.actor.role) && d.actor.onBehalfSchoolId !== undefined && d.actor.onBehalfSchoolId === wf.scope.schoolId;
  }

  function stepRoles(d: DecisionInput): readonly string[] {
    const meta = stepMeta(snapshot);
    return (meta.kind === 'task' && meta.decisions[d.event.type]) || [];
  }

  function refuse(d: DecisionInput, failure: DecisionFailureType, message: string, detail: Omit<DecisionRefusal, 'event'>): never {
    const type = d?.event?.type;
    throw ApplicationFailure.create({ type: failure, message, nonRetryable: true, details: [{ ...detail, event: typeof type === 'string' ? type : null }] });
  }

  /** Throws (Spanish message, not retried, one structured detail) unless a task is open whose step offers `d`'s event to the actor's role within the request's scope. */
  function permitted(d: DecisionInput): TaskMeta {
    const meta = stepMeta(snapshot);
    const type = d?.event?.type;
    if (meta.kind !== 'task') {
      return refuse(d, DECISION_FAILURE.notAllowed, 'La solicitud no espera una decisión en este momento.', { reason: 'noTask' });
    }
    const roles = typeof type === 'string' ? meta.decisions[type] : undefined;
    if (!roles) {
      return refuse(d, DECISION_FAILURE.notAllowed, `El evento "${String(type)}" no está permitido en el estado actual (${meta.status}).`, { reason: 'notInState', status: meta.status });
    }
    if (!d.actor || typeof d.actor.id !== 'string' || !d.actor.id || !(roles.includes(d.actor.role) || actsForSchool(d, roles))) {
      return refuse(d, DECISION_FAILURE.role, `El rol ${String(d.actor?.role)} no puede enviar "${type}" en este paso.`, { reason: 'role' });
    }
    if (!actorCovers(d.actor, wf.scope)) {
      return refuse(d, DECISION_FAILURE.scope, 'El usuario no pertenece a la escuela o a la DRSE de esta solicitud.', { reason: 'scope' });
    }
    return meta;
  }

  function guardAccepts(d: DecisionInput): void {
    if (!snapshot.can(d.event as never)) {
      return refuse(d, DECISION_FAILURE.notAllowed, `La decisión "${d.event.type}" no procede con los datos enviados (cantidades o condiciones).`, { reason: 'guard' });
    }
  }

  /**
   * The Update's validator: who may send the decision now, then its shape against its description
   * (statecharts/decisions.ts: only its typed fields; the comment it, or the step, requires), then
   * the chart's guard. Writes nothing.
   */
  function validate(d: DecisionInput): void {
    const meta = permitted(d);
    const refusal = decisionShapeRefusal(procedure, d.event, d.comment, meta.commentRequired?.includes(d.event.type) ?? false);
    if (refusal) return refuse(d, DECISION_FAILURE.data, refusal.message, refusal.detail);
    guardAccepts(d);
  }

  /**
   * The handler's re-check (the state may have moved since the validator ran): step, role, scope and
   * guard, not the shape. The handler also runs when a committed history replays and a validator
   * does not, so a shape rule tightened later never changes how an accepted decision replays.
   */
  function recheck(d: DecisionInput): void {
    permitted(d);
    guardAccepts(d);
  }

  function view(): ProcedureView {
    const meta = stepMeta(snapshot);
    return {
      procedure,
      chartVersion,
      requestId: requestId ?? null,
      status: meta.status,
      state: stateName(snapshot),
      seq,
      openTask:
        meta.kind === 'task'
          ? {
              key: meta.task.key,
              title: meta.task.title,
              role: meta.task.role,
              dueAt: taskDueAt,
              overdue: escalated,
              escalatedTo: escalated ? meta.task.escalateTo : null,
              incident: meta.incident === true,
              description: incidentReason(snapshot),
            }
          : null,
      allowedEvents: allowedDecisions(snapshot),
      history,
      context: snapshot.context as Record<string, unknown>,
    };
  }

  // Handlers first, so a query or an update that arrives during the first activity sees a state.
  if (resume) {
    snapshot = machine.resolveState(resume.snapshot as never);
    seq = resume.seq;
    requestId = resume.requestId;
    history = resume.history;
    taskVisit = resume.taskVisit;
    taskDueAt = resume.taskDueAt;
    escalated = resume.escalated;
  } else {
    [snapshot] = initialTransition(machine, wf.input as never);
    seq = 0;
    requestId = wf.requestId ?? 0;
    history = [];
    taskVisit = 0;
    taskDueAt = null;
    escalated = false;
  }
  setHandler(procedureViewQuery, view);
  setHandler(
    decideUpdate,
    (d) =>
      serialized(async () => {
        recheck(d);
        const onBehalf = !stepRoles(d).includes(d.actor.role) && actsForSchool(d, stepRoles(d));
        await apply(d.event, { id: d.actor.id, role: d.actor.role, ...(onBehalf ? { onBehalfSchoolId: d.actor.onBehalfSchoolId } : {}) }, d.comment ?? null);
        return { status: stepMeta(snapshot).status, state: stateName(snapshot), seq };
      }),
    { validator: validate },
  );

  if (!resume) {
    const initial = snapshot;
    requestId = await serialized(() => record(null, initial, 'SUBMIT', wf.submittedBy ?? SYSTEM, wf.comment ?? null, 0));
  }

  while (snapshot.status !== 'done') {
    const meta = stepMeta(snapshot);
    const step = stateName(snapshot);
    if (meta.kind === 'task') {
      const visit = taskVisit;
      const left = () => taskVisit !== visit || snapshot.status === 'done' || stateName(snapshot) !== step;
      if (historyTooLong(wf.maxHistoryEvents)) {
        await condition(allHandlersFinished);
        if (!left()) {
          return continueAsNew<(w: ProcedureWorkflowInput<unknown>) => Promise<ProcedureResult>>({
            ...wf,
            resume: { chartVersion, snapshot: machine.getPersistedSnapshot(snapshot), seq, requestId, history, taskVisit, taskDueAt, escalated },
          });
        }
        continue;
      }
      if (!escalated && taskDueAt) {
        const remaining = Math.max(1, new Date(taskDueAt).getTime() - new Date().getTime());
        const decided = await condition(left, remaining);
        if (!decided) await serialized(async () => (left() || escalated ? undefined : apply({ type: SLA_EXPIRED }, SYSTEM, null)));
        continue;
      }
      await condition(() => left() || historyTooLong(wf.maxHistoryEvents));
    } else if (meta.kind === 'auto') {
      const activity = stepActivities(meta)[meta.activity as StepActivityName] as StepActivity | undefined;
      if (!activity) throw ApplicationFailure.nonRetryable(`Actividad desconocida: ${meta.activity}`);
      let result: Awaited<ReturnType<StepActivity>>;
      try {
        result = await activity({ workflowId: info.workflowId, procedure, requestId, step, seq, scope: wf.scope, context: snapshot.context as Record<string, unknown> });
      } catch (err) {
        const failed = failureEvent(meta, step, err);
        if (!failed) throw err;
        await serialized(() => apply(failed, SYSTEM, failed.reason));
        continue;
      }
      const type = meta.outcomes[result.outcome];
      if (!type || result.outcome.startsWith(FAILED_OUTCOME)) throw ApplicationFailure.nonRetryable(`Resultado "${result.outcome}" desconocido en ${step}`);
      await serialized(() => apply({ ...(result.data ?? {}), type }, SYSTEM, result.note ?? null));
    } else if (meta.kind === 'child') {
      const build = childInputs[meta.workflow];
      if (!build) throw ApplicationFailure.nonRetryable(`Sin entrada para el flujo hijo ${meta.workflow}`);
      const childResult = await executeChild<(w: ProcedureWorkflowInput<unknown>) => Promise<ProcedureResult>>(meta.workflow, {
        workflowId: `${info.workflowId}-${meta.workflow}-${seq}`,
        args: [{ ...build(snapshot.context as Record<string, unknown>, { requestId, input: wf }), parentWorkflowId: info.workflowId }],
      });
      const type = meta.outcomes[childResult.outcome];
      if (!type) throw ApplicationFailure.nonRetryable(`Resultado "${childResult.outcome}" del flujo hijo desconocido`);
      await serialized(() => apply({ type }, SYSTEM, null));
    } else {
      break;
    }
  }
  await condition(allHandlersFinished);
  const final = stepMeta(snapshot);
  return { outcome: final.kind === 'final' ? final.outcome : 'UNKNOWN', status: final.status, requestId };
}

/**
 * The chart of a workflow started without a version (a child such as the supply a procedure waits
 * on): the latest, recorded as a patch marker, so a history started before that version existed
 * replays on the version it ran (no marker → an older version).
 */
function unversionedChart(procedure: ProcedureName): number {
  for (let v = LATEST_CHART_VERSION[procedure]; v > 1; v--) {
    if (patched(`chart-${procedure}-v${v}`)) return v;
  }
  return 1;
}

function historyTooLong(max: number | undefined): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (max !== undefined && info.historyLength > max);
}
