import { quantitiesToLines } from '../../../src/procedures/adapters/material-units';
import { materialCeilingForMatricula } from '../../../src/inventory';
import { onSiteRemedy } from '../../../src/procedures/adapters/inventory-consumption.recorder';

describe('Procedure 2 ink (issue 11 item 6)', () => {
  it('the matrícula caps the ink sets at what prints its sheets', () => {
    expect(materialCeilingForMatricula(600)).toEqual({ teslinSheets: 75, micas: 600, holograms: 600, inkSets: 2 });
    expect(materialCeilingForMatricula(400)).toEqual({ teslinSheets: 50, micas: 400, holograms: 400, inkSets: 1 });
    expect(materialCeilingForMatricula(401)).toMatchObject({ teslinSheets: 51, inkSets: 2 });
    expect(materialCeilingForMatricula(600, { planillasPerInkSet: 25 })).toMatchObject({ inkSets: 3 });
    expect(materialCeilingForMatricula(0)).toEqual({ teslinSheets: 0, micas: 0, holograms: 0, inkSets: 0 });
  });

  it('ink sets become the planillas the inventory counts; no ink, no line', () => {
    expect(quantitiesToLines({ teslinSheets: 2, micas: 16, holograms: 16, inkSets: 2 }, '2026-2027', 50)).toEqual([
      { item: 'HOLOGRAMA:2026-2027', quantity: 16 },
      { item: 'MICA', quantity: 16 },
      { item: 'TESLIN', quantity: 16 },
      { item: 'TINTA', quantity: 100 },
    ]);
    expect(quantitiesToLines({ teslinSheets: 1, micas: 0, holograms: 0 }, '2026-2027', 50)).toEqual([{ item: 'TESLIN', quantity: 8 }]);
  });

  it('a school short of ink is told, in Spanish, to ask for it with Procedure 2', () => {
    expect(onSiteRemedy(true)).toMatch(/^Para conseguir tinta, presente a su DRSE un oficio del Procedimiento 2 .*juegos de tinta\.$/);
    expect(onSiteRemedy(false)).toContain('Procedimiento 2');
    expect(onSiteRemedy(false)).not.toMatch(/tinta|[A-Z]{3,}_/);
  });
});
