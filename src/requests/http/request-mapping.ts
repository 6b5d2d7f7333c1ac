import type { Actor } from '../../access';
import type { ProcedureView } from '../../../workflows/messages';
import { chartFor } from '../../../statecharts/registry';
import type { ProcedureName, StepMeta } from '../../../statecharts/step-meta';
import { ACUSE_SIGNED } from '../../../statecharts/incidents';
import type { OpenTaskDto, RequestSummaryDto, SchoolRefDto, TimelineEntryDto } from './requests.dto';

/** Requests over HTTP, mapping: the rows the queries read and the DTOs they become; the chart's step meta. */

export type Row = Record<string, unknown>;

export const NOT_FOUND = 'La solicitud no existe o no está en su ámbito.';
export const OFICIO_PREFIX = 'sha256:';

export interface RequestRow {
  id: number;
  procedure: ProcedureName;
  workflowId: string | null;
  oficioKey: string | null;
  /** 1 as filed; +1 each time a returned request's oficio is replaced by a different file. */
  oficioVersion: number;
  oficioAt: string;
  schoolId: number | null;
  drseCode: string;
  printRoute: string | null;
  printRouteReason: string | null;
  chartVersion: number;
  state: string;
  publicStatus: string;
  lastSeq: number;
  /** `inkSets` only when the oficio asked for ink (Procedure 2 since issue 11). */
  requested: { teslinSheets: number | null; micas: number | null; holograms: number | null; inkSets?: number };
  createdAt: string;
  updatedAt: string;
  school: SchoolRefDto | null;
}

export interface SchoolRow {
  id: number;
  cct: string;
  turno: string;
  name: string;
  drse_code: string;
  print_route: 'DRSE' | 'ESCUELA';
  print_route_reason: string;
  has_internet: boolean;
}

export const REQUEST_COLUMNS = `
  r.id, r.procedure, r.workflow_id, r.oficio_key, r.oficio_version, r.oficio_at, r.school_id, r.drse_code, r.print_route, r.chart_version, r.state,
  r.public_status, r.last_seq, r.requested_teslin_sheets, r.requested_micas, r.requested_holograms, r.requested_ink_sets, r.created_at, r.updated_at,
  s.cct, s.turno, s.name as school_name, s.print_route_reason`;
export const REQUEST_FROM = 'procedure_request r left join school s on s.id = r.school_id';
export const REQUEST_SELECT = `select ${REQUEST_COLUMNS} from ${REQUEST_FROM}`;

/** A request's detail in one statement (`where r.id = ?`): see `detail()`. Actor ids that are not user ids (the system) get no name. */
export const DETAIL_SELECT = `
  select r.id, r.procedure, r.workflow_id, r.oficio_key, r.oficio_version, r.oficio_at, r.school_id, r.drse_code, r.print_route, r.chart_version, r.state,
         r.public_status, r.last_seq, r.requested_teslin_sheets, r.requested_micas, r.requested_holograms, r.requested_ink_sets, r.created_at, r.updated_at,
         s.cct, s.turno, s.name as school_name, s.print_route_reason, s.matricula, r.context, r.equipment_needs,
         coalesce((select json_agg(t order by t.id) from (
            select id, kind, task_key, title, role, due_at, overdue, incident, description
              from procedure_task where request_id = r.id and status = 'ABIERTA') t), '[]'::json) as open_tasks,
         coalesce((select json_agg(a order by a.seq) from (
            select a.seq, a.from_state, a.to_state, a.event, a.public_status, a.actor_id, a.actor_role, a.comment, a.at, u.username
              from procedure_audit a
              left join app_user u on u.id = (case when a.actor_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then a.actor_id::uuid end)
             where a.request_id = r.id) a), '[]'::json) as timeline,
         coalesce((select json_agg(x order by x.student_id) from (
            select student_id, kind, eligible, reason, approved from request_student where request_id = r.id) x), '[]'::json) as students
  from procedure_request r left join school s on s.id = r.school_id
  where r.id = ?`;

/** A row of the detail's timeline: people by their user name and role, never by an id alone. */
export function timelineEntry(a: Row): TimelineEntryDto {
  return {
    seq: Number(a.seq),
    de: (a.from_state as string | null) ?? null,
    a: String(a.to_state),
    evento: String(a.event),
    estado: String(a.public_status),
    actor: { id: String(a.actor_id), rol: String(a.actor_role), nombre: (a.username as string | null) ?? null },
    comentario: (a.comment as string | null) ?? null,
    fecha: new Date(a.at as string).toISOString(),
  };
}

export const iso = (v: unknown): string => new Date(v as string).toISOString();
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toRequestRow(r: Row): RequestRow {
  return {
    id: Number(r.id),
    procedure: r.procedure as ProcedureName,
    workflowId: (r.workflow_id as string | null) ?? null,
    oficioKey: (r.oficio_key as string | null) ?? null,
    oficioVersion: Number(r.oficio_version ?? 1),
    oficioAt: iso(r.oficio_at ?? r.created_at),
    schoolId: numOrNull(r.school_id),
    drseCode: String(r.drse_code),
    printRoute: (r.print_route as string | null) ?? null,
    printRouteReason: (r.print_route_reason as string | null) ?? null,
    chartVersion: Number(r.chart_version),
    state: String(r.state),
    publicStatus: String(r.public_status),
    lastSeq: Number(r.last_seq),
    requested: {
      teslinSheets: numOrNull(r.requested_teslin_sheets),
      micas: numOrNull(r.requested_micas),
      holograms: numOrNull(r.requested_holograms),
      ...(Number(r.requested_ink_sets ?? 0) > 0 ? { inkSets: Number(r.requested_ink_sets) } : {}),
    },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    school: r.school_id == null ? null : { id: Number(r.school_id), cct: String(r.cct), turno: String(r.turno), nombre: String(r.school_name) },
  };
}

export const materialTotal = (m: { teslinSheets: number; micas: number; holograms: number; inkSets?: number }): number => m.teslinSheets + m.micas + m.holograms + (m.inkSets ?? 0);

export const someQuantity = (q: unknown): boolean =>
  typeof q === 'object' && q !== null && Object.values(q as Record<string, unknown>).some((n) => typeof n === 'number' && n > 0);

/** The open step task (and its escalation, if any) from procedure_task rows. */
export function openTaskOf(rows: Row[]): OpenTaskDto | null {
  const step = rows.find((r) => r.kind === 'PASO');
  if (!step) return null;
  const escalation = rows.find((r) => r.kind === 'ESCALAMIENTO');
  return {
    key: String(step.task_key),
    titulo: String(step.title),
    rol: String(step.role),
    vence: step.due_at ? iso(step.due_at) : null,
    vencida: Boolean(step.overdue),
    escaladaA: escalation ? String(escalation.role) : null,
    incidente: Boolean(step.incident),
    descripcion: step.description == null ? null : String(step.description),
  };
}

export function summary(r: RequestRow): RequestSummaryDto {
  return {
    id: r.id,
    procedimiento: r.procedure,
    estado: r.publicStatus,
    escuela: r.school,
    drseCode: r.drseCode,
    ruta: r.printRoute,
    creada: r.createdAt,
    actualizada: r.updatedAt,
  };
}

/** The open step task from the workflow's view. */
export function openTaskOfView(view: ProcedureView): OpenTaskDto | null {
  const t = view.openTask;
  return t
    ? { key: t.key, titulo: t.title, rol: t.role, vence: t.dueAt, vencida: t.overdue, escaladaA: t.escalatedTo, incidente: t.incident ?? false, descripcion: t.description ?? null }
    : null;
}

/** The actor as the workflow receives it: id, role and scope only. */
export function workflowActor(actor: Actor): Actor {
  return { id: actor.id, role: actor.role, drseCode: actor.drseCode, schoolId: actor.schoolId, subDrseCodes: actor.subDrseCodes };
}

export function metaOf(procedure: ProcedureName, version: number, state: string): StepMeta | null {
  try {
    const node = chartFor(procedure, version).states[state];
    return (node?.config.meta as StepMeta | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The roles that collect a signed acuse in some step of the request's chart (none on v1 charts). */
export function acuseCollectors(procedure: ProcedureName, version: number): Set<string> {
  const roles = new Set<string>();
  try {
    for (const node of Object.values(chartFor(procedure, version).states)) {
      const meta = node.config.meta as StepMeta | undefined;
      if (meta?.kind === 'task') for (const role of meta.decisions[ACUSE_SIGNED] ?? []) roles.add(role);
    }
  } catch {
    // an unknown chart: nobody
  }
  return roles;
}
