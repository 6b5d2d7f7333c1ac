import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, TestingModule } from '@nestjs/testing';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Worker } from '@temporalio/worker';
import type { Actor } from '../../../../src/access';
import { Drse, School, Student } from '../../../../src/catalog/entities';
import { placeholderPhoto } from '../../../../src/catalog/demo/placeholder-photo';
import { syntheticPerson } from '../../../../src/catalog/demo/synthetic-people';
import { Prng } from '../../../../src/common/prng';
import { ConfigModule } from '../../../../src/config/config.module';
import { createOrmConfig } from '../../../../src/database/mikro-orm.config';
import { HolderRef, HolderService } from '../../../../src/inventory/holder.service';
import { ItemLine } from '../../../../src/inventory/items';
import { StockService } from '../../../../src/inventory/stock.service';
import { InventoryMaterialGateway } from '../../../../src/procedures/adapters/inventory-material.gateway';
import { InventorySupplyGateway } from '../../../../src/procedures/adapters/inventory-supply.gateway';
import { ProductionServiceGateway } from '../../../../src/procedures/adapters/production.gateway';
import { ProcedureActivities } from '../../../../src/procedures/procedure.activities';
import { ProcedureClient } from '../../../../src/procedures/procedure-client';
import { ProceduresModule } from '../../../../src/procedures/procedures.module';
import { BlobStore } from '../../../../src/storage/blob-store';
import { bindActivities } from '../../../../src/temporal/activity-binding';
import { createWorker } from '../../../../src/temporal/worker-factory';
import type { ProcedureView } from '../../../../workflows/messages';

export const CYCLE = '2026-2027';

/** Called before and after every port call (`<port>.<method>`, `<port>.<method>:done`): the kill-the-worker test stops the world there. */
export type PortHook = (operation: string) => Promise<void>;

/** Makes every method of a real adapter instance pass the hook before and after its own work (the work is the adapter's). */
function observe(port: string, adapter: object, hooks: { hook: PortHook }): void {
  const target = adapter as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(adapter))) {
    const method = target[name];
    if (name === 'constructor' || typeof method !== 'function') continue;
    target[name] = async (...args: unknown[]) => {
      await hooks.hook(`${port}.${name}`);
      const result = await (method as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
      await hooks.hook(`${port}.${name}:done`);
      return result;
    };
  }
}

/**
 * The procedures' activities on a database with the REAL ports: ProceduresModule binds them to the
 * inventory and production adapters (real stock, folios, print runs, acuses, PDFs under a scratch
 * DATA_DIR). `hooks.hook` observes each port call without replacing it.
 */
export async function buildProcedureModule(databaseUrl: string): Promise<{ moduleRef: TestingModule; hooks: { hook: PortHook } }> {
  process.env.DATA_DIR ||= mkdtempSync(join(tmpdir(), 'sej-procedures-'));
  const hooks: { hook: PortHook } = { hook: async () => undefined };
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, MikroOrmModule.forRoot(createOrmConfig(databaseUrl)), ProceduresModule],
  }).compile();
  observe('material', moduleRef.get(InventoryMaterialGateway, { strict: false }), hooks);
  observe('production', moduleRef.get(ProductionServiceGateway, { strict: false }), hooks);
  observe('supply', moduleRef.get(InventorySupplyGateway, { strict: false }), hooks);
  await moduleRef
    .get(EntityManager)
    .fork()
    .execute(
      `insert into school_cycle (code, starts_on, ends_on, is_current, replacement_tariff_cents)
       select ?, '2026-08-24', '2027-07-14', true, 2800 where not exists (select 1 from school_cycle where is_current)`,
      [CYCLE],
    );
  return { moduleRef, hooks };
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

/** A primaria and its students, all synthetic, photos (a placeholder) in the blob store. R1 decides its route from matrícula and internet. */
export async function seedSchool(
  em: EntityManager,
  opts: { cct: string; drseCode: string; matricula: number; hasInternet: boolean; seed: number },
): Promise<{ school: School; student: (p: { primerIngreso: boolean; photo?: boolean; declined?: boolean; school?: School }) => Promise<number> }> {
  const photoHash = await new BlobStore(join(process.env.DATA_DIR!, 'uploads')).put(placeholderPhoto(opts.seed));
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
      const s = new Student({ ...p, school: other ?? school, primerIngreso, photoHash: photo ? photoHash : undefined });
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
  dgti: { id: 'u-dgti', role: 'DGTI' } as Actor,
});

const ADMIN: Actor = { id: 'u-admin', role: 'ADMIN' };

/** Stock through the real inventory services: receipts at a holder, and its balances by item. */
export function inventory(moduleRef: TestingModule) {
  const holders = moduleRef.get(HolderService, { strict: false });
  const stock = moduleRef.get(StockService, { strict: false });
  return {
    holderId: async (ref: HolderRef) => (await holders.resolve(ref)).id,
    async receive(ref: HolderRef, lines: ItemLine[], key: string): Promise<void> {
      await stock.receive({ key, actor: ADMIN, holderId: (await holders.resolve(ref)).id, lines, reason: 'Existencia inicial de la prueba' });
    },
    /** item → [on hand, reserved]; the ledger recomputation must agree with the balance rows. */
    async balances(ref: HolderRef): Promise<Record<string, [number, number]>> {
      const id = (await holders.resolve(ref)).id;
      const rows = await stock.balances(id);
      const fromLedger = await stock.ledgerBalances(id);
      const out = Object.fromEntries(rows.map((b) => [b.item, [b.onHand, b.reserved] as [number, number]]));
      if (JSON.stringify(out) !== JSON.stringify(Object.fromEntries(fromLedger.map((b) => [b.item, [b.onHand, b.reserved]])))) {
        throw new Error(`Balances of holder ${id} differ from the ledger`);
      }
      return out;
    },
  };
}

/** Polls the workflow's query until `predicate` holds (waiting, not timing: the deadline only ends a hung test). */
export async function waitForView(
  client: ProcedureClient,
  workflowId: string,
  predicate: (v: ProcedureView) => boolean,
  deadlineMs = 90_000,
): Promise<ProcedureView> {
  const until = Date.now() + deadlineMs;
  let last: ProcedureView | undefined;
  for (;;) {
    try {
      last = await client.viewWorkflow(workflowId);
      if (predicate(last)) return last;
    } catch (err) {
      // A query while the (new) worker is not polling yet, or the machine is too loaded to answer in time, is retried.
      if (!/not found|no poller|query timed out before a worker could process it/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause)}`)) throw Object.assign(new Error(`${String(err)}: ${String((err as { cause?: unknown }).cause)}`), { cause: err });
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
