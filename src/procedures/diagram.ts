import type { AnyStateMachine } from 'xstate';
import type { StepMeta } from '../../statecharts/step-meta';
import type { Role } from '../access';

/**
 * Mermaid state diagrams generated from the chart objects. Shared by `scripts/diagrams.ts` (the
 * committed docs/diagrams/*.mmd) and the API (`GET /procedures/:procedure/diagram`).
 */

type TransitionConfig = string | { target?: string; guard?: string } | Array<string | { target?: string; guard?: string }>;

export function stepLabel(meta: StepMeta): string {
  switch (meta.kind) {
    case 'task':
      return `Tarea ${meta.task.role}: ${meta.task.title} (SLA ${meta.task.sla}) · ${meta.status}`;
    case 'auto':
      return `Automático: ${meta.activity} · ${meta.status}`;
    case 'child':
      return `Espera al flujo ${meta.workflow} · ${meta.status}`;
    case 'final':
      return `Fin: ${meta.outcome} · ${meta.status}`;
  }
}

export function mermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${String(machine.config.initial)}`];
  for (const [name, node] of Object.entries(machine.states)) {
    const meta = node.config.meta as StepMeta;
    lines.push(`  ${name}: ${name}<br/>${stepLabel(meta).replace(/:/g, '﹕')}`);
    const on = (node.config.on ?? {}) as Record<string, TransitionConfig>;
    for (const [event, config] of Object.entries(on)) {
      for (const t of Array.isArray(config) ? config : [config]) {
        const target = typeof t === 'string' ? t : (t.target ?? name);
        const guard = typeof t === 'object' && t.guard ? ` [${t.guard}]` : '';
        lines.push(`  ${name} --> ${String(target).replace(/^\./, '')}: ${event}${guard}`);
      }
    }
    if (meta.kind === 'final') lines.push(`  ${name} --> [*]`);
  }
  return lines.join('\n') + '\n';
}

/** Who acts in a step, as school and office staff name the areas (never a role code). */
export const AREA_LABEL: Record<Role, string> = {
  ESCUELA: 'La escuela',
  DRSE_PLANEACION: 'Planeación de la DRSE',
  DRSE_CONTROL_ESCOLAR: 'Control Escolar de la DRSE',
  DRSE_TECNOLOGIAS: 'Tecnologías de la DRSE',
  RECURSOS_MATERIALES: 'Recursos Materiales',
  CONTROL_ESCOLAR_CENTRAL: 'Control Escolar central',
  DGTI: 'Dirección General de Tecnologías de la Información (DGTI)',
  ADMIN: 'Administración del sistema',
};

/** Spanish titles of the automatic steps, by the activity they run. */
const AUTO_TITLE: Record<string, string> = {
  checkProcedencia: 'El sistema verifica qué alumnos proceden',
  checkMaterialJustification: 'El sistema revisa el consumo y la justificación',
  reserveRequestMaterial: 'El sistema aparta el material de las existencias',
  generateRequestPrintRun: 'El sistema genera las planillas de credenciales',
  recordRequestAcuse: 'El sistema genera el acuse de recibido',
  verifyReplacementPayment: 'El sistema verifica el pago',
  produceReplacementCard: 'El sistema genera la credencial de reposición',
  revokeReplacedFolio: 'El sistema da de baja el folio anterior',
  supplyOpenTicket: 'Se abre la solicitud de abastecimiento',
  supplyApproveTicket: 'Se registra la aprobación',
  supplyRejectTicket: 'Se registra el rechazo',
  supplyCancelTicket: 'Se registra la cancelación',
  supplyRecordShipment: 'Se registra el envío',
  supplyConfirmReceipt: 'Se registra la recepción',
  voidRequestFolios: 'El sistema anula los folios sin imprimir y devuelve su material',
  releaseRequestMaterial: 'El sistema libera el material apartado',
  receiveSupportTicket: 'El sistema recibe el ticket y lo turna',
};

/** Spanish title and area of the waits on another procedure, by its workflow. */
const CHILD_STEP: Record<string, { titulo: string; area: string }> = {
  supplyWorkflow: { titulo: 'Espera el abastecimiento de material', area: 'Recursos Materiales' },
};

/** Spanish titles of the ends, by the outcome a final state returns. */
const FINAL_TITLE: Record<string, string> = {
  DELIVERED: 'Entregada',
  REJECTED: 'Rechazada',
  WITHDRAWN: 'Retirada por la escuela',
  FULFILLED: 'Abastecimiento surtido',
  CANCELLED: 'Cancelada',
  CLOSED: 'Ticket cerrado',
};

/** A Temporal-style SLA ('3 days', '1 day', '12 hours') as people read it: '3 días', '1 día', '12 horas'. */
export function plazoLabel(sla: string): string {
  const m = /^(\d+)\s*(day|days|d|hour|hours|h)$/.exec(sla.trim());
  if (!m) return sla;
  const n = Number(m[1]);
  return m[2].startsWith('d') ? `${n} ${n === 1 ? 'día' : 'días'}` : `${n} ${n === 1 ? 'hora' : 'horas'}`;
}

/** The Spanish title of any step (task title, or from the activity, child workflow or outcome it names). */
export function stepTitle(meta: StepMeta): string {
  switch (meta.kind) {
    case 'task':
      return meta.task.title;
    case 'auto':
      return AUTO_TITLE[meta.activity] ?? 'Paso automático del sistema';
    case 'child':
      return CHILD_STEP[meta.workflow]?.titulo ?? 'Espera otro trámite';
    case 'final':
      return FINAL_TITLE[meta.outcome] ?? 'Fin del trámite';
  }
}

function targetsOf(name: string, on: Record<string, TransitionConfig>): string[] {
  const out: string[] = [];
  for (const config of Object.values(on)) {
    for (const t of Array.isArray(config) ? config : [config]) {
      const target = String(typeof t === 'string' ? t : (t.target ?? name)).replace(/^\./, '');
      if (target !== name && !out.includes(target)) out.push(target);
    }
  }
  return out;
}

/** The states on the shortest way from the initial state to the first final state of the chart (the usual course). */
function mainPath(machine: AnyStateMachine): Set<string> {
  const states = machine.states;
  const goal = Object.keys(states).find((n) => (states[n].config.meta as StepMeta).kind === 'final');
  const start = String(machine.config.initial);
  const prev = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const n = queue.shift()!;
    if (n === goal) break;
    for (const next of targetsOf(n, (states[n].config.on ?? {}) as Record<string, TransitionConfig>)) {
      if (!prev.has(next) && states[next]) {
        prev.set(next, n);
        queue.push(next);
      }
    }
  }
  const path = new Set<string>();
  for (let n: string | null | undefined = goal; n !== undefined && n !== null; n = prev.get(n)) path.add(n);
  return path;
}

export interface DiagramState {
  /** Chart state id: to match a request's `chart.state` and its timeline; never shown to people. */
  id: string;
  status: StepMeta['status'];
  kind: StepMeta['kind'];
  /** Spanish title of the step (every kind). */
  titulo: string;
  /** Who acts, in Spanish ('Planeación de la DRSE'; 'El sistema' for automatic steps). */
  area: string;
  /** Role of the task (human steps only). */
  rol?: Role;
  /** Default deadline of a human step in Spanish ('3 días'). */
  plazo?: string;
  /** On the usual course from the first step to the first end; other steps happen only when needed. */
  principal: boolean;
}

/** The steps of a chart in chart order, labelled for people (the web interface's diagram). */
export function diagramStates(machine: AnyStateMachine): DiagramState[] {
  const main = mainPath(machine);
  return Object.entries(machine.states).map(([id, node]) => {
    const meta = node.config.meta as StepMeta;
    const base = { id, status: meta.status, kind: meta.kind, titulo: stepTitle(meta), principal: main.has(id) };
    if (meta.kind === 'task') return { ...base, area: AREA_LABEL[meta.task.role], rol: meta.task.role, plazo: plazoLabel(meta.task.sla) };
    if (meta.kind === 'child') return { ...base, area: CHILD_STEP[meta.workflow]?.area ?? 'Otro trámite' };
    if (meta.kind === 'final') return { ...base, area: 'Fin' };
    return { ...base, area: 'El sistema' };
  });
}
