import { SupportContactsController } from '../../../src/support/support-contacts.controller';
import { startTestApp, TestApp } from '../../support/app';

/** R10: where a user asks for help — office contacts per DRSE and central, managed by ADMIN, no personal names. */
describe(SupportContactsController.name, () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const valles = [
    { area: 'Tecnologías de la DRSE', telefono: '33 3030 7500', extension: '55123', correo: 'tecnologias.valles@jalisco.gob.mx' },
    { area: 'Control Escolar de la DRSE', telefono: '33-3030-7501', correo: 'controlescolar.valles@jalisco.gob.mx' },
  ];
  const central = [{ area: 'DGTI (Dirección General de Tecnologías de la Información)', telefono: '3330307000', extension: '1', correo: 'mesadeayuda@jalisco.gob.mx' }];

  beforeAll(async () => {
    t = await startTestApp();
    const school = await t.createSchool({ drse: 'VALLES' });
    token.escuela = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    token.tecNorte = (await t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'NORTE' })).accessToken;
    token.control = (await t.loginAs({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES' })).accessToken;
    token.admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;
    token.central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
  });
  afterAll(async () => t?.close());

  it('ADMIN sets each office\'s contacts; every user sees those of their DRSE and the central offices', async () => {
    expect((await t.http('PUT', '/support/contacts/VALLES', { token: token.admin, json: { contactos: valles } })).status).toBe(200);
    expect((await t.http('PUT', '/support/contacts/CENTRAL', { token: token.admin, json: { contactos: central } })).status).toBe(200);

    const school = await t.http('GET', '/support/contacts', { token: token.escuela });
    expect(school.status).toBe(200);
    expect(school.body.items).toEqual([
      { drseCode: 'VALLES', nombre: expect.any(String), contactos: valles },
      { drseCode: null, nombre: 'Oficinas centrales', contactos: central },
    ]);
    const other = await t.http('GET', '/support/contacts', { token: token.tecNorte });
    expect(other.body.items).toEqual([{ drseCode: 'NORTE', nombre: expect.any(String), contactos: [] }, { drseCode: null, nombre: 'Oficinas centrales', contactos: central }]);
    const state = await t.http('GET', '/support/contacts', { token: token.central });
    expect((state.body.items as Array<{ drseCode: string | null }>).length).toBeGreaterThan(10);

    // Replacing keeps the order given and drops the rest.
    expect((await t.http('PUT', '/support/contacts/VALLES', { token: token.admin, json: { contactos: [valles[1]] } })).body.contactos).toEqual([valles[1]]);
    expect((await t.http('GET', '/support/contacts', { token: token.control })).body.items[0].contactos).toEqual([valles[1]]);
  });

  it('only institutional mailboxes and phones, only ADMIN, only existing DRSE', async () => {
    const bad = await t.http('PUT', '/support/contacts/VALLES', { token: token.admin, json: { contactos: [{ ...valles[0], correo: 'juan.perez@gmail.com' }] } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('buzón institucional');
    const phone = await t.http('PUT', '/support/contacts/VALLES', { token: token.admin, json: { contactos: [{ ...valles[0], telefono: 'llamar a Juan' }] } });
    expect(phone.status).toBe(422);
    expect((await t.http('PUT', '/support/contacts/VALLES', { token: token.control, json: { contactos: valles } })).status).toBe(403);
    expect((await t.http('PUT', '/support/contacts/NO_EXISTE', { token: token.admin, json: { contactos: valles } })).status).toBe(404);
    expect((await t.http('GET', '/support/contacts')).status).toBe(401);
  });
});
