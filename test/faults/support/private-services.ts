import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';

/**
 * Services of the fault suite's own: a throw-away PostgreSQL cluster and a Temporal dev server on
 * free ports, and the API and the worker as real child processes. The suite stops and kills these
 * at will; the machine's shared PostgreSQL (5432) and Temporal test servers are never touched.
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `done` until it holds; the deadline only ends a hung test. */
export async function waitFor<T>(done: () => Promise<T | undefined | false>, what: string, deadlineMs = 180_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await done().catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(`Still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` system user. */
function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe' });
}

export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly maxConnections: number,
  ) {}

  static async create(maxConnections = 60): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'sej-faults-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dir, uid, gid);
    }
    const pg = new PrivatePostgres(dir, await freePort(), maxConnections);
    asPostgres(join(postgresBin(), 'initdb'), ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    pg.start();
    return pg;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  get adminUrl(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  url(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=${this.maxConnections}`;
    asPostgres(join(postgresBin(), 'pg_ctl'), ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options, '-w', 'start']);
  }

  /** `fast` disconnects every client at once (the outage the suite causes). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    asPostgres(join(postgresBin(), 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const TEMPORAL_CLI = process.env.TEMPORAL_CLI_PATH || join(process.env.HOME ?? '/root', '.cache/credencializacion-sej/temporal-1.5.1/temporal');

/** Waits until the Temporal frontend at `address` answers for the default namespace. */
export function temporalReady(address: string): Promise<boolean> {
  return waitFor(async () => {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await connection.close();
    }
  }, `Temporal on ${address}`);
}

/** A Temporal dev server with its history in a file, so that it can be stopped and started again. */
export class PrivateTemporal {
  private child?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(dir: string): Promise<PrivateTemporal> {
    const temporal = new PrivateTemporal(dir, await freePort());
    await temporal.start();
    return temporal;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(join(this.dir, 'temporal.log'), { flags: 'a' });
    this.child = spawn(
      TEMPORAL_CLI,
      ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(this.port), '--db-filename', join(this.dir, 'temporal.db'), '--log-level', 'error'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    await temporalReady(this.address);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const ROOT = join(__dirname, '../../..');
/** Where the suite compiles the sources once (depth 2 under the root, like dist/src, so assets resolve). */
export const BUILD_DIR = join(ROOT, '.data', 'faults-build');

/** Compiles src/ and workflows/ to plain JavaScript once per run: processes start in seconds, not minutes (ts-node). */
export function buildSources(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', BUILD_DIR, '--noCheck', '--incremental', 'false'], {
    stdio: 'pipe',
  });
  rmSync(join(BUILD_DIR, 'assets'), { force: true });
  symlinkSync(join(ROOT, 'assets'), join(BUILD_DIR, 'assets'));
}

/** The API (src/main.ts) or the worker (src/worker.ts) as a real process, compiled by buildSources. */
export class ServiceProcess {
  private output = '';

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {}

  static spawn(name: string, entry: string, env: Record<string, string>, logDir: string): ServiceProcess {
    mkdirSync(logDir, { recursive: true });
    const child = spawn(process.execPath, [join(BUILD_DIR, entry)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const service = new ServiceProcess(name, child);
    const log = createWriteStream(join(logDir, `${name}-${child.pid}.log`));
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        service.output = (service.output + chunk.toString()).slice(-20_000);
        log.write(chunk);
      });
    }
    return service;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until the process printed `text`; fails at once if it exits first. */
  async printed(text: string, deadlineMs = 300_000): Promise<void> {
    const until = Date.now() + deadlineMs;
    while (!this.output.includes(text)) {
      if (!this.running || Date.now() > until) {
        throw new Error(`${this.name} (${this.running ? 'still running' : `exited ${this.child.exitCode ?? this.child.signalCode}`}) never printed "${text}":\n${this.output.slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill(signal);
    await exited;
  }
}
