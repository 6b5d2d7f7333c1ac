import { Pool } from 'pg';

/**
 * What recording a transition costs, without the rest of the procedure: the same shape of writes
 * as `recordProcedureTransition` (an append-only audit row, idempotent on workflow + seq, and the
 * read model's row moved to the new state, in one transaction), on a scratch table pair.
 */
export interface BenchTransition {
  workflowId: string;
  seq: number;
  from: string | null;
  to: string;
  event: string;
}

let pool: Pool | null = null;
export function usePool(url: string): void {
  pool = new Pool({ connectionString: url, max: 10 });
}
export async function closePool(): Promise<void> {
  await pool?.end();
}

async function write(records: BenchTransition[], step: boolean): Promise<void> {
  const client = await pool!.connect();
  try {
    await client.query('begin');
    if (step) await client.query('select count(*) from bench_request'); // the step's own work (a read)
    for (const r of records) {
      const inserted = await client.query(
        `insert into bench_audit (workflow_id, seq, from_state, to_state, event, at) values ($1, $2, $3, $4, $5, now()) on conflict (workflow_id, seq) do nothing`,
        [r.workflowId, r.seq, r.from, r.to, r.event],
      );
      if (inserted.rowCount) {
        await client.query(
          `insert into bench_request (workflow_id, state, last_seq, updated_at) values ($1, $2, $3, now())
           on conflict (workflow_id) do update set state = excluded.state, last_seq = excluded.last_seq, updated_at = now() where bench_request.last_seq < excluded.last_seq`,
          [r.workflowId, r.to, r.seq],
        );
      }
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

/** Records transitions (one, or a batch) in one transaction. */
export async function recordTransitions(records: BenchTransition[]): Promise<void> {
  await write(records, false);
}

/** An automatic step's work (a read). */
export async function step(): Promise<void> {
  await write([], true);
}

/** An automatic step that also records the transition its outcome causes, in the same transaction. */
export async function stepAndRecord(records: BenchTransition[]): Promise<void> {
  await write(records, true);
}
