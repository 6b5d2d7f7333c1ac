import { seedDemoCatalog } from '../../../src/catalog/demo/demo-seeder';
import { DEMO_PASSWORD, ensureDemoUsers } from '../../../src/cli/demo-users';
import { BlobStore } from '../../../src/storage/blob-store';
import { startTestApp, TestApp } from '../../support/app';
import * as path from 'node:path';

describe(ensureDemoUsers.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoCatalog(t.db.orm.em.fork(), new BlobStore(path.join(t.dataDir, 'uploads')), { schoolsPerDrse: 6, maxStudentsPerSchool: 3 });
  });
  afterAll(async () => t?.close());

  it('creates one user per role, idempotently, and each logs in with the demo password in the right scope', async () => {
    const first = await ensureDemoUsers(t.db.orm.em.fork());
    const second = await ensureDemoUsers(t.db.orm.em.fork());
    expect(first.map((u) => u.created)).toEqual(first.map(() => true));
    expect(second.map((u) => u.created)).toEqual(second.map(() => false));
    expect(new Set(first.map((u) => u.role))).toEqual(
      new Set(['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN']),
    );
    const drseRouted = await t.login('escuela-drse', DEMO_PASSWORD);
    const onSite = await t.login('escuela-sitio', DEMO_PASSWORD);
    const planeacion = await t.login('planeacion', DEMO_PASSWORD);
    expect(drseRouted.actor.drseCode).toBe(planeacion.actor.drseCode);
    expect(onSite.actor.drseCode).toBe(planeacion.actor.drseCode);
    const a = await t.http('GET', `/schools/${drseRouted.actor.schoolId}`, { token: drseRouted.accessToken });
    const b = await t.http('GET', `/schools/${onSite.actor.schoolId}`, { token: onSite.accessToken });
    expect(a.body).toMatchObject({ printRoute: 'DRSE', hasInternet: true });
    expect(b.body).toMatchObject({ printRoute: 'ESCUELA' });
  });
});
