/** Shapes of the requests/inbox/diagram endpoints (docs/api-requests-contract.md). */
import type { components } from './api-types.js';
export interface SchoolRef {
  id: number;
  cct: string;
  turno: string;
  nombre: string;
}

export interface RequestSummary {
  id: number;
  procedimiento: string;
  estado: string;
  escuela: SchoolRef | null;
  drseCode: string;
  ruta: string | null;
  creada: string;
  actualizada: string;
}

/** A decision the caller may take now: its label, the comment it needs and the numbers it carries (statecharts/decisions.ts describes it). */
export type Accion = components['schemas']['ActionDto'];
/** A number a decision carries: its type, least and greatest value, whether it may be left empty. */
export type DatoDecision = components['schemas']['DecisionFieldDto'];

export interface LineaItem {
  seq: number;
  de: string | null;
  a: string;
  evento: string;
  estado: string;
  actor: { id: string; rol: string; nombre?: string | null } | null;
  comentario?: string | null;
  fecha: string;
}

export interface RequestDetail extends RequestSummary {
  rutaMotivo?: string;
  chart: { procedure: string; version: number; state: string };
  tareaAbierta: { key: string; titulo: string; rol: string; vence: string | null; vencida: boolean; escaladaA?: string | null } | null;
  acciones: Accion[];
  linea: LineaItem[];
  alumnos?: { nuevos: number[]; continuan: number[] };
  material?: Record<string, unknown>;
  verificacion?: {
    matricula: number;
    nuevosElegibles: number;
    continuanElegibles: number;
    alumnos: { id: number; tipo: 'NUEVO' | 'CONTINUO'; elegible: boolean | null; motivo: string | null; aprobado: boolean | null }[];
  };
  reposicion?: Record<string, unknown>;
  documentos: { tipo: string; id: string | number; url: string; version?: number; fecha?: string; firmado?: boolean }[];
}

/** One thing that waits on the user (GET /inbox/items); generated from /docs-json (api-types.ts). */
export type InboxEntry = components['schemas']['InboxEntryDto'];

/** GET /inbox/counts: per kind that can wait on the role (zeros included). */
export type InboxCounts = components['schemas']['InboxCountsDto'];

export interface DiagramStep {
  id: string;
  status: string;
  kind: 'task' | 'auto' | 'child' | 'final';
  titulo: string;
  area: string;
  rol?: string;
  plazo?: string;
  principal: boolean;
}

export interface Diagram {
  procedure: string;
  version: number;
  /** The engineers' Mermaid text (docs/diagrams); the web interface draws `states` instead. */
  mermaid: string;
  states: DiagramStep[];
}
