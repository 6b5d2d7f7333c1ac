import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Gauge } from 'prom-client';
import { collectFailures, metricsRegistry } from './metrics';

/**
 * Gauges read from PostgreSQL when Prometheus scrapes: open and overdue tasks by role and DRSE,
 * available stock of the central store and the DRSEs, and the connection pool. Each read is one
 * grouped query with a 2 s limit, shared by the gauges for 5 s; a failed read keeps the last values
 * and counts in sej_metrics_collect_failures_total.
 */

const QUERY_TIMEOUT_MS = 2_000;
const CACHE_MS = 5_000;

type Reader<T> = () => Promise<T>;

function cached<T>(name: string, read: Reader<T>): Reader<T | undefined> {
  let at = 0;
  let value: Promise<T | undefined> | undefined;
  return () => {
    if (!value || Date.now() - at > CACHE_MS) {
      at = Date.now();
      value = read().catch(() => {
        collectFailures.inc({ collector: name });
        return undefined;
      });
    }
    return value;
  };
}

interface TaskRow {
  role: string;
  drse: string;
  open: number;
  overdue: number;
}

interface StockRow {
  holder: string;
  item: string;
  available: number;
}

let tasks: Reader<TaskRow[] | undefined> = async () => undefined;
let stock: Reader<StockRow[] | undefined> = async () => undefined;
let pool: () => { used: number; free: number; pending: number; max: number } | undefined = () => undefined;

/** A gauge whose series are the rows a read-model query returns at scrape time (none when it did not answer). */
function rowsGauge<R, L extends string>(name: string, help: string, labelNames: readonly L[], read: Reader<R[] | undefined>, series: (r: R) => [Record<L, string>, number]): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      const rows = await read();
      if (!rows) return;
      this.reset();
      for (const r of rows) this.set(...series(r));
    },
  });
}

rowsGauge('sej_open_tasks', 'Tareas humanas abiertas, por rol y DRSE (modelo de lectura).', ['role', 'drse'] as const, () => tasks(), (r) => [{ role: r.role, drse: r.drse }, Number(r.open)]);
rowsGauge('sej_overdue_tasks', 'Tareas humanas abiertas con el plazo (SLA) vencido, por rol y DRSE.', ['role', 'drse'] as const, () => tasks(), (r) => [{ role: r.role, drse: r.drse }, Number(r.overdue)]);
rowsGauge(
  'sej_stock_available',
  'Existencia disponible (en mano menos reservada) del almacén central (holder="CENTRAL") y de cada DRSE, por artículo.',
  ['holder', 'item'] as const,
  () => stock(),
  (r) => [{ holder: r.holder, item: r.item }, Number(r.available)],
);

new Gauge({
  name: 'sej_db_pool_connections',
  help: 'Conexiones del pool a PostgreSQL de este proceso: used, free, pending (esperando conexión) y max.',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    const p = pool();
    if (!p) return;
    for (const [state, n] of Object.entries(p)) this.set({ state }, n);
  },
});

async function query<T>(em: EntityManager, sql: string): Promise<T[]> {
  const result = await em.getKnex().raw(sql).timeout(QUERY_TIMEOUT_MS, { cancel: true });
  return (result as { rows: T[] }).rows;
}

/** The pool gauge, in the API and the worker. */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(private readonly em: EntityManager) {}

  onModuleInit(): void {
    pool = () => {
      const p = (this.em.getKnex().client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number; max: number } }).pool;
      return p ? { used: p.numUsed(), free: p.numFree(), pending: p.numPendingAcquires(), max: p.max } : undefined;
    };
  }
}

/** The read-model gauges: in the API only, so that a query is not made twice per scrape round. */
@Injectable()
export class ReadModelMetrics implements OnModuleInit {
  constructor(private readonly em: EntityManager) {}

  onModuleInit(): void {
    tasks = cached('tasks', () =>
      query<TaskRow>(
        this.em,
        `select role, scope_drse_code as drse, count(*)::int as open, count(*) filter (where overdue)::int as overdue
           from procedure_task where status = 'ABIERTA' group by role, scope_drse_code`,
      ),
    );
    stock = cached('stock', () =>
      query<StockRow>(
        this.em,
        `select coalesce(h.drse_code, 'CENTRAL') as holder, b.item_code as item, sum(b.on_hand - b.reserved)::int as available
           from stock_balance b join stock_holder h on h.id = b.holder_id
          where h.kind in ('CENTRAL', 'DRSE') group by 1, 2`,
      ),
    );
  }
}

@Module({ providers: [PoolMetrics, ReadModelMetrics] })
export class ApiMetricsModule {}

@Module({ providers: [PoolMetrics] })
export class WorkerMetricsModule {}
