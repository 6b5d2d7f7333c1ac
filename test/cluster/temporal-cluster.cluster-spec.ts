import { CLEAN_INVARIANTS, FaultWorld } from '../faults/support/fault-world';
import { PrivateTemporalCluster } from '../faults/support/temporal-cluster';

/**
 * The production profile (issue 14 item 2): the full Temporal server on PostgreSQL as two processes
 * sharing the store behind one frontend address, with the real API and worker as child processes.
 * One server is killed with SIGKILL while an automatic step runs; the other takes over its shards and
 * every request is delivered with nothing duplicated. Its own command (`npm run test:cluster`):
 * the first run builds the server with Go (minutes).
 */
describe('Temporal cluster profile: two servers on PostgreSQL', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await FaultWorld.start({ temporal: 'cluster' });
  }, 900_000);
  afterAll(async () => world?.close(), 180_000);

  it('kill -9 of one Temporal server mid-procedure: the other serves, every request is delivered once', async () => {
    const cluster = world.temporal as PrivateTemporalCluster;
    const first = await world.school(3);
    const second = await world.school(2);
    const ids = [await world.file(first), await world.file(second)];
    for (const id of ids) await world.acceptAndValidate(id);
    await world.activityRunning(ids[0], 'generateRequestPrintRun');
    expect(await cluster.running()).toEqual(['frontend-proxy', 'server-1', 'server-2']);
    await cluster.killServer(1);
    expect(await cluster.running()).toEqual(['frontend-proxy', 'server-2']);
    for (const id of ids) await world.confirmAndDeliver(id);
    // A request filed after the kill runs start to end on the surviving server.
    const after = await world.file(await world.school(1));
    await world.acceptAndValidate(after);
    await world.confirmAndDeliver(after);

    expect(await world.invariants()).toEqual(CLEAN_INVARIANTS);
    expect(await world.sql(`select count(*)::int as n from credential where kind = 'TARJETA'`)).toEqual([{ n: 6 }]);
  }, 900_000);
});
