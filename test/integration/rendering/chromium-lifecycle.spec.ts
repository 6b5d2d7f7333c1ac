import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumProcessesOf, isAlive, sweepOrphanChromium } from '../../../src/rendering/chromium-sweep';
import { CHROMIUM_ARGS } from '../../../src/rendering/pdf-renderer';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Polls until `done` holds; the deadline only ends a hung test. */
async function waitUntil(done: () => boolean, what: string, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`Still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A pid that no process has any more: a child that already exited. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

describe('Chromium lifecycle', () => {
  const children: ChildProcess[] = [];
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'sej-chromium-'))));
  afterEach(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const { pid } of chromiumProcessesOf(root)) process.kill(pid, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  /** A process that has rendered a PDF and keeps its browser; resolves with both pids. */
  async function renderingProcess(profileRoot: string): Promise<{ child: ChildProcess; browserPid: number }> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'support', 'render-process.ts')], {
      env: { ...process.env, PROFILE_ROOT: profileRoot },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const browserPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /RENDERED (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`render process exited (${code}) before rendering`)));
    });
    return { child, browserPid };
  }

  /** A browser launched detached and without a pipe, as an old build or a crash mid-launch would leave it. */
  function strayBrowser(profileRoot: string, profile: string): ChildProcess {
    mkdirSync(join(profileRoot, profile), { recursive: true });
    const c = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${join(profileRoot, profile)}`, '--remote-debugging-port=0', 'about:blank'], {
      detached: true,
      stdio: 'ignore',
    });
    children.push(c);
    return c;
  }

  it('dies with the process that launched it, even when that process is killed with SIGKILL', async () => {
    const { child, browserPid } = await renderingProcess(root);
    const mine = chromiumProcessesOf(root);
    expect(mine.map((p) => p.pid)).toContain(browserPid);
    expect(new Set(mine.map((p) => p.ownerPid))).toEqual(new Set([child.pid]));

    child.kill('SIGKILL');
    await waitUntil(() => chromiumProcessesOf(root).length === 0, 'the killed process’s Chromium to exit');
    expect(isAlive(browserPid)).toBe(false);
  });

  it('sweeps the browsers of dead owners of the data folder at start-up, and leaves live owners’ browsers alone', async () => {
    const keeper = spawn('sleep', ['600']);
    children.push(keeper);
    const dead = deadPid();
    const orphan = strayBrowser(root, `${dead}-1`);
    const live = strayBrowser(root, `${keeper.pid}-1`);
    mkdirSync(join(root, `${deadPid()}-7`));
    await waitUntil(() => new Set(chromiumProcessesOf(root).map((p) => p.ownerPid)).size === 2, 'both browsers to start');

    const swept = sweepOrphanChromium(root);

    expect(swept.killed).toContain(orphan.pid);
    expect(swept.profiles.sort()).toEqual([`${dead}-1`, expect.stringMatching(/-7$/)].sort());
    await waitUntil(() => chromiumProcessesOf(root).every((p) => p.ownerPid === keeper.pid), 'the orphan browser to exit');
    expect(isAlive(live.pid!)).toBe(true);
    expect(readdirSync(root)).toEqual([`${keeper.pid}-1`]);
    expect(existsSync(join(root, `${dead}-1`))).toBe(false);
    expect(sweepOrphanChromium(root)).toEqual({ killed: [], profiles: [] });
  });

  it('leaves no process of the data folder after `npm run down` (scripts/down.sh)', async () => {
    const dataDir = root;
    const profiles = join(dataDir, 'chromium');
    const api = await renderingProcess(profiles);
    const worker = spawn('sleep', ['600']);
    children.push(worker);
    writeFileSync(join(dataDir, 'api.pid'), String(api.child.pid));
    writeFileSync(join(dataDir, 'worker.pid'), String(worker.pid));
    const stray = strayBrowser(profiles, `${deadPid()}-1`);
    await waitUntil(() => new Set(chromiumProcessesOf(profiles).map((p) => p.ownerPid)).size === 2, 'both browsers to start');

    const down = spawnSync('bash', [join(__dirname, '../../../scripts/down.sh')], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(down.status).toBe(0);

    await waitUntil(() => chromiumProcessesOf(profiles).length === 0, 'every browser of the data folder to exit');
    for (const pid of [api.child.pid!, api.browserPid, worker.pid!, stray.pid!]) expect(isAlive(pid)).toBe(false);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
