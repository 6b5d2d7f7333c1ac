import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { StudentsService } from '../../../src/catalog/students.service';
import { IdempotencyInterceptor } from '../../../src/http/idempotency.interceptor';
import type { School } from '../../../src/catalog/entities';
import { isNormalizedPhoto } from '../../../src/uploads/photo-normalize';
import { formWith, jpegPhoto, pngPhoto, zipOf } from '../../support/files';
import { startTestApp, TestApp } from '../../support/app';

describe(StudentsService.name, () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let escuela: string;
  let central: string;
  let planeacion: string;

  beforeAll(async () => {
    t = await startTestApp();
    school = await t.createSchool({ drse: 'ALTOS_SUR', cct: '14EPR0777K', turno: 'VESPERTINO' });
    other = await t.createSchool({ drse: 'ALTOS_SUR' });
    await t.createSchool({ drse: 'SURESTE' });
    escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    planeacion = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'ALTOS_SUR' })).accessToken;
  });
  afterAll(async () => t?.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.orm.em.fork().execute(sql, params))[0].n);

  it('lists schools by scope and filters', async () => {
    const mine = await t.http('GET', '/schools', { token: escuela });
    expect(mine.body.items.map((s: { id: number }) => s.id)).toEqual([school.id]);
    const drse = await t.http('GET', '/schools', { token: planeacion });
    expect(drse.body.items.map((s: { id: number }) => s.id).sort()).toEqual([school.id, other.id].sort());
    const all = await t.http('GET', '/schools?pageSize=1&page=2', { token: central });
    expect(all.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(all.body.items).toHaveLength(1);
    const byCct = await t.http('GET', '/schools?cct=14epr0777k&turno=vespertino', { token: central });
    expect(byCct.body.items.map((s: { id: number }) => s.id)).toEqual([school.id]);
    expect(byCct.body.items[0]).toMatchObject({ drseCode: 'ALTOS_SUR', printRoute: 'DRSE', printRouteReason: expect.any(String) });
    // A DRSE asking for another DRSE's schools gets an empty list, not someone else's data.
    expect((await t.http('GET', '/schools?drse=SURESTE', { token: planeacion })).body.total).toBe(0);
  });

  it('registers a student in the school of the ESCUELA user and refuses a duplicate CURP with 409', async () => {
    const curp = t.newCurp();
    const created = await t.http('POST', '/students', { token: escuela, json: { curp: curp.toLowerCase(), nombres: ' Ana  María ', primerApellido: 'Ruiz', primerIngreso: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ curp, nombres: 'Ana María', schoolId: school.id, hasPhoto: false, declined: false });
    const dup = await t.http('POST', '/students', { token: central, json: { curp, nombres: 'Otra', primerApellido: 'Persona', primerIngreso: false, schoolId: other.id } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([{ field: 'curp', message: `Ya existe un alumno registrado con la CURP ${curp}.` }]);
    const noSchool = await t.http('POST', '/students', { token: central, json: { curp: t.newCurp(), nombres: 'A', primerApellido: 'B', primerIngreso: false } });
    expect(noSchool.status).toBe(422);
    expect(noSchool.body.errors[0].field).toBe('schoolId');
  });

  it('imports a SCEJAL-style CSV (semicolons, Windows-1252, SI/NO), then updates on re-import', async () => {
    const [a, b] = [t.newCurp(), t.newCurp()];
    const text = `curp;nombre(s);apellido paterno;apellido materno;primer ingreso;grado\n${a};José Ángel;Núñez;Peña;SI;3\n${b};Begoña;Zúñiga;;no;1\n`;
    const latin1 = Buffer.from(text, 'latin1'); // Windows-1252 bytes: not valid UTF-8
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(latin1)).toThrow();
    const first = await t.http('POST', '/students/import', { token: escuela, form: formWith('archivo', latin1, 'alumnos.csv', 'text/csv') });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ lines: 2, created: 2, updated: 0, refused: [], ignoredColumns: ['grado'] });
    const [row] = await t.db.orm.em.fork().execute('select nombres, primer_apellido, segundo_apellido, primer_ingreso, school_id from student where curp = ?', [a]);
    expect(row).toEqual({ nombres: 'José Ángel', primer_apellido: 'Núñez', segundo_apellido: 'Peña', primer_ingreso: true, school_id: school.id });

    const again = await t.http('POST', '/students/import', {
      token: escuela,
      form: formWith('archivo', Buffer.from(`CURP,NOMBRES,PRIMER_APELLIDO,PRIMER_INGRESO\n${b},Begoña Inés,Zúñiga,SI\n`), 'alumnos.csv'),
    });
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
    expect((await t.db.orm.em.fork().execute('select nombres, primer_ingreso from student where curp = ?', [b]))[0]).toEqual({ nombres: 'Begoña Inés', primer_ingreso: true });
  });

  it('with ?parcial=true imports the good lines and reports the bad ones', async () => {
    const good = t.newCurp();
    const csv = `CURP,NOMBRES,PRIMER_APELLIDO\n${good},Regina,Flores\nMALA,Zoé,Ortiz\n${good},Repetida,Flores\n`;
    const res = await t.http('POST', '/students/import?parcial=true', { token: escuela, form: formWith('archivo', Buffer.from(csv), 'a.csv') });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    expect(res.body.refused.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
      [3, 'CURP'],
      [4, 'CURP'],
    ]);
    expect(res.body.refused[1].message).toBe(`Línea 4: la CURP ${good} ya venía en la línea 2.`);
    expect(await count('select count(*) as n from student where curp = ?', [good])).toBe(1);
  });

  it('lets central staff import into several schools by CCT and TURNO columns, refusing a CURP of another school', async () => {
    const moved = await t.createStudent(other);
    const fresh = t.newCurp();
    const csv = `CURP,NOMBRES,PRIMER_APELLIDO,CCT,TURNO\n${fresh},Itzel,Cruz,14EPR0777K,vespertino\n${moved.curp},Otro,Nombre,14EPR0777K,VESPERTINO\n`;
    const res = await t.http('POST', '/students/import', { token: central, form: formWith('archivo', Buffer.from(csv), 'a.csv') });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'CURP', line: 3, message: `Línea 3: la CURP ${moved.curp} ya está registrada en otra escuela; el cambio de escuela lo hace Control Escolar.` },
    ]);
    expect(await count('select count(*) as n from student where curp = ?', [fresh])).toBe(0);
  });

  it('stores the normalised photo by content hash and serves it back', async () => {
    const s = await t.createStudent(school, { withPhoto: false });
    const png = pngPhoto(5);
    const res = await t.http('PUT', `/students/${s.id}/photo`, { token: escuela, form: formWith('foto', png, '../../etc/passwd.png', 'image/png') });
    expect(res.status).toBe(200);
    expect(res.body.hasPhoto).toBe(true);
    const [{ photo_hash: hash }] = await t.db.orm.em.fork().execute('select photo_hash from student where id = ?', [s.id]);
    const stored = await fs.readFile(path.join(t.dataDir, 'uploads', hash.slice(0, 2), hash));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(hash);
    expect(isNormalizedPhoto(stored)).toBe(true);
    const back = await t.http('GET', `/students/${s.id}/photo`, { token: planeacion });
    expect(back.status).toBe(200);
    expect(back.contentType).toBe('image/jpeg');
    expect(Buffer.compare(back.body, stored)).toBe(0);
    // A JPEG is accepted too.
    expect((await t.http('PUT', `/students/${s.id}/photo`, { token: escuela, form: formWith('foto', await jpegPhoto(480, 640), 'foto.jpeg') })).status).toBe(200);
  });

  it('loads photos from a ZIP named by CURP; a CURP outside the scope is refused like an unknown one', async () => {
    const [s1, s2] = [await t.createStudent(school, { withPhoto: false }), await t.createStudent(school, { withPhoto: false })];
    const outsider = await t.createStudent(other, { withPhoto: false });
    const ok = await t.http('POST', '/students/photos.zip', {
      token: escuela,
      form: formWith('archivo', zipOf({ [`${s1.curp}.png`]: pngPhoto(1), [`${s2.curp.toLowerCase()}.JPG`]: await jpegPhoto(300, 400) }), 'fotos.zip'),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ entries: 2, updated: 2, refused: [] });
    const unknown = t.newCurp();
    const mixed = await t.http('POST', '/students/photos.zip?parcial=true', {
      token: escuela,
      form: formWith('archivo', zipOf({ [`${outsider.curp}.png`]: pngPhoto(2), [`${unknown}.png`]: pngPhoto(2), 'notas.txt': Buffer.from('hola') }), 'fotos.zip'),
    });
    expect(mixed.status).toBe(200);
    expect(mixed.body.updated).toBe(0);
    expect(mixed.body.refused.map((r: { message: string }) => r.message)).toEqual([
      `Entrada 1 («${outsider.curp}.png»): no hay alumno con la CURP ${outsider.curp} en su ámbito.`,
      `Entrada 2 («${unknown}.png»): no hay alumno con la CURP ${unknown} en su ámbito.`,
      'Entrada 3 («notas.txt»): el nombre debe ser la CURP del alumno con extensión .jpg, .jpeg o .png.',
    ]);
    expect((await t.db.orm.em.fork().execute('select photo_hash from student where id = ?', [outsider.id]))[0].photo_hash).toBeNull();
  });

  it('records an opt-out once (R4), keeping the first date', async () => {
    const s = await t.createStudent(school);
    const first = await t.http('POST', `/students/${s.id}/opt-out`, { token: escuela, json: { reason: 'La familia no la desea.' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ declined: true, declinedReason: 'La familia no la desea.' });
    const second = await t.http('POST', `/students/${s.id}/opt-out`, { token: escuela, json: {} });
    expect(second.body.declinedAt).toBe(first.body.declinedAt);
    const listed = await t.http('GET', `/students?declined=true&schoolId=${school.id}`, { token: escuela });
    expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(s.id);
    expect(listed.body.items.every((i: { declined: boolean }) => i.declined)).toBe(true);
  });

  it('routes a refusal complaint to the school DRSE, whose Control Escolar resolves it; other DRSEs do not see it', async () => {
    const filed = await t.http('POST', '/complaints', { token: escuela, json: { schoolId: school.id, description: 'El director no quiso tramitar la credencial.' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ drseCode: 'ALTOS_SUR', status: 'ABIERTA', filedByRole: 'ESCUELA', schoolCct: '14EPR0777K' });
    const elsewhere = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'SURESTE' })).accessToken;
    expect((await t.http('GET', '/complaints', { token: elsewhere })).body.total).toBe(0);
    const seen = await t.http('GET', '/complaints?status=abierta', { token: planeacion });
    expect(seen.body.items.map((c: { id: number }) => c.id)).toContain(filed.body.id);
    const controlEscolar = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'ALTOS_SUR' })).accessToken;
    expect((await t.http('POST', `/complaints/${filed.body.id}/resolve`, { token: planeacion, json: { outcome: 'PROCEDE', resolution: 'Se instruyó al director.' } })).status).toBe(403);
    const done = await t.http('POST', `/complaints/${filed.body.id}/resolve`, { token: controlEscolar, json: { outcome: 'PROCEDE', resolution: 'Se instruyó al director.' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'ATENDIDA', outcome: 'PROCEDE', resolution: 'Se instruyó al director.' });
    const twice = await t.http('POST', `/complaints/${filed.body.id}/resolve`, { token: controlEscolar, json: { outcome: 'NO_PROCEDE', resolution: 'Otra vez.' } });
    expect(twice.status).toBe(409);
  });
});

describe(IdempotencyInterceptor.name, () => {
  let t: TestApp;
  let school: School;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    school = await t.createSchool({ drse: 'LAGUNAS' });
    token = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
  });
  afterAll(async () => t?.close());

  it('returns the first result to a retried POST and creates one student', async () => {
    const body = { curp: t.newCurp(), nombres: 'Renata', primerApellido: 'Mendoza', primerIngreso: true };
    const headers = { 'Idempotency-Key': 'alta-renata-1' };
    const first = await t.http('POST', '/students', { token, json: body, headers });
    const retry = await t.http('POST', '/students', { token, json: body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(Number((await t.db.orm.em.fork().execute('select count(*) as n from student where curp = ?', [body.curp]))[0].n)).toBe(1);
  });

  it('refuses the same key with a different body (422) and keeps keys apart per user', async () => {
    const headers = { 'Idempotency-Key': 'clave-compartida' };
    const a = await t.http('POST', '/students', { token, json: { curp: t.newCurp(), nombres: 'A', primerApellido: 'B', primerIngreso: true }, headers });
    expect(a.status).toBe(201);
    const b = await t.http('POST', '/students', { token, json: { curp: t.newCurp(), nombres: 'C', primerApellido: 'D', primerIngreso: true }, headers });
    expect(b.status).toBe(422);
    expect(b.body.errors).toEqual([
      { field: 'Idempotency-Key', message: 'La Idempotency-Key ya se usó con una solicitud distinta; use una clave nueva para una solicitud nueva.' },
    ]);
    const otherUser = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    const c = await t.http('POST', '/students', { token: otherUser, json: { curp: t.newCurp(), nombres: 'E', primerApellido: 'F', primerIngreso: true, schoolId: school.id }, headers });
    expect(c.status).toBe(201);
  });

  it('stores nothing for a failed request, so the same key can be retried after fixing the cause', async () => {
    const headers = { 'Idempotency-Key': 'reintento-tras-error' };
    const existing = await t.createStudent(school);
    const body = { curp: existing.curp, nombres: 'A', primerApellido: 'B', primerIngreso: true };
    expect((await t.http('POST', '/students', { token, json: body, headers })).status).toBe(409);
    await t.db.orm.em.fork().execute('delete from student where id = ?', [existing.id]);
    expect((await t.http('POST', '/students', { token, json: body, headers })).status).toBe(201);
  });

  it('replays an upload (CSV import) by the hash of the file', async () => {
    const csv = Buffer.from(`CURP,NOMBRES,PRIMER_APELLIDO\n${t.newCurp()},Abril,Torres\n`);
    const headers = { 'Idempotency-Key': 'importacion-1' };
    const first = await t.http('POST', '/students/import', { token, headers, form: formWith('archivo', csv, 'a.csv') });
    const retry = await t.http('POST', '/students/import', { token, headers, form: formWith('archivo', csv, 'a.csv') });
    expect(first.body).toMatchObject({ created: 1 });
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const different = await t.http('POST', '/students/import', { token, headers, form: formWith('archivo', Buffer.concat([csv, Buffer.from('\n')]), 'a.csv') });
    expect(different.status).toBe(422);
  });

  it('refuses a malformed key', async () => {
    const res = await t.http('POST', '/students', { token, json: {}, headers: { 'Idempotency-Key': 'x'.repeat(201) } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
  });
});
