import { type Actor, assertSchoolWork, schoolWork, WorkSchool } from '../../../src/access';
import { DomainError } from '../../../src/common/domain-error';

const offline: WorkSchool = { id: 7, drseCode: 'VALLES', hasInternet: false };
const online: WorkSchool = { id: 8, drseCode: 'VALLES', hasInternet: true };
const inSub: WorkSchool = { id: 9, drseCode: 'VALLES_SUR', hasInternet: false };

const status = (actor: Actor, school: WorkSchool): number | 'own' | 'onBehalf' => {
  try {
    return assertSchoolWork(actor, school).onBehalfSchoolId === null ? 'own' : 'onBehalf';
  } catch (err) {
    if (err instanceof DomainError) return err.status;
    throw err;
  }
};

describe(assertSchoolWork.name, () => {
  it('a school does its own work, never another school’s', () => {
    const school: Actor = { id: 'u', role: 'ESCUELA', schoolId: 7, drseCode: 'VALLES' };
    expect(status(school, offline)).toBe('own');
    expect(status(school, online)).toBe(404);
  });

  it('DRSE Control Escolar and Planeación act on behalf of their offline schools only; other DRSE roles never', () => {
    for (const role of ['DRSE_CONTROL_ESCOLAR', 'DRSE_PLANEACION'] as const) {
      const drse: Actor = { id: 'u', role, drseCode: 'VALLES', subDrseCodes: ['VALLES_SUR'] };
      expect(status(drse, offline)).toBe('onBehalf');
      expect(assertSchoolWork(drse, offline)).toEqual({ onBehalfSchoolId: 7 });
      expect(status(drse, inSub)).toBe('onBehalf');
      expect(status(drse, online)).toBe(403);
      expect(status({ ...drse, drseCode: 'NORTE', subDrseCodes: [] }, offline)).toBe(404);
    }
    expect(status({ id: 'u', role: 'DRSE_TECNOLOGIAS', drseCode: 'VALLES' }, offline)).toBe(403);
    expect(() => assertSchoolWork({ id: 'u', role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'VALLES' }, online, 'studentId')).toThrow(/lo hace ella misma/);
  });

  it('central roles do any school’s work, not on behalf', () => {
    for (const role of ['CONTROL_ESCOLAR_CENTRAL', 'ADMIN', 'RECURSOS_MATERIALES'] as const) {
      expect(status({ id: 'u', role }, online)).toBe('own');
      expect(status({ id: 'u', role }, offline)).toBe('own');
    }
  });

  it('schoolWork answers null instead of throwing', () => {
    expect(schoolWork({ id: 'u', role: 'DRSE_PLANEACION', drseCode: 'VALLES' }, online)).toBeNull();
    expect(schoolWork({ id: 'u', role: 'DRSE_PLANEACION', drseCode: 'VALLES' }, offline)).toEqual({ onBehalfSchoolId: 7 });
  });
});
