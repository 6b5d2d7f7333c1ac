/**
 * The read side at state scale: `n` open Procedure 1 requests, each with its open Planeación task,
 * inserted straight into the read model of one DRSE (as issue 14 measured: 100,000 tasks in one
 * DRSE), and the plans of the inbox's and request list's statements on them.
 */
type Exec = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export async function seedOpenTasks(exec: Exec, opts: { n: number; drse: string; tag: string }): Promise<void> {
  const schools = await exec(`select id from school where drse_code = ? order by id limit 200`, [opts.drse]);
  if (!schools.length) throw new Error(`sin escuelas en ${opts.drse}`);
  const ids = `{${schools.map((s) => s.id).join(',')}}`;
  for (let from = 1; from <= opts.n; from += 20_000) {
    const to = Math.min(opts.n, from + 19_999);
    await exec(
      `with s as (select array_agg(x) a from unnest(?::int[]) x),
            r as (insert into procedure_request (procedure, oficio_key, school_id, drse_code, print_route, public_status, workflow_id, chart_version, state, updated_at)
                  select 'PROCEDURE_1', ? || '-' || g, s.a[1 + g % array_length(s.a, 1)], ?, 'DRSE', 'EN_REVISION_PLANEACION', ? || '-' || g, 3, 'REVISION_PLANEACION',
                         now() - (g * interval '1 second')
                    from generate_series(?::int, ?::int) g, s
                  returning id, workflow_id, school_id, drse_code)
       insert into procedure_task (request_id, workflow_id, seq, kind, step, task_key, title, role, scope_drse_code, scope_school_id, due_at, overdue, incident, opened_at)
       select r.id, r.workflow_id, 1, 'PASO', 'REVISION_PLANEACION', 'REVISION_PLANEACION', 'Revisar el oficio', 'DRSE_PLANEACION', r.drse_code, r.school_id,
              now() + ((r.id % 2000) * interval '1 minute'), r.id % 50 = 0, r.id % 997 = 0, now()
         from r`,
      [ids, opts.tag, opts.drse, `bench-open-${opts.tag}`, from, to],
    );
  }
  await exec('analyze procedure_task');
  await exec('analyze procedure_request');
}

/** The gist of a plan: its node types with rows and time, and the execution time. */
export async function planGist(exec: Exec, sql: string, params: unknown[]): Promise<string> {
  const [row] = await exec(`explain (analyze, buffers, format json) ${sql}`, params);
  const plan = (row['QUERY PLAN'] as Array<{ Plan: Node; 'Execution Time': number }>)[0];
  const nodes: string[] = [];
  const walk = (n: Node, depth: number) => {
    if (depth < 6) nodes.push(`${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}${n['Relation Name'] && !n['Index Name'] ? ` ${n['Relation Name']}` : ''} (${n['Actual Rows']} filas)`);
    for (const c of n.Plans ?? []) walk(c, depth + 1);
  };
  walk(plan.Plan, 0);
  return `${plan['Execution Time'].toFixed(2)} ms: ${nodes.join(' → ')}`;
}

interface Node {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  Plans?: Node[];
}
