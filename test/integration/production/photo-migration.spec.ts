import { Credential, PrintRun } from '../../../src/production/entities';
import { isNormalizedPhoto } from '../../../src/uploads/photo-normalize';
import { normalizeStoredPhotos } from '../../../src/uploads/photo-migration';
import { exifTraces, phonePhoto } from '../../support/exif';
import { createProductionFixture, drseActor, makeSchool, makeStudents, ProductionFixture } from './production-fixture';

/** Issue 11 item 12: photos stored before normalisation at upload are normalised once, everywhere they are referenced. */
describe(normalizeStoredPhotos.name, () => {
  let f: ProductionFixture;
  beforeAll(async () => {
    f = await createProductionFixture(11);
  });
  afterAll(async () => f?.close());

  it('repoints students and printed cards to the normalised copy, removes the original and the print file that embedded it; a second pass does nothing', async () => {
    const em = f.db.orm.em.fork();
    const school = await makeSchool(em, 'VALLES', 'DRSE');
    const [student, other] = await makeStudents(f, school, 2);
    const original = await phonePhoto(1500, 2000, 6, 5);
    const old = await f.blobs.put(original);
    await em.execute('update student set photo_hash = ? where id = ?', [old, student.id]);
    const run = await f.sut.createPrintRun({ key: 'migr-1', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [student.id, other.id], actor: drseActor('VALLES') });
    const firstPdf = await f.sut.getRunPdf(run.runId!);
    // Even before the migration the print file carries no metadata: the print path normalises in memory.
    expect(exifTraces(firstPdf)).toEqual([]);
    const pdfHash = (await em.fork().findOneOrFail(PrintRun, { id: run.runId! })).pdfHash!;

    const report = await normalizeStoredPhotos(f.db.orm.em.fork(), f.blobs);
    // The original and the fixture's PNG placeholders (stored as sent, like any photo before issue 11).
    expect(report).toMatchObject({ alreadyNormalized: 0, missing: 0, unreadable: [], printFilesRemoved: 1 });
    expect(report.normalized).toBe(report.photos);
    expect(report.originalsRemoved).toBe(report.normalized);

    const [{ photo_hash: fresh }] = await em.fork().execute('select photo_hash from student where id = ?', [student.id]);
    expect(fresh).not.toBe(old);
    expect(isNormalizedPhoto(await f.blobs.get(fresh))).toBe(true);
    expect(await f.blobs.has(old)).toBe(false);
    const card = await em.fork().findOneOrFail(Credential, { runId: run.runId!, studentId: student.id });
    expect(card.photoHash).toBe(fresh);
    expect((await em.fork().findOneOrFail(PrintRun, { id: run.runId! })).pdfHash ?? null).toBeNull();
    expect(await f.blobs.has(pdfHash)).toBe(false);
    // The run renders again from its stored cards, same folios.
    const again = await f.sut.getRunPdf(run.runId!);
    expect(exifTraces(again)).toEqual([]);

    const second = await normalizeStoredPhotos(f.db.orm.em.fork(), f.blobs);
    expect(second).toEqual({ ...report, alreadyNormalized: report.photos, normalized: 0, originalsRemoved: 0, printFilesRemoved: 0 });
  });
});
