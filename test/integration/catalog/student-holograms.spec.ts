import { recordHolograms } from '../../../src/catalog/student-holograms';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from '../api/inventory-fixtures';

/** One hologram per student per cycle when deliveries (Procedure 1 acuses, retried activities) and a school's confirmation race. */
describe(recordHolograms.name, () => {
  let t: TestApp;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
  });
  afterAll(async () => t?.close());

  it('records each student once under concurrent deliveries; a strict confirmation racing them records nothing twice', async () => {
    const school = await t.createSchool({ drse: 'SUR' });
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await t.createStudent(school, { primerIngreso: false })).id);
    const deliver = (reference: string, studentIds: number[]) =>
      t.db.orm.em.fork().transactional((tx) => recordHolograms(tx, { studentIds, source: 'ENTREGA_P1', reference, recordedBy: 'sistema' }, false));
    const confirm = () =>
      t.db.orm.em
        .fork()
        .transactional((tx) => recordHolograms(tx, { studentIds: ids.slice(4), source: 'CONFIRMACION_ESCUELA', reference: 'escuela', recordedBy: 'x' }, true))
        .then(
          (r) => r.recorded.length,
          () => 'conflicto',
        );

    const results = await Promise.all([
      deliver('solicitud-1', ids.slice(0, 4)),
      deliver('solicitud-2', ids.slice(2, 6)),
      deliver('solicitud-1', ids.slice(0, 4)), // the same delivery retried
      confirm(),
    ]);
    const rows = await sql<{ student_id: number; n: number }>(
      `select student_id, count(*)::int as n from student_hologram where student_id = any(?::int[]) group by student_id order by student_id`,
      [`{${ids.join(',')}}`],
    );
    expect(rows.map((r) => r.n)).toEqual([1, 1, 1, 1, 1, 1]);
    // Every student was recorded by exactly one of the calls.
    const recorded = results.slice(0, 3).flatMap((r) => (r as { recorded: number[] }).recorded);
    const confirmed = results[3];
    expect(recorded.length + (typeof confirmed === 'number' ? confirmed : 0)).toBe(6);
    expect(new Set(recorded).size).toBe(recorded.length);
  });
});
