import { randomUUID } from 'node:crypto';
import { CLEAN_INVARIANTS, FaultWorld } from './support/fault-world';

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

  const clean = CLEAN_INVARIANTS;

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
    // The read model still answers while the engine is away; a decision is refused as unavailable, not failed.
    expect((await world.detail(id)).status).toBe(200);
    const refused = await world.http('POST', `/requests/${id}/decisions`, { token: world.tokens.planeacion, json: { evento: 'ACCEPT' }, key: randomUUID() });
    await world.temporal.start();
    expect([refused.status, refused.headers.get('retry-after'), refused.body.detail]).toEqual([503, '5', expect.stringMatching(/^El motor de trámites no (está disponible|respondió a tiempo)/)]);
    // Decisions sent into the reconnection window answer 503 and are retried with their
    // Idempotency-Key: the engine applies each once (its Update id derives from the key).
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
    // Every kind of call answers 503 in Spanish with Retry-After while the database is away (nothing half-made).
    const answers = await world.outageAnswers(id, school);
    world.pg.start();
    expect(answers).toEqual(answers.map(({ call }) => ({ call, status: 503, retryAfter: '5', spanish: true })));
    await world.confirmAndDeliver(id);

    expect(await world.invariants()).toEqual(clean);
  }, 600_000);

  it('kill -9 of the API during a burst of filings and decisions: retried with their Idempotency-Keys, each answered as the first, nothing duplicated', async () => {
    const reviewed: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await world.file(await world.school(1));
      await world.taskOpen(id, 'REVISION_PLANEACION');
      reviewed.push(id);
    }
    const filings: Array<{ school: Awaited<ReturnType<FaultWorld['school']>>; key: string }> = [];
    for (let i = 0; i < 4; i++) filings.push({ school: await world.school(1), key: randomUUID() });
    const decisions = reviewed.map((id) => ({ id, key: randomUUID() }));
    const fileRequest = (f: (typeof filings)[number]) => world.http('POST', '/requests', { token: f.school.escuela, form: world.fileForm(f.school), key: f.key });
    const accept = (d: (typeof decisions)[number]) => world.http('POST', `/requests/${d.id}/decisions`, { token: world.tokens.planeacion, json: { evento: 'ACCEPT' }, key: d.key });

    const burst = [...filings.map(fileRequest), ...decisions.map(accept)].map((p) => p.catch(() => undefined));
    await new Promise((r) => setTimeout(r, 200));
    await world.api.kill('SIGKILL');
    await Promise.all(burst);
    await world.startApi();

    const filed: number[] = [];
    for (const f of filings) {
      const res = await world.untilAnswered(() => fileRequest(f), 'filing retried');
      expect([res.status, res.body.procedimiento]).toEqual([201, 'PROCEDURE_1']);
      filed.push(res.body.id as number);
    }
    for (const d of decisions) {
      const res = await world.untilAnswered(() => accept(d), 'decision retried');
      expect([res.status, res.body.estado]).toEqual([200, expect.any(String)]);
    }
    expect(new Set(filed).size).toBe(filings.length);
    for (const id of reviewed) await world.taskOpen(id, 'VALIDACION_CONTROL_ESCOLAR');
    for (const id of filed) await world.acceptAndValidate(id);
    for (const id of reviewed) await world.decide(id, 'control', 'VALIDATE');
    for (const id of [...reviewed, ...filed]) await world.confirmAndDeliver(id);

    expect(await world.invariants()).toEqual(clean);
    expect(await world.sql(`select count(*)::int as n from procedure_audit where event = 'ACCEPT' and request_id in (?)`, [reviewed])).toEqual([{ n: reviewed.length }]);
  }, 900_000);
});
