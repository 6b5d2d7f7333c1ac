import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/admin';
import { migrateUp } from '../src/database/migrate';
import { startTestApp, TestApp, TestAppOptions } from '../test/support/app';
import type { CallAnswer, ClientCall, ClientCommand, ClientReply } from './http-clients';

/**
 * The real API in this process on a scratch, migrated database (the test harness's helpers for
 * schools, students and users), optionally with a worker on the Temporal server at TEMPORAL_ADDRESS.
 */
export async function benchApp(options: TestAppOptions = {}): Promise<{ t: TestApp; close: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const template = `sej_bench_tmpl_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, template);
  await migrateUp(withDatabase(adminUrl, template));
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_TEMPLATE = template;
  process.env.TEST_TEMPORAL_ADDRESS ??= process.env.TEMPORAL_ADDRESS || '127.0.0.1:7244';
  const t = await startTestApp({ ...options, env: { TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS, ...options.env } });
  return {
    t,
    async close() {
      await t.close();
      await dropDatabase(adminUrl, template);
    },
  };
}

export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function latencyLine(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `${label}: n=${s.length} p50=${percentile(s, 50).toFixed(1)} ms p99=${percentile(s, 99).toFixed(1)} ms max=${(s[s.length - 1] ?? NaN).toFixed(1)} ms`;
}

/** Runs a benchmark's main and exits with its outcome (the app's handles would keep the process alive). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/**
 * Clients in a child process (bench/http-clients.ts): the API's process then only serves, and the
 * clients' own work (building requests, reading answers) does not queue behind it or slow it down.
 */
export function remoteClients(baseUrl: string) {
  const ts = __filename.endsWith('.ts');
  const child = fork(path.join(__dirname, `http-clients${ts ? '.ts' : '.js'}`), [baseUrl], { execArgv: ts ? ['-r', 'ts-node/register/transpile-only'] : [] });
  const ask = <C extends ClientReply['cmd']>(command: ClientCommand, cmd: C): Promise<Extract<ClientReply, { cmd: C }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: ClientReply) => {
        if (m.cmd !== cmd) return;
        child.off('message', onMessage).off('exit', onExit);
        resolve(m as Extract<ClientReply, { cmd: C }>);
      };
      const onExit = (code: number | null) => reject(new Error(`el proceso de clientes terminó (${code})`));
      child.on('message', onMessage).once('exit', onExit);
      child.send(command);
    });
  return {
    /** Starts calling GET `path` every `everyMs`; `stop()` returns each call's latency in ms. */
    probe(urlPath: string, everyMs: number): { stop: () => Promise<number[]> } {
      child.send({ cmd: 'probe', path: urlPath, everyMs } satisfies ClientCommand);
      return { stop: async () => (await ask({ cmd: 'stopProbe' }, 'probe')).samples };
    },
    /** All calls at once. */
    async burst(calls: ClientCall[]): Promise<CallAnswer[]> {
      return (await ask({ cmd: 'burst', calls }, 'burst')).answers;
    },
    /** `clients` closed loops over `calls` for `seconds`. */
    async load(clients: number, seconds: number, calls: ClientCall[]): Promise<{ ms: number[]; errors: number }> {
      const { ms, errors } = await ask({ cmd: 'load', clients, seconds, calls }, 'load');
      return { ms, errors };
    },
    close(): void {
      child.kill();
    },
  };
}
