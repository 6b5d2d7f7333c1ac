/**
 * EXPLAIN ANALYZE of GET /inbox and GET /requests on `--tasks` open Planeación tasks in one DRSE:
 * the statements the services run (recorded from them), first page, a later keyset page and the
 * bounded counts, beside the statements before issue 14 (offset page + full count). Printed, for
 * docs/BENCHMARKS.md.
 *
 *   npx ts-node --transpile-only bench/statewide/explain.ts [--tasks 100000]
 */
import 'reflect-metadata';
import type { Actor } from '../../src/access';
import { RequestQueriesService } from '../../src/requests/http/request-queries.service';
import { RequestsService } from '../../src/requests/requests.service';
import { arg, benchApp, runBench } from '../support';
import { planGist, seedOpenTasks } from './open-tasks';

type Rows = Array<Record<string, unknown>>;

/** Runs a service method against a recorder: its statements, answered with `answers` in order. */
export async function recorded(run: (em: unknown) => Promise<unknown>, answers: Rows[]): Promise<Array<{ sql: string; params: unknown[] }>> {
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const em = { fork: () => em, execute: async (sql: string, params: unknown[] = []) => (seen.push({ sql, params }), answers[seen.length - 1] ?? []) };
  await run(em);
  return seen;
}

async function main(): Promise<void> {
  const n = arg('tasks', 100_000);
  const { t, close } = await benchApp();
  try {
    const exec = (sql: string, params: unknown[] = []) => t.db.orm.em.fork().execute<Rows>(sql, params);
    for (let i = 0; i < 20; i++) await t.createSchool({ drse: 'VALLES' });
    await seedOpenTasks(exec, { n, drse: 'VALLES', tag: 'explain' });
    const actor = { role: 'DRSE_PLANEACION', drseCode: 'VALLES', userId: 'bench', username: 'bench' } as unknown as Actor;
    const inbox = (em: unknown, cursor?: string) => new RequestsService(em as never, null as never).inbox(actor, { pageSize: 20, cursor });
    const list = (em: unknown, cursor?: string) => {
      const svc = Object.create(RequestQueriesService.prototype) as RequestQueriesService;
      Object.assign(svc, { em });
      return svc.list(actor, { page: 1, pageSize: 20, cursor });
    };
    const show = async (label: string, stmts: Array<{ sql: string; params: unknown[] }>) => {
      for (const [i, s] of stmts.entries()) console.log(`  ${label} [${i === 0 ? 'conteo' : 'página'}] ${await planGist(exec, s.sql, s.params)}`);
    };
    console.log(`Planes con ${n} tareas abiertas de Planeación en una DRSE (VALLES)`);
    const mid = await new RequestsService(t.db.orm.em.fork() as never, null as never).inbox(actor, { pageSize: 20, page: 1 });
    await show('GET /inbox primera página', await recorded((em) => inbox(em), [[{ n: 0 }]]));
    await show('GET /inbox con cursor', await recorded((em) => inbox(em, mid.nextCursor!), [[{ n: 0 }]]));
    await show('GET /inbox página 200 (offset)', await recorded((em) => new RequestsService(em as never, null as never).inbox(actor, { pageSize: 20, page: 200 }), [[{ n: 0 }]]));
    const firstList = await list(t.db.orm.em.fork());
    await show('GET /requests primera página', await recorded((em) => list(em), [[{ n: 0 }]]));
    await show('GET /requests con cursor', await recorded((em) => list(em, firstList.nextCursor!), [[{ n: 0 }]]));
    // Before issue 14 (git show cd787e5:src/requests/requests.service.ts): a full count and an offset page sorted after a scan.
    const scope = `t.status = 'ABIERTA' and t.role = 'DRSE_PLANEACION' and t.scope_drse_code in (select code from drse where code = 'VALLES' or parent_code = 'VALLES')`;
    console.log(`  antes [conteo] ${await planGist(exec, `select count(*)::int as total from procedure_task t join procedure_request r on r.id = t.request_id where ${scope}`, [])}`);
    console.log(
      `  antes [página] ${await planGist(
        exec,
        `select t.id, t.request_id, r.procedure, r.public_status, t.kind, t.task_key, t.title, t.role, t.scope_drse_code, t.scope_school_id, t.due_at, t.overdue, t.opened_at, t.incident, t.description
           from procedure_task t join procedure_request r on r.id = t.request_id where ${scope}
          order by t.incident desc, t.overdue desc, t.due_at asc nulls last, t.id asc limit 20 offset 0`,
        [],
      )}`,
    );
  } finally {
    await close();
  }
}

if (require.main === module) runBench(main);
