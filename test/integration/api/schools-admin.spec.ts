import { SchoolAdminService } from '../../../src/catalog/school-admin.service';
import { RequestsService } from '../../../src/requests/requests.service';
import { formWith } from '../../support/files';
import { startTestApp, TestApp } from '../../support/app';

const HEADER = 'CCT,TURNO,NIVEL,NOMBRE,DOMICILIO,TELEFONO,MUNICIPIO,DRSE,MATRICULA,INTERNET,SOSTENIMIENTO';
const csvForm = (text: string | Buffer) => formWith('archivo', typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'escuelas.csv', 'text/csv');

describe(SchoolAdminService.name, () => {
  let t: TestApp;
  let admin: string;
  const count = async () => Number((await t.db.orm.em.fork().getConnection().execute('select count(*)::int as n from school'))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;
  });
  afterAll(async () => t?.close());

  it('dry run reports created, changed (old → new), refused per line and route changes, and writes nothing; apply does it', async () => {
    const existing = await t.createSchool({ cct: '14EPR0500A', matricula: 300, drse: 'VALLES' });
    const csv = [
      HEADER,
      '14EPR0501B,MATUTINO,PRIMARIA,Escuela Nueva Uno,Calle 1,3300000001,Ameca,VALLES,120,SI,ESTATAL',
      '14EES0502C,VESPERTINO,SECUNDARIA,Secundaria Nueva,Calle 2,3300000002,Ameca,VALLES,400,SI,FEDERAL',
      `14EPR0500A,MATUTINO,PRIMARIA,${existing.name},Calle Nueva 9,${existing.phone},Ameca,VALLES,480,SI,ESTATAL`,
      '14PPR0503D,MATUTINO,PRIMARIA,Colegio Privado,Calle 3,3300000003,Ameca,VALLES,500,SI,PARTICULAR',
      '14EPR0504E,MATUTINO,PRIMARIA,Escuela Mala,Calle 4,3300000004,Ameca,NO_EXISTE,mucho,QUIZA,ESTATAL',
    ].join('\n');
    const before = await count();
    const dry = await t.http('POST', '/schools/import?simular=true', { token: admin, form: csvForm(csv) });
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.created.map((c: { cct: string; printRoute: string }) => `${c.cct} ${c.printRoute}`)).toEqual(['14EPR0501B DRSE', '14EES0502C ESCUELA']);
    expect(dry.body.changed).toEqual([
      expect.objectContaining({
        line: 4,
        schoolId: existing.id,
        changes: [
          { field: 'domicilio', old: existing.address, new: 'Calle Nueva 9' },
          { field: 'municipio', old: null, new: 'Ameca' },
          { field: 'matrícula', old: '300', new: '480' },
          { field: 'ruta de impresión', old: 'DRSE', new: 'ESCUELA' },
        ],
      }),
    ]);
    expect(dry.body.routeChanges).toEqual([expect.objectContaining({ schoolId: existing.id, oldRoute: 'DRSE', newRoute: 'ESCUELA' })]);
    const refused = dry.body.refused.map((r: { line: number; field: string }) => `${r.line}:${r.field}`);
    expect(refused).toEqual(['5:CCT', '5:SOSTENIMIENTO', '6:DRSE', '6:MATRICULA', '6:INTERNET']);
    expect(dry.body.refused[0].message).toMatch(/particular.*sólo se admiten escuelas oficiales/);
    expect(await count()).toBe(before);

    const all = await t.http('POST', '/schools/import', { token: admin, form: csvForm(csv) });
    expect(all.status).toBe(422);
    expect(all.body.errors).toHaveLength(5);
    expect(await count()).toBe(before);

    const applied = await t.http('POST', '/schools/import?parcial=true', { token: admin, form: csvForm(csv) });
    expect(applied.status).toBe(200);
    expect(applied.body.dryRun).toBe(false);
    expect(await count()).toBe(before + 2);
    const school = await t.http('GET', `/schools/${existing.id}`, { token: admin });
    expect(school.body).toMatchObject({ matricula: 480, printRoute: 'ESCUELA', address: 'Calle Nueva 9', municipality: 'Ameca' });
    const audit = await t.http('GET', `/schools/${existing.id}/changes`, { token: admin });
    expect(audit.body.items.map((c: { field: string; source: string }) => `${c.source} ${c.field}`).sort()).toEqual([
      'IMPORTACION domicilio',
      'IMPORTACION matrícula',
      'IMPORTACION municipio',
      'IMPORTACION ruta de impresión',
    ]);

    const again = await t.http('POST', '/schools/import?parcial=true', { token: admin, form: csvForm(csv) });
    expect(again.body).toMatchObject({ created: [], changed: [], unchanged: 3 });
  });

  it('reads Latin-1 with semicolons and CRLF, and UTF-8 with BOM, keeping accents', async () => {
    const latin = Buffer.from(
      ['CCT;TURNO;NIVEL;NOMBRE;DOMICILIO;TELÉFONO;MUNICIPIO;DRSE;MATRÍCULA;INTERNET', '14EPR0601F;MATUTINO;PRIMARIA;Escuela Niños Héroes;Av. Juárez 1;3311111111;Tlaquepaque;CENTRO_3;500;Sí'].join('\r\n'),
      'latin1',
    );
    const a = await t.http('POST', '/schools/import', { token: admin, form: csvForm(latin) });
    expect(a.status).toBe(200);
    expect(a.body.created).toEqual([expect.objectContaining({ cct: '14EPR0601F', name: 'Escuela Niños Héroes', printRoute: 'ESCUELA' })]);
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${HEADER}\r\n14EPR0602G,VESPERTINO,PRIMARIA,Escuela Ñandú,Calle Peña 2,3322222222,Zapopan,CENTRO_2,80,NO,ESTATAL\r\n`, 'utf8'),
    ]);
    const b = await t.http('POST', '/schools/import', { token: admin, form: csvForm(bom) });
    expect(b.status).toBe(200);
    expect(b.body.created).toEqual([expect.objectContaining({ name: 'Escuela Ñandú', printRoute: 'DRSE' })]);
  });

  it('imports the same rows as JSON, refusing a private CCT by line', async () => {
    const row = { turno: 'MATUTINO', nivel: 'SECUNDARIA', nombre: 'Secundaria JSON', domicilio: 'Calle 5', telefono: '3300000005', drse: 'NORTE', matricula: 221, internet: true };
    const res = await t.http('POST', '/schools/import.json?parcial=true', {
      token: admin,
      json: { escuelas: [{ ...row, cct: '14EES0701H' }, { ...row, cct: '14PES0702J' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual([expect.objectContaining({ line: 1, cct: '14EES0701H', printRoute: 'DRSE' })]);
    expect(res.body.refused).toEqual([expect.objectContaining({ line: 2, field: 'CCT' })]);
  });

  it('edits matrícula across 475 and internet access, recomputing R1 while an open request keeps its route', async () => {
    const school = await t.createSchool({ cct: '14EPR0800K', matricula: 474, drse: 'VALLES' });
    const requests = t.app.get(RequestsService);
    const open = await requests.createRequest({ procedure: 'PROCEDURE_2', schoolId: school.id, oficioKey: 'oficio-r1', requested: { teslinSheets: 1, micas: 8, holograms: 8 } });
    expect(open.printRoute).toBe('DRSE');

    const up = await t.http('PATCH', `/schools/${school.id}`, { token: admin, json: { matricula: 475 } });
    expect(up.status).toBe(200);
    expect(up.body.school).toMatchObject({ matricula: 475, printRoute: 'ESCUELA' });
    expect(up.body.routeChanged).toBe(true);
    expect(up.body.changes).toEqual([
      { field: 'matrícula', old: '474', new: '475' },
      { field: 'ruta de impresión', old: 'DRSE', new: 'ESCUELA' },
    ]);
    expect(up.body.openRequests).toEqual([expect.objectContaining({ id: open.requestId, printRoute: 'DRSE' })]);
    const next = await requests.createRequest({ procedure: 'PROCEDURE_2', schoolId: school.id, oficioKey: 'oficio-r1-b', requested: { teslinSheets: 1, micas: 8, holograms: 8 } });
    expect(next.printRoute).toBe('ESCUELA');

    const off = await t.http('PATCH', `/schools/${school.id}`, { token: admin, json: { hasInternet: false } });
    expect(off.body.school.printRoute).toBe('DRSE');
    expect(off.body.changes).toEqual([
      { field: 'internet', old: 'sí', new: 'no' },
      { field: 'ruta de impresión', old: 'ESCUELA', new: 'DRSE' },
    ]);
    const [stored] = await t.db.orm.em.fork().getConnection().execute('select print_route from procedure_request where id = ?', [open.requestId]);
    expect(stored.print_route).toBe('DRSE');

    const secundaria = await t.createSchool({ cct: '14EES0801L', nivel: 'SECUNDARIA', matricula: 222, drse: 'VALLES' });
    const down = await t.http('PATCH', `/schools/${secundaria.id}`, { token: admin, json: { matricula: 221 } });
    expect(down.body.school.printRoute).toBe('DRSE');
    expect(down.body.openRequests).toEqual([]);

    const audit = await t.http('GET', `/schools/${school.id}/changes`, { token: admin });
    expect(audit.body.items).toHaveLength(4);
    expect(audit.body.items[0]).toMatchObject({ source: 'EDICION', actorRole: 'ADMIN', field: expect.any(String) });
  });

  it("lets a DRSE's Control Escolar change only matrícula and internet of its own schools", async () => {
    const own = await t.createSchool({ drse: 'SUR', matricula: 100 });
    const other = await t.createSchool({ drse: 'NORTE', matricula: 100 });
    const ce = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'SUR' })).accessToken;
    expect((await t.http('PATCH', `/schools/${own.id}`, { token: ce, json: { matricula: 101 } })).status).toBe(200);
    const address = await t.http('PATCH', `/schools/${own.id}`, { token: ce, json: { address: 'Otra calle' } });
    expect(address.status).toBe(403);
    expect(address.body.detail).toMatch(/sólo cambia la matrícula/);
    expect((await t.http('PATCH', `/schools/${other.id}`, { token: ce, json: { matricula: 101 } })).status).toBe(404);
    const empty = await t.http('PATCH', `/schools/${own.id}`, { token: admin, json: {} });
    expect(empty.status).toBe(422);
  });
});
