import type { ProcedureName, PublicStatus } from './step-meta';

/**
 * Why the runner refused a decision (workflows/procedure-runner.ts `validate`): the failure's `type`
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

/** The most characters a decision's comment may have (the runner refuses longer ones). */
export const DECISION_COMMENT_MAX = 1000;

/** How a decision's number is typed: a whole number, or any finite number. */
export type DecisionFieldKind = 'integer' | 'number';

/** A number a decision event carries (e.g. the adjusted quantities of a partial validation). */
export interface DecisionFieldSpec {
  /** The event's key. */
  name: string;
  kind: DecisionFieldKind;
  /** Its least value. */
  min?: number;
  /** Spanish label, as forms and error messages name it. */
  label: string;
  /** May be left out (taken as zero by the chart). */
  optional?: boolean;
}

/**
 * A decision event as people see it and as it must be sent: its Spanish label, whether it needs a
 * comment (the reason), and the numbers it carries (nothing else may travel in the event). The roles
 * that may send it are the chart's, per state (step-meta.ts `TaskMeta.decisions`). The runner's
 * validator, the API's catalogue and OpenAPI schema, and the web forms are derived from it.
 */
export interface DecisionSpec {
  label: string;
  commentRequired: boolean;
  fields: readonly DecisionFieldSpec[];
}

const quantity = (name: string, label: string, optional = false): DecisionFieldSpec => ({ name, kind: 'integer', min: 0, label, ...(optional ? { optional } : {}) });
const spec = (label: string, commentRequired = false, fields: readonly DecisionFieldSpec[] = []): DecisionSpec => ({ label, commentRequired, fields });

/** The material a supply ships and a partial validation of Procedure 2 approves. */
export const MATERIAL_FIELDS: readonly DecisionFieldSpec[] = [quantity('teslinSheets', 'Hojas Teslin'), quantity('micas', 'Micas'), quantity('holograms', 'Hologramas')];
/** Procedure 2 (chart v2) asks for ink sets too. */
export const PROCEDURE2_FIELDS: readonly DecisionFieldSpec[] = [...MATERIAL_FIELDS, quantity('inkSets', 'Juegos de tinta', true)];

const DECISIONS: Record<string, DecisionSpec> = {
  ACCEPT: spec('Aceptar el oficio'),
  RETURN: spec('Devolver a la escuela para corrección', true),
  REJECT: spec('Rechazar', true),
  WITHDRAW: spec('Retirar la solicitud'),
  RESUBMIT: spec('Reenviar el oficio corregido'),
  VALIDATE: spec('Validar: procede completa'),
  INVALIDATE: spec('No procede: devolver a la escuela', true),
  REQUEST_SUPPLY: spec('Pedir abastecimiento a oficinas centrales'),
  RECHECK_MATERIAL: spec('Volver a revisar existencias'),
  PRODUCTION_CONFIRMED: spec('Confirmar impresión, enmicado y hologramas'),
  DELIVER: spec('Registrar la entrega a la escuela'),
  ACUSE_SIGNED: spec('Subir el acuse firmado'),
  PAYMENT_RECORDED: spec('Registrar el recibo de pago', false, [{ name: 'paymentId', kind: 'integer', min: 1, label: 'Recibo registrado' }]),
  // Cancelling a request (v2 charts) undoes what it took: reservations, folios never printed.
  CANCEL: spec('Cancelar la solicitud (se devuelve lo reservado y se anulan folios sin imprimir)', true),
  RETRY: spec('Reintentar el paso que falló'),
  WAIT_FOR_STOCK: spec('Esperar a que haya existencias'),
};

/** What differs by procedure: partial validations carry that procedure's numbers; a supply's cancellation is its own. */
const BY_PROCEDURE: Partial<Record<ProcedureName, Record<string, DecisionSpec>>> = {
  PROCEDURE_1: {
    VALIDATE_PARTIAL: spec('Validar parcialmente (ajustar cantidades)', true, [
      quantity('newApproved', 'Credenciales nuevas aprobadas'),
      quantity('continuingApproved', 'Hologramas aprobados (alumnos que continúan)'),
    ]),
  },
  PROCEDURE_2: { VALIDATE_PARTIAL: spec('Validar parcialmente (ajustar cantidades)', true, PROCEDURE2_FIELDS) },
  SUPPLY: {
    APPROVE: spec('Aprobar el abastecimiento'),
    CANCEL: spec('Cancelar el abastecimiento', true),
    SHIP: spec('Registrar un envío (total o parcial)', false, MATERIAL_FIELDS),
    CONFIRM_RECEIPT: spec('Confirmar la recepción del envío'),
  },
  // Support tickets (R10)
  SUPPORT: {
    RESOLVE: spec('Resolver (describa la solución)', true),
    DERIVE_TO_DGTI: spec('Derivar a la Dirección General de Tecnologías de la Información (explique por qué)', true),
    CONFIRM: spec('Confirmar la solución y cerrar el ticket'),
    REOPEN: spec('Reabrir: el problema sigue (explique qué pasa)', true),
  },
};

/** The description of `event` in `procedure`'s charts; undefined for an event no chart offers as a decision. */
export function decisionSpec(procedure: ProcedureName, event: string): DecisionSpec | undefined {
  return BY_PROCEDURE[procedure]?.[event] ?? (Object.hasOwn(DECISIONS, event) ? DECISIONS[event] : undefined);
}

/** Why a decision's shape is refused: the Spanish message and the structured detail (without the event). */
export interface ShapeRefusal {
  message: string;
  detail: Omit<DecisionRefusal, 'event'>;
}

/** What a field must be, in Spanish (e.g. «un número entero de 0 o más»). */
export function fieldExpectation(f: Pick<DecisionFieldSpec, 'kind' | 'min'>): string {
  return `${f.kind === 'integer' ? 'un número entero' : 'un número'}${f.min !== undefined ? ` de ${f.min} o más` : ''}`;
}

/** The field's value is of its kind and not below its least value. */
export function fieldValueValid(f: DecisionFieldSpec, value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && (f.kind !== 'integer' || Number.isInteger(value)) && (f.min === undefined || value >= f.min);
}

/** What is wrong with a decision's numbers: a key it does not carry, a value of the wrong kind, a required one missing. */
export interface DecisionDataProblem {
  field: string;
  problem: 'unknown' | 'invalid' | 'missing';
  /** The described field (absent for an unknown key). */
  spec?: DecisionFieldSpec;
}

/** Every problem of `data` against `fields`, in the order of `data`'s keys, then the missing ones; empty when right. */
export function fieldProblems(fields: readonly DecisionFieldSpec[], data: Record<string, unknown>): DecisionDataProblem[] {
  const problems: DecisionDataProblem[] = [];
  for (const [key, value] of Object.entries(data)) {
    const f = fields.find((x) => x.name === key);
    if (!f) problems.push({ field: key, problem: 'unknown' });
    else if (!fieldValueValid(f, value)) problems.push({ field: key, problem: 'invalid', spec: f });
  }
  for (const f of fields) if (!f.optional && !(f.name in data)) problems.push({ field: f.name, problem: 'missing', spec: f });
  return problems;
}

/**
 * Checks what a decision carries against its description: only its fields, each of its kind and not
 * below its least value, none missing unless optional; a comment of text up to
 * DECISION_COMMENT_MAX characters, present when the description (or the step, `stepRequiresComment`)
 * requires one. An undescribed event carries nothing. Null: the shape is right.
 */
export function decisionShapeRefusal(
  procedure: ProcedureName,
  event: Record<string, unknown> & { type: string },
  comment: unknown,
  stepRequiresComment = false,
): ShapeRefusal | null {
  const s = decisionSpec(procedure, event.type);
  const { type: _type, ...data } = event;
  const [first] = fieldProblems(s?.fields ?? [], data);
  if (first?.spec) {
    const f = first.spec;
    return {
      message: `El dato «${f.label}» de la decisión debe ser ${fieldExpectation(f)}.`,
      detail: { reason: 'data', field: f.name, expected: f.kind, ...(f.min !== undefined ? { min: f.min } : {}) },
    };
  }
  if (first) return { message: `La decisión no lleva el dato "${first.field}".`, detail: { reason: 'data', field: first.field } };
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > DECISION_COMMENT_MAX)) {
    return { message: `El comentario debe ser texto de hasta ${DECISION_COMMENT_MAX} caracteres.`, detail: { reason: 'comment', maxLength: DECISION_COMMENT_MAX } };
  }
  if ((s?.commentRequired || stepRequiresComment) && !(typeof comment === 'string' && comment.trim().length > 0)) {
    return { message: 'Indique el motivo (comentario obligatorio para esta decisión).', detail: { reason: 'comment', required: true } };
  }
  return null;
}
