import { computePrintRoute } from '../../../src/catalog/print-route';

describe('R1 computePrintRoute', () => {
  it.each([
    ['PRIMARIA', 474, 'DRSE'],
    ['PRIMARIA', 475, 'ESCUELA'],
    ['PRIMARIA', 0, 'DRSE'],
    ['SECUNDARIA', 221, 'DRSE'],
    ['SECUNDARIA', 222, 'ESCUELA'],
    ['SECUNDARIA', 1500, 'ESCUELA'],
  ] as const)('%s with matrícula %i and internet prints at %s', (nivel, matricula, route) => {
    expect(computePrintRoute({ nivel, matricula, hasInternet: true }).route).toBe(route);
  });

  it.each([
    ['PRIMARIA', 3000],
    ['SECUNDARIA', 3000],
    ['PRIMARIA', 10],
  ] as const)('%s of %i students without internet prints at the DRSE', (nivel, matricula) => {
    const decision = computePrintRoute({ nivel, matricula, hasInternet: false });
    expect(decision.route).toBe('DRSE');
    expect(decision.reason).toContain('internet');
  });

  it('explains the decision with the figures', () => {
    expect(computePrintRoute({ nivel: 'SECUNDARIA', matricula: 221, hasInternet: true }).reason).toBe(
      'Imprime la DRSE: secundaria con matrícula 221, inferior a 222 (R1).',
    );
    expect(computePrintRoute({ nivel: 'PRIMARIA', matricula: 475, hasInternet: true }).reason).toBe(
      'Imprime la escuela: primaria con matrícula 475 (475 o más) y acceso a SCEJAL (R1).',
    );
    expect(computePrintRoute({ nivel: 'PRIMARIA', matricula: 12, hasInternet: true }).reason).toBe(
      'Imprime la DRSE: primaria con matrícula 12, inferior a 475 (R1).',
    );
    expect(computePrintRoute({ nivel: 'SECUNDARIA', matricula: 222, hasInternet: true }).reason).toBe(
      'Imprime la escuela: secundaria con matrícula 222 (222 o más) y acceso a SCEJAL (R1).',
    );
  });
});
