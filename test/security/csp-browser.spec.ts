import { promises as fs } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { startTestApp, TestApp, TestUser } from '../support/app';
import { buildWeb, launchBrowser, WebUser } from '../browser/support/web';

const PAGES = ['#/', '#/solicitudes', '#/alumnos', '#/impresion', '#/inventario', '#/abastecimiento', '#/equipo', '#/acuses', '#/reposiciones', '#/folios'];

/**
 * The web interface under its real Content-Security-Policy in Chromium: every page of the menu of
 * a state-wide user and of a school (with student photos) loads with zero violations reported, and
 * the watcher itself is shown to catch an inline script and an inline style.
 */
describe('Web interface under its Content-Security-Policy', () => {
  let t: TestApp;
  let browser: Browser;
  let webDir: string;
  let admin: TestUser;
  let school: TestUser;

  beforeAll(async () => {
    webDir = await buildWeb();
    t = await startTestApp({ env: { WEB_DIST_DIR: webDir } });
    const s = await t.createSchool({ drse: 'VALLES', matricula: 120 });
    await t.createStudent(s, { primerIngreso: true });
    admin = await t.createUser({ role: 'ADMIN' });
    school = await t.createUser({ role: 'ESCUELA', schoolId: s.id });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fs.rm(webDir, { recursive: true, force: true });
  });

  it('the page is served with the enforced policy (not report-only)', async () => {
    const res = await fetch(`${t.baseUrl}/app/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy-report-only')).toBeNull();
  });

  it('every menu page of a state-wide user and the students page of a school report no violation', async () => {
    const u = await WebUser.open(browser, t.baseUrl);
    await u.login(admin.username, admin.password);
    for (const page of PAGES) await u.goto(page);
    await u.logout();
    await u.login(school.username, school.password);
    await u.goto('#/alumnos');
    await u.page.waitForSelector('main table');
    expect(u.cspViolations).toEqual([]);
    expect(u.errors).toEqual([]);
    await u.close();
  });

  it('the watcher catches inline script and inline style (so zero above means zero)', async () => {
    const u = await WebUser.open(browser, t.baseUrl);
    await u.goto('#/login');
    // The accessibility audit of the browser tests runs under the policy too (no injected <script>).
    expect(await u.axe()).toEqual([]);
    expect(u.cspViolations).toEqual([]);
    await u.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.title = "inyectado"';
      document.body.append(s);
      const d = document.createElement('div');
      d.setAttribute('style', 'color: red');
      document.body.append(d);
    });
    await u.page.waitForFunction(() => true);
    for (let i = 0; i < 50 && u.cspViolations.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await u.page.title()).not.toBe('inyectado');
    expect(u.cspViolations.map((v) => v.split(' ')[0]).sort()).toEqual(['script-src-elem', 'style-src-attr']);
    u.cspViolations.length = 0;
    await u.close();
  });
});
