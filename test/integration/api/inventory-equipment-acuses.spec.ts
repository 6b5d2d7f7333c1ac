import { randomUUID } from 'node:crypto';
import { EquipmentController } from '../../../src/inventory/http/equipment.controller';
import { AcuseService } from '../../../src/inventory/acuse.service';
import { formWith, jpegHeader, pdfDocument, pngPhoto } from '../../support/files';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles, holderId, ok } from './inventory-fixtures';

describe(EquipmentController.name, () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let tecValles: string;
  let tecNorte: string;
  let ceNorte: string;
  let cec: string;
  let escuelaNorte: string;
  let norteSchoolId: number;
  let vallesId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await ensureCycles(t);
    const norteSchool = await t.createSchool({ drse: 'NORTE', matricula: 900 });
    norteSchoolId = norteSchool.id;
    const a = await t.loginAs({ role: 'ADMIN' });
    admin = a.accessToken;
    adminId = a.user.id;
    tecValles = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
    tecNorte = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' })).accessToken;
    ceNorte = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'NORTE' })).accessToken;
    cec = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    escuelaNorte = (await t.loginAs({ role: 'ESCUELA', schoolId: norteSchool.id })).accessToken;
    vallesId = await holderId(t, tecValles, 'kind=DRSE');
  });
  afterAll(async () => t?.close());

  it('routes a failure of a school printer to its DRSE IT office (R10), which resolves it', async () => {
    const schoolHolder = await holderId(t, tecNorte, `schoolId=${norteSchoolId}`);
    const printer = await t.http('POST', '/equipment', { token: tecNorte, json: { holderId: schoolHolder, kind: 'printer', serialNumber: 'epson-l8050-0001', model: 'Epson L8050' } });
    expect(printer.status).toBe(201);
    expect(printer.body).toMatchObject({ holderId: schoolHolder, kind: 'PRINTER', serialNumber: 'EPSON-L8050-0001', status: 'OPERATIVE' });
    const dup = await t.http('POST', '/equipment', { token: admin, json: { holderId: schoolHolder, kind: 'PRINTER', serialNumber: 'EPSON-L8050-0001' } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('serialNumber');
    expect((await t.http('POST', '/equipment', { token: tecValles, json: { holderId: schoolHolder, kind: 'LAMINATOR', serialNumber: 'LAM-9' } })).status).toBe(404);

    const listed = await t.http('GET', `/equipment?holderId=${schoolHolder}`, { token: escuelaNorte });
    expect(listed.body.items.map((e: { id: number }) => e.id)).toEqual([printer.body.id]);
    expect((await t.http('GET', `/equipment?holderId=${schoolHolder}`, { token: tecValles })).status).toBe(404);

    const report = await t.http('POST', `/equipment/${printer.body.id}/failures`, { token: escuelaNorte, json: { description: 'La impresora no toma las hojas Teslin.' } });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ equipmentId: printer.body.id, routedDrseCode: 'NORTE', status: 'OPEN', holderId: schoolHolder });
    expect((await t.http('GET', `/equipment?holderId=${schoolHolder}`, { token: tecNorte })).body.items[0].status).toBe('FAILED');

    const norteInbox = await t.http('GET', '/equipment/failures?status=OPEN', { token: tecNorte });
    expect(norteInbox.body.items.map((r: { id: number }) => r.id)).toEqual([report.body.id]);
    expect((await t.http('GET', '/equipment/failures', { token: tecValles })).body.items).toEqual([]);
    expect((await t.http('GET', '/equipment/failures', { token: cec })).body.items.map((r: { id: number }) => r.id)).toContain(report.body.id);
    expect((await t.http('GET', '/equipment/failures', { token: ceNorte })).status).toBe(403);

    expect((await t.http('POST', `/equipment/failures/${report.body.id}/resolve`, { token: tecValles, json: { resolution: 'Se limpió el rodillo.' } })).status).toBe(404);
    const resolved = await t.http('POST', `/equipment/failures/${report.body.id}/resolve`, { token: tecNorte, json: { resolution: 'Se limpió el rodillo.' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: 'Se limpió el rodillo.' });
    expect((await t.http('GET', `/equipment?holderId=${schoolHolder}`, { token: tecNorte })).body.items[0].status).toBe('OPERATIVE');
    const twice = await t.http('POST', `/equipment/failures/${report.body.id}/resolve`, { token: tecNorte, json: { resolution: 'Otra vez.' } });
    expect(twice.status).toBe(409);
  });

  it('a failure of the DRSE printer goes to that DRSE; the report is idempotent on its key', async () => {
    const printer = await ok(t, tecValles, '/equipment', { holderId: vallesId, kind: 'LAMINATOR', serialNumber: 'GBC-2200-01' });
    const headers = { 'Idempotency-Key': 'falla-enmicadora-1' };
    const json = { description: 'La enmicadora no calienta.' };
    const first = await t.http('POST', `/equipment/${printer.id}/failures`, { token: tecValles, json, headers });
    const second = await t.http('POST', `/equipment/${printer.id}/failures`, { token: tecValles, json, headers });
    expect(first.body.routedDrseCode).toBe('VALLES');
    expect(second.body).toEqual(first.body);
    expect((await t.http('GET', '/equipment/failures', { token: tecValles })).body.total).toBe(1);
  });

  describe('acuses', () => {
    let acuseId: number;

    beforeAll(async () => {
      await ok(t, admin, `/inventory/holders/${vallesId}/receipts`, { lines: [{ item: 'MICA', quantity: 50 }] });
      const school = await t.createSchool({ drse: 'VALLES', matricula: 100 });
      const acuse = await t.app.get(AcuseService).create({
        key: `acuse-${randomUUID()}`,
        actor: { id: adminId, role: 'ADMIN' },
        kind: 'MATERIAL_ESCUELA',
        fromHolderId: vallesId,
        schoolId: school.id,
        lines: [{ item: 'MICA', quantity: 30 }],
      });
      acuseId = acuse.acuseId;
    });

    const count = async () => Number((await t.db.orm.em.fork().execute<Array<{ n: string }>>('select count(*) as n from acuse where signed_scan_hash is not null'))[0].n);

    it('refuses a scan that is not a PDF, JPEG or PNG by content, or whose name claims another type; nothing stored', async () => {
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      const bad = [
        formWith('archivo', gif, 'acuse.gif', 'image/gif'),
        formWith('archivo', Buffer.from('hola'), 'acuse.pdf', 'application/pdf'),
        formWith('archivo', pngPhoto(1), 'acuse.pdf', 'application/pdf'),
        formWith('archivo', Buffer.from('%PDF-1.4 truncado'), 'acuse.pdf', 'application/pdf'),
      ];
      for (const form of bad) {
        const res = await t.http('POST', `/acuses/${acuseId}/signed-scan`, { token: tecValles, form });
        expect(res.status).toBe(422);
        expect(res.body.errors[0].field).toBe('archivo');
      }
      expect((await t.http('POST', `/acuses/${acuseId}/signed-scan`, { token: tecValles, json: {} })).status).toBe(415);
      expect(await count()).toBe(0);
      expect((await t.http('GET', `/acuses/${acuseId}/signed-scan`, { token: tecValles })).status).toBe(404);
    });

    it('stores the signed scan once and serves it back', async () => {
      const pdf = pdfDocument('Acuse firmado y sellado');
      expect((await t.http('POST', `/acuses/${acuseId}/signed-scan`, { token: tecNorte, form: formWith('archivo', pdf, 'firmado.pdf', 'application/pdf') })).status).toBe(404);
      const up = await t.http('POST', `/acuses/${acuseId}/signed-scan`, { token: tecValles, form: formWith('archivo', pdf, 'firmado.pdf', 'application/pdf') });
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ id: acuseId, kind: 'MATERIAL_ESCUELA', signed: true });
      const back = await t.http('GET', `/acuses/${acuseId}/signed-scan`, { token: tecValles });
      expect(back.contentType).toBe('application/pdf');
      expect(Buffer.compare(back.body as Buffer, pdf)).toBe(0);
      const replace = await t.http('POST', `/acuses/${acuseId}/signed-scan`, { token: tecValles, form: formWith('archivo', jpegHeader(800, 1000), 'otra.jpg', 'image/jpeg') });
      expect(replace.status).toBe(409);
      expect(Buffer.compare((await t.http('GET', `/acuses/${acuseId}/signed-scan`, { token: tecValles })).body as Buffer, pdf)).toBe(0);
      expect(await count()).toBe(1);
    });
  });
});
