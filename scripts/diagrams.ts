/**
 * Writes a Mermaid diagram of every procedure chart (latest version) from the chart objects into
 * docs/diagrams/<chart>.mmd, and docs/diagrams/README.md embedding them all.
 * `--check` writes nothing and exits 1 when a committed file differs from what the charts say.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHARTS, LATEST_CHART_VERSION } from '../statecharts/registry';
import { mermaid } from '../src/procedures/diagram';
import { PROCEDURES } from '../statecharts/step-meta';

export { mermaid };

const OUT = join(__dirname, '..', 'docs', 'diagrams');
const FILES: Record<string, string> = {
  PROCEDURE_1: 'procedure1',
  PROCEDURE_2: 'procedure2',
  SUPPLY: 'supply',
  REPLACEMENT: 'replacement',
};

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
