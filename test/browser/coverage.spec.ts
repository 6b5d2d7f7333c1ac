import { School } from '../../src/catalog/entities';
import type { TestUser } from '../support/app';
import { DESKTOP, startWebSystem, WebSystem } from './support/suite';
import type { WebUser } from './support/web';

/**
 * The coverage page (#/cobertura) in a real Chromium: central roles see the state with a bar per
 * DRSE and go down to a DRSE and a school; a school sees its own; the CSV downloads; no internal
 * codes on screen; axe-core finds nothing moderate or worse; at 390 px nothing scrolls sideways.
 */
describe('Web interface: coverage of the cycle', () => {
  let sys: WebSystem;
  let school: School;
  const users: Record<string, TestUser> = {};

  beforeAll(async () => {
    sys = await startWebSystem();
    const t = sys.t;
    await t.db.orm.em
      .fork()
      .execute(`insert into school_cycle (code, starts_on, ends_on, is_current) values ('2026-2027', '2026-08-24', '2027-07-09', true) on conflict do nothing`);
    school = await t.createSchool({ drse: 'VALLES', matricula: 120 });
    const onSite = await t.createSchool({ drse: 'VALLES', matricula: 600, cct: '14EPR0700S' });
    const north = await t.createSchool({ drse: 'NORTE', matricula: 80 });
    for (let i = 0; i < 3; i++) await t.createStudent(school);
    await t.createStudent(school, { withPhoto: false });
    await t.createStudent(school, { declined: true });
    for (let i = 0; i < 4; i++) await t.createStudent(onSite);
    await t.createStudent(north);
    users.central = await t.createUser({ role: 'CONTROL_ESCOLAR_CENTRAL', username: 'central-cobertura' });
    users.escuela = await t.createUser({ role: 'ESCUELA', schoolId: school.id, username: 'escuela-cobertura' });
  });

  afterAll(() => sys?.close());

  const as = (key: string): Promise<WebUser> => sys.as(users[key], DESKTOP);

  const noCodes = (text: string) => expect(text).not.toMatch(/HOLOGRAMA:|PROCEDURE_|ESCUELA\b|TESLIN|VALLES\b|NORTE\b|undefined|null|NaN/);

  it('central: the state by DRSE, then a DRSE by school, then a school; CSV; accessible; fits a phone', async () => {
    const u = await as('central');
    await u.link('Cobertura');
    expect(await u.h1()).toBe('Cobertura en el estado');
    await u.waitText('Avance por DRSE');
    const text = await u.text();
    expect(text).toContain('Ciclo escolar 2026-2027');
    expect(text).toMatch(/Alumnos\s+10/);
    expect(text).toContain('DRSE Valles');
    noCodes(text);
    // The bar's figures are its accessible name.
    const bars = await u.page.$$eval('.coverage-bar[role="img"]', (els) => els.map((e) => e.getAttribute('aria-label')));
    expect(bars).toContain('0 atendidos, 8 pendientes, 1 declinaron, de 9 alumnos');
    expect(await u.axe()).toEqual([]);

    const csv = await u.clickFor('Descargar CSV', /\/reports\/coverage\/csv$/, 'GET');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);

    await u.page.setViewport({ width: 390, height: 800 });
    await u.goto('#/cobertura');
    await u.waitText('Avance por DRSE');
    expect(await u.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await u.page.setViewport({ width: 1024, height: 700 });
    // On a laptop the DRSE table fits without scrolling sideways (an SVG's intrinsic width once widened it).
    expect(await u.page.evaluate(() => Array.from(document.querySelectorAll('.table-wrap')).map((w) => w.scrollWidth - w.clientWidth))).toEqual([0, 0, 0]);

    await u.link('DRSE Valles');
    expect(await u.h1()).toBe('Cobertura de la DRSE Valles');
    await u.waitText('Avance por escuela');
    noCodes(await u.text());
    expect(await u.text()).toContain('La DRSE');
    expect(await u.axe()).toEqual([]);
    await u.link(school.name);
    expect(await u.h1()).toBe(`Cobertura de ${school.name}`);
    await u.waitText('1 alumno pendiente no tiene fotografía');
    expect(await u.text()).toContain('Esta escuela no guarda material');
    await u.close();
  });

  it('a school sees only its own coverage', async () => {
    const u = await as('escuela');
    await u.link('Cobertura');
    expect(await u.h1()).toBe(`Cobertura de ${school.name}`);
    const text = await u.text();
    expect(text).toMatch(/Pendientes\s+4/);
    expect(text).not.toContain('Volver a la DRSE');
    noCodes(text);
    expect(await u.axe()).toEqual([]);
    await u.page.setViewport({ width: 390, height: 800 });
    await u.goto('#/cobertura');
    expect(await u.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await u.close();
  });
});
