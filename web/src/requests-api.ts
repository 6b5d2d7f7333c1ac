/** Shapes of the requests/inbox/diagram endpoints (docs/api-requests-contract.md). */
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

export interface Accion {
  evento: string;
  etiqueta?: string;
  requiereComentario?: boolean;
  datos?: { campo: string; tipo: 'number'; etiqueta: string; maximo?: number }[];
}

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

/** One thing that waits on the user (GET /inbox/items): a workflow task, a supply ticket, a shipment, an acuse… */
export interface InboxEntry {
  tipo: string;
  clave: string;
  titulo: string;
  detalle: string | null;
  incidente: boolean;
  escalamiento: boolean;
  vence: string | null;
  vencida: boolean;
  desde: string;
  solicitudId: number | null;
  procedimiento: string | null;
  estado: string | null;
  ticketId: number | null;
  envioId: number | null;
  acuseId: number | null;
  folio: string | null;
  escuela: SchoolRef | null;
  drse: { code: string; nombre: string } | null;
}

/** GET /inbox/counts: per kind that can wait on the role (zeros included). */
export interface InboxCounts {
  total: number;
  vencidas: number;
  incidentes: number;
  tipos: { tipo: string; etiqueta: string; cantidad: number; vencidas: number }[];
}

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
