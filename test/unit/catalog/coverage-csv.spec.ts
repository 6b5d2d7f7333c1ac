import { csvField, drseCsv } from '../../../src/catalog/coverage-csv';
import type { CoverageMetrics, DrseCoverage } from '../../../src/catalog/coverage.service';

const metrics = (over: Partial<CoverageMetrics> = {}): CoverageMetrics => ({
  schools: 1,
  students: 10,
  withPhoto: 9,
  declined: 1,
  cardsInForce: 4,
  cardsIssuedThisCycle: 2,
  hologramsDelivered: 3,
  pending: { students: 6, newCards: 5, holograms: 6, withoutPhoto: 1 },
  requests: { byStatus: [], open: 1, overdue: 0 },
  material: null,
  ...over,
});

describe('coverage CSV', () => {
  it('quotes separators and quotes, and neutralises what a spreadsheet would run as a formula', () => {
    expect(csvField('Escuela "Niños Héroes", turno 2')).toBe('"Escuela ""Niños Héroes"", turno 2"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+52 33')).toBe("'+52 33");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe("'-3");
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('writes a row per school and the total, with material columns empty for a school its DRSE prints for', () => {
    const report: DrseCoverage = {
      cycleCode: '2026-2027',
      generatedAt: '2026-12-05T00:00:00.000Z',
      countsAsOf: '2026-12-05T00:00:00.000Z',
      drse: { code: 'VALLES', name: 'DRSE Valles', parentCode: null },
      totals: metrics({ material: [{ item: 'MICA', available: 3, needed: 5, missing: 2 }] }),
      schools: [{ id: 1, cct: '14EPR0001A', turno: 'MATUTINO', nivel: 'PRIMARIA', name: '=Escuela', drseCode: 'VALLES', printRoute: 'DRSE', ...metrics() }],
    };
    const lines = drseCsv(report).toString('utf8').split('\r\n');
    expect(lines[0].startsWith('\uFEFFciclo,drse,cct,turno,nivel,escuela,imprime,escuelas,alumnos,')).toBe(true);
    expect(lines[1]).toBe("2026-2027,VALLES,14EPR0001A,MATUTINO,PRIMARIA,'=Escuela,la DRSE,1,10,9,1,4,2,3,6,5,6,1,1,0,,,,,,,,,,,,");
    expect(lines[2]).toBe('2026-2027,VALLES,TOTAL,,,DRSE Valles,,1,10,9,1,4,2,3,6,5,6,1,1,0,3,5,2,,,,,,,,,');
  });
});
