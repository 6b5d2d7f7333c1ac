import { FaultWorld } from './support/fault-world';

/**
 * The fault suite (issue 12 item 9): the real API and worker as child processes on a private
 * PostgreSQL cluster and a private Temporal dev server, hit by the failures production will see.
 * After each fault every request reaches ENTREGADA and nothing is duplicated or left half-made.
 */
describe('fault suite', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await FaultWorld.start();
  }, 600_000);
  afterAll(async () => world?.close(), 120_000);

  const clean = {
    ghosts: [],
    duplicateFolios: [],
    studentsWithTwoCards: [],
    duplicateLedger: [],
    duplicateAudit: [],
    duplicateRuns: [],
    orphanChromium: [],
  };

  it('kill -9 of the worker inside the print-run step: a new worker finishes it, its Chromium died with it', async () => {
    const school = await world.school(3);
    const id = await world.file(school);
    await world.acceptAndValidate(id);
    await world.activityRunning(id, 'generateRequestPrintRun');
    const killed = world.worker.pid;
    await world.worker.kill('SIGKILL');
    await world.startWorker();
    await world.confirmAndDeliver(id);

    expect(await world.invariants()).toEqual(clean);
    expect(world.orphanChromium()).toEqual([]);
    expect(await world.sql(`select count(*)::int as n from credential where kind = 'TARJETA' and student_id in (?)`, [school.students])).toEqual([{ n: 3 }]);
    expect(killed).not.toBe(world.worker.pid);
  }, 600_000);

  it('Temporal stopped and restarted mid-procedure: the procedure resumes where it was', async () => {
    const school = await world.school(2);
    const id = await world.file(school);
    await world.taskOpen(id, 'REVISION_PLANEACION');
    await world.temporal.stop();
    // The read model still answers while the engine is away.
    expect((await world.detail(id)).status).toBe(200);
    await world.temporal.start();
    // Decided once the worker answers the workflow's query again (a decision sent into the
    // reconnection window is item 5's case: see docs/testing.md).
    await world.engineAnswers(id);
    await world.acceptAndValidate(id);
    await world.confirmAndDeliver(id);

    expect(await world.invariants()).toEqual(clean);
  }, 600_000);

  it('PostgreSQL restarted while the automatic steps run: they are retried and complete once', async () => {
    const school = await world.school(2);
    const id = await world.file(school);
    await world.acceptAndValidate(id);
    await world.activityRunning(id, 'generateRequestPrintRun').catch(() => undefined);
    world.pg.stop('fast');
    await new Promise((r) => setTimeout(r, 3_000));
    world.pg.start();
    await world.confirmAndDeliver(id);

    expect(await world.invariants()).toEqual(clean);
  }, 600_000);
});
