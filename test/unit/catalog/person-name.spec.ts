import { School, Student } from '../../../src/catalog/entities';
import { curpCheckDigit } from '../../../src/catalog/identifiers';
import { nameSearchKey, normalizePersonName } from '../../../src/catalog/person-name';

const CURP = `GOMA100101HJCMRNA${curpCheckDigit('GOMA100101HJCMRNA')}`;

describe(normalizePersonName.name, () => {
  it('stores names in NFC, trimmed, with single spaces', () => {
    const decomposed = 'Jose\u0301 Mari\u0301a';
    const stored = normalizePersonName(`  ${decomposed}\t `, 'nombres', true)!;
    expect(stored).toBe('José María');
    expect(stored).toBe(stored.normalize('NFC'));
    expect([...stored]).toHaveLength(10);
    expect(normalizePersonName('PEN\u0303A   NU\u0301N\u0303EZ', 'primerApellido', true)).toBe('PEÑA NÚÑEZ');
  });

  it('accepts the names people have: Spanish and other Latin letters, spaces, apostrophes, hyphens, dots', () => {
    for (const name of ["O'Brien", 'D’Angelo', 'Sánchez-Villaseñor', 'Ma. de la Luz', 'Zoë Çelik', 'Łukasz Ørsted', 'Nguyễn', 'Müller', 'Ñuñez', 'Ángeles', 'Ü']) {
      expect(normalizePersonName(name, 'nombres', true)).toBe(name.normalize('NFC'));
    }
    // A letter with a mark that has no precomposed form keeps its combining mark.
    expect(normalizePersonName('Ma\u0331ria', 'nombres', true)).toBe('Ma\u0331ria');
  });

  it('refuses markup, digits, symbols, other scripts and control characters in Spanish, naming the field', () => {
    const cases: Array<[string, string]> = [
      ['<img src=x onerror=alert(1)>', '«<»'],
      ['Ana <b>', '«<»'],
      ['Ana & Luis', '«&»'],
      ['Juan2', '«2»'],
      ['María😀', '«😀»'],
      ['Иван', '«И»'],
      ['李', '«李»'],
      ['Ana\u200bLuisa', 'el carácter U+200B'],
      ['Ana\u0007', 'el carácter U+0007'],
      ["'Ana", "«'»"],
      ['-Ana', '«-»'],
      ['\u0301Ana', 'el carácter U+0301'],
      ['Ana \u0301', 'el carácter U+0301'],
      ['Ana_Luisa', '«_»'],
      ['Ana;', '«;»'],
    ];
    for (const [name, what] of cases) {
      expect(() => normalizePersonName(name, 'segundoApellido', true)).toThrow(
        expect.objectContaining({
          field: 'segundoApellido',
          message: `«Segundo apellido» solo admite letras, espacios, apóstrofos, guiones y puntos, y empieza con una letra; ${what} no es parte de un nombre.`,
        }),
      );
    }
  });

  it('requires the required fields, leaves the optional one empty, and counts characters, not UTF-16 units', () => {
    expect(() => normalizePersonName('   ', 'nombres', true)).toThrow(expect.objectContaining({ field: 'nombres', message: '«Nombre(s)» es obligatorio.' }));
    expect(() => normalizePersonName(undefined, 'primerApellido', true)).toThrow(expect.objectContaining({ field: 'primerApellido', message: '«Primer apellido» es obligatorio.' }));
    expect(normalizePersonName('', 'segundoApellido', false)).toBeUndefined();
    expect(normalizePersonName(42, 'segundoApellido', false)).toBeUndefined();
    expect(normalizePersonName('É'.repeat(80), 'nombres', true)).toHaveLength(80);
    expect(normalizePersonName('E\u0301'.repeat(80), 'nombres', true)).toHaveLength(80);
    expect(() => normalizePersonName('a'.repeat(81), 'nombres', true)).toThrow(expect.objectContaining({ message: '«Nombre(s)» admite a lo más 80 caracteres.' }));
  });

  it('is what a Student is built with', () => {
    const s = new Student({ curp: CURP, nombres: 'Jose\u0301', primerApellido: 'Me\u0301ndez', school: {} as School, primerIngreso: true });
    expect([s.nombres, s.primerApellido, s.segundoApellido]).toEqual(['José', 'Méndez', undefined]);
    expect(() => new Student({ curp: CURP, nombres: 'Ana', primerApellido: '<script>', school: {} as School, primerIngreso: true })).toThrow(
      expect.objectContaining({ field: 'primerApellido' }),
    );
  });
});

describe(nameSearchKey.name, () => {
  it('ignores case, accents and composition', () => {
    for (const typed of ['MÉNDEZ', 'Méndez', 'mendez', 'ME\u0301NDEZ', '  Me\u0301ndez ']) expect(nameSearchKey(typed)).toBe('mendez');
    expect(nameSearchKey('PEÑA  Núñez')).toBe('pena nunez');
    expect(nameSearchKey('Ångström')).toBe('angstrom');
  });
});
