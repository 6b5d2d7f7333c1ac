import type { PublicStatus } from './step-meta';

/**
 * Why the runner refused a decision (workflows/procedure-runner.ts `check`): the failure's `type`
 * (kept stable: committed histories carry it) and one detail, which the API maps to its answer
 * (src/requests/http/decision-errors.ts) without reading the message.
 */
export const DECISION_FAILURE = {
  /** Not now: no task open, the step does not take the event, or the chart's guard refused the data. */
  notAllowed: 'DecisionNoPermitida',
  role: 'RolNoPermitido',
  scope: 'AlcanceNoPermitido',
  data: 'DatoInvalido',
} as const;
export type DecisionFailureType = (typeof DECISION_FAILURE)[keyof typeof DECISION_FAILURE];

export type DecisionRefusalReason = 'noTask' | 'notInState' | 'guard' | 'role' | 'scope' | 'data' | 'comment';

/** The detail of a refused decision (the first of the failure's `details`). */
export interface DecisionRefusal {
  reason: DecisionRefusalReason;
  /** The event sent (null when the input carried none). */
  event: string | null;
  /** `data`: the event's field that is not valid. */
  field?: string;
  /** `data`: what the field must be. */
  expected?: 'number' | 'integer';
  /** `data`: its least value. */
  min?: number;
  /** `comment`: required and missing (else: not text, or longer than `maxLength`). */
  required?: boolean;
  maxLength?: number;
  /** `notInState`: the public status the request is in. */
  status?: PublicStatus;
}

const REFUSAL_REASONS: readonly string[] = ['noTask', 'notInState', 'guard', 'role', 'scope', 'data', 'comment'];

/** The refusal detail a failure carries, if it is one (anything else → null). */
export function decisionRefusalOf(details: readonly unknown[] | undefined | null): DecisionRefusal | null {
  const d = details?.[0] as Partial<DecisionRefusal> | undefined;
  return d && typeof d === 'object' && typeof d.reason === 'string' && REFUSAL_REASONS.includes(d.reason) ? (d as DecisionRefusal) : null;
}
