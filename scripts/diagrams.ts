/**
 * Writes a Mermaid diagram of every procedure chart (latest version) from the chart objects into
 * docs/diagrams/<chart>.mmd, docs/diagrams/README.md embedding them all, and the same blocks into the
 * root README.md between the markers `<!-- diagramas:inicio -->` and `<!-- diagramas:fin -->`.
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
  SUPPORT: 'support',
};

const ROOT_README = join(__dirname, '..', 'README.md');
const START = '<!-- diagramas:inicio -->';
const END = '<!-- diagramas:fin -->';

function expected(): { files: Record<string, string>; blocks: string } {
  const files: Record<string, string> = {};
  const readme = ['# Diagramas de los procedimientos', '', 'Generados desde los statecharts por `scripts/diagrams.ts` (no editar a mano).', ''];
  const blocks: string[] = [];
  for (const p of PROCEDURES) {
    const version = LATEST_CHART_VERSION[p];
    const text = mermaid(CHARTS[p][version]);
    files[`${FILES[p]}.mmd`] = text;
    readme.push(`## ${p} (v${version})`, '', '```mermaid', text.trimEnd(), '```', '');
    blocks.push(`#### ${p} (v${version})`, '', '```mermaid', text.trimEnd(), '```', '');
  }
  files['README.md'] = readme.join('\n');
  return { files, blocks: blocks.join('\n') };
}

/** The root README with its diagram section replaced by `blocks` (null when it has no markers). */
function rootReadmeWith(blocks: string): { current: string; next: string } | null {
  const current = readFileSync(ROOT_README, 'utf8');
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < a) return null;
  return { current, next: `${current.slice(0, a + START.length)}\n${blocks}${current.slice(b)}` };
}

function main(): void {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  const { files, blocks } = expected();
  const root = rootReadmeWith(blocks);
  if (!root) stale.push(`README.md (faltan las marcas ${START} … ${END})`);
  else if (root.current !== root.next) {
    if (check) stale.push('README.md');
    else {
      writeFileSync(ROOT_README, root.next);
      console.log('escrito README.md (diagramas)');
    }
  }
  for (const [file, text] of Object.entries(files)) {
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
