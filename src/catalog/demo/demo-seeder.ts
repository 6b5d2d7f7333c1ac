import { EntityManager } from '@mikro-orm/postgresql';
import { BlobStore } from '../../storage/blob-store';
import { Drse, School, SchoolCycle, Student } from '../entities';
import { generateDemoCatalog, DemoOptions } from './demo-catalog';
import { placeholderPhoto } from './placeholder-photo';

export interface SeedResult {
  seeded: boolean;
  schools: number;
  students: number;
}

/** Cycles of the demo: the previous one and the current one (Aug–Jul). */
export const DEMO_CYCLES = [
  { code: '2025-2026', startsOn: '2025-08-25', endsOn: '2026-07-15', current: false },
  { code: '2026-2027', startsOn: '2026-08-24', endsOn: '2027-07-14', current: true },
];

/**
 * Loads the deterministic demo catalogue into an empty database. Does nothing if schools already
 * exist, so `up` can run it every time.
 */
export async function seedDemoCatalog(em: EntityManager, blobs: BlobStore, options: DemoOptions = {}): Promise<SeedResult> {
  const existing = await em.count(School);
  if (existing > 0) return { seeded: false, schools: existing, students: await em.count(Student) };

  const photoHashes: string[] = [];
  for (let v = 0; v < 6; v++) photoHashes.push(await blobs.put(placeholderPhoto(v)));

  const drses = await em.find(Drse, {}, { orderBy: { code: 'asc' } });
  const byCode = new Map(drses.map((d) => [d.code, d]));
  const catalog = generateDemoCatalog(
    drses.map((d) => d.code),
    options,
  );

  await em.transactional(async (tx) => {
    for (const c of DEMO_CYCLES) {
      if (!(await tx.findOne(SchoolCycle, { code: c.code }))) {
        const cycle = new SchoolCycle(c.code, c.startsOn, c.endsOn);
        cycle.isCurrent = c.current;
        tx.persist(cycle);
      }
    }
    const schools = catalog.schools.map((s) => {
      const school = new School({ ...s, drse: byCode.get(s.drseCode)! });
      tx.persist(school);
      return school;
    });
    await tx.flush();
    const declinedAt = new Date('2026-09-01T12:00:00Z');
    for (const s of catalog.students) {
      const student = new Student({
        curp: s.curp,
        nombres: s.nombres,
        primerApellido: s.primerApellido,
        segundoApellido: s.segundoApellido,
        school: schools[s.schoolIndex],
        primerIngreso: s.primerIngreso,
        photoHash: s.hasPhoto ? photoHashes[s.photoVariant] : undefined,
      });
      if (s.declined) student.decline(declinedAt, 'La familia no desea la credencial (dato de ejemplo).');
      tx.persist(student);
    }
  });
  return { seeded: true, schools: catalog.schools.length, students: catalog.students.length };
}
