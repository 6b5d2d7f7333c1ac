import { generateSchools, generateStudents, schoolsCsv, studentCsvChunks, SUB_DRSES } from '../../../bench/statewide/dataset';
import { normalizeCct, normalizeCurp } from '../../../src/catalog/identifiers';
import { computePrintRoute } from '../../../src/catalog/print-route';
import { readCsvTable } from '../../../src/catalog/csv-table';
import { SCHOOL_COLUMNS, SCHOOL_REQUIRED_COLUMNS } from '../../../src/catalog/school-import';

describe('statewide data set', () => {
  const opts = { seed: 7, schools: 300, students: 24_000 };

  it('is deterministic: the same options give the same schools and students', () => {
    expect(generateSchools(opts)).toEqual(generateSchools(opts));
    const a = [...generateStudents(generateSchools(opts), opts)].slice(0, 500);
    const b = [...generateStudents(generateSchools(opts), opts)].slice(0, 500);
    expect(a).toEqual(b);
    expect(generateSchools({ ...opts, seed: 8 })).not.toEqual(generateSchools(opts));
  });

  it('has the asked number of schools (unique by CCT + turno, official, of known DRSEs) and of students (valid, unique CURPs)', () => {
    const schools = generateSchools(opts);
    expect(schools).toHaveLength(300);
    expect(new Set(schools.map((s) => `${s.cct} ${s.turno}`)).size).toBe(300);
    expect(schools.reduce((n, s) => n + s.matricula, 0)).toBe(24_000);
    for (const s of schools) {
      expect(normalizeCct(s.cct)).toBe(s.cct);
      expect(s.cct[2]).not.toBe('P');
      expect(s.matricula).toBeGreaterThan(0);
    }
    expect(schools.some((s) => SUB_DRSES.some((d) => d.code === s.drse))).toBe(true);
    const routes = new Set(schools.map((s) => computePrintRoute({ nivel: s.nivel, matricula: s.matricula, hasInternet: s.internet }).route));
    expect(routes).toEqual(new Set(['DRSE', 'ESCUELA']));
    const students = [...generateStudents(schools, opts)];
    expect(students).toHaveLength(24_000);
    expect(new Set(students.map((s) => s.curp)).size).toBe(24_000);
    for (const s of students.slice(0, 2000)) expect(normalizeCurp(s.curp)).toBe(s.curp);
  });

  it('writes CSV files the imports read: schools with every column, students in files of at most N rows', () => {
    const schools = generateSchools(opts);
    const table = readCsvTable(schoolsCsv(schools), SCHOOL_COLUMNS, SCHOOL_REQUIRED_COLUMNS, 20_000, 'escuelas');
    expect(table.rows).toHaveLength(300);
    expect(table.ignoredColumns).toEqual([]);
    const files = [...studentCsvChunks(generateStudents(schools, opts), 10_000)];
    expect(files.map((f) => f.toString('utf8').trim().split('\r\n').length - 1)).toEqual([10_000, 10_000, 4_000]);
  });
});
