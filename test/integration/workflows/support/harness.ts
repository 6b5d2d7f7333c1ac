import { Test, TestingModule } from '@nestjs/testing';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Worker } from '@temporalio/worker';
import type { Actor } from '../../../../src/auth/actor';
import { Drse, School, Student } from '../../../../src/catalog/entities';
import { syntheticPerson } from '../../../../src/catalog/demo/synthetic-people';
import { Prng } from '../../../../src/common/prng';
import { createOrmConfig } from '../../../../src/database/mikro-orm.config';
import { ProcedureActivities } from '../../../../src/procedures/procedure.activities';
import { ProcedureClient } from '../../../../src/procedures/procedure-client';
import { MATERIAL_GATEWAY, PRODUCTION_GATEWAY, SUPPLY_GATEWAY } from '../../../../src/procedures/ports';
import { RequestReadModel } from '../../../../src/requests/request-read-model';
import { RequestsService } from '../../../../src/requests/requests.service';
import { bindActivities } from '../../../../src/temporal/activity-binding';
import { createWorker } from '../../../../src/temporal/worker-factory';
import type { ProcedureView } from '../../../../workflows/messages';
import { TableGateways } from './table-gateways';

/** Builds the procedures' activities on a database, with the ports bound to the in-test gateways. */
export async function buildProcedureModule(databaseUrl: string): Promise<{ moduleRef: TestingModule; gateways: TableGateways }> {
  let gateways!: TableGateways;
  const moduleRef = await Test.createTestingModule({
    imports: [MikroOrmModule.forRoot(createOrmConfig(databaseUrl))],
    providers: [
      RequestReadModel,
      RequestsService,
      ProcedureActivities,
      { provide: TableGateways, inject: [EntityManager], useFactory: (em: EntityManager) => (gateways = new TableGateways(em)) },
      { provide: MATERIAL_GATEWAY, inject: [TableGateways], useFactory: (g: TableGateways) => g.material },
      { provide: PRODUCTION_GATEWAY, inject: [TableGateways], useFactory: (g: TableGateways) => g.production },
      { provide: SUPPLY_GATEWAY, inject: [TableGateways], useFactory: (g: TableGateways) => g.supply },
    ],
  }).compile();
  await TableGateways.install(moduleRef.get(EntityManager).fork());
  return { moduleRef, gateways };
}

export interface RunningWorker {
  worker: Worker;
  running: Promise<void>;
  stop(): Promise<void>;
}

export async function startWorker(moduleRef: TestingModule, connection: Parameters<typeof createWorker>[0]['connection'], taskQueue: string): Promise<RunningWorker> {
  const worker = await createWorker({
    connection,
    taskQueue,
    activities: bindActivities(moduleRef.get(ProcedureActivities)),
    extra: { shutdownGraceTime: '1s', stickyQueueScheduleToStartTimeout: '2s' },
  });
  const running = worker.run();
  running.catch((err: unknown) => console.error('Worker stopped with an error', err));
  return {
    worker,
    running,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

/** A DRSE-routed primaria and its students, all synthetic. */
export async function seedSchool(
  em: EntityManager,
  opts: { cct: string; drseCode: string; matricula: number; hasInternet: boolean; seed: number },
): Promise<{ school: School; student: (p: { primerIngreso: boolean; photo?: boolean; declined?: boolean; school?: School }) => Promise<number> }> {
  const school = new School({
    cct: opts.cct, turno: 'MATUTINO', nivel: 'PRIMARIA', name: 'Escuela Primaria de Prueba', address: 'Calle Uno 1', phone: '3300000000',
    matricula: opts.matricula, hasInternet: opts.hasInternet, drse: em.getReference(Drse, opts.drseCode),
  });
  await em.persistAndFlush(school);
  const rng = new Prng(opts.seed);
  const taken = new Set<string>();
  return {
    school,
    async student({ primerIngreso, photo = true, declined = false, school: other }) {
      const p = syntheticPerson(rng, 2016, taken);
      const s = new Student({ ...p, school: other ?? school, primerIngreso, photoHash: photo ? 'a'.repeat(64) : undefined });
      s.declined = declined;
      await em.persistAndFlush(s);
      return s.id;
    },
  };
}

export const actors = (drseCode: string, schoolId: number) => ({
  escuela: { id: 'u-escuela', role: 'ESCUELA', drseCode, schoolId } as Actor,
  planeacion: { id: 'u-planeacion', role: 'DRSE_PLANEACION', drseCode } as Actor,
  controlEscolar: { id: 'u-control', role: 'DRSE_CONTROL_ESCOLAR', drseCode } as Actor,
  tecnologias: { id: 'u-tecnologias', role: 'DRSE_TECNOLOGIAS', drseCode } as Actor,
  central: { id: 'u-central', role: 'CONTROL_ESCOLAR_CENTRAL' } as Actor,
  materiales: { id: 'u-materiales', role: 'RECURSOS_MATERIALES' } as Actor,
});

/** Polls the workflow's query until `predicate` holds (waiting, not timing: the deadline only ends a hung test). */
export async function waitForView(
  client: ProcedureClient,
  workflowId: string,
  predicate: (v: ProcedureView) => boolean,
  deadlineMs = 60_000,
): Promise<ProcedureView> {
  const until = Date.now() + deadlineMs;
  let last: ProcedureView | undefined;
  for (;;) {
    try {
      last = await client.viewWorkflow(workflowId);
      if (predicate(last)) return last;
    } catch (err) {
      if (!/not found|no poller/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause)}`)) throw Object.assign(new Error(`${String(err)}: ${String((err as { cause?: unknown }).cause)}`), { cause: err });
    }
    if (Date.now() > until) throw new Error(`Workflow ${workflowId} never reached the expected view; last: ${JSON.stringify(last && { state: last.state, status: last.status })}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const inState = (state: string) => (v: ProcedureView) => v.state === state;

/** Supply workflows a procedure started, from the read model. */
export async function childSupplyIds(em: EntityManager, parentRequestId: number): Promise<string[]> {
  const rows = await em.fork().execute<Array<{ workflow_id: string }>>(
    `select workflow_id from procedure_request where procedure = 'SUPPLY' and parent_request_id = ? order by id`,
    [parentRequestId],
  );
  return rows.map((r) => r.workflow_id);
}

/** Waits until a supply child exists (its first transition creates its row). */
export async function waitForChildSupply(em: EntityManager, parentRequestId: number, count: number): Promise<string> {
  const until = Date.now() + 60_000;
  for (;;) {
    const ids = await childSupplyIds(em, parentRequestId);
    if (ids.length >= count) return ids[count - 1];
    if (Date.now() > until) throw new Error('No supply child appeared');
    await new Promise((r) => setTimeout(r, 100));
  }
}
