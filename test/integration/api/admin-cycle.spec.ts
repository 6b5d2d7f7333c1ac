import { startTestApp, TestApp } from '../../support/app';
import { formWith, pngPhoto, zipOf } from '../../support/files';
import { ensureCycles } from './inventory-fixtures';

/**
 * The README's «Un ciclo escolar real, de punta a punta»: the same calls, in the same order, with
 * the same files, so every curl there keeps working: schools (dry run, refusal of a private school,
 * apply), the next cycle created and opened, students and photos, initial kits (twice), coverage.
 */
describe('README: an administrator runs a school cycle without SQL', () => {
  let t: TestApp;
  let H: string;

  const ESCUELAS = [
    'CCT,TURNO,NIVEL,NOMBRE,DOMICILIO,TELEFONO,MUNICIPIO,DRSE,MATRICULA,INTERNET,SOSTENIMIENTO',
    '14EPR0901T,MATUTINO,PRIMARIA,Escuela Primaria Niños Héroes,Calle Hidalgo 10,3312345678,Guadalajara,CENTRO_1,520,SI,ESTATAL',
    '14DES0902U,VESPERTINO,SECUNDARIA,Escuela Secundaria 902,Av. Juárez 200,3398765432,Guadalajara,CENTRO_1,180,SI,FEDERAL',
    '14PPR0903V,MATUTINO,PRIMARIA,Colegio Particular,Calle Morelos 5,3311112222,Guadalajara,CENTRO_1,300,SI,PARTICULAR',
  ];
  const ALUMNOS = [
    'CCT,TURNO,CURP,NOMBRES,PRIMER_APELLIDO,SEGUNDO_APELLIDO,PRIMER_INGRESO',
    '14EPR0901T,MATUTINO,ZUCJ190206HJCNRSO6,José,Zúñiga,Cruz,SI',
    '14EPR0901T,MATUTINO,ROCG190418MJCDRDL3,Guadalupe,Rodríguez,Cruz,SI',
    '14EPR0901T,MATUTINO,CAHM191220MJCSRRU3,María,Castillo,Hernández,NO',
  ];
  const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t); // the demo's 2026-2027 is current
    H = (await t.loginAs({ role: 'ADMIN', username: 'admin' })).accessToken;
  });
  afterAll(async () => t?.close());

  it('follows the README step by step', async () => {
    // 1. Schools: dry run, the private school refused, then apply without it.
    const dry = await t.http('POST', '/schools/import?simular=true', { token: H, form: formWith('archivo', csv(ESCUELAS), 'escuelas.csv', 'text/csv') });
    expect(dry.status).toBe(200);
    expect(dry.body.created.map((c: { cct: string; turno: string; printRoute: string }) => `${c.cct} ${c.turno} → imprime ${c.printRoute}`)).toEqual([
      '14EPR0901T MATUTINO → imprime ESCUELA',
      '14DES0902U VESPERTINO → imprime DRSE',
    ]);
    expect(dry.body.refused.map((r: { line: number; field: string }) => `${r.line} ${r.field}`)).toEqual(['4 CCT', '4 SOSTENIMIENTO']);
    expect(dry.body.refused[0].message).toMatch(/es particular/);
    expect((await t.http('POST', '/schools/import', { token: H, form: formWith('archivo', csv(ESCUELAS), 'escuelas.csv', 'text/csv') })).status).toBe(422);
    const applied = await t.http('POST', '/schools/import', { token: H, form: formWith('archivo', csv(ESCUELAS.filter((l) => !l.includes('PARTICULAR'))), 'escuelas.csv', 'text/csv') });
    expect(applied.status).toBe(200);
    expect({ creadas: applied.body.created.length, rechazos: applied.body.refused }).toEqual({ creadas: 2, rechazos: [] });
    const SID = (await t.http('GET', '/schools?cct=14EPR0901T', { token: H })).body.items[0].id as number;

    // 2. The new cycle, created and opened.
    const created = await t.http('POST', '/cycles', { token: H, json: { code: '2027-2028', startsOn: '2027-08-23', endsOn: '2028-07-07' } });
    expect(created.body).toMatchObject({ code: '2027-2028', isCurrent: false, tariffCents: 2800 });
    const opened = await t.http('POST', '/cycles/2027-2028/open', { token: H });
    expect({ vigente: opened.body.cycle.code, cerrado: opened.body.closed }).toEqual({ vigente: '2027-2028', cerrado: '2026-2027' });

    // 3. Students and photos.
    const students = await t.http('POST', '/students/import', { token: H, form: formWith('archivo', csv(ALUMNOS), 'alumnos.csv', 'text/csv') });
    expect(students.body).toMatchObject({ lines: 3, created: 3, updated: 0, refused: [] });
    const zip = zipOf(Object.fromEntries(['ZUCJ190206HJCNRSO6', 'ROCG190418MJCDRDL3', 'CAHM191220MJCSRRU3'].map((c, i) => [`${c}.png`, pngPhoto(i)])));
    const photos = await t.http('POST', '/students/photos.zip', { token: H, form: formWith('archivo', zip, 'fotos.zip', 'application/zip') });
    expect(photos.body).toMatchObject({ entries: 3, updated: 3, refused: [] });

    // 4. Initial kits: preview, the on-site school's, apply, apply again (nothing new).
    const preview = await t.http('GET', '/inventory/initial-kits', { token: H });
    expect(preview.body).toMatchObject({ cycleCode: '2027-2028', totals: { recipients: 2, toRecord: 2 } });
    expect(preview.body.recipients.find((r: { cct: string | null }) => r.cct === '14EPR0901T')).toMatchObject({ type: 'ESCUELA', matricula: 520, cards: 572 });
    const first = await t.http('POST', '/inventory/initial-kits', { token: H, json: {} });
    expect({ recorded: first.body.recorded, totals: first.body.totals.toRecord }).toEqual({ recorded: 2, totals: 0 });
    expect((await t.http('POST', '/inventory/initial-kits', { token: H, json: {} })).body.recorded).toBe(0);

    // 5. Coverage: state, DRSE, school, CSV.
    const state = await t.http('GET', '/reports/coverage', { token: H });
    expect(state.body).toMatchObject({ cycleCode: '2027-2028', totals: { students: 3, pending: { students: 3 } } });
    expect(Date.parse(state.body.countsAsOf)).not.toBeNaN();
    const drse = await t.http('GET', '/reports/coverage/drses/CENTRO_1', { token: H });
    expect(drse.body.schools.map((s: { cct: string; students: number; withPhoto: number }) => [s.cct, s.students, s.withPhoto])).toEqual([
      ['14DES0902U', 0, 0],
      ['14EPR0901T', 3, 3],
    ]);
    const school = await t.http('GET', `/reports/coverage/schools/${SID}`, { token: H });
    expect(school.body.school).toMatchObject({ students: 3, withPhoto: 3, pending: { students: 3, newCards: 3, holograms: 3 } });
    expect(school.body.school.material).toContainEqual({ item: 'MICA', available: 572, needed: 3, missing: 0 });
    const file = await t.http('GET', '/reports/coverage/csv', { token: H });
    expect(Buffer.from(file.body).toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFciclo,drse,nombre,drse_madre,escuelas,alumnos,/);
  });
});
