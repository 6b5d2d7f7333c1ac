import * as fc from 'fast-check';
import { refusal } from '../../support/refusal';
import { cycleFromShort, cycleShort, formatFolio, luhnDigit, parseFolio } from '../../../src/production/folio';


describe(formatFolio.name, () => {
  it('writes cycle, number and a Luhn check digit', () => {
    expect(cycleShort('2026-2027')).toBe('2627');
    expect(formatFolio('2026-2027', 123)).toMatch(/^2627-0000123-\d$/);
    expect(formatFolio('2026-2027', 123456789)).toMatch(/^2627-123456789-\d$/);
  });

  it('round-trips through parseFolio and catches any single mistyped digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const folio = formatFolio('2026-2027', n);
        expect(parseFolio(folio)).toEqual({ cycleCode: '2026-2027', number: n, folio });
        const digits = folio.replace(/-/g, '');
        const i = pos % digits.length;
        const typo = digits.slice(0, i) + ((Number(digits[i]) + delta) % 10) + digits.slice(i + 1);
        expect(() => parseFolio(typo)).toThrow();
      }),
    );
  });

  it('refuses malformed folios with a Spanish message naming the field', () => {
    expect(() => parseFolio('abc')).toThrow(expect.objectContaining({ field: 'folio', message: expect.stringContaining('folio') }));
    expect(() => formatFolio('2026-2027', 0)).toThrow();
  });

  it('refuses a non-positive or unsafe number with a Spanish message', () => {
    for (const n of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1]) {
      const err = refusal(() => formatFolio('2026-2027', n));
      expect(err).toMatchObject({ field: 'folio', message: 'El número de folio debe ser un entero positivo.' });
    }
  });
});

describe(luhnDigit.name, () => {
  it('gives the Luhn check digit of the textbook example (7992739871 → 3)', () => {
    expect(luhnDigit('7992739871')).toBe(3);
  });

  it('doubles the rightmost digit and every second one, casting out nine above 9', () => {
    // A lone digit is in a doubled position: 0→0, 1→2, …, 4→8, 5→1, …, 9→9; the check digit completes to 10.
    expect([...'0123456789'].map((d) => luhnDigit(d))).toEqual([0, 8, 6, 4, 2, 9, 7, 5, 3, 1]);
    // The second digit from the right is added as is: 1 + 0 → 9; 4 + 2·5−9 → 5.
    expect(luhnDigit('10')).toBe(9);
    expect(luhnDigit('45')).toBe(5);
    expect(luhnDigit('')).toBe(0);
  });

  it('completes every valid folio to a multiple of 10', () => {
    expect(formatFolio('2026-2027', 123)).toBe('2627-0000123-9');
    expect(formatFolio('2025-2026', 9_999_999)).toBe('2526-9999999-8');
  });
});

describe(cycleFromShort.name, () => {
  it('reads the two-digit years of the 2000s', () => {
    expect(cycleFromShort('2627')).toBe('2026-2027');
    expect(cycleFromShort('0001')).toBe('2000-2001');
  });

  it.each(['262', '26270', 'x2627', '2627x', '2628', '2626', '2726', '9900'])('refuses %s', (short) => {
    expect(refusal(() => cycleFromShort(short))).toMatchObject({ field: 'folio', message: 'El ciclo del folio no es válido.' });
  });
});

describe(parseFolio.name, () => {
  it('accepts the printed form with dashes or spaces and returns the canonical folio', () => {
    expect(parseFolio(' 2627 0000123 9 ')).toEqual({ cycleCode: '2026-2027', number: 123, folio: '2627-0000123-9' });
    expect(parseFolio('262700001239')).toEqual({ cycleCode: '2026-2027', number: 123, folio: '2627-0000123-9' });
  });

  it('gives a valid folio as the example in its own message', () => {
    const message = refusal(() => parseFolio('abc')).message;
    const example = /ej\. ([\d-]+)\)/.exec(message)![1];
    expect(parseFolio(example).folio).toBe(example);
  });

  it.each([
    ['A2627-0000123-9', 'a leading letter'],
    ['2627-0000123-9B', 'a trailing letter'],
    ['2627-000123-9', 'six-digit number'],
    ['2627-1234567890123456-0', 'sixteen-digit number'],
  ])('refuses %s (%s) as malformed', (raw) => {
    expect(refusal(() => parseFolio(raw, 'codigo'))).toMatchObject({ field: 'codigo', message: expect.stringContaining('CCCC-NNNNNNN-D') });
  });

  it.each([undefined, null, 262700001239, { folio: '2627-0000123-9' }])('refuses a non-string (%p) with a DomainError', (raw) => {
    expect(refusal(() => parseFolio(raw))).toMatchObject({ field: 'folio', message: expect.stringContaining('CCCC-NNNNNNN-D') });
  });

  it('refuses a wrong check digit, saying so', () => {
    expect(refusal(() => parseFolio('2627-0000123-7'))).toMatchObject({
      field: 'folio',
      message: 'El dígito verificador del folio no coincide: revise el folio.',
    });
  });

  it('refuses number zero even with a matching check digit', () => {
    const zero = `2627-0000000-${luhnDigit('26270000000')}`;
    expect(refusal(() => parseFolio(zero, 'f'))).toMatchObject({ field: 'f', message: 'El número de folio no es válido.' });
  });

  it('refuses a folio of a cycle that is not two consecutive years', () => {
    const bad = `2628-0000123-${luhnDigit('26280000123')}`;
    expect(refusal(() => parseFolio(bad))).toMatchObject({ message: 'El ciclo del folio no es válido.' });
  });
});
