import * as fc from 'fast-check';
import { cycleShort, formatFolio, parseFolio } from '../../../src/production/folio';

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
});
