import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The Prometheus rules in ops/prometheus are valid for Debian's Prometheus (promtool, installed by scripts/test.sh) and fire as intended. */
describe('ops/prometheus/rules.yml', () => {
  const dir = resolve(__dirname, '../../../ops/prometheus');
  const promtool = (...args: string[]) => spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });

  it('passes promtool check rules', () => {
    const r = promtool('check', 'rules', 'rules.yml');
    expect(`${r.stdout}${r.stderr}`).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('passes its rule unit tests (each alert fires on its series, not on healthy ones)', () => {
    const r = promtool('test', 'rules', 'rules.test.yml');
    expect(`${r.stdout}${r.stderr}`).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('promtool refuses a broken rule (the check can fail)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sej-rules-'));
    try {
      writeFileSync(join(tmp, 'bad.yml'), 'groups:\n  - name: x\n    rules:\n      - alert: Roto\n        expr: sum(rate(x[5m]) >\n');
      expect(spawnSync('promtool', ['check', 'rules', join(tmp, 'bad.yml')], { encoding: 'utf8' }).status).not.toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
