import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ProblemDetailsFilter } from '../../../src/http/problem.filter';
import type { School, Student } from '../../../src/catalog/entities';
import { formWith, pdfDocument, pngPhoto, zipOf } from '../../support/files';
import { startTestApp, TestApp } from '../../support/app';

/** Every refused input: right status, Spanish message naming the field, nothing stored. */
describe(ProblemDetailsFilter.name, () => {
  let t: TestApp;
  let school: School;
  let student: Student;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    school = await t.createSchool({ drse: 'CIENEGA' });
    student = await t.createStudent(school, { withPhoto: false });
    token = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
  });
  afterAll(async () => t?.close());

  const studentCount = async () => Number((await t.db.orm.em.fork().execute('select count(*) as n from student'))[0].n);
  const storedFiles = async (): Promise<string[]> => {
    const root = path.join(t.dataDir, 'uploads');
    try {
      const dirs = await fs.readdir(root);
      return (await Promise.all(dirs.map(async (d) => (await fs.readdir(path.join(root, d))).map((f) => `${d}/${f}`)))).flat();
    } catch {
      return [];
    }
  };
  const photoHash = async () => (await t.db.orm.em.fork().execute('select photo_hash from student where id = ?', [student.id]))[0].photo_hash;

  function expectProblem(res: { status: number; contentType: string; body: { status: number; detail: string } }, status: number) {
    expect(res.status).toBe(status);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.status).toBe(status);
    expect(typeof res.body.detail).toBe('string');
  }

  it('refuses an invalid CURP naming the field, and stores nothing', async () => {
    const before = await studentCount();
    const res = await t.http('POST', '/students', { token, json: { curp: 'HEGG560427MVZRRL05', nombres: 'Ana', primerApellido: 'Ruiz', primerIngreso: true } });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'curp', message: 'El dígito verificador de la CURP "HEGG560427MVZRRL05" no es válido (debería ser 4).' }]);
    expect(await studentCount()).toBe(before);
  });

  it('refuses an invalid CCT in a filter', async () => {
    const res = await t.http('GET', '/schools?cct=15EPR0001A', { token });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'cct', message: 'La CCT "15EPR0001A" no es de Jalisco: debe comenzar con 14.' }]);
  });

  it('refuses unknown fields by name, and stores nothing', async () => {
    const before = await studentCount();
    const res = await t.http('POST', '/students', {
      token,
      json: { curp: t.newCurp(), nombres: 'Ana', primerApellido: 'Ruiz', primerIngreso: true, grado: 3, grupo: 'B' },
    });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([
      { field: 'grado', message: 'El campo «grado» no está permitido en esta solicitud.' },
      { field: 'grupo', message: 'El campo «grupo» no está permitido en esta solicitud.' },
    ]);
    expect(await studentCount()).toBe(before);
  });

  it('refuses wrong types with Spanish messages', async () => {
    const res = await t.http('POST', '/students', { token, json: { curp: t.newCurp(), nombres: 7, primerApellido: 'Ruiz', primerIngreso: 'sí' } });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'nombres', message: 'El campo «nombres» debe ser texto.' },
        { field: 'primerIngreso', message: 'El campo «primerIngreso» debe ser verdadero o falso.' },
      ]),
    );
  });

  it('refuses HTML in a name naming the field (issue 11), and stores nothing; other texts keep markup as plain text', async () => {
    const before = await studentCount();
    const nombres = '<script>alert("x")</script> <b>Ana</b>';
    const res = await t.http('POST', '/students', { token, json: { curp: t.newCurp(), nombres, primerApellido: 'Ruiz', primerIngreso: true } });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'nombres', message: '«Nombre(s)» solo admite letras, espacios, apóstrofos, guiones y puntos, y empieza con una letra; «<» no es parte de un nombre.' }]);
    expect(await studentCount()).toBe(before);
    const reason = '<b>La familia</b> & "no" la desea';
    const other = await t.createStudent(school, { withPhoto: false });
    const optOut = await t.http('POST', `/students/${other.id}/opt-out`, { token, json: { reason } });
    expect(optOut.status).toBe(200);
    expect(optOut.contentType).toContain('application/json');
    expect(optOut.body.declinedReason).toBe(reason);
  });

  it('refuses a PDF named .jpg as a photo, and stores nothing', async () => {
    const before = await storedFiles();
    const res = await t.http('PUT', `/students/${student.id}/photo`, { token, form: formWith('foto', pdfDocument(), 'foto.jpg', 'image/jpeg') });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'foto', message: 'El archivo «foto.jpg» es un PDF por su contenido; se esperaba JPEG o PNG.' }]);
    expect(await photoHash()).toBeNull();
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a PNG named .pdf (the name lies about the content), and stores nothing', async () => {
    const before = await storedFiles();
    const res = await t.http('PUT', `/students/${student.id}/photo`, { token, form: formWith('foto', pngPhoto(1), 'oficio.pdf', 'application/pdf') });
    expectProblem(res, 422);
    expect(res.body.errors[0].field).toBe('foto');
    expect(res.body.detail).toBe('El archivo «oficio.pdf» dice ser PDF por su extensión pero su contenido es PNG; corrija el archivo o su nombre.');
    expect(await photoHash()).toBeNull();
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an oversized photo with 413, and stores nothing', async () => {
    const before = await storedFiles();
    const big = Buffer.concat([pngPhoto(0), Buffer.alloc(2 * 1024 * 1024, 7)]);
    const res = await t.http('PUT', `/students/${student.id}/photo`, { token, form: formWith('foto', big, 'foto.png', 'image/png') });
    expectProblem(res, 413);
    expect(res.body.errors).toEqual([{ field: 'foto', message: 'El archivo excede el tamaño máximo de 2 MB.' }]);
    expect(await photoHash()).toBeNull();
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a photo below the minimum resolution', async () => {
    const { encodePng } = await import('../../../src/catalog/demo/placeholder-photo');
    const tiny = encodePng(100, 120, () => [200, 200, 200]);
    const res = await t.http('PUT', `/students/${student.id}/photo`, { token, form: formWith('foto', tiny, 'foto.png', 'image/png') });
    expectProblem(res, 422);
    expect(res.body.detail).toBe('La imagen «foto.png» mide 100×120 px; el mínimo es 200×250 px.');
  });

  it('refuses a ZIP with an entry like ../../x.jpg: nothing is stored, nothing written outside', async () => {
    const before = await storedFiles();
    const zip = zipOf({ [`${student.curp}.png`]: pngPhoto(4), '../../x.jpg': pngPhoto(5) });
    const res = await t.http('POST', '/students/photos.zip', { token, form: formWith('archivo', zip, 'fotos.zip', 'application/zip') });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([
      {
        field: 'archivo',
        line: 2,
        message: 'Entrada 2 («../../x.jpg»): el nombre no debe contener carpetas, «..» ni rutas; ponga las fotografías en la raíz del ZIP.',
      },
    ]);
    expect(await photoHash()).toBeNull();
    expect(await storedFiles()).toEqual(before);
    await expect(fs.access(path.resolve(t.dataDir, 'uploads', '../../x.jpg'))).rejects.toThrow();
    await expect(fs.access(path.resolve(t.dataDir, '../x.jpg'))).rejects.toThrow();
  });

  it('refuses a CSV with a bad line in the middle: reports the line, imports nothing', async () => {
    const before = await studentCount();
    const csv = [
      'CURP,NOMBRES,PRIMER_APELLIDO,SEGUNDO_APELLIDO,PRIMER_INGRESO',
      `${t.newCurp()},Ana,Ruiz,Peña,SI`,
      'XXXX000000HJCXXX00,Luis,Díaz,,NO',
      `${t.newCurp()},Sofía,Gómez,,quizá`,
      `${t.newCurp()},Iker,Reyes,Cruz,NO`,
    ].join('\n');
    const res = await t.http('POST', '/students/import', { token, form: formWith('archivo', Buffer.from(csv), 'alumnos.csv', 'text/csv') });
    expectProblem(res, 422);
    expect(res.body.detail).toMatch(/^El CSV tiene 2 línea\(s\) con errores; no se importó nada\./);
    expect(res.body.errors).toEqual([
      { field: 'CURP', line: 3, message: expect.stringMatching(/^Línea 3: La CURP "XXXX000000HJCXXX00" no tiene el formato oficial/) },
      { field: 'PRIMER_INGRESO', line: 4, message: 'Línea 4: PRIMER_INGRESO debe ser SI o NO (se leyó «quizá»).' },
    ]);
    expect(await studentCount()).toBe(before);
  });

  it('refuses a spreadsheet (ZIP content) sent as CSV', async () => {
    const res = await t.http('POST', '/students/import', { token, form: formWith('archivo', zipOf({ 'a.txt': Buffer.from('x') }), 'alumnos.xlsx') });
    expectProblem(res, 422);
    expect(res.body.detail).toBe('El archivo «alumnos.xlsx» no es un CSV de texto (su contenido es ZIP); exporte la hoja como CSV.');
  });

  it('answers malformed JSON, unknown routes, bad ids, missing files and wrong content types in Spanish', async () => {
    const res = await fetch(`${t.baseUrl}/students`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"curp": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toBe('El cuerpo de la solicitud no es JSON válido.');

    const missingRoute = await t.http('GET', '/no-existe', { token });
    expectProblem(missingRoute, 404);
    expect(missingRoute.body.detail).toBe('No existe la ruta GET /no-existe.');

    const badId = await t.http('GET', '/students/abc', { token });
    expectProblem(badId, 422);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'El identificador «id» debe ser un número entero.' }]);

    const noFile = await t.http('PUT', `/students/${student.id}/photo`, { token, form: formWith('otro', pngPhoto(1), 'foto.png') });
    expectProblem(noFile, 422);
    expect(noFile.body.detail).toBe('El archivo debe ir en el campo «foto», no en «otro».');

    const notMultipart = await t.http('PUT', `/students/${student.id}/photo`, { token, json: { foto: 'x' } });
    expectProblem(notMultipart, 415);
  });
});
