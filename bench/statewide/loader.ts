import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/postgresql';
import { UsersService } from '../../src/auth/users.service';
import { placeholderPhoto } from '../../src/catalog/demo/placeholder-photo';
import { createDatabase, databaseName, dropDatabase, withDatabase } from '../../src/database/admin';
import { migrateUp } from '../../src/database/migrate';
import { createOrmConfig } from '../../src/database/mikro-orm.config';
import { BlobStore } from '../../src/storage/blob-store';
import { DEFAULT_STATEWIDE, generateSchools, generateStudents, schoolsCsv, StatewideOptions, studentCsvChunks, SUB_DRSES } from './dataset';

/** The development/demo database (`npm run up`): the loader never writes there. */
const DEMO_DATABASE = 'credencializacion';
/** Handful of generated photos every student's photo points to (R8 needs a photo, not a distinct one). */
const PHOTO_VARIANTS = 6;
/** Rows per student CSV (UPLOAD_CSV_MAX_ROWS). */
const STUDENTS_PER_FILE = 20_000;

export const PREVIOUS_CYCLE = '2025-2026';
export const CURRENT_CYCLE = '2026-2027';

/**
 * Refuses the demo database (by name, and whatever DATABASE_URL names) and anything that is not a
 * plain lower-case name; creates the database (dropping it first only with `recreate`) and migrates it.
 */
export async function prepareDatabase(name: string, recreate: boolean): Promise<{ adminUrl: string; url: string }> {
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const configured = process.env.DATABASE_URL ? databaseName(process.env.DATABASE_URL) : DEMO_DATABASE;
  if (!/^[a-z][a-z0-9_]{2,62}$/.test(name)) throw new Error(`Nombre de base de datos no válido: «${name}» (minúsculas, dígitos y _).`);
  if (name === DEMO_DATABASE || name === configured || name === 'postgres' || name.startsWith('template')) {
    throw new Error(`No se carga el conjunto estatal en «${name}»: es la base de demostración o de sistema. Indique otra con --database.`);
  }
  const url = withDatabase(adminUrl, name);
  if (recreate) await dropDatabase(adminUrl, name);
  try {
    await createDatabase(adminUrl, name);
  } catch (err) {
    if ((err as { code?: string }).code === '42P04') throw new Error(`La base «${name}» ya existe; use --recreate para borrarla y cargarla de nuevo.`);
    throw err;
  }
  await migrateUp(url);
  return { adminUrl, url };
}

export interface Api {
  app: NestExpressApplication;
  baseUrl: string;
  orm: MikroORM;
  dataDir: string;
  /** A call as `role` (ADMIN or CONTROL_ESCOLAR_CENTRAL), logging in again when the token expired. */
  call(role: 'ADMIN' | 'CONTROL_ESCOLAR_CENTRAL', method: string, urlPath: string, body?: { json?: unknown; form?: FormData }): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** The real API in this process on `url` (no Temporal worker: nothing here starts a workflow). */
export async function startApi(url: string, dataDir: string): Promise<Api> {
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || 'http://localhost',
    RATE_LIMITS: process.env.RATE_LIMITS || 'off',
  });
  await fs.mkdir(dataDir, { recursive: true });
  const { createApp } = await import('../../src/app.factory');
  const app = await createApp(NestFactory);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const orm = await MikroORM.init(createOrmConfig(url));
  const users = new Map<string, { username: string; password: string; token?: string }>();
  for (const role of ['ADMIN', 'CONTROL_ESCOLAR_CENTRAL'] as const) {
    const username = `estatal-${role.toLowerCase().replace(/_/g, '-')}-${randomBytes(3).toString('hex')}`;
    const password = `clave-${randomBytes(9).toString('hex')}`;
    await new UsersService(orm.em.fork()).create({ username, password, role });
    users.set(role, { username, password });
  }
  const login = async (role: string): Promise<string> => {
    const u = users.get(role)!;
    const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u.username, password: u.password }) });
    if (res.status !== 200) throw new Error(`login ${role} → ${res.status}`);
    u.token = ((await res.json()) as { accessToken: string }).accessToken;
    return u.token;
  };
  const call: Api['call'] = async (role, method, urlPath, body = {}) => {
    for (let attempt = 0; ; attempt++) {
      const token = users.get(role)!.token ?? (await login(role));
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (body.json !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(`${baseUrl}${urlPath}`, { method, headers, body: body.json !== undefined ? JSON.stringify(body.json) : body.form });
      if (res.status === 401 && attempt === 0) {
        users.get(role)!.token = undefined;
        continue;
      }
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, body: /json/.test(type) ? await res.json() : await res.text() };
    }
  };
  return {
    app,
    baseUrl,
    orm,
    dataDir,
    call,
    async close() {
      await app.close();
      await orm.close(true);
    },
  };
}

function expectOk(what: string, res: { status: number; body: unknown }): Record<string, unknown> {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what} → ${res.status}: ${JSON.stringify(res.body).slice(0, 2000)}`);
  return res.body as Record<string, unknown>;
}

const csvForm = (data: Buffer, name: string): FormData => {
  const form = new FormData();
  form.append('archivo', new Blob([new Uint8Array(data)], { type: 'text/csv' }), name);
  return form;
};

export interface Timings {
  [step: string]: number;
}

async function timed<T>(timings: Timings, step: string, fn: () => Promise<T>, log: (line: string) => void): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  timings[step] = performance.now() - t0;
  log(`${step}: ${(timings[step] / 1000).toFixed(1)} s`);
  return out;
}

/**
 * Loads the statewide data set through the administrator's API (what the README walks through):
 * Sub-DRSEs, cycles, the school import (dry run, then apply), the student import in CSV files of
 * 20,000, photos, initial kits. Then, to make the coverage report meaningful, a cycle underway is
 * written directly (SQL, documented as synthetic): cards of the previous cycle for continuing
 * students, some cards and holograms of the current cycle, a few opt-outs.
 */
export async function loadStatewide(api: Api, opts: StatewideOptions = DEFAULT_STATEWIDE, log: (line: string) => void = console.log): Promise<Timings> {
  const timings: Timings = {};
  for (const d of SUB_DRSES) expectOk(`Sub-DRSE ${d.code}`, await api.call('ADMIN', 'POST', '/drses', { json: d }));
  expectOk('ciclo anterior', await api.call('ADMIN', 'POST', '/cycles', { json: { code: PREVIOUS_CYCLE, startsOn: '2025-08-25', endsOn: '2026-07-10' } }));
  expectOk('abrir ciclo anterior', await api.call('ADMIN', 'POST', `/cycles/${PREVIOUS_CYCLE}/open`));

  const schools = generateSchools(opts);
  const csv = schoolsCsv(schools);
  const dry = await timed(timings, `importación de ${schools.length} escuelas (simulación)`, async () =>
    expectOk('simulación', await api.call('ADMIN', 'POST', '/schools/import?simular=true', { form: csvForm(csv, 'escuelas.csv') })), log);
  if ((dry.created as unknown[]).length !== schools.length || (dry.refused as unknown[]).length) throw new Error(`simulación inesperada: ${JSON.stringify(dry).slice(0, 500)}`);
  await timed(timings, `importación de ${schools.length} escuelas (aplicar)`, async () =>
    expectOk('importación', await api.call('ADMIN', 'POST', '/schools/import', { form: csvForm(csv, 'escuelas.csv') })), log);

  let files = 0;
  let created = 0;
  // Generated before the clock starts: the import is timed, not the generator.
  const chunks = [...studentCsvChunks(generateStudents(schools, opts), STUDENTS_PER_FILE)];
  log(`  ${chunks.length} archivos CSV de alumnos generados (${(chunks.reduce((a, c) => a + c.length, 0) / 1e6).toFixed(0)} MB)`);
  await timed(timings, `importación de ${opts.students} alumnos`, async () => {
    for (const chunk of chunks) {
      const r = expectOk(`alumnos, archivo ${files + 1}`, await api.call('ADMIN', 'POST', '/students/import', { form: csvForm(chunk, `alumnos-${files + 1}.csv`) }));
      created += r.created as number;
      files++;
      if (files % 10 === 0) log(`  ${files} archivos, ${created} alumnos`);
    }
  }, log);
  if (created !== opts.students) throw new Error(`se crearon ${created} alumnos de ${opts.students}`);

  const em = api.orm.em.fork();
  await timed(timings, 'fotografías (referencias a imágenes generadas)', async () => {
    const blobs = new BlobStore(path.join(api.dataDir, 'uploads'));
    const hashes: string[] = [];
    for (let i = 0; i < PHOTO_VARIANTS; i++) hashes.push(await blobs.put(placeholderPhoto(i)));
    // 92 % of students have their photo loaded.
    await em.execute(`update student set photo_hash = (?::varchar[])[1 + id % ${PHOTO_VARIANTS}] where id % 25 not in (3, 17)`, [`{${hashes.join(',')}}`]);
  }, log);

  expectOk('ciclo vigente', await api.call('ADMIN', 'POST', '/cycles', { json: { code: CURRENT_CYCLE, startsOn: '2026-08-24', endsOn: '2027-07-09' } }));
  await timed(timings, 'ciclo en curso (sintético, SQL)', () => syntheticCycleProgress(em), log);
  await timed(timings, `abrir el ciclo ${CURRENT_CYCLE}`, async () => expectOk('abrir ciclo', await api.call('ADMIN', 'POST', `/cycles/${CURRENT_CYCLE}/open`)), log);
  await timed(timings, 'hologramas y credenciales del ciclo (sintético, SQL)', () => syntheticCurrentCycle(em), log);
  const kits = await timed(timings, 'kits iniciales (aplicar)', async () => expectOk('kits', await api.call('ADMIN', 'POST', '/inventory/initial-kits', { json: {} })), log);
  log(`  kits registrados: ${kits.recorded as number}`);
  await em.execute('analyze');
  return timings;
}

/**
 * Cards of the previous cycle for continuing students (as if printed last year): one print run per
 * DRSE, planillas of 8, folios numbered; a few opt-outs. Written with SQL: this is test data, not
 * an operation of the system.
 */
async function syntheticCycleProgress(em: ReturnType<MikroORM['em']['fork']>): Promise<void> {
  await em.execute(`update student set declined = true, declined_at = now(), declined_reason = 'Sintético: la familia declinó' where id % 97 = 5`);
  await em.execute(
    `insert into print_run (key, fingerprint, holder_type, holder_drse_code, cycle_code, new_planilla_per_school, planillas, cards, voided, created_by_id, created_by_role, created_at)
     select 'estatal-' || d.code, repeat('0', 64), 'DRSE', d.code, ?, false, greatest(1, ceil(count(st.id) / 8.0))::int, greatest(1, count(st.id))::int,
            greatest(1, ceil(count(st.id) / 8.0))::int * 8 - greatest(1, count(st.id))::int, 'estatal', 'ADMIN', '2025-09-15'
       from drse d join school s on s.drse_code = d.code join student st on st.school_id = s.id and not st.primer_ingreso and not st.declined
      group by d.code`,
    [PREVIOUS_CYCLE],
  );
  await em.execute(
    `insert into credential (folio_number, folio, cycle_code, run_id, planilla, slot, kind, status, student_id, school_id, cct, turno, nivel, qr_payload, issued_at)
     select row_number() over (order by st.id), 'E25-' || lpad((row_number() over (order by st.id))::text, 9, '0'), ?, r.id,
            ((row_number() over (partition by r.id order by st.id)) - 1) / 8, ((row_number() over (partition by r.id order by st.id)) - 1) % 8,
            'TARJETA', 'EXPEDIDA', st.id, s.id, s.cct, s.turno, s.nivel, 'estatal', '2025-09-15'
       from student st join school s on s.id = st.school_id join print_run r on r.key = 'estatal-' || s.drse_code
      where not st.primer_ingreso and not st.declined`,
    [PREVIOUS_CYCLE],
  );
}

/** This cycle so far: holograms for 55 % of card holders, new cards for 35 % of first-entry students with a photo. */
async function syntheticCurrentCycle(em: ReturnType<MikroORM['em']['fork']>): Promise<void> {
  await em.execute(
    `insert into print_run (key, fingerprint, holder_type, holder_drse_code, cycle_code, new_planilla_per_school, planillas, cards, voided, created_by_id, created_by_role, created_at)
     select 'estatal-nuevo-' || d.code, repeat('0', 64), 'DRSE', d.code, ?, false, greatest(1, ceil(count(st.id) / 8.0))::int, greatest(1, count(st.id))::int,
            greatest(1, ceil(count(st.id) / 8.0))::int * 8 - greatest(1, count(st.id))::int, 'estatal', 'ADMIN', now()
       from drse d join school s on s.drse_code = d.code
       join student st on st.school_id = s.id and st.primer_ingreso and not st.declined and st.photo_hash is not null and st.id % 20 < 7
      group by d.code`,
    [CURRENT_CYCLE],
  );
  await em.execute(
    `insert into credential (folio_number, folio, cycle_code, run_id, planilla, slot, kind, status, student_id, school_id, cct, turno, nivel, qr_payload, issued_at)
     select 100000000 + row_number() over (order by st.id), 'E26-' || lpad((row_number() over (order by st.id))::text, 9, '0'), ?, r.id,
            ((row_number() over (partition by r.id order by st.id)) - 1) / 8, ((row_number() over (partition by r.id order by st.id)) - 1) % 8,
            'TARJETA', 'EXPEDIDA', st.id, s.id, s.cct, s.turno, s.nivel, 'estatal', now()
       from student st join school s on s.id = st.school_id join print_run r on r.key = 'estatal-nuevo-' || s.drse_code
      where st.primer_ingreso and not st.declined and st.photo_hash is not null and st.id % 20 < 7`,
    [CURRENT_CYCLE],
  );
  // The synthetic folios are numbered here, not by the folio sequence: move it past them, or the next real print run collides.
  await em.execute(`select setval('credential_folio_seq', greatest((select max(folio_number) from credential), 1))`);
  await em.execute(
    `insert into student_hologram (student_id, cycle_code, source, reference, recorded_by)
     select distinct c.student_id, ?, 'ENTREGA_P1', 'estatal', 'estatal' from credential c
      where c.status = 'EXPEDIDA' and c.student_id % 20 < 11`,
    [CURRENT_CYCLE],
  );
}
