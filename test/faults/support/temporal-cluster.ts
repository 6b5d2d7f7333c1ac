import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, temporalReady } from './private-services';

const ROOT = join(__dirname, '../../..');
const run = promisify(execFile);

/**
 * The production profile's Temporal (scripts/cluster.sh: the full server on PostgreSQL as two
 * processes behind one frontend address) on the suite's private PostgreSQL, on loopback addresses of
 * its own (127.0.0.<offset+n>) so a system brought up with `npm run up:cluster` is left alone.
 */
export class PrivateTemporalCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(dir: string, pgPort: number): Promise<PrivateTemporalCluster> {
    const port = await freePort();
    const env = {
      ...process.env,
      DATA_DIR: dir,
      CLUSTER_FRONTEND: `127.0.0.1:${port}`,
      CLUSTER_IP_OFFSET: String(20 + (process.pid % 200)),
      CLUSTER_PG_ADDR: `127.0.0.1:${pgPort}`,
      CLUSTER_UI: '0',
      CLUSTER_PG_MAX_CONNS: '10',
    };
    const cluster = new PrivateTemporalCluster(dir, port, env);
    await cluster.script('start');
    await cluster.ready();
    return cluster;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  private async script(...args: string[]): Promise<string> {
    return (await run('bash', [join(ROOT, 'scripts/cluster.sh'), ...args], { env: this.env, cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })).stdout;
  }

  /** The cluster's processes that are alive (`frontend-proxy`, `server-1`, …). */
  async running(): Promise<string[]> {
    const status = await this.script('status');
    return [...status.matchAll(/^([\w-]+): pid \d+$/gm)].map((m) => m[1]).sort();
  }

  private async ready(): Promise<void> {
    await temporalReady(this.address);
  }

  /** kill -9 of one server process (1-based). */
  async killServer(n: number): Promise<void> {
    await this.script('kill-server', String(n));
  }

  async start(): Promise<void> {
    await this.script('start');
    await this.ready();
  }

  async stop(): Promise<void> {
    await this.script('stop');
  }
}
