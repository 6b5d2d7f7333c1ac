import { ConflictError } from '../../../src/common/domain-error';
import { EquipmentService } from '../../../src/inventory/equipment.service';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ADMIN, holders, seedCatalog, valleyIt } from './fixtures';

describe(EquipmentService.name, () => {
  let db: TestDatabase;
  let sut: EquipmentService;
  let schoolId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ schoolId } = await seedCatalog(db));
    sut = new EquipmentService(db.orm.em);
  });
  afterAll(async () => db?.drop());

  it('routes a school printer failure to its DRSE IT office (R10) and lists it there only', async () => {
    const { svc, valles, central } = await holders(db);
    const school = await svc.holderForSchool(schoolId);
    const printer = await sut.register({ key: 'eq-1', actor: ADMIN, holderId: school.id, kind: 'PRINTER', serialNumber: 'ep-l8050-001', model: 'Epson L8050' });
    await sut.register({ key: 'eq-2', actor: ADMIN, holderId: school.id, kind: 'LAMINATOR', serialNumber: 'LAM-77' });
    await sut.register({ key: 'eq-3', actor: valleyIt, holderId: valles.id, kind: 'PRINTER', serialNumber: 'EP-L8050-900' });
    await expect(sut.register({ key: 'eq-4', actor: ADMIN, holderId: central.id, kind: 'PRINTER', serialNumber: 'EP-L8050-001' })).rejects.toBeInstanceOf(ConflictError);
    expect((await sut.listForHolder(school.id)).map((e) => [e.kind, e.serialNumber, e.status])).toEqual([
      ['PRINTER', 'EP-L8050-001', 'OPERATIVE'],
      ['LAMINATOR', 'LAM-77', 'OPERATIVE'],
    ]);

    const director = { id: 'u-dir', role: 'ESCUELA' as const, schoolId, drseCode: 'VALLES' };
    const report = await sut.reportFailure({ key: 'f-1', actor: director, equipmentId: printer.equipmentId, description: 'La impresora no jala las hojas Teslin.' });
    expect(report).toMatchObject({ routedDrseCode: 'VALLES', status: 'OPEN', serialNumber: 'EP-L8050-001' });
    expect((await sut.listForHolder(school.id))[0].status).toBe('FAILED');
    expect((await sut.failuresForDrse('VALLES', 'OPEN')).map((r) => r.reportId)).toEqual([report.reportId]);
    expect(await sut.failuresForDrse('SUR')).toEqual([]);
    await expect(sut.reportFailure({ key: 'f-x', actor: director, equipmentId: printer.equipmentId, description: 'corta' })).rejects.toThrow(/Describa la falla/);

    await expect(
      sut.resolveFailure({ key: 'r-x', actor: { id: 'u-sur', role: 'DRSE_TECNOLOGIAS', drseCode: 'SUR' }, reportId: report.reportId, resolution: 'Cambio de rodillo' }),
    ).rejects.toMatchObject({ status: 403 });
    const resolved = await sut.resolveFailure({ key: 'r-1', actor: valleyIt, reportId: report.reportId, resolution: 'Se cambió el rodillo de alimentación.' });
    expect(resolved.status).toBe('RESOLVED');
    expect((await sut.listForHolder(school.id))[0].status).toBe('OPERATIVE');
    expect(await sut.failuresForDrse('VALLES', 'OPEN')).toEqual([]);
  });
});
