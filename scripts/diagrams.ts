/**
 * Writes a Mermaid diagram of every procedure chart (latest version) from the chart objects into
 * docs/diagrams/<chart>.mmd, and docs/diagrams/README.md embedding them all.
 * `--check` writes nothing and exits 1 when a committed file differs from what the charts say.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { CHARTS, LATEST_CHART_VERSION } from '../statecharts/registry';
import { PROCEDURES, StepMeta } from '../statecharts/step-meta';

const OUT = join(__dirname, '..', 'docs', 'diagrams');
const FILES: Record<string, string> = {
  PROCEDURE_1: 'procedure1',
  PROCEDURE_2: 'procedure2',
  SUPPLY: 'supply',
  REPLACEMENT: 'replacement',
};

type TransitionConfig = string | { target?: string; guard?: string } | Array<string | { target?: string; guard?: string }>;

function label(meta: StepMeta): string {
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
    lines.push(`  ${name}: ${name}<br/>${label(meta).replace(/:/g, '﹕')}`);
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

function expected(): Record<string, string> {
  const files: Record<string, string> = {};
  const readme = ['# Diagramas de los procedimientos', '', 'Generados desde los statecharts por `scripts/diagrams.ts` (no editar a mano).', ''];
  for (const p of PROCEDURES) {
    const version = LATEST_CHART_VERSION[p];
    const text = mermaid(CHARTS[p][version]);
    files[`${FILES[p]}.mmd`] = text;
    readme.push(`## ${p} (v${version})`, '', '```mermaid', text.trimEnd(), '```', '');
  }
  files['README.md'] = readme.join('\n');
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, text] of Object.entries(expected())) {
    const path = join(OUT, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    if (check) stale.push(file);
    else {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(path, text);
      console.log(`escrito docs/diagrams/${file}`);
    }
  }
  if (stale.length) {
    console.error(`Diagramas desactualizados: ${stale.join(', ')}. Ejecute: npx ts-node --transpile-only scripts/diagrams.ts`);
    process.exit(1);
  }
}

if (require.main === module) main();
