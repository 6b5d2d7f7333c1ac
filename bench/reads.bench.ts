/**
 * Request detail under concurrent clients: `GET /requests/{id}` read from the read model (the context
 * each workflow recorded with its last transition) against the baseline of the same requests read by
 * querying their workflows (the context column cleared), in this process, on a scratch database and
 * the Temporal server at TEMPORAL_ADDRESS with a worker. `GET /inbox` is measured alongside. The
 * clients run in a child process, so the API's process only serves.
 *
 *   npm run bench:reads [-- --requests 60 --clients 30 --seconds 20]
 *
 * Goal (issue #12 item 8): request detail p99 ≤ 300 ms under 30 clients.
 */
import 'reflect-metadata';
import { ensureCycles } from '../test/integration/api/inventory-fixtures';
import { detailWhen, fileP1 } from '../test/integration/api/requests-fixtures';
import { arg, benchApp, latencyLine, percentile, remoteClients, runBench } from './support';

async function main(): Promise<void> {
  const requests = arg('requests', 60);
  const clients = arg('clients', 30);
  const seconds = arg('seconds', 20);
  const { t, close } = await benchApp({ worker: true });
  try {
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'VALLES', matricula: requests * 2 });
    const escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' })).accessToken;
    const ids: number[] = [];
    for (let i = 0; i < requests; i++) {
      const student = await t.createStudent(school, { primerIngreso: true });
      const filed = await fileP1(t, escuela, { nuevos: [student.id] });
      if (filed.status !== 201) throw new Error(`filing → ${filed.status}`);
      ids.push(filed.body.id as number);
    }
    for (const id of ids) await detailWhen(t, planeacion, id, 'EN_REVISION_PLANEACION', 120_000);
    const detail = (i: number) => t.http('GET', `/requests/${ids[i % ids.length]}`, { token: planeacion });
    for (let i = 0; i < ids.length; i++) await detail(i); // warm

    const em = t.db.orm.em.fork();
    const saved = await em.execute<Array<{ id: number; context: unknown }>>('select id, context from procedure_request where id in (?)', [ids]);
    await em.execute('update procedure_request set context = null where id in (?)', [ids]);
    const remote = remoteClients(t.baseUrl);
    const details = ids.map((id) => ({ method: 'GET', path: `/requests/${id}`, token: planeacion }));
    const baseline = await remote.load(clients, seconds, details);
    for (const r of saved) await em.execute('update procedure_request set context = ?::jsonb where id = ?', [JSON.stringify(r.context), r.id]);
    const readModel = await remote.load(clients, seconds, details);
    const inbox = await remote.load(clients, Math.max(5, seconds / 2), [{ method: 'GET', path: '/inbox', token: planeacion }]);
    remote.close();

    const p99 = (s: number[]) => percentile([...s].sort((a, b) => a - b), 99);
    console.log(`Lecturas con ${clients} clientes, ${seconds} s por medición, ${requests} solicitudes en revisión`);
    console.log(`  ${latencyLine('detalle consultando el flujo (línea base)', baseline.ms)}; ${(baseline.ms.length / seconds).toFixed(1)} sol/s; 5xx: ${baseline.errors}`);
    console.log(`  ${latencyLine('detalle desde el modelo de lectura', readModel.ms)}; ${(readModel.ms.length / seconds).toFixed(1)} sol/s; 5xx: ${readModel.errors}`);
    console.log(`  ${latencyLine('bandeja', inbox.ms)}; 5xx: ${inbox.errors}`);
    console.log(`  p99 modelo de lectura / p99 línea base: ${(p99(readModel.ms) / p99(baseline.ms)).toFixed(2)}×; rendimiento ${(readModel.ms.length / baseline.ms.length).toFixed(2)}×`);
    console.log(`  meta (p99 del detalle ≤ 300 ms con ${clients} clientes, sin 5xx): ${p99(readModel.ms) <= 300 && readModel.errors === 0 ? 'CUMPLIDA' : 'NO CUMPLIDA'}`);
  } finally {
    await close();
  }
}

runBench(main);
