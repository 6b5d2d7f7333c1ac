import { computePrintRoute } from '../../../src/catalog/print-route';
import { isValidCurp } from '../../../src/catalog/identifiers';
import { generateDemoCatalog } from '../../../src/catalog/demo/demo-catalog';

const DRSES = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6', 'G7', 'H8', 'I9', 'J10', 'K11', 'L12', 'M13', 'N14'];

describe('generateDemoCatalog', () => {
  const catalog = generateDemoCatalog(DRSES, { maxStudentsPerSchool: 40 });

  it('is deterministic for a seed and different for another', () => {
    const again = generateDemoCatalog(DRSES, { maxStudentsPerSchool: 40 });
    expect(again).toEqual(catalog);
    const other = generateDemoCatalog(DRSES, { maxStudentsPerSchool: 40, seed: 7 });
    expect(other.students.map((s) => s.curp)).not.toEqual(catalog.students.map((s) => s.curp));
  });

  it('puts schools in every DRSE, on both sides of both R1 thresholds, some without internet', () => {
    expect(new Set(catalog.schools.map((s) => s.drseCode))).toEqual(new Set(DRSES));
    const routes = catalog.schools.map((s) => ({ ...s, route: computePrintRoute(s).route }));
    for (const nivel of ['PRIMARIA', 'SECUNDARIA'] as const) {
      const withInternet = routes.filter((s) => s.nivel === nivel && s.hasInternet);
      expect(withInternet.some((s) => s.route === 'DRSE')).toBe(true);
      expect(withInternet.some((s) => s.route === 'ESCUELA')).toBe(true);
    }
    expect(catalog.schools.some((s) => s.nivel === 'PRIMARIA' && s.matricula === 475)).toBe(true);
    expect(catalog.schools.some((s) => s.nivel === 'SECUNDARIA' && s.matricula === 221)).toBe(true);
    expect(catalog.schools.filter((s) => !s.hasInternet).length).toBeGreaterThan(0);
  });

  it('creates unique, valid CURPs and unique CCT + turno', () => {
    const curps = catalog.students.map((s) => s.curp);
    expect(new Set(curps).size).toBe(curps.length);
    expect(curps.every(isValidCurp)).toBe(true);
    const keys = catalog.schools.map((s) => `${s.cct}-${s.turno}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('includes students without photo, declined ones, and first-entry ones', () => {
    expect(catalog.students.some((s) => !s.hasPhoto)).toBe(true);
    expect(catalog.students.some((s) => s.primerIngreso)).toBe(true);
    expect(catalog.students.some((s) => !s.primerIngreso)).toBe(true);
  });
});
