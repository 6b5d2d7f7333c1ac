import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Worker } from '@temporalio/worker';
import type { Role } from '../../src/access';
import { UsersService } from '../../src/auth/users.service';
import { syntheticPerson } from '../../src/catalog/demo/synthetic-people';
import { placeholderPhoto } from '../../src/catalog/demo/placeholder-photo';
import { Drse, School, Student } from '../../src/catalog/entities';
import type { Nivel, Turno } from '../../src/catalog/identifiers';
import { Prng } from '../../src/common/prng';
import { BlobStore } from '../../src/storage/blob-store';
import { createTestDatabase, TestDatabase } from './db';
import { connectTestTemporal, TestTemporal } from './temporal';

export interface Session {
  accessToken: string;
  /** The value of the `sej_refresh` cookie login set (the API never puts it in a body). */
  refreshToken: string;
  actor: { id: string; role: Role; drseCode?: string; schoolId?: number };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
}

export interface UserSpec {
  role: Role;
  /** ESCUELA: the school. */
  schoolId?: number;
  /** DRSE roles: the DRSE code. */
  drse?: string;
  username?: string;
  password?: string;
}

export interface HttpOptions {
  token?: string;
  json?: unknown;
  form?: FormData;
  /** A body sent as is (set its Content-Type in `headers`). */
  body?: string;
  headers?: Record<string, string>;
}

// Response bodies are whatever the endpoint returns; tests assert on them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON (also problem+json); the raw bytes otherwise. */
  body: T;
  contentType: string;
}

export interface SchoolSpec {
  drse?: string;
  nivel?: Nivel;
  turno?: Turno;
  matricula?: number;
  hasInternet?: boolean;
  cct?: string;
}

export interface StudentSpec {
  primerIngreso?: boolean;
  withPhoto?: boolean;
  declined?: boolean;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  /** DATA_DIR of this app (uploads under `uploads/`). */
  dataDir: string;
  /** The Temporal task queue the API starts workflows on (and the worker polls, if started). */
  taskQueue: string;
  temporal?: TestTemporal;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  http<T = any>(method: string, urlPath: string, options?: HttpOptions): Promise<HttpResult<T>>;
  login(username: string, password: string): Promise<Session>;
  /** POST /auth/refresh as the web interface sends it: the `sej_refresh` cookie and X-Requested-With. */
  refresh(refreshToken: string): Promise<HttpResult>;
  createUser(spec: UserSpec): Promise<TestUser>;
  /** createUser + login. */
  loginAs(spec: UserSpec): Promise<Session & { user: TestUser }>;
  createSchool(spec?: SchoolSpec): Promise<School>;
  createStudent(school: School | number, spec?: StudentSpec): Promise<Student>;
  /** A valid, never-used synthetic CURP. */
  newCurp(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Also run a Temporal worker (WorkerModule activities, real workflows) on the app's task queue. */
  worker?: boolean;
  /** Extra environment for this app (e.g. LOGIN_RATE_LIMIT). */
  env?: Record<string, string>;
}

/**
 * The real API (createApp) on an ephemeral port against a fresh test database, optionally with a
 * real Temporal worker. HTTP goes through Node's global fetch.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sej-api-'));
  const taskQueue = `api-test-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS || '127.0.0.1:7244',
    TEMPORAL_TASK_QUEUE: taskQueue,
    PUBLIC_BASE_URL: 'http://localhost',
    // Off in the suite (tests log in and write far more than a person); rate-limit.spec.ts turns them on.
    RATE_LIMITS: 'off',
    ...options.env,
  };
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);

  let temporal: TestTemporal | undefined;
  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  let workerCtx: INestApplicationContext | undefined;
  if (options.worker) {
    const [{ WorkerModule }, { collectActivities }, { createWorker }] = await Promise.all([
      import('../../src/worker.module'),
      import('../../src/worker'),
      import('../../src/temporal/worker-factory'),
    ]);
    temporal = await connectTestTemporal();
    process.env.TEMPORAL_ADDRESS = temporal.address;
    workerCtx = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    worker = await createWorker({ connection: temporal.nativeConnection, taskQueue, activities: collectActivities(workerCtx) });
    workerRun = worker.run();
  }

  const { createApp } = await import('../../src/app.factory');
  const app = await createApp(NestFactory);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const rng = new Prng(Number.parseInt(randomBytes(4).toString('hex'), 16));
  const takenCurps = new Set<string>();
  let serial = 0;
  const blobs = new BlobStore(path.join(dataDir, 'uploads'));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const http = async <T = any>(method: string, urlPath: string, opts: HttpOptions = {}): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      body = opts.form;
    } else if (opts.body !== undefined) {
      body = opts.body;
    }
    const res = await fetch(`${baseUrl}${urlPath}`, { method, headers, body });
    const contentType = res.headers.get('content-type') ?? '';
    const raw = Buffer.from(await res.arrayBuffer());
    const parsed = /json/.test(contentType) && raw.length ? JSON.parse(raw.toString('utf8')) : raw;
    return { status: res.status, headers: res.headers, body: parsed as T, contentType };
  };

  const login = async (username: string, password: string): Promise<Session> => {
    const res = await http<Session>('POST', '/auth/login', { json: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${JSON.stringify(res.body)}`);
    return { ...res.body, refreshToken: refreshCookie(res.headers) ?? '' };
  };

  const refresh = (refreshToken: string): Promise<HttpResult> =>
    http('POST', '/auth/refresh', { headers: { Cookie: `sej_refresh=${refreshToken}`, 'X-Requested-With': 'XMLHttpRequest' } });

  const createUser = async (spec: UserSpec): Promise<TestUser> => {
    serial++;
    const username = spec.username ?? `${spec.role.toLowerCase().replace(/_/g, '-')}-${serial}`;
    const password = spec.password ?? `clave-${randomBytes(6).toString('hex')}`;
    const user = await new UsersService(db.orm.em.fork()).create({ username, password, role: spec.role, schoolId: spec.schoolId, drse: spec.drse });
    return { id: user.id, username: user.username, password, role: spec.role };
  };

  const newCurp = (): string => syntheticPerson(rng, 2014, takenCurps).curp;

  const harness: TestApp = {
    app,
    baseUrl,
    db,
    dataDir,
    taskQueue,
    temporal,
    http,
    login,
    refresh,
    createUser,
    async loginAs(spec) {
      const user = await createUser(spec);
      return { ...(await login(user.username, user.password)), user };
    },
    async createSchool(spec = {}) {
      serial++;
      const em = db.orm.em.fork();
      const letter = String.fromCharCode(65 + (serial % 26));
      const school = new School({
        cct: spec.cct ?? `14EPR${String(1000 + (serial % 9000)).padStart(4, '0')}${letter}`,
        turno: spec.turno ?? 'MATUTINO',
        nivel: spec.nivel ?? 'PRIMARIA',
        name: `Escuela de prueba ${serial}`,
        address: `Calle ${serial}, Col. Centro`,
        phone: '3300000000',
        matricula: spec.matricula ?? 120,
        hasInternet: spec.hasInternet ?? true,
        drse: em.getReference(Drse, spec.drse ?? 'VALLES'),
      });
      await em.persistAndFlush(school);
      return school;
    },
    async createStudent(school, spec = {}) {
      const em = db.orm.em.fork();
      const person = syntheticPerson(rng, 2014, takenCurps);
      const photoHash = spec.withPhoto === false ? undefined : await blobs.put(placeholderPhoto(serial++));
      const student = new Student({
        ...person,
        school: em.getReference(School, typeof school === 'number' ? school : school.id),
        primerIngreso: spec.primerIngreso ?? true,
        photoHash,
      });
      if (spec.declined) student.decline(new Date(), 'prueba');
      await em.persistAndFlush(student);
      return student;
    },
    newCurp,
    async close() {
      await app.close();
      if (worker) {
        worker.shutdown();
        await workerRun;
      }
      await workerCtx?.close();
      await temporal?.close();
      await db.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
  return harness;
}

/** The value of the `sej_refresh` cookie a response sets (undefined if none; '' when it clears it). */
export function refreshCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const m = /^sej_refresh=([^;]*)/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** The personas of the authorisation matrix: every role, inside and outside the target's scope. */
export const PERSONAS = [
  'ANONIMO',
  'ESCUELA_DENTRO',
  'ESCUELA_FUERA',
  'PLANEACION_DENTRO',
  'PLANEACION_FUERA',
  'CONTROL_ESCOLAR_DENTRO',
  'CONTROL_ESCOLAR_FUERA',
  'TECNOLOGIAS_DENTRO',
  'TECNOLOGIAS_FUERA',
  'RECURSOS_MATERIALES',
  'CONTROL_ESCOLAR_CENTRAL',
  'DGTI',
  'ADMIN',
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface ScopeWorld {
  /** The target school (DRSE VALLES): "inside" personas cover it. */
  school: School;
  /** Another school of the same DRSE (home of ESCUELA_FUERA). */
  sibling: School;
  /** A school of another DRSE (NORTE, home of the *_FUERA DRSE personas). */
  foreign: School;
  /** Students of the target school. */
  student: Student;
  /** Bearer token per persona (undefined for ANONIMO). */
  tokens: Record<Persona, string | undefined>;
  users: Partial<Record<Persona, TestUser>>;
}

/** Builds the schools, a student and one logged-in user per persona. */
export async function createScopeWorld(t: TestApp): Promise<ScopeWorld> {
  const school = await t.createSchool({ drse: 'VALLES', matricula: 150 });
  const sibling = await t.createSchool({ drse: 'VALLES', matricula: 600 });
  const foreign = await t.createSchool({ drse: 'NORTE', matricula: 200 });
  const student = await t.createStudent(school);
  const specs: Record<Exclude<Persona, 'ANONIMO'>, UserSpec> = {
    ESCUELA_DENTRO: { role: 'ESCUELA', schoolId: school.id },
    ESCUELA_FUERA: { role: 'ESCUELA', schoolId: sibling.id },
    PLANEACION_DENTRO: { role: 'DRSE_PLANEACION', drse: 'VALLES' },
    PLANEACION_FUERA: { role: 'DRSE_PLANEACION', drse: 'NORTE' },
    CONTROL_ESCOLAR_DENTRO: { role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' },
    CONTROL_ESCOLAR_FUERA: { role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' },
    TECNOLOGIAS_DENTRO: { role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' },
    TECNOLOGIAS_FUERA: { role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' },
    RECURSOS_MATERIALES: { role: 'RECURSOS_MATERIALES' },
    CONTROL_ESCOLAR_CENTRAL: { role: 'CONTROL_ESCOLAR_CENTRAL' },
    DGTI: { role: 'DGTI' },
    ADMIN: { role: 'ADMIN' },
  };
  const tokens = { ANONIMO: undefined } as Record<Persona, string | undefined>;
  const users: Partial<Record<Persona, TestUser>> = {};
  for (const [persona, spec] of Object.entries(specs) as [Exclude<Persona, 'ANONIMO'>, UserSpec][]) {
    const session = await t.loginAs(spec);
    tokens[persona] = session.accessToken;
    users[persona] = session.user;
  }
  return { school, sibling, foreign, student, tokens, users };
}
