import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Drse, School, SchoolCycle, Student } from '../../../src/catalog/entities';
import { seedDemoCatalog } from '../../../src/catalog/demo/demo-seeder';
import { BlobStore } from '../../../src/storage/blob-store';
import { createTestDatabase, TestDatabase } from '../../support/db';

const CURP_A = 'HEGG560427MVZRRL04';

describe('catalogue in PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  function school(drse: Drse, cct = '14EPR0001A', turno = 'MATUTINO') {
    return new School({
      cct, turno, nivel: 'PRIMARIA', name: 'Escuela Primaria de Prueba', address: 'Calle 1', phone: '3300000000',
      matricula: 474, hasInternet: true, drse,
    });
  }

  it('holds the 14 DRSE of the catalogue after migrating', async () => {
    const em = db.orm.em.fork();
    const drses = await em.find(Drse, {});
    expect(drses.map((d) => d.code).sort()).toHaveLength(14);
    expect(drses.find((d) => d.code === 'ALTOS_SUR')?.seat).toBe('Tepatitlán');
  });

  it('stores the R1 route on the school and recomputes it when matrícula changes', async () => {
    const em = db.orm.em.fork();
    const s = school(em.getReference(Drse, 'VALLES'), '14EPR0002B');
    await em.persistAndFlush(s);
    const [row] = await em.execute('select print_route, print_route_reason from school where id = ?', [s.id]);
    expect(row.print_route).toBe('DRSE');
    s.update({ matricula: 475 });
    await em.flush();
    const [after] = await em.execute('select print_route from school where id = ?', [s.id]);
    expect(after.print_route).toBe('ESCUELA');
  });

  it('refuses a second school with the same CCT and turno at the database', async () => {
    const em = db.orm.em.fork();
    await em.persistAndFlush(school(em.getReference(Drse, 'SUR'), '14EPR0003C', 'VESPERTINO'));
    const em2 = db.orm.em.fork();
    await expect(em2.persistAndFlush(school(em2.getReference(Drse, 'SUR'), '14EPR0003C', 'VESPERTINO'))).rejects.toBeInstanceOf(
      UniqueConstraintViolationException,
    );
    // Same CCT, other turno: a different school.
    const em3 = db.orm.em.fork();
    await em3.persistAndFlush(school(em3.getReference(Drse, 'SUR'), '14EPR0003C', 'MATUTINO'));
  });

  it('refuses a duplicate CURP at the database', async () => {
    const em = db.orm.em.fork();
    const s = school(em.getReference(Drse, 'NORTE'), '14EPR0004D');
    em.persist(s);
    em.persist(new Student({ curp: CURP_A, nombres: 'Ana', primerApellido: 'Pérez', school: s, primerIngreso: true }));
    await em.flush();
    const em2 = db.orm.em.fork();
    await expect(
      em2.persistAndFlush(new Student({ curp: CURP_A.toLowerCase(), nombres: 'Otra', primerApellido: 'Persona', school: em2.getReference(School, s.id), primerIngreso: false })),
    ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('refuses a CCT of the wrong shape even when written with raw SQL (CHECK constraint)', async () => {
    await expect(
      db.orm.em.fork().execute(
        `insert into school (cct, turno, nivel, name, address, phone, matricula, has_internet, drse_code, print_route, print_route_reason)
         values ('14epr0001a', 'MATUTINO', 'PRIMARIA', 'x', 'x', 'x', 1, true, 'SUR', 'DRSE', 'x')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('allows only one current school cycle', async () => {
    const em = db.orm.em.fork();
    const a = new SchoolCycle('2030-2031', '2030-08-20', '2031-07-10');
    a.isCurrent = true;
    await em.persistAndFlush(a);
    const b = new SchoolCycle('2031-2032', '2031-08-20', '2032-07-10');
    b.isCurrent = true;
    await expect(db.orm.em.fork().persistAndFlush(b)).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('seeds the demo catalogue once, with photos in the blob store', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sej-blobs-'));
    const blobs = new BlobStore(dir);
    const first = await seedDemoCatalog(db.orm.em.fork(), blobs, { schoolsPerDrse: 2, maxStudentsPerSchool: 5 });
    expect(first.seeded).toBe(false); // earlier tests created schools: the seeder refuses to mix
    const fresh = await createTestDatabase();
    try {
      const seeded = await seedDemoCatalog(fresh.orm.em.fork(), blobs, { schoolsPerDrse: 2, maxStudentsPerSchool: 5 });
      expect(seeded).toEqual({ seeded: true, schools: 28, students: 140 });
      const em = fresh.orm.em.fork();
      expect(await em.count(Student)).toBe(140);
      const withPhoto = await em.find(Student, { photoHash: { $ne: null } }, { limit: 1 });
      expect(await blobs.has(withPhoto[0].photoHash!)).toBe(true);
      expect(await em.count(SchoolCycle, { isCurrent: true })).toBe(1);
      const again = await seedDemoCatalog(fresh.orm.em.fork(), blobs, { schoolsPerDrse: 2, maxStudentsPerSchool: 5 });
      expect(again.seeded).toBe(false);
      expect(await fresh.orm.em.fork().count(Student)).toBe(140);
    } finally {
      await fresh.drop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
