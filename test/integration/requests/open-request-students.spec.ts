import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { StudentsInOpenRequestError } from '../../../src/requests/open-requests';
import { RequestsService } from '../../../src/requests/requests.service';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { buildProcedureModule, seedSchool } from '../workflows/support/harness';

type Row = Record<string, unknown>;

/** Issue 11: a student is in at most one open request of each kind, held by the database under concurrent filings. */
describe('One open request per student', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let sut: RequestsService;
  let em: EntityManager;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ moduleRef } = await buildProcedureModule(db.url));
    sut = moduleRef.get(RequestsService);
    em = moduleRef.get(EntityManager);
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[]) => Number((await em.fork().execute<Row[]>(`select count(*)::int as n ${sql}`, params))[0].n);

  it('lets one of ten concurrent filings hold the student; the others store nothing and name the winner', async () => {
    const { school, student } = await seedSchool(em.fork(), { cct: '14EPR9101A', drseCode: 'VALLES', matricula: 100, hasInternet: false, seed: 9101 });
    const [s1, s2] = [await student({ primerIngreso: true }), await student({ primerIngreso: true })];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: `RACE-${i}`, students: [{ studentId: s1, kind: 'NUEVO' }, { studentId: s2, kind: 'CONTINUO' }] }),
      ),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<{ requestId: number; created: boolean; drseCode: string; printRoute: string }> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = won[0].value.requestId;
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(lost).toHaveLength(9);
    for (const err of lost) {
      expect(err).toBeInstanceOf(StudentsInOpenRequestError);
      expect(err).toMatchObject({ status: 409, code: 'ALUMNO_EN_OTRA_SOLICITUD', message: expect.stringContaining(`solicitud #${winner}`) });
      expect((err as StudentsInOpenRequestError).conflicts.map((c) => [c.studentId, c.requestId])).toEqual([
        [s1, winner],
        [s2, winner],
      ].sort((a, b) => a[0] - b[0]));
    }
    expect(await count('from procedure_request where school_id = ?', [school.id])).toBe(1);
    expect(await count('from request_student rs join procedure_request r on r.id = rs.request_id where r.school_id = ?', [school.id])).toBe(2);

    // Closed (delivered, rejected, withdrawn…): the students are free for a new oficio.
    await em.fork().execute('update procedure_request set closed_at = now() where id = ?', [winner]);
    expect(await count('from open_request_student where request_id = ?', [winner])).toBe(0);
    const next = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'AFTER', students: [{ studentId: s1, kind: 'CONTINUO' }] });
    expect(next.created).toBe(true);
  });

  it('refuses a corrected list with a student of another open request, and keeps the list as it was', async () => {
    const { school, student } = await seedSchool(em.fork(), { cct: '14EPR9102B', drseCode: 'VALLES', matricula: 100, hasInternet: false, seed: 9102 });
    const [a, b, c] = [await student({ primerIngreso: true }), await student({ primerIngreso: true }), await student({ primerIngreso: true })];
    const first = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'FIX-1', students: [{ studentId: a, kind: 'NUEVO' }] });
    const other = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'FIX-2', students: [{ studentId: b, kind: 'NUEVO' }] });
    await em.fork().execute(`update procedure_request set public_status = 'DEVUELTA_A_ESCUELA' where id = ?`, [first.requestId]);

    await expect(sut.replaceStudents(first.requestId, [{ studentId: a, kind: 'NUEVO' }, { studentId: b, kind: 'NUEVO' }])).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining(`solicitud #${other.requestId}`),
    });
    expect(await em.fork().execute<Row[]>('select student_id from request_student where request_id = ?', [first.requestId])).toEqual([{ student_id: a }]);
    // A correction that drops a student frees them.
    await sut.replaceStudents(first.requestId, [{ studentId: c, kind: 'NUEVO' }]);
    expect(await em.fork().execute<Row[]>('select student_id from open_request_student where request_id = ? order by student_id', [first.requestId])).toEqual([{ student_id: c }]);
    expect((await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'FIX-3', students: [{ studentId: a, kind: 'NUEVO' }] })).created).toBe(true);
  });

  it('holds one open replacement per student, apart from its Procedure 1 request', async () => {
    const { school, student } = await seedSchool(em.fork(), { cct: '14EPR9103C', drseCode: 'VALLES', matricula: 100, hasInternet: false, seed: 9103 });
    const s = await student({ primerIngreso: false });
    const first = await sut.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: 'recibo:A-1', studentId: s });
    await expect(sut.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: 'recibo:A-2', studentId: s })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining(`solicitud #${first.requestId} (reposición abierta`),
    });
    // The same receipt again is the same request, not another.
    expect(await sut.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: 'recibo:A-1', studentId: s })).toMatchObject({ requestId: first.requestId, created: false });
    expect((await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'P1-A', students: [{ studentId: s, kind: 'CONTINUO' }] })).created).toBe(true);
  });
});
