import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The workflow code, bundled once by the build (`npm run build` → src/cli/bundle-workflows.ts) into
 * dist/workflow-bundle.js, so a compiled worker loads it instead of running webpack at start (which
 * costs it ~200 MB of resident memory it never gives back, and seconds of start-up).
 */
const DIST = path.resolve(__dirname, '..', '..');
const BUNDLE_FILE = 'workflow-bundle.js';
export const WORKFLOW_BUNDLE_PATH = path.join(DIST, BUNDLE_FILE);
/** The compiled folders the workflow code is made of (workflows/ imports statecharts/ and src/access). */
const SOURCES = ['workflows', 'statecharts', path.join('src', 'access')];

/** True when running compiled code (dist/), the only place a prebuilt bundle is looked for. */
export const COMPILED = __filename.endsWith('.js');

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return Infinity;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The prebuilt bundle's path when this is compiled code and the bundle is newer than every compiled
 * file it is made of; otherwise null (the worker bundles at start, as from sources). A stale bundle is
 * never used: it would run other workflow code than the one deployed.
 */
export function prebuiltWorkflowBundle(dist = DIST, compiled = COMPILED): string | null {
  const bundle = path.join(dist, BUNDLE_FILE);
  if (!compiled || !existsSync(bundle)) return null;
  const built = statSync(bundle).mtimeMs;
  return SOURCES.every((dir) => newestMtime(path.join(dist, dir)) <= built) ? bundle : null;
}
