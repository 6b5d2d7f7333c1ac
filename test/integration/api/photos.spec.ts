import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import type { School } from '../../../src/catalog/entities';
import { StudentsController } from '../../../src/catalog/students.controller';
import { isNormalizedPhoto } from '../../../src/uploads/photo-normalize';
import { startTestApp, TestApp } from '../../support/app';
import { exifTraces, phonePhoto } from '../../support/exif';
import { formWith, zipOf } from '../../support/files';
import { ensureCycles } from './inventory-fixtures';
import { stockForPrinting } from './production-fixtures';

/** Issue 11 item 12: a photo is normalised at upload; neither the stored file nor the print file keeps its metadata. */
describe(`${StudentsController.name} photos`, () => {
  let t: TestApp;
  let school: School;
  let escuela: string;
  let ceValles: string;

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    school = await t.createSchool({ drse: 'VALLES', matricula: 150 });
    await stockForPrinting(t, { drseCode: 'VALLES' });
    escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    ceValles = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
  });
  afterAll(async () => t?.close());

  const storedPhoto = async (studentId: number): Promise<Buffer> => {
    const [{ photo_hash: hash }] = await t.db.orm.em.fork().execute('select photo_hash from student where id = ?', [studentId]);
    return fs.readFile(path.join(t.dataDir, 'uploads', hash.slice(0, 2), hash));
  };

  it('a phone photo with GPS EXIF: stored and served as a 240 × 300 JPEG without metadata, printed without it too', async () => {
    const s = await t.createStudent(school, { withPhoto: false });
    const original = await phonePhoto(1500, 2000, 6, 7);
    expect(exifTraces(original).length).toBeGreaterThanOrEqual(4);
    const res = await t.http('PUT', `/students/${s.id}/photo`, { token: escuela, form: formWith('foto', original, 'IMG_2041.jpg', 'image/jpeg') });
    expect(res.status).toBe(200);
    expect(res.body.hasPhoto).toBe(true);

    const stored = await storedPhoto(s.id);
    expect(exifTraces(stored)).toEqual([]);
    expect(isNormalizedPhoto(stored)).toBe(true);
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.icc, meta.xmp]).toEqual(['jpeg', 240, 300, undefined, undefined, undefined]);
    // Nothing of the original is kept in the store.
    const files = (await fs.readdir(path.join(t.dataDir, 'uploads'), { recursive: true })).map(String);
    for (const f of files) {
      const file = path.join(t.dataDir, 'uploads', f);
      if ((await fs.stat(file)).isFile()) expect([f, exifTraces(await fs.readFile(file))]).toEqual([f, []]);
    }
    const back = await t.http('GET', `/students/${s.id}/photo`, { token: escuela });
    expect(back.contentType).toBe('image/jpeg');
    expect(Buffer.compare(back.body, stored)).toBe(0);

    // The print file: one embedded photo of 240 × 300, no EXIF, device or time anywhere.
    const run = await t.http('POST', '/print-runs', { token: ceValles, json: { studentIds: [s.id] } });
    expect(run.status).toBe(201);
    const pdf = await t.http('GET', `/print-runs/${run.body.id}/pdf`, { token: ceValles });
    expect(pdf.status).toBe(200);
    expect(exifTraces(pdf.body as Buffer)).toEqual([]);
    const file = path.join(t.dataDir, 'photo-run.pdf');
    await fs.writeFile(file, pdf.body as Buffer);
    const images = execFileSync('pdfimages', ['-list', file]).toString();
    expect(images).toMatch(/\n\s+1\s+\d+\s+image\s+240\s+300\s/);
    expect(images).not.toMatch(/\s1500\s+2000\s|\s2000\s+1500\s/);
  });

  it('photos of a ZIP are normalised one by one; an undecodable one is refused naming its entry', async () => {
    const [a, b] = [await t.createStudent(school, { withPhoto: false }), await t.createStudent(school, { withPhoto: false })];
    const zip = zipOf({ [`${a.curp}.jpg`]: await phonePhoto(900, 1200, 1, 3), [`${b.curp}.jpg`]: await phonePhoto(1200, 900, 8, 4) });
    const ok = await t.http('POST', '/students/photos.zip', { token: escuela, form: formWith('archivo', zip, 'fotos.zip') });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ entries: 2, updated: 2, refused: [] });
    for (const s of [a, b]) {
      const stored = await storedPhoto(s.id);
      expect(isNormalizedPhoto(stored)).toBe(true);
      expect(exifTraces(stored)).toEqual([]);
    }
    const c = await t.createStudent(school, { withPhoto: false });
    const broken = Buffer.concat([(await phonePhoto(300, 400)).subarray(0, 700)]);
    const bad = await t.http('POST', '/students/photos.zip', { token: escuela, form: formWith('archivo', zipOf({ [`${c.curp}.jpg`]: broken }), 'fotos.zip') });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'archivo', line: 1, message: `Entrada 1 («${c.curp}.jpg»): La imagen «${c.curp}.jpg» está dañada o no se puede leer como fotografía.` }]);
    expect((await t.db.orm.em.fork().execute('select photo_hash from student where id = ?', [c.id]))[0].photo_hash).toBeNull();
  });
});
