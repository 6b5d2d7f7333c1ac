/**
 * Statewide simulation (issue 14 item 5): the statewide data set (bench/statewide/dataset.ts,
 * loaded through the administrator's API), Procedure 1 oficios filed and driven to ENTREGADA
 * through the HTTP API by `--clients` concurrent virtual users with scripted decisions (a child
 * process, bench/statewide/drivers.ts), open workflows left waiting, and the read side with
 * `--tasks` open tasks in one DRSE. The API runs in this process, the worker in a process of its
 * own (the compiled `src/worker.ts`, so its RSS is its own), Temporal at TEMPORAL_ADDRESS (dev server).
 *
 *   npm run bench:statewide -- [--schools 300 --students 24000 --requests 60 --clients 100
 *                               --open 500 --cache 100 --tasks 100000 --seconds 15] [--cluster]
 *
 * `--cache` is the worker's WORKER_MAX_CACHED_WORKFLOWS. The worker runs compiled (dist/, built by
 * the bench) as `npm run up` runs it, with the prebuilt workflow bundle (`--bundle-at-start`: without
 * it); `--ts-node` runs src/worker.ts under ts-node instead.
 *
 * The defaults are sized to a shared 2-core machine (a full run takes ~10 min); the issue's scale is
 * `--schools 8000 --students 1200000 --open 8000`. `--cluster` (or the cluster's Temporal server
 * binary already in ~/.cache/credencializacion-sej) also runs the same phases against the cluster
 * profile (scripts/cluster.sh: full Temporal server on PostgreSQL, two servers); its first start
 * builds the server with Go (~25 min), which the bench never does unless asked with --cluster.
 */
import 'reflect-metadata';
import { execFileSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { arg, benchApp, latencyLine, percentile, remoteClients, runBench } from './support';
import type { DriveCommand, DriveJob, DriveReply } from './statewide/drivers';
import { CURRENT_CYCLE, loadStatewide } from './statewide/loader';
import type { Api } from './statewide/loader';
import { planGist, seedOpenTasks } from './statewide/open-tasks';
import { recorded } from './statewide/explain';
import type { Actor } from '../src/access';
import { RequestsService } from '../src/requests/requests.service';

const ROOT = path.resolve(__dirname, '..');
const CLUSTER_BINARY = path.join(process.env.TEMPORAL_SERVER_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'credencializacion-sej/temporal-server-1.29.1'), 'temporal-server');
const DRSE_ROLES = ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS'] as const;

type Rows = Array<Record<string, unknown>>;

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const p = (s: number[], q: number) => percentile([...s].sort((a, b) => a - b), q);

/** Resident and peak resident memory of a process, MB (Linux /proc). */
function rssOf(pid: number | undefined): { rss: number; peak: number } | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The pids listening on a TCP port (the Temporal server(s) of a profile). */
function listeners(address: string): number[] {
  const [host, port] = address.split(':');
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    return [...new Set([...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))].filter((pid) => host === '0.0.0.0' || out.includes(host) || pid > 0);
  } catch {
    return [];
  }
}

/** dist/src/worker.js, built once per bench run by `npm run build` (its workflow bundle removed with --bundle-at-start). */
let built = false;
function compiledWorker(): string {
  if (!built) {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (process.argv.includes('--bundle-at-start')) rmSync(path.join(ROOT, 'dist', 'workflow-bundle.js'));
    built = true;
  }
  return path.join(ROOT, 'dist', 'src', 'worker.js');
}

function drivers(baseUrl: string) {
  const ts = __filename.endsWith('.ts');
  const child = fork(path.join(__dirname, 'statewide', `drivers${ts ? '.ts' : '.js'}`), [baseUrl], { execArgv: ts ? ['-r', 'ts-node/register/transpile-only'] : [] });
  return {
    drive: (command: Omit<DriveCommand, 'cmd'>) =>
      new Promise<DriveReply>((resolve, reject) => {
        child.once('message', (m: DriveReply) => resolve(m));
        child.once('exit', (code) => reject(new Error(`los clientes terminaron (${code})`)));
        child.send({ cmd: 'drive', ...command } satisfies DriveCommand);
      }),
    close: () => child.kill(),
  };
}

interface Figures {
  profile: string;
  requestsPerMin: number;
  transitionsPerSec: number;
  complete: number;
  asked: number;
  decision: number[];
  filing: number[];
  errors: number;
  retried: number;
  failures: string[];
  open: number;
  workerRss: { rss: number; peak: number } | null;
  temporalRss: number;
  inbox: number[];
  inboxPg: string;
  inboxCursor: number[];
  list: number[];
  readErrors: number;
  dbMb: number;
}

async function runProfile(profile: string, address: string): Promise<Figures> {
  const schools = arg('schools', 300);
  const students = arg('students', 24_000);
  const requests = arg('requests', 60);
  const clients = arg('clients', 100);
  const open = arg('open', 500);
  const tasks = arg('tasks', 100_000);
  const seconds = arg('seconds', 15);
  const perRequest = 3;
  const log = (line: string) => console.log(`  [${profile}] ${line}`);
  const taskQueue = `statewide-${randomBytes(4).toString('hex')}`;
  const { t, close } = await benchApp({
    env: { TEMPORAL_ADDRESS: address, TEMPORAL_TASK_QUEUE: taskQueue, AUTH_ACCESS_TTL_SECONDS: '7200', LOGIN_RATE_LIMIT: '1000000', LOG_LEVEL: 'warn' },
  });
  // The worker: the system's own entry point, its own process (env: this app's database, data and
  // queue), compiled as `npm run up` runs it (ts-node's compiler alone weighs ~300 MB) unless --ts-node.
  const workerArgs = process.argv.includes('--ts-node') ? ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/worker.ts')] : [compiledWorker()];
  const worker = spawn(process.execPath, workerArgs, {
    cwd: ROOT,
    env: { ...process.env, WORKER_METRICS_PORT: '0', LOG_LEVEL: 'info', WORKER_MAX_CACHED_WORKFLOWS: String(arg('cache', 100)) },
    stdio: ['ignore', openSync(path.join(os.tmpdir(), `${taskQueue}-worker.log`), 'w'), 'inherit'],
  });
  log(`worker pid ${worker.pid}, registro en ${path.join(os.tmpdir(), `${taskQueue}-worker.log`)}`);
  const people = drivers(t.baseUrl);
  try {
    const exec = (sql: string, params: unknown[] = []) => t.db.orm.em.fork().execute<Rows>(sql, params);
    const tokens: Record<string, string> = {
      ADMIN: (await t.loginAs({ role: 'ADMIN' })).accessToken,
      CONTROL_ESCOLAR_CENTRAL: (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken,
    };
    const api: Api = {
      app: t.app,
      baseUrl: t.baseUrl,
      orm: t.db.orm,
      dataDir: t.dataDir,
      call: async (role, method, urlPath, body) => {
        const r = await t.http(method, urlPath, { token: tokens[role], json: body?.json, form: body?.form });
        return { status: r.status, body: r.body };
      },
      close: async () => undefined,
    };
    await loadStatewide(api, { seed: 14, schools, students }, (line) => log(line));

    // Oficios: schools that print at their DRSE and file online, 3 eligible first-entry students each.
    const candidates = await exec(
      `select s.id as school_id, s.drse_code, array_agg(st.id order by st.id) as ids
         from school s join student st on st.school_id = s.id
        where s.print_route = 'DRSE' and s.has_internet and st.primer_ingreso and not st.declined and st.photo_hash is not null
          and not exists (select 1 from credential c where c.student_id = st.id and c.cycle_code = ?)
        group by s.id, s.drse_code order by count(*) desc limit 120`,
      [CURRENT_CYCLE],
    );
    const slots: Array<{ school: number; drse: string; students: number[] }> = [];
    for (const c of candidates) {
      const ids = (c.ids as number[]).map(Number);
      for (let i = 0; i + perRequest <= ids.length; i += perRequest) slots.push({ school: Number(c.school_id), drse: String(c.drse_code), students: ids.slice(i, i + perRequest) });
    }
    // Interleave schools so concurrent oficios are spread over schools and DRSEs.
    slots.sort((a, b) => (a.students[0] % 97) - (b.students[0] % 97) || a.school - b.school);
    const need = 1 + requests + open;
    if (slots.length < need) log(`aviso: ${slots.length} oficios posibles con ${students} alumnos (se pidieron ${need}); se ajusta --open`);
    const schoolTokens = new Map<number, string>();
    const drseTokens = new Map<string, Record<string, string>>();
    const jobOf = async (s: (typeof slots)[number], fileOnly = false): Promise<DriveJob> => {
      if (!schoolTokens.has(s.school)) schoolTokens.set(s.school, (await t.loginAs({ role: 'ESCUELA', schoolId: s.school })).accessToken);
      if (!drseTokens.has(s.drse)) {
        const byRole: Record<string, string> = {};
        for (const role of DRSE_ROLES) byRole[role] = (await t.loginAs({ role, drse: s.drse })).accessToken;
        drseTokens.set(s.drse, byRole);
        // Stock for the DRSE (ADMIN adjustments): the run measures the happy path, not a shortage.
        const holders = await t.http('GET', `/inventory/holders?drseCode=${s.drse}&kind=DRSE`, { token: tokens.ADMIN });
        const holder = (holders.body.items as Array<{ id: number }>)[0].id;
        for (const item of ['TESLIN', 'MICA', `HOLOGRAMA:${CURRENT_CYCLE}`, 'TINTA']) {
          const r = await t.http('POST', `/inventory/holders/${holder}/adjustments`, { token: tokens.ADMIN, json: { item, delta: 50_000, reason: 'Existencia para la simulación estatal.' } });
          if (r.status !== 201) throw new Error(`ajuste ${item} ${s.drse} → ${r.status} ${JSON.stringify(r.body)}`);
        }
      }
      return { school: String(s.school), students: s.students, tokens: { ESCUELA: schoolTokens.get(s.school)!, ...drseTokens.get(s.drse)! }, fileOnly };
    };
    const jobs: DriveJob[] = [];
    for (const s of slots.slice(0, Math.min(slots.length, 1 + requests))) jobs.push(await jobOf(s));
    const openJobs: DriveJob[] = [];
    for (const s of slots.slice(1 + requests, need)) openJobs.push(await jobOf(s, true));
    log(`${jobs.length - 1} oficios para completar, ${openJobs.length} para dejar abiertos; ${schoolTokens.size} escuelas, ${drseTokens.size} DRSE`);

    // Warm-up: one request to ENTREGADA (the worker bundles its workflows and opens Chromium first).
    const warm = await people.drive({ clients: 1, jobs: jobs.slice(0, 1), pollMs: 500, timeoutMs: 300_000 });
    if (warm.complete !== 1) throw new Error(`calentamiento: ${warm.failures.join('; ')}`);
    const warmRss = rssOf(worker.pid);
    log(`calentamiento listo (${(warm.wallMs / 1000).toFixed(1)} s); worker RSS ${warmRss?.rss.toFixed(0)} MB; ${uptime()}`);

    const run = await people.drive({ clients, jobs: jobs.slice(1), pollMs: 400, timeoutMs: 480_000 });
    log(`${run.complete}/${jobs.length - 1} ENTREGADA en ${(run.wallMs / 1000).toFixed(1)} s; ${uptime()}`);

    // Open workflows: filed and left in Planeación's review; the worker's memory with them open.
    const filedOpen = await people.drive({ clients, jobs: openJobs, pollMs: 400, timeoutMs: 120_000 });
    const openReviews = async () => Number((await exec(`select count(*)::int as n from procedure_task where status = 'ABIERTA' and task_key = 'REVISION_PLANEACION'`))[0].n);
    const until = Date.now() + 180_000;
    while ((await openReviews()) < filedOpen.filed && Date.now() < until) await new Promise((r) => setTimeout(r, 1000));
    const openNow = await openReviews();
    const workerRss = rssOf(worker.pid);
    const temporalRss = listeners(address).reduce((a, pid) => a + (rssOf(pid)?.rss ?? 0), 0);
    log(`${openNow} flujos abiertos; worker RSS ${workerRss?.rss.toFixed(0)} MB (pico ${workerRss?.peak.toFixed(0)} MB); Temporal RSS ${temporalRss.toFixed(0)} MB`);

    // The read side: open tasks in one DRSE (read model rows, as issue 14 measured), 100 clients.
    const drse = jobs[0] ? [...drseTokens.keys()][0] : 'VALLES';
    const present = Number((await exec(`select count(*)::int as n from procedure_task where status = 'ABIERTA' and scope_drse_code = ?`, [drse]))[0].n);
    if (tasks > present) await seedOpenTasks(exec, { n: tasks - present, drse, tag: `estatal-${taskQueue}` });
    const planeacion = drseTokens.get(drse)!.DRSE_PLANEACION;
    const second = await t.http('GET', '/inbox?pageSize=20', { token: planeacion });
    const remote = remoteClients(t.baseUrl);
    const inbox = await remote.load(clients, seconds, [{ method: 'GET', path: '/inbox', token: planeacion }]);
    const inboxCursor = await remote.load(clients, seconds, [{ method: 'GET', path: `/inbox?cursor=${second.body.nextCursor as string}`, token: planeacion }]);
    const list = await remote.load(clients, seconds, [{ method: 'GET', path: '/requests', token: planeacion }]);
    remote.close();
    const actor = { role: 'DRSE_PLANEACION', drseCode: drse } as unknown as Actor;
    const pgMs: string[] = [];
    for (const s of await recorded((em) => new RequestsService(em as never, null as never).inbox(actor, { pageSize: 20 }), [[{ n: 0 }]])) pgMs.push(await planGist(exec, s.sql, s.params));
    log(`PostgreSQL por GET /inbox: ${pgMs.map((g) => g.split(':')[0]).join(' + ')} (conteo + página)`);
    const dbMb = Number((await exec('select pg_database_size(current_database()) as b'))[0].b) / 1024 / 1024;
    return {
      profile,
      requestsPerMin: run.complete / (run.wallMs / 60_000),
      transitionsPerSec: run.transitions / (run.wallMs / 1000),
      complete: run.complete,
      asked: jobs.length - 1,
      decision: run.decisionMs,
      filing: [...run.fileMs, ...filedOpen.fileMs],
      errors: run.errors5xx + filedOpen.errors5xx + run.failures.length + filedOpen.failures.length,
      retried: run.retried,
      failures: [...run.failures, ...filedOpen.failures],
      open: openNow,
      workerRss,
      temporalRss,
      inbox: inbox.ms,
      inboxPg: pgMs.map((g) => g.split(':')[0]).join(' + '),
      inboxCursor: inboxCursor.ms,
      list: list.ms,
      readErrors: inbox.errors + inboxCursor.errors + list.errors,
      dbMb,
    };
  } finally {
    people.close();
    worker.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    if (worker.exitCode === null) worker.kill('SIGKILL');
    await close();
  }
}

function report(f: Figures, clients: number, tasks: number): void {
  const ok = (b: boolean) => (b ? 'CUMPLIDA' : 'NO CUMPLIDA');
  console.log(`\nPerfil ${f.profile}`);
  console.log(`  solicitudes completas: ${f.complete}/${f.asked}; ${f.requestsPerMin.toFixed(1)} P1 completas/min; ${f.transitionsPerSec.toFixed(1)} transiciones/s`);
  console.log(`  ${latencyLine(`ida y vuelta de la decisión (${clients} clientes)`, f.decision)}`);
  console.log(`  ${latencyLine('presentación del oficio', f.filing)}`);
  console.log(`  errores (5xx y solicitudes que no terminaron): ${f.errors} (decisiones respondidas 503 y reenviadas: ${f.retried})${f.failures.length ? ` — ${f.failures.slice(0, 3).join(' | ')}` : ''}`);
  console.log(`  flujos abiertos: ${f.open}; worker RSS ${f.workerRss?.rss.toFixed(0)} MB (pico ${f.workerRss?.peak.toFixed(0)} MB); servidor Temporal RSS ${f.temporalRss.toFixed(0)} MB`);
  console.log(`  ${latencyLine(`GET /inbox, ${tasks} tareas abiertas, ${clients} clientes`, f.inbox)}`);
  console.log(`  (de ello en PostgreSQL, una llamada sin concurrencia: ${f.inboxPg}, conteo + página)`);
  console.log(`  ${latencyLine('GET /inbox?cursor= (segunda página)', f.inboxCursor)}`);
  console.log(`  ${latencyLine('GET /requests', f.list)}`);
  console.log(`  errores de lectura (5xx): ${f.readErrors}; tamaño de la base: ${f.dbMb.toFixed(0)} MB`);
  console.log(`  metas: ≥400 P1/min ${ok(f.requestsPerMin >= 400)}; bandeja p99 ≤100 ms ${ok(p(f.inbox, 99) <= 100)}; decisión p99 ≤300 ms ${ok(p(f.decision, 99) <= 300)}; worker ≤400 MB ${ok((f.workerRss?.peak ?? Infinity) <= 400)}; 0 errores ${ok(f.errors + f.readErrors === 0)}`);
}

async function main(): Promise<void> {
  const clients = arg('clients', 100);
  const tasks = arg('tasks', 100_000);
  console.log(`Simulación estatal; ${uptime()}`);
  const dev = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7244';
  const results: Figures[] = [await runProfile(`servidor de desarrollo (${dev})`, dev)];
  const cluster = process.argv.includes('--cluster') || existsSync(CLUSTER_BINARY);
  if (cluster) {
    const frontend = process.env.CLUSTER_FRONTEND || '127.0.0.1:7263';
    const env = { ...process.env, CLUSTER_FRONTEND: frontend, CLUSTER_UI: '0', CLUSTER_IP_OFFSET: process.env.CLUSTER_IP_OFFSET || '40', CLUSTER_DB: 'temporal_bench_estatal', CLUSTER_VISIBILITY_DB: 'temporal_bench_estatal_vis', DATA_DIR: path.join(os.tmpdir(), 'sej-bench-cluster') };
    execFileSync('bash', [path.join(ROOT, 'scripts/cluster.sh'), 'start'], { cwd: ROOT, env, stdio: 'inherit' });
    try {
      results.push(await runProfile(`clúster (${frontend})`, frontend));
    } finally {
      execFileSync('bash', [path.join(ROOT, 'scripts/cluster.sh'), 'stop'], { cwd: ROOT, env, stdio: 'inherit' });
    }
  } else {
    console.log(`(perfil de clúster omitido: el servidor de Temporal no está en ${CLUSTER_BINARY}; --cluster lo compila, ~25 min)`);
  }
  for (const r of results) report(r, clients, tasks);
  if (results.length === 2) console.log(`\nclúster / desarrollo: ${(results[1].requestsPerMin / results[0].requestsPerMin).toFixed(2)}× P1/min (meta ≥ 0.8×)`);
  console.log(`\n${uptime()}`);
}

runBench(main);
