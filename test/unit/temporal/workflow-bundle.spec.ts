import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { prebuiltWorkflowBundle } from '../../../src/temporal/workflow-bundle';

describe(prebuiltWorkflowBundle.name, () => {
  let dist: string;
  const file = (rel: string, secondsAgo: number) => {
    const full = path.join(dist, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, '');
    const at = Date.now() / 1000 - secondsAgo;
    utimesSync(full, at, at);
  };

  beforeEach(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    file('workflows/index.js', 60);
    file('statecharts/registry.js', 60);
    file('src/access/index.js', 60);
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('uses the bundle built after every compiled file of the workflow code', () => {
    file('workflow-bundle.js', 10);
    expect(prebuiltWorkflowBundle(dist, true)).toBe(path.join(dist, 'workflow-bundle.js'));
  });

  it('never uses a stale bundle: a workflow, chart or access file compiled after it', () => {
    file('workflow-bundle.js', 30);
    for (const rel of ['workflows/procedure-runner.js', 'statecharts/procedure1.v3.machine.js', 'src/access/roles.js']) {
      file(rel, 5);
      expect([rel, prebuiltWorkflowBundle(dist, true)]).toEqual([rel, null]);
      file(rel, 60);
    }
  });

  it('bundles at start from sources (not compiled) or when there is no bundle', () => {
    expect(prebuiltWorkflowBundle(dist, true)).toBeNull();
    file('workflow-bundle.js', 10);
    expect(prebuiltWorkflowBundle(dist, false)).toBeNull();
  });
});
