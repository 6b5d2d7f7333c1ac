import { syntheticPerson } from '../../../src/catalog/demo/synthetic-people';
import { Prng } from '../../../src/common/prng';
import { emptyDatabaseForFile } from '../../support/empty-database';

type Row = Record<string, unknown>;

/**
 * Migration 202612051200 on a database with requests filed before the rule: the oldest open request
 * of a student keeps the claim, later duplicates run on unclaimed, closed requests claim nothing;
 * after it, closing a request frees its students (trigger).
 */
describe('Migration202612051200_one_open_request_per_student', () => {
  const db = emptyDatabaseForFile('sej_test_migr_ors');

  it('claims each student for its oldest open request and releases on close', async () => {
    const migrator = db.orm().getMigrator();
    await migrator.up({ to: 'Migration202612051100_student_names' });
    const q = (sql: string, params: unknown[] = []) => db.orm().em.fork().execute<Row[]>(sql, params);
    const [school] = await q(
      `insert into school (cct, turno, nivel, name, address, phone, matricula, has_internet, drse_code, print_route, print_route_reason)
       values ('14EPR0999Z', 'MATUTINO', 'PRIMARIA', 'Escuela de prueba', 'Calle 1', '3300000000', 100, false, 'VALLES', 'DRSE', 'Sin internet.') returning id`,
    );
    const rng = new Prng(77);
    const taken = new Set<string>();
    const student = async () => {
      const p = syntheticPerson(rng, 2016, taken);
      const [s] = await q(`insert into student (curp, nombres, primer_apellido, school_id, primer_ingreso) values (?, ?, ?, ?, true) returning id`, [p.curp, p.nombres, p.primerApellido, school.id]);
      return Number(s.id);
    };
    const [a, b] = [await student(), await student()];
    const request = async (procedure: string, key: string, closed: boolean, studentId: number | null = null) => {
      const [r] = await q(
        `insert into procedure_request (procedure, oficio_key, school_id, drse_code, public_status, student_id, closed_at)
         values (?, ?, ?, 'VALLES', 'EN_REVISION_PLANEACION', ?, ?) returning id`,
        [procedure, key, school.id, studentId, closed ? new Date() : null],
      );
      return Number(r.id);
    };
    const closedP1 = await request('PROCEDURE_1', 'OF-0', true);
    const firstP1 = await request('PROCEDURE_1', 'OF-1', false);
    const laterP1 = await request('PROCEDURE_1', 'OF-2', false);
    for (const [r, s] of [[closedP1, a], [firstP1, a], [laterP1, a], [laterP1, b]]) {
      await q(`insert into request_student (request_id, student_id, kind) values (?, ?, 'NUEVO')`, [r, s]);
    }
    const replacement = await request('REPLACEMENT', 'recibo:1', false, b);

    await migrator.up();
    const claims = await q('select student_id, kind, request_id from open_request_student order by kind, student_id');
    expect(claims).toEqual([
      { student_id: a, kind: 'PROCEDURE_1', request_id: firstP1 },
      { student_id: b, kind: 'PROCEDURE_1', request_id: laterP1 },
      { student_id: b, kind: 'REPLACEMENT', request_id: replacement },
    ]);

    await q('update procedure_request set closed_at = now() where id = ?', [firstP1]);
    expect((await q('select request_id from open_request_student where student_id = ? and kind = ?', [a, 'PROCEDURE_1'])).length).toBe(0);
    await q('update procedure_request set updated_at = now() where id = ?', [laterP1]);
    expect(await q('select student_id from open_request_student where request_id = ?', [laterP1])).toEqual([{ student_id: b }]);
  });
});
