import fc from 'fast-check';
import { DomainError } from '../../../src/common/domain-error';
import { parseItemCode, parseLines, describeQuantity, wholeSheets } from '../../../src/inventory/items';
import { computeInitialKit, computeMaterialRequirement, computeShortfall } from '../../../src/inventory/material-requirement';

describe(computeMaterialRequirement.name, () => {
  it('follows SPEC §5: slots in whole planillas, a mica per card, a hologram per student, ink by planillas', () => {
    const sut = computeMaterialRequirement({ newCards: 13, continuingStudents: 4, cycleCode: '2026-2027' });
    expect(sut).toMatchObject({ planillas: 2, teslinSheets: 2, teslinSlots: 16, voidedSlots: 3, micas: 13, holograms: 17, inkPlanillas: 2, inkSets: 0.04 });
    expect(sut.lines).toEqual([
      { item: 'HOLOGRAMA:2026-2027', quantity: 17 },
      { item: 'MICA', quantity: 13 },
      { item: 'TESLIN', quantity: 16 },
      { item: 'TINTA', quantity: 2 },
    ]);
  });

  it('needs only holograms for continuing students', () => {
    expect(computeMaterialRequirement({ newCards: 0, continuingStudents: 30, cycleCode: '2026-2027' }).lines).toEqual([{ item: 'HOLOGRAMA:2026-2027', quantity: 30 }]);
  });

  it('uses the configured planillas per ink set for the display figure', () => {
    expect(computeMaterialRequirement({ newCards: 80, continuingStudents: 0, cycleCode: '2026-2027', config: { planillasPerInkSet: 20 } }).inkSets).toBe(0.5);
  });

  it('refuses negative, fractional or empty requests and malformed cycles in Spanish', () => {
    const bad = (input: Parameters<typeof computeMaterialRequirement>[0]) => () => computeMaterialRequirement(input);
    expect(bad({ newCards: -1, continuingStudents: 0, cycleCode: '2026-2027' })).toThrow(/entero mayor o igual a cero/);
    expect(bad({ newCards: 1.5, continuingStudents: 0, cycleCode: '2026-2027' })).toThrow(DomainError);
    expect(bad({ newCards: 0, continuingStudents: 0, cycleCode: '2026-2027' })).toThrow(/no pide credenciales/);
    expect(bad({ newCards: 1, continuingStudents: 0, cycleCode: '2026-2028' })).toThrow(/años consecutivos/);
  });

  it('names the offending field in Spanish, with a code the API returns', () => {
    const refusal = (input: Record<string, unknown>) => {
      try {
        computeMaterialRequirement({ newCards: 1, continuingStudents: 0, cycleCode: '2026-2027', ...input } as Parameters<typeof computeMaterialRequirement>[0]);
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        const { message, field, code } = err as DomainError;
        return { message, field, code };
      }
      throw new Error('expected a DomainError');
    };
    expect(refusal({ newCards: -1 })).toEqual({
      message: 'El número de credenciales nuevas debe ser un número entero mayor o igual a cero.',
      field: 'newCards',
      code: 'CANTIDAD_INVALIDA',
    });
    expect(refusal({ continuingStudents: 2.5 })).toEqual({
      message: 'El número de alumnos de reingreso debe ser un número entero mayor o igual a cero.',
      field: 'continuingStudents',
      code: 'CANTIDAD_INVALIDA',
    });
    for (const notANumber of ['3', null, undefined, NaN, Infinity]) {
      expect(refusal({ newCards: notANumber })).toMatchObject({ field: 'newCards', code: 'CANTIDAD_INVALIDA' });
    }
    expect(refusal({ newCards: 1_000_001 })).toEqual({ message: 'El número de credenciales nuevas es demasiado grande.', field: 'newCards', code: 'CANTIDAD_INVALIDA' });
    expect(refusal({ continuingStudents: 1_000_001 })).toEqual({
      message: 'El número de alumnos de reingreso es demasiado grande.',
      field: 'continuingStudents',
      code: 'CANTIDAD_INVALIDA',
    });
    expect(refusal({ cycleCode: '2026' })).toMatchObject({ field: 'cycleCode' });
    expect(refusal({ newCards: 0 })).toEqual({ message: 'La solicitud no pide credenciales nuevas ni hologramas.', field: 'newCards', code: 'SOLICITUD_VACIA' });
  });

  it('accepts up to a million of each', () => {
    expect(computeMaterialRequirement({ newCards: 1_000_000, continuingStudents: 1_000_000, cycleCode: '2026-2027' })).toMatchObject({ planillas: 125_000, holograms: 2_000_000 });
  });

  it('is not empty when new cards and continuing students are equal', () => {
    expect(computeMaterialRequirement({ newCards: 5, continuingStudents: 5, cycleCode: '2026-2027' })).toMatchObject({ planillas: 1, holograms: 10, voidedSlots: 3 });
  });

  it('always covers every card with whole sheets and wastes fewer than 8 slots', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (n, m) => {
        fc.pre(n + m > 0);
        const r = computeMaterialRequirement({ newCards: n, continuingStudents: m, cycleCode: '2026-2027' });
        const codes = r.lines.map((l) => l.item);
        expect(codes).toEqual([...codes].sort());
        return r.teslinSlots % 8 === 0 && r.teslinSlots >= n && r.voidedSlots < 8 && r.voidedSlots === r.teslinSlots - n && r.holograms === n + m;
      }),
    );
  });
});

describe(computeInitialKit.name, () => {
  it('adds the margin and rounds Teslin to sheets and ink to whole cartridge sets', () => {
    expect(computeInitialKit({ matricula: 600, cycleCode: '2026-2027', config: { kitMarginPercent: 10, planillasPerInkSet: 50 } })).toEqual({
      cards: 660,
      lines: [
        { item: 'HOLOGRAMA:2026-2027', quantity: 660 },
        { item: 'MICA', quantity: 660 },
        { item: 'TESLIN', quantity: 664 },
        { item: 'TINTA', quantity: 100 },
      ],
    });
  });

  it('refuses a zero, negative or malformed matrícula and a malformed cycle, naming the field', () => {
    const refusal = (input: Parameters<typeof computeInitialKit>[0]) => {
      try {
        computeInitialKit(input);
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        const { message, field, code } = err as DomainError;
        return { message, field, code };
      }
      throw new Error('expected a DomainError');
    };
    expect(refusal({ matricula: 0, cycleCode: '2026-2027' })).toEqual({
      message: 'La matrícula es cero: no hay kit que calcular.',
      field: 'matricula',
      code: 'SOLICITUD_VACIA',
    });
    expect(refusal({ matricula: -3, cycleCode: '2026-2027' })).toEqual({
      message: 'La matrícula debe ser un número entero mayor o igual a cero.',
      field: 'matricula',
      code: 'CANTIDAD_INVALIDA',
    });
    expect(refusal({ matricula: 10, cycleCode: '2026-2028' })).toMatchObject({ field: 'cycleCode' });
  });

  it('gives one card per student without margin, and lists the items in code order', () => {
    expect(computeInitialKit({ matricula: 1, cycleCode: '2025-2026', config: { kitMarginPercent: 0, planillasPerInkSet: 50 } })).toEqual({
      cards: 1,
      lines: [
        { item: 'HOLOGRAMA:2025-2026', quantity: 1 },
        { item: 'MICA', quantity: 1 },
        { item: 'TESLIN', quantity: 8 },
        { item: 'TINTA', quantity: 50 },
      ],
    });
  });
});

describe(computeShortfall.name, () => {
  it('is sufficient when every item is covered', () => {
    expect(computeShortfall([{ item: 'TESLIN', quantity: 8 }, { item: 'MICA', quantity: 3 }], { TESLIN: 8, MICA: 4 })).toEqual({
      sufficient: true,
      lines: [
        { item: 'TESLIN', required: 8, available: 8, missing: 0, suggestedOrder: 0 },
        { item: 'MICA', required: 3, available: 4, missing: 0, suggestedOrder: 0 },
      ],
    });
    expect(computeShortfall([], {}).sufficient).toBe(true);
  });

  it('is insufficient when only one item of several falls short', () => {
    expect(computeShortfall([{ item: 'MICA', quantity: 3 }, { item: 'TESLIN', quantity: 9 }], { TESLIN: 8, MICA: 4 }).sufficient).toBe(false);
  });

  it('reports the missing quantity per item and a whole-pack order', () => {
    const sut = computeShortfall(
      [{ item: 'TESLIN', quantity: 24 }, { item: 'MICA', quantity: 20 }, { item: 'TINTA', quantity: 3 }],
      { TESLIN: 5, MICA: 25 },
      { planillasPerInkSet: 50 },
    );
    expect(sut).toEqual({
      sufficient: false,
      lines: [
        { item: 'TESLIN', required: 24, available: 5, missing: 19, suggestedOrder: 24 },
        { item: 'MICA', required: 20, available: 25, missing: 0, suggestedOrder: 0 },
        { item: 'TINTA', required: 3, available: 0, missing: 3, suggestedOrder: 50 },
      ],
    });
  });
});

describe(parseItemCode.name, () => {
  it('knows the kit items and a hologram per cycle', () => {
    expect(parseItemCode(' mica ')).toEqual({ code: 'MICA', kind: 'MICA' });
    expect(parseItemCode('holograma:2025-2026')).toEqual({ code: 'HOLOGRAMA:2025-2026', kind: 'HOLOGRAMA', cycleCode: '2025-2026' });
    expect(() => parseItemCode('LAPIZ')).toThrow(/no existe/);
    expect(() => parseItemCode('HOLOGRAMA:2025')).toThrow(/ciclo escolar/);
  });

  it('validates lines: positive integers, no repeats, whole packs for physical moves', () => {
    const cfg = { planillasPerInkSet: 50 };
    expect(() => parseLines([], cfg)).toThrow(/al menos un artículo/);
    expect(() => parseLines([{ item: 'MICA', quantity: 1 }, { item: 'mica', quantity: 2 }], cfg)).toThrow(/más de una vez/);
    expect(() => parseLines([{ item: 'TINTA', quantity: 25 }], { ...cfg, wholePacks: true })).toThrow(/juegos completos/);
    expect(parseLines([{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 2 }], { ...cfg, wholePacks: true }).map((l) => l.item.code)).toEqual(['MICA', 'TESLIN']);
  });

  it('describes quantities in stock units and packs', () => {
    expect(describeQuantity(parseItemCode('TESLIN'), 16, 50)).toBe('16 ranuras (2 hojas)');
    expect(describeQuantity(parseItemCode('TINTA'), 75, 50)).toBe('75 planillas (1.50 juegos)');
    expect(describeQuantity(parseItemCode('MICA'), 1, 50)).toBe('1 pieza');
  });
});

describe(wholeSheets.name, () => {
  it('turns slots that fill whole sheets into sheets', () => {
    expect([0, 8, 160].map((s) => wholeSheets(s, 'lines[0].quantity'))).toEqual([0, 1, 20]);
  });

  it('refuses a partial sheet, naming the field, instead of rounding it away', () => {
    for (const slots of [1, 10, 15, -8, 8.5]) {
      expect(() => wholeSheets(slots, 'lines[2].quantity')).toThrow(DomainError);
      try {
        wholeSheets(slots, 'lines[2].quantity');
      } catch (e) {
        expect((e as DomainError).field).toBe('lines[2].quantity');
        expect((e as DomainError).message).not.toContain('lines[');
      }
    }
  });
});
