import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { UsersService } from '../../../src/auth/users.service';
import { createDatabase } from '../../../src/database/admin';
import { migrateUp } from '../../../src/database/migrate';
import { createOrmConfig } from '../../../src/database/mikro-orm.config';
import { chromiumProcessesOf, isAlive } from '../../../src/rendering/chromium-sweep';
import { pdfDocument } from '../../support/files';
import { CYCLE, seedSchool } from '../../integration/workflows/support/harness';
import { buildSources, freePort, PrivatePostgres, PrivateTemporal, ServiceProcess, waitFor } from './private-services';
import { PrivateTemporalCluster } from './temporal-cluster';

type Row = Record<string, unknown>;

export interface HttpReply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

/** One school of the suite (DRSE VALLES, printed by the DRSE under R1) with its students and users' tokens. */
export interface SchoolWorld {
  schoolId: number;
  students: number[];
  escuela: string;
}

const DRSE = 'VALLES';

/**
 * The whole system on private services: PostgreSQL cluster, Temporal dev server, the API and the
 * worker as child processes sharing a DATA_DIR, plus the suite's helpers to drive Procedure 1 over
 * HTTP and to check the invariants after a fault.
 */
/** What `invariants()` answers when nothing was duplicated, left half-made or orphaned. */
export const CLEAN_INVARIANTS = {
  ghosts: [],
  duplicateFolios: [],
  studentsWithTwoCards: [],
  duplicateLedger: [],
  duplicateAudit: [],
  duplicateRuns: [],
  orphanChromium: [],
};

export class FaultWorld {
  api!: ServiceProcess;
  worker!: ServiceProcess;
  readonly tokens: Record<string, string> = {};
  private orm!: MikroORM;
  private temporalClient?: { client: Client; connection: Connection };
  private schoolSerial = 0;
  private readonly taskQueue = `faults-${randomBytes(3).toString('hex')}`;

  private constructor(
    readonly pg: PrivatePostgres,
    readonly temporal: PrivateTemporal | PrivateTemporalCluster,
    readonly dataDir: string,
    readonly databaseUrl: string,
    readonly apiPort: number,
  ) {}

  /** `temporal: 'cluster'`: the production profile's two Temporal servers on the private PostgreSQL instead of the dev server. */
  static async start(options: { temporal?: 'dev' | 'cluster' } = {}): Promise<FaultWorld> {
    buildSources();
    const dataDir = mkdtempSync(join(tmpdir(), 'sej-faults-'));
    // The cluster's two Temporal servers keep pools of their own in the same PostgreSQL.
    const pg = await PrivatePostgres.create(options.temporal === 'cluster' ? 300 : 60);
    const temporal = await (options.temporal === 'cluster' ? PrivateTemporalCluster.create(dataDir, pg.port) : PrivateTemporal.create(dataDir)).catch((err: unknown) => {
      pg.destroy();
      throw err;
    });
    const world = new FaultWorld(pg, temporal, dataDir, pg.url('faults'), await freePort());
    try {
      await world.prepare();
    } catch (err) {
      await world.close();
      throw err;
    }
    return world;
  }

  private async prepare(): Promise<void> {
    await createDatabase(this.pg.adminUrl, 'faults');
    await migrateUp(this.databaseUrl);
    this.orm = await MikroORM.init(createOrmConfig(this.databaseUrl));
    await this.sql(
      `insert into school_cycle (code, starts_on, ends_on, is_current, replacement_tariff_cents) values (?, '2026-08-24', '2027-07-14', true, 2800)`,
      [CYCLE],
    );
    await Promise.all([this.startWorker(), this.startApi()]);
    for (const [name, role] of [
      ['planeacion', 'DRSE_PLANEACION'],
      ['control', 'DRSE_CONTROL_ESCOLAR'],
      ['tecnologias', 'DRSE_TECNOLOGIAS'],
    ] as const) {
      this.tokens[name] = await this.userToken(role, { drse: DRSE });
    }
  }

  private get env(): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporal.address,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      DATA_DIR: this.dataDir,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `http://127.0.0.1:${this.apiPort}`,
      LOGIN_RATE_LIMIT: '1000',
      AUTH_ACCESS_TTL_SECONDS: '7200',
      SESSION_IDLE_SECONDS: '7200',
      // Per-user rate limits off: the scenarios write far faster than a person (test/security/rate-limit.spec.ts covers them).
      RATE_LIMITS: 'off',
      // No metrics listeners: a system brought up with `npm run up` may hold their ports.
      WORKER_METRICS_PORT: '0',
    };
  }

  async startWorker(): Promise<void> {
    this.worker = ServiceProcess.spawn('worker', 'src/worker.js', this.env, join(this.dataDir, 'logs'));
    await this.worker.printed('Worker conectado');
  }

  async startApi(): Promise<void> {
    this.api = ServiceProcess.spawn('api', 'src/main.js', this.env, join(this.dataDir, 'logs'));
    await this.api.printed('API escuchando');
  }

  sql(query: string, params: unknown[] = []): Promise<Row[]> {
    return this.orm.em.fork().execute<Row[]>(query, params);
  }

  async http(method: string, path: string, options: { token?: string; json?: unknown; form?: FormData; key?: string } = {}): Promise<HttpReply> {
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.key) headers['Idempotency-Key'] = options.key;
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    const res = await fetch(`http://127.0.0.1:${this.apiPort}${path}`, { method, headers, body, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text };
  }

  private async userToken(role: string, scope: { drse?: string; schoolId?: number }): Promise<string> {
    const username = `${role.toLowerCase().replace(/_/g, '-')}-${randomBytes(3).toString('hex')}`;
    const password = `clave-${randomBytes(6).toString('hex')}`;
    await new UsersService(this.orm.em.fork()).create({ username, password, role: role as never, schoolId: scope.schoolId, drse: scope.drse });
    const res = await this.http('POST', '/auth/login', { json: { username, password } });
    if (res.status !== 200) throw new Error(`login ${role} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  /** A small primaria of VALLES (the DRSE prints, R1) with `n` first-time students, and the DRSE's material for them. */
  async school(n: number): Promise<SchoolWorld> {
    this.schoolSerial++;
    process.env.DATA_DIR = this.dataDir;
    const seeded = await seedSchool(this.orm.em.fork(), {
      cct: `14EPR${String(7000 + this.schoolSerial).padStart(4, '0')}F`,
      drseCode: DRSE,
      matricula: 60,
      hasInternet: true,
      seed: 100 + this.schoolSerial,
    });
    const students: number[] = [];
    for (let i = 0; i < n; i++) students.push(await seeded.student({ primerIngreso: true }));
    const escuela = await this.userToken('ESCUELA', { schoolId: seeded.school.id });
    const holders = await this.http('GET', `/inventory/holders?drseCode=${DRSE}&kind=DRSE`, { token: this.tokens.tecnologias });
    const holder = holders.body.items[0].id as number;
    for (const [item, delta] of [['TESLIN', 8], ['MICA', n], [`HOLOGRAMA:${CYCLE}`, n], ['TINTA', 5]] as const) {
      const res = await this.http('POST', `/inventory/holders/${holder}/adjustments`, { token: this.tokens.tecnologias, json: { item, delta, reason: 'Material para la prueba de fallas.' }, key: randomUUID() });
      if (res.status >= 300) throw new Error(`adjustment ${item} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    return { schoolId: seeded.school.id, students, escuela };
  }

  signedAcuseForm(requestId: number): FormData {
    const form = new FormData();
    form.append('archivo', new Blob([new Uint8Array(pdfDocument(`Acuse firmado ${requestId}`))], { type: 'application/pdf' }), 'acuse-firmado.pdf');
    return form;
  }

  fileForm(school: SchoolWorld): FormData {
    const form = new FormData();
    form.append('datos', JSON.stringify({ procedimiento: 'PROCEDURE_1', nuevos: school.students, continuan: [] }));
    form.append('oficio', new Blob([new Uint8Array(pdfDocument(`Oficio ${school.schoolId}`))], { type: 'application/pdf' }), 'oficio.pdf');
    return form;
  }

  /** Repeats a request with the same Idempotency-Key until it is answered (a dead API or an outage are retried). */
  async untilAnswered(send: () => Promise<HttpReply>, what: string): Promise<HttpReply> {
    return waitFor(async () => {
      const res = await send().catch(() => undefined);
      return res && res.status < 500 ? res : undefined;
    }, what);
  }

  async detail(requestId: number): Promise<HttpReply> {
    return this.http('GET', `/requests/${requestId}`, { token: this.tokens.control });
  }

  /** Waits until the request's open task is `task` (a decision is possible). */
  async taskOpen(requestId: number, task: string): Promise<void> {
    await waitFor(async () => (await this.detail(requestId)).body.tareaAbierta?.key === task, `request ${requestId} to open ${task}`);
  }

  async decide(requestId: number, who: string, evento: string, key = randomUUID()): Promise<HttpReply> {
    const res = await this.untilAnswered(() => this.http('POST', `/requests/${requestId}/decisions`, { token: this.tokens[who], json: { evento }, key }), `${evento} on ${requestId}`);
    if (res.status !== 200) throw new Error(`${evento} on ${requestId} → ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /**
   * One call of each kind a user makes (reads, a decision, a filing, login, health), sent once each
   * without retrying: what the API answers while a service it needs is down.
   */
  async outageAnswers(requestId: number, school: SchoolWorld): Promise<Array<{ call: string; status: number; retryAfter: string | null; spanish: boolean }>> {
    const calls: Array<[string, () => Promise<HttpReply>]> = [
      ['bandeja', () => this.http('GET', '/inbox', { token: this.tokens.control })],
      ['lista de solicitudes', () => this.http('GET', '/requests', { token: this.tokens.control })],
      ['detalle', () => this.detail(requestId)],
      ['alumnos', () => this.http('GET', `/students?schoolId=${school.schoolId}`, { token: school.escuela })],
      ['decisión', () => this.http('POST', `/requests/${requestId}/decisions`, { token: this.tokens.control, json: { evento: 'PRODUCTION_CONFIRMED' }, key: randomUUID() })],
      ['presentación', () => this.http('POST', '/requests', { token: school.escuela, form: this.fileForm(school), key: randomUUID() })],
      ['inicio de sesión', () => this.http('POST', '/auth/login', { json: { username: 'nadie', password: 'una-clave-cualquiera' } })],
      ['salud', () => this.http('GET', '/health')],
    ];
    const out = [];
    for (const [call, send] of calls) {
      const res = await send();
      const detail = typeof res.body === 'object' && res.body ? String((res.body as { detail?: unknown }).detail ?? '') : '';
      out.push({ call, status: res.status, retryAfter: res.headers.get('retry-after'), spanish: /no está disponible|no disponible/i.test(detail) || call === 'salud' });
    }
    return out;
  }

  /** Files Procedure 1 for the school; the id of the new request. */
  async file(school: SchoolWorld, key = randomUUID()): Promise<number> {
    const res = await this.untilAnswered(() => this.http('POST', '/requests', { token: school.escuela, form: this.fileForm(school), key }), 'filing');
    if (res.status !== 201) throw new Error(`filing → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  }

  /** From Planeación's review to Control Escolar's validation: after it the automatic steps (reservation, print run) run. */
  async acceptAndValidate(requestId: number): Promise<void> {
    await this.taskOpen(requestId, 'REVISION_PLANEACION');
    await this.decide(requestId, 'planeacion', 'ACCEPT');
    await this.taskOpen(requestId, 'VALIDACION_CONTROL_ESCOLAR');
    await this.decide(requestId, 'control', 'VALIDATE');
  }

  /** From the printed run to delivery with its signed acuse. */
  async confirmAndDeliver(requestId: number): Promise<void> {
    await this.taskOpen(requestId, 'CONFIRMACION_PRODUCCION');
    await this.decide(requestId, 'control', 'PRODUCTION_CONFIRMED');
    await this.taskOpen(requestId, 'ENTREGA');
    await this.decide(requestId, 'control', 'DELIVER');
    await this.taskOpen(requestId, 'ACUSE_FIRMADO');
    const key = randomUUID();
    const signed = await this.untilAnswered(() => this.http('POST', `/requests/${requestId}/signed-acuse`, { token: this.tokens.control, form: this.signedAcuseForm(requestId), key }), `signed acuse of ${requestId}`);
    if (signed.status !== 200) throw new Error(`signed acuse of ${requestId} → ${signed.status} ${JSON.stringify(signed.body)}`);
    await waitFor(async () => (await this.detail(requestId)).body.estado === 'ENTREGADA', `request ${requestId} to be ENTREGADA`);
  }

  async client(): Promise<Client> {
    if (!this.temporalClient) {
      const connection = await Connection.connect({ address: this.temporal.address });
      this.temporalClient = { connection, client: new Client({ connection }) };
    }
    return this.temporalClient.client;
  }

  /** Waits until the request's workflow has `activity` running on a worker (inside the automatic step). */
  async activityRunning(requestId: number, activity: string): Promise<void> {
    const [{ workflow_id: workflowId }] = await this.sql('select workflow_id from procedure_request where id = ?', [requestId]);
    const client = await this.client();
    await waitFor(async () => {
      const described = await client.workflow.getHandle(String(workflowId)).describe();
      const pending = described.raw.pendingActivities ?? [];
      return pending.some((a) => a.activityType?.name === activity && a.lastStartedTime);
    }, `${activity} to run for request ${requestId}`, 120_000);
  }

  /** Chromium processes of this data folder whose owner is gone. */
  orphanChromium(): number[] {
    return chromiumProcessesOf(join(this.dataDir, 'chromium'))
      .filter((p) => !isAlive(p.ownerPid))
      .map((p) => p.pid);
  }

  /** The suite's invariants: nothing duplicated, no request without its workflow. */
  async invariants(): Promise<Record<string, unknown>> {
    const client = await this.client();
    const requests = await this.sql(`select id, workflow_id from procedure_request where procedure = 'PROCEDURE_1' order by id`);
    const ghosts: unknown[] = [];
    for (const r of requests) {
      if (!r.workflow_id) {
        ghosts.push(r.id);
        continue;
      }
      await client.workflow
        .getHandle(String(r.workflow_id))
        .describe()
        .catch(() => ghosts.push(r.id));
    }
    return {
      ghosts,
      duplicateFolios: await this.sql(`select folio, count(*)::int as n from credential group by folio having count(*) > 1`),
      studentsWithTwoCards: await this.sql(`select student_id, count(*)::int as n from credential where kind = 'TARJETA' and status = 'EXPEDIDA' group by student_id having count(*) > 1`),
      duplicateLedger: await this.sql(
        `select coalesce(print_run_id, request_id) as ref, kind, item_code, count(*)::int as n from stock_entry
          where kind in ('RESERVATION', 'CONSUMPTION', 'WASTE', 'RELEASE') group by 1, 2, 3, holder_id having count(*) > 1`,
      ),
      duplicateAudit: await this.sql(`select request_id, event, count(*)::int as n from procedure_audit group by 1, 2 having count(*) > 1`),
      duplicateRuns: await this.sql(`select key, count(*)::int as n from print_run group by key having count(*) > 1`),
      orphanChromium: this.orphanChromium(),
    };
  }

  async close(): Promise<void> {
    await this.api?.kill('SIGKILL');
    await this.worker?.kill('SIGKILL');
    await this.temporalClient?.connection.close();
    await this.orm?.close(true);
    await this.temporal.stop();
    this.pg.destroy();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
