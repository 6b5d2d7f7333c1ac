import type { AnyStateMachine } from 'xstate';
import type { StepMeta } from '../../statecharts/step-meta';

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

export interface DiagramState {
  id: string;
  status: StepMeta['status'];
  kind: StepMeta['kind'];
  /** Task title (human steps only). */
  titulo?: string;
  /** Role of the task (human steps only). */
  rol?: string;
}

/** The states of a chart with their kind and public status (for highlighting a request's state). */
export function diagramStates(machine: AnyStateMachine): DiagramState[] {
  return Object.entries(machine.states).map(([id, node]) => {
    const meta = node.config.meta as StepMeta;
    return meta.kind === 'task'
      ? { id, status: meta.status, kind: meta.kind, titulo: meta.task.title, rol: meta.task.role }
      : { id, status: meta.status, kind: meta.kind };
  });
}
