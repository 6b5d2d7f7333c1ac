import { SchoolCycle } from '../../../src/catalog/entities';
import { recordHolograms } from '../../../src/catalog/student-holograms';
import { Credential, PrintRun } from '../../../src/production/entities';
import type { Actor } from '../../../src/access';
import { createProductionFixture, CYCLE, drseActor, makeSchool, makeStudents, ProductionFixture } from './production-fixture';

const EARLIER = '2025-2026';

/**
 * Issue 11 item 1: a student holding a card in force (of any cycle) gets the cycle's hologram, never
 * a second card, unless it is a replacement. A school's on-site run records the holograms (one per
 * student and cycle); a DRSE's run only counts them (Procedure 1 records them on delivery).
 */
describe('Print runs and continuing students (hologram only)', () => {
  let f: ProductionFixture;
  beforeAll(async () => {
    f = await createProductionFixture(11);
    await f.db.orm.em.fork().persistAndFlush(new SchoolCycle(EARLIER, '2025-08-25', '2026-07-15'));
  });
  afterAll(async () => f?.close());

  const em = () => f.db.orm.em.fork();
  const holograms = (ids: number[]) =>
    em().execute<Array<{ student_id: number; source: string; reference: string }>>(
      `select student_id, source, reference from student_hologram where cycle_code = ? and student_id = any(?::int[]) order by student_id`,
      [CYCLE, `{${ids.join(',')}}`],
    );
  const cardsOf = (studentId: number) => em().find(Credential, { studentId, kind: 'TARJETA' }, { orderBy: { id: 'asc' } });

  it('on site: prints only the new student, records the holograms of the run, lists the continuing ones with their card', async () => {
    const school = await makeSchool(em(), 'VALLES', 'ESCUELA');
    const escuela: Actor = { id: 'u-esc-holo', role: 'ESCUELA', schoolId: school.id, drseCode: 'VALLES' };
    const holder = { type: 'ESCUELA' as const, schoolId: school.id };
    const [continuing, fresh, alreadyStuck] = await makeStudents(f, school, 3);
    const [noPhoto] = await makeStudents(f, school, 1, { photo: false });
    // Cards of the earlier cycle (noPhoto had one printed before its photo was removed).
    const earlier = await f.sut.createPrintRun({ key: 'holo-earlier', holder, cycleCode: EARLIER, studentIds: [continuing.id, alreadyStuck.id], actor: escuela });
    expect(earlier.cards).toBe(2);
    await em().execute(`update credential set student_id = ? where run_id = ? and student_id = ?`, [noPhoto.id, earlier.runId, alreadyStuck.id]);
    const [{ folio: noPhotoFolio }] = await cardsOf(noPhoto.id);
    const again = await f.sut.createPrintRun({ key: 'holo-earlier-2', holder, cycleCode: EARLIER, studentIds: [alreadyStuck.id], actor: escuela });
    expect(again.cards).toBe(1);
    await em().transactional((tx) => recordHolograms(tx, { studentIds: [alreadyStuck.id], source: 'CONFIRMACION_ESCUELA', reference: 'escuela-prueba', recordedBy: 'u-esc-holo' }, true));
    const [{ folio: continuingFolio }] = await cardsOf(continuing.id);

    const ids = [continuing.id, fresh.id, alreadyStuck.id, noPhoto.id];
    const preview = await f.sut.preview({ holder, studentIds: ids, actor: escuela });
    expect({ cards: preview.cards, hologramOnly: preview.hologramOnly.map((h) => h.studentId) }).toEqual({ cards: 1, hologramOnly: [continuing.id, noPhoto.id] });
    expect(await holograms(ids)).toEqual([expect.objectContaining({ student_id: alreadyStuck.id, source: 'CONFIRMACION_ESCUELA' })]);

    const run = await f.sut.createPrintRun({ key: 'holo-run-1', holder, studentIds: ids, actor: escuela });
    expect(run).toMatchObject({ cards: 1, planillas: 1, voided: 7 });
    expect(run.hologramOnly).toEqual([
      { studentId: continuing.id, folio: continuingFolio, cardCycleCode: EARLIER },
      { studentId: noPhoto.id, folio: noPhotoFolio, cardCycleCode: EARLIER },
    ]);
    expect(run.excluded).toEqual([{ studentId: alreadyStuck.id, reason: 'HOLOGRAMA_ENTREGADO', detail: expect.stringContaining('holograma') }]);
    // No second card, no new folio: the continuing students keep their one card.
    expect((await cardsOf(continuing.id)).map((c) => c.folio)).toEqual([continuingFolio]);
    expect((await cardsOf(noPhoto.id)).map((c) => c.folio)).toEqual([noPhotoFolio]);
    expect((await cardsOf(fresh.id)).map((c) => c.cycleCode)).toEqual([CYCLE]);
    // The run recorded the cycle's hologram of the new card and of the continuing students.
    const reference = `corrida-${run.runId}`;
    expect(await holograms(ids)).toEqual([
      { student_id: continuing.id, source: 'TIRADA_EN_SITIO', reference },
      { student_id: fresh.id, source: 'TIRADA_EN_SITIO', reference },
      { student_id: alreadyStuck.id, source: 'CONFIRMACION_ESCUELA', reference: 'escuela-prueba' },
      { student_id: noPhoto.id, source: 'TIRADA_EN_SITIO', reference },
    ]);
    // Materials: one card's worth (1 slot, 1 mica, 1 planilla) and a hologram for each continuing student.
    expect(f.recorder.calls.at(-1)!.consumption).toMatchObject({ runId: run.runId, cardsPrinted: 1, micas: 1, planillas: 1, hologramsOnly: 2 });
    expect(await f.sut.getRun(run.runId!)).toMatchObject({ hologramOnly: run.hologramOnly });

    // Everyone is served for the cycle: a second run has nothing to give.
    const second = await f.sut.createPrintRun({ key: 'holo-run-2', holder, studentIds: ids, actor: escuela });
    expect(second.runId).toBeNull();
    expect(second.excluded.map((e) => [e.studentId, e.reason])).toEqual([
      [continuing.id, 'HOLOGRAMA_ENTREGADO'],
      [fresh.id, 'YA_EXPEDIDA'],
      [alreadyStuck.id, 'HOLOGRAMA_ENTREGADO'],
      [noPhoto.id, 'HOLOGRAMA_ENTREGADO'],
    ]);
  });

  it('on site: a run of continuing students only records their holograms, with no planilla, no folio and no file to print', async () => {
    const school = await makeSchool(em(), 'VALLES', 'ESCUELA');
    const escuela: Actor = { id: 'u-esc-holo2', role: 'ESCUELA', schoolId: school.id, drseCode: 'VALLES' };
    const holder = { type: 'ESCUELA' as const, schoolId: school.id };
    const students = await makeStudents(f, school, 2);
    await f.sut.createPrintRun({ key: 'holo-only-earlier', holder, cycleCode: EARLIER, studentIds: students.map((s) => s.id), actor: escuela });
    const calls = f.recorder.calls.length;

    await expect(f.sut.preview({ holder, studentIds: students.map((s) => s.id), actor: escuela })).rejects.toMatchObject({ message: expect.stringContaining('sólo el holograma') });
    const run = await f.sut.createPrintRun({ key: 'holo-only', holder, studentIds: students.map((s) => s.id), actor: escuela });
    expect(run).toMatchObject({ runId: expect.any(Number), planillas: 0, cards: 0, voided: 0, consumptionRecorded: true });
    expect(run.hologramOnly.map((h) => h.studentId)).toEqual(students.map((s) => s.id));
    expect(await em().count(Credential, { runId: run.runId! })).toBe(0);
    expect(f.recorder.calls.map((c) => c.consumption).slice(calls)).toEqual([
      expect.objectContaining({ runId: run.runId, cardsPrinted: 0, micas: 0, planillas: 0, voidedSlots: 0, inkPlanillas: 0, hologramsOnly: 2 }),
    ]);
    expect((await holograms(students.map((s) => s.id))).map((h) => h.reference)).toEqual([`corrida-${run.runId}`, `corrida-${run.runId}`]);
    await expect(f.sut.getRunPdf(run.runId!)).rejects.toMatchObject({ status: 422, message: expect.stringContaining('sólo entregó hologramas') });
    expect(await em().findOneOrFail(PrintRun, { id: run.runId! })).toMatchObject({ cards: 0, planillas: 0 });
    // Idempotent on its key.
    expect(await f.sut.createPrintRun({ key: 'holo-only', holder, studentIds: students.map((s) => s.id), actor: escuela })).toMatchObject({ runId: run.runId, cards: 0 });
  });

  it("a DRSE's run counts the continuing student's hologram without printing or recording it; a replacement still gets a new card", async () => {
    const school = await makeSchool(em(), 'VALLES', 'DRSE');
    const VALLES = drseActor('VALLES');
    const holder = { type: 'DRSE' as const, drseCode: 'VALLES' };
    const [continuing, lost] = await makeStudents(f, school, 2);
    await f.sut.createPrintRun({ key: 'holo-drse-earlier', holder, cycleCode: EARLIER, studentIds: [continuing.id, lost.id], actor: VALLES });

    const run = await f.sut.createPrintRun({ key: 'holo-drse', holder, studentIds: [continuing.id], actor: VALLES });
    expect(run).toMatchObject({ runId: null, cards: 0 });
    expect(run.hologramOnly.map((h) => h.studentId)).toEqual([continuing.id]);
    expect(await holograms([continuing.id])).toEqual([]);

    // A lost card of an earlier cycle: the receipt revokes it, and the next run prints a new card (not a hologram only).
    const escuela: Actor = { id: 'u-esc-lost', role: 'ESCUELA', schoolId: school.id, drseCode: 'VALLES' };
    await f.sut.recordReplacementPayment({ key: 'holo-pay', studentId: lost.id, receiptNumber: 'REC-HOLO-1', paidOn: '2026-10-01', amountCents: 2800, reason: 'PERDIDA', actor: escuela });
    const replaced = await f.sut.createPrintRun({ key: 'holo-drse-repl', holder, studentIds: [continuing.id], actor: VALLES });
    expect(replaced).toMatchObject({ cards: 1 });
    expect(replaced.hologramOnly.map((h) => h.studentId)).toEqual([continuing.id]);
    expect((await cardsOf(lost.id)).map((c) => [c.cycleCode, c.status])).toEqual([
      [EARLIER, 'REEMPLAZADA'],
      [CYCLE, 'EXPEDIDA'],
    ]);
  });
});
