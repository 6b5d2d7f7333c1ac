import { promises as fs } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { compactPayload } from '../../src/production/qr-payload';
import { HolderService } from '../../src/inventory/holder.service';
import { startTestApp, TestApp, TestUser } from '../support/app';
import { buildWeb, launchBrowser, WebUser } from '../browser/support/web';
import { ensureCycles } from '../integration/api/inventory-fixtures';
import { issuedCard, pdfTools, stockForPrinting } from '../integration/api/production-fixtures';
import { detailWhen, ensureWorker, fileP1 } from '../integration/api/requests-fixtures';

/**
 * Issue 18 item 6: stored XSS. Markup written into every free-text field a user can fill (school
 * name and address, complaint description and resolution, opt-out reason, equipment and failure
 * reports, a decision's comment on a request) comes back as text
 * wherever it is shown: the web pages (Chromium, under the CSP), the card PDF (pdftotext) and the
 * public verification page. Student names refuse markup outright (the name rule).
 */
const MARK = '<sej-xss>';
const markup = (where: string) => `${where} <img src="/xss-${where}.png" onerror="document.title='xss'"><script>document.title='xss'</script>${MARK}`;

describe('stored markup shows as text everywhere', () => {
  let t: TestApp;
  let browser: Browser;
  let webDir: string;
  let schoolId: number;
  let schoolUser: TestUser;
  let admin: { accessToken: string };

  beforeAll(async () => {
    webDir = await buildWeb();
    t = await startTestApp({ env: { WEB_DIST_DIR: webDir } });
    await ensureCycles(t);
    const school = await t.createSchool({ drse: 'VALLES', matricula: 120 });
    schoolId = school.id;
    admin = await t.loginAs({ role: 'ADMIN' });
    schoolUser = await t.createUser({ role: 'ESCUELA', schoolId });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fs.rm(webDir, { recursive: true, force: true });
  });

  it('student names refuse markup (the name rule)', async () => {
    const res = await t.http('POST', '/students', {
      token: admin.accessToken,
      json: { schoolId, curp: t.newCurp(), nombres: '<script>alert(1)</script>', primerApellido: 'Ruiz', primerIngreso: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('nombres');
  });

  it('school name and address, a complaint and its resolution, an opt-out reason: stored as written, shown as text', async () => {
    // The school's name comes from the catalogue import; its address is edited over the API.
    await t.db.orm.em.fork().execute('update school set name = ? where id = ?', [`Escuela ${MARK}`, schoolId]);
    const patched = await t.http('PATCH', `/schools/${schoolId}`, { token: admin.accessToken, json: { address: markup('domicilio') } });
    expect(patched.status).toBe(200);
    const complaint = await t.http('POST', '/complaints', { token: admin.accessToken, json: { schoolId, description: markup('queja') } });
    expect(complaint.status).toBe(201);
    const resolver = await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' });
    const resolved = await t.http('POST', `/complaints/${complaint.body.id}/resolve`, { token: resolver.accessToken, json: { outcome: 'NO_PROCEDE', resolution: markup('resolucion') } });
    expect(resolved.status).toBe(200);
    const student = await t.createStudent(schoolId);
    const optOut = await t.http('POST', `/students/${student.id}/opt-out`, { token: admin.accessToken, json: { reason: markup('motivo') } });
    expect(optOut.status).toBe(200);
    const [{ reason }] = await t.db.orm.em.fork().execute('select declined_reason as reason from student where id = ?', [student.id]);
    expect(reason).toBe(markup('motivo'));

    const u = await WebUser.open(browser, t.baseUrl);
    await u.login(schoolUser.username, schoolUser.password);
    for (const [page, text] of [
      ['#/quejas', 'resolucion'],
      ['#/alumnos', 'Declinó la credencial'],
    ] as const) {
      await u.goto(page);
      await u.waitText(text);
      const shown = await u.text();
      if (page === '#/quejas') for (const where of ['queja', 'resolucion']) expect(shown).toContain(markup(where));
      const found = await u.page.evaluate(() => ({
        injected: document.querySelectorAll('sej-xss, img[src^="/xss-"], main script').length,
        title: document.title,
        header: document.querySelector('header')?.textContent ?? '',
      }));
      expect(found.injected).toBe(0);
      expect(found.title).not.toBe('xss');
      expect(found.header).toContain(`Escuela ${MARK}`);
    }
    expect(u.cspViolations).toEqual([]);
    await u.close();
  });

  it('a decision comment (the reason a request is returned) shows as text on the request page', async () => {
    await ensureWorker(t);
    const student = await t.createStudent(schoolId, { primerIngreso: true });
    const school = await t.login(schoolUser.username, schoolUser.password);
    const filed = await fileP1(t, school.accessToken, { nuevos: [student.id] });
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;
    const planeacion = await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES' });
    await detailWhen(t, planeacion.accessToken, id, 'EN_REVISION_PLANEACION');
    const returned = await t.http('POST', `/requests/${id}/decisions`, { token: planeacion.accessToken, json: { evento: 'RETURN', comentario: markup('comentario') } });
    expect(returned.status).toBe(200);

    const u = await WebUser.open(browser, t.baseUrl);
    await u.login(schoolUser.username, schoolUser.password);
    await u.goto(`#/solicitudes/${id}`);
    await u.waitText(MARK);
    expect(await u.text()).toContain(markup('comentario'));
    const found = await u.page.evaluate(() => ({ injected: document.querySelectorAll('sej-xss, img[src^="/xss-"], main script').length, title: document.title }));
    expect(found).toEqual({ injected: 0, title: expect.not.stringMatching(/^xss$/) });
    expect(u.cspViolations).toEqual([]);
    await u.close();
  });

  it('equipment (model, serial number) and a failure report show as text on «Equipo y fallas»', async () => {
    const holder = await t.app.get(HolderService).resolve({ drseCode: 'VALLES' });
    const registered = await t.http('POST', '/equipment', {
      token: admin.accessToken,
      json: { holderId: holder.id, kind: 'PRINTER', serialNumber: `SN-${MARK}`, model: markup('modelo').slice(0, 120) },
    });
    expect(registered.status).toBe(201);
    const failure = await t.http('POST', `/equipment/${registered.body.id}/failures`, { token: admin.accessToken, json: { description: markup('falla') } });
    expect(failure.status).toBe(201);
    const adminUser = await t.createUser({ role: 'ADMIN' });
    const u = await WebUser.open(browser, t.baseUrl);
    await u.login(adminUser.username, adminUser.password);
    await u.goto('#/equipo');
    await u.waitText('falla <img');
    const shown = await u.text();
    expect(shown).toContain(markup('falla'));
    expect(shown).toContain('SN-<SEJ-XSS>'); // serial numbers are kept upper case
    expect(shown).toContain(markup('modelo'));
    const injected = await u.page.evaluate(() => document.querySelectorAll('sej-xss, img[src^="/xss-"], main script').length);
    expect(injected).toBe(0);
    expect(await u.page.title()).not.toBe('xss');
    expect(u.cspViolations).toEqual([]);
    await u.close();
  });

  it('the card PDF prints the markup as text, and the public verification page escapes it', async () => {
    await stockForPrinting(t, { drseCode: 'VALLES' }, 2);
    const card = await issuedCard(t, schoolId, 'VALLES', { id: 'prueba', role: 'ADMIN' });
    const pdf = await t.http('GET', `/print-runs/${card.runId}/pdf`, { token: admin.accessToken });
    expect(pdf.status).toBe(200);
    const text = pdfTools(pdf.body as Buffer).text.replace(/\s+/g, '');
    expect(text).toContain(`Escuela${MARK}`);
    expect(text).toContain('<script>');

    const page = await t.http('GET', `/V/${compactPayload(card.qrPayload!)}`, { headers: { Accept: 'text/html' } });
    const html = (page.body as Buffer).toString('utf8');
    expect(html).toContain('Escuela &lt;sej-xss&gt;');
    expect(html).not.toContain(MARK);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const json = await t.http('GET', `/V/${compactPayload(card.qrPayload!)}`, { headers: { Accept: 'application/json' } });
    expect(json.body.school.name).toBe(`Escuela ${MARK}`);
  });
});
