import { DECISION_COMMENT_MAX, decisionSpec, DecisionSpec, MATERIAL_FIELDS, PROCEDURE2_FIELDS } from '../../../statecharts/decisions';
import type { ProcedureName } from '../../../statecharts/step-meta';

/**
 * What the API says about a decision beyond its description (statecharts/decisions.ts, where its
 * label, comment and typed numbers live): the bounds and refusal reasons that need the workflow's
 * context.
 */

/** The description of a decision; an event no chart describes is shown by its code and carries nothing. */
export function decisionOf(procedure: ProcedureName, event: string): DecisionSpec {
  return decisionSpec(procedure, event) ?? { label: event, commentRequired: false, fields: [] };
}

/** A number of an action, as the API shows it (requests.dto.ts `DecisionFieldDto`). */
export interface ActionField {
  campo: string;
  tipo: 'entero' | 'numero';
  etiqueta: string;
  minimo?: number;
  /** Upper bound known from the workflow (eligible students, requested material), when known. */
  maximo?: number;
  /** May be left out (taken as zero). */
  opcional?: boolean;
}

/** A decision the caller may take now, as the API shows it (requests.dto.ts `ActionDto`). */
export interface Action {
  evento: string;
  etiqueta: string;
  requiereComentario: boolean;
  comentarioMaximo: number;
  datos?: ActionField[];
}

/**
 * The action of `event` from its description, with the bounds the workflow's context gives its
 * numbers. A comment is required when the description requires it or the step does
 * (`stepRequiresComment`, the chart meta's `commentRequired`). An optional number nothing was asked
 * of (ink in a request without ink) is not offered.
 */
export function actionOf(procedure: ProcedureName, event: string, context: Record<string, unknown> | null, stepRequiresComment = false): Action {
  const spec = decisionOf(procedure, event);
  const maxima = fieldMaxima(procedure, event, context);
  const action: Action = { evento: event, etiqueta: spec.label, requiereComentario: spec.commentRequired || stepRequiresComment, comentarioMaximo: DECISION_COMMENT_MAX };
  const fields = spec.fields.filter((f) => !(f.optional && maxima[f.name] === 0));
  if (fields.length) {
    action.datos = fields.map((f) => ({
      campo: f.name,
      tipo: f.kind === 'integer' ? 'entero' : 'numero',
      etiqueta: f.label,
      ...(f.min !== undefined ? { minimo: f.min } : {}),
      ...(maxima[f.name] !== undefined ? { maximo: maxima[f.name] } : {}),
      ...(f.optional ? { opcional: true } : {}),
    }));
  }
  return action;
}

/** Upper bounds of an event's numbers, from the workflow's context (when the query answered). */
export function fieldMaxima(procedure: ProcedureName, event: string, context: Record<string, unknown> | null): Record<string, number> {
  if (!context || event !== 'VALIDATE_PARTIAL') return {};
  if (procedure === 'PROCEDURE_1') {
    return { newApproved: Number(context.newEligible ?? 0), continuingApproved: Number(context.continuingEligible ?? 0) };
  }
  if (procedure === 'PROCEDURE_2') {
    const requested = (context.requested ?? {}) as Record<string, number>;
    const allowed = (context.allowed ?? {}) as Record<string, number>;
    const out: Record<string, number> = {};
    for (const f of PROCEDURE2_FIELDS) out[f.name] = Math.min(Number(requested[f.name] ?? 0), Number(allowed[f.name] ?? 0));
    return out;
  }
  return {};
}

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const quantities = (v: unknown): Record<string, number> => (typeof v === 'object' && v !== null ? (v as Record<string, number>) : {});
const list = (parts: string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} y ${parts[parts.length - 1]}`);

/**
 * Why the chart's guard refused a decision, in Spanish, from the request's recorded context (the
 * read model keeps the chart context of its last transition): what the automatic check found and the
 * limits of each number, naming decisions and fields by their labels. Null when nothing is known.
 */
export function refusalReason(procedure: ProcedureName, event: string, context: Record<string, unknown> | null): string | null {
  if (!context) return null;
  const label = (e: string) => `«${decisionOf(procedure, e).label}»`;
  if (procedure === 'PROCEDURE_1' && (event === 'VALIDATE' || event === 'VALIDATE_PARTIAL')) {
    const [nr, ne, cr, ce] = [n(context.newRequested), n(context.newEligible), n(context.continuingRequested), n(context.continuingEligible)];
    if (event === 'VALIDATE') {
      if (nr + cr === 0) return 'el oficio no pide credenciales ni hologramas.';
      return `cumplen los requisitos ${ne} de ${nr} alumnos de primer ingreso y ${ce} de ${cr} alumnos que continúan; use ${label('VALIDATE_PARTIAL')} o ${label('INVALIDATE')}.`;
    }
    const [fNew, fCont] = decisionOf('PROCEDURE_1', 'VALIDATE_PARTIAL').fields;
    return `«${fNew.label}» puede ser a lo más ${ne} y «${fCont.label}» a lo más ${ce} (los alumnos que cumplen los requisitos); al menos una cantidad mayor que cero y, en total, menos de lo pedido (${nr + cr}); para aprobar todo use ${label('VALIDATE')}.`;
  }
  if (procedure === 'PROCEDURE_2' && (event === 'VALIDATE' || event === 'VALIDATE_PARTIAL')) {
    const requested = quantities(context.requested);
    const allowed = quantities(context.allowed);
    if (event === 'VALIDATE') {
      const over = PROCEDURE2_FIELDS.filter((f) => n(requested[f.name]) > n(allowed[f.name])).map((f) => `${f.label}: pidió ${n(requested[f.name])}, el consumo permite ${n(allowed[f.name])}`);
      if (!over.length) return 'la solicitud no pide material.';
      return `lo pedido pasa de lo que permite el consumo reportado (${list(over)}); use ${label('VALIDATE_PARTIAL')} o ${label('INVALIDATE')}.`;
    }
    const fields = n(requested.inkSets) > 0 ? PROCEDURE2_FIELDS : MATERIAL_FIELDS;
    const limits = fields.map((f) => `«${f.label}» a lo más ${Math.min(n(requested[f.name]), n(allowed[f.name]))}`);
    const total = fields.reduce((a, f) => a + n(requested[f.name]), 0);
    return `${list(limits)} (lo pedido y lo que permite el consumo); al menos una cantidad mayor que cero y, en total, menos de lo pedido (${total}); para aprobar todo use ${label('VALIDATE')}.`;
  }
  if (procedure === 'SUPPLY' && event === 'SHIP') {
    const requested = quantities(context.requested);
    const shipped = quantities(context.shipped);
    const limits = MATERIAL_FIELDS.map((f) => `«${f.label}» a lo más ${Math.max(0, n(requested[f.name]) - n(shipped[f.name]))}`);
    return `${list(limits)} (lo que falta por enviar), y al menos una cantidad mayor que cero.`;
  }
  return null;
}
