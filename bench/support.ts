import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/admin';
import { migrateUp } from '../src/database/migrate';
import { startTestApp, TestApp, TestAppOptions } from '../test/support/app';

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

/** Calls `probe` every `everyMs` until stopped; returns each call's latency in ms. */
export function sampleEvery(everyMs: number, probe: () => Promise<unknown>): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await probe();
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
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
