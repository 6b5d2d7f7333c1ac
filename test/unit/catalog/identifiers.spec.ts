import { refusal } from '../../support/refusal';
import { curpCheckDigit, isValidCurp, normalizeCct, normalizeCurp, parseCycleCode, parseNivel, parseTurno } from '../../../src/catalog/identifiers';


describe('CURP', () => {
  // The example CURP of RENAPO's own documentation: its check digit (4) is known independently.
  const OFFICIAL_EXAMPLE = 'HEGG560427MVZRRL04';

  it('computes the check digit of the official example', () => {
    expect(curpCheckDigit(OFFICIAL_EXAMPLE.slice(0, 17))).toBe(4);
  });

  it('accepts a valid CURP', () => {
    expect(normalizeCurp(OFFICIAL_EXAMPLE)).toBe(OFFICIAL_EXAMPLE);
  });

  it('normalises lower case and surrounding spaces', () => {
    expect(normalizeCurp('  hegg560427mvzrrl04 ')).toBe(OFFICIAL_EXAMPLE);
  });

  it.each([
    ['HEGG560427MVZRRL0', 'tiene 17'],
    ['HEGG560427MVZRRL045', 'tiene 19'],
  ])('refuses the wrong length %s', (curp, fragment) => {
    const err = refusal(() => normalizeCurp(curp));
    expect(err.field).toBe('curp');
    expect(err.message).toContain('18 caracteres');
    expect(err.message).toContain(fragment);
  });

  it('refuses a wrong check digit and says which one was expected', () => {
    const err = refusal(() => normalizeCurp('HEGG560427MVZRRL05'));
    expect(err.message).toContain('dígito verificador');
    expect(err.message).toContain('debería ser 4');
  });

  it.each(['HÉGG560427MVZRRL04', 'NUÑE560427MVZRRL04'])('refuses accents and Ñ (%s)', (curp) => {
    const err = refusal(() => normalizeCurp(curp));
    expect(err.message).toContain('sin acentos ni Ñ');
  });

  it.each([
    ['HEGG561327MVZRRL04', 'month 13'],
    ['HEGG560427MZZRRL04', 'unknown state ZZ'],
    ['HEGG560427QVZRRL04', 'sex Q'],
    ['1EGG560427MVZRRL04', 'digit as initial'],
  ])('refuses a malformed CURP %s (%s)', (curp) => {
    expect(refusal(() => normalizeCurp(curp)).message).toContain('formato oficial');
  });

  it('names the field it was given', () => {
    expect(refusal(() => normalizeCurp('', 'alumnos[3].curp')).field).toBe('alumnos[3].curp');
  });

  it.each([undefined, null, 123, '', '   '])('says the CURP is required when given %p', (raw) => {
    expect(refusal(() => normalizeCurp(raw))).toMatchObject({ field: 'curp', message: 'La CURP es obligatoria.' });
  });

  it('computes the check digit from the first 17 characters only, of a whole CURP too', () => {
    expect(curpCheckDigit(OFFICIAL_EXAMPLE)).toBe(4);
    expect(curpCheckDigit('HEGG560427MVZRRL09')).toBe(4);
  });

  it('weighs Ñ between N and O, as RENAPO does', () => {
    // N is 23, Ñ 24 (O 25): as first letter (weight 18) Ñ adds 18 to the sum, so the digit drops by 8 (mod 10).
    const withN = 'NAAA000101HJCAAA0';
    expect(curpCheckDigit('ÑAAA000101HJCAAA0')).toBe((curpCheckDigit(withN) + 10 - 8) % 10);
  });

  it('refuses a character outside the CURP alphabet when computing the check digit', () => {
    expect(refusal(() => curpCheckDigit('HEGG560427MVZRRL*'))).toMatchObject({
      field: 'curp',
      message: 'La CURP contiene un carácter no permitido: "*".',
    });
  });

  it('tells valid from invalid CURPs without throwing', () => {
    expect(isValidCurp(OFFICIAL_EXAMPLE)).toBe(true);
    expect(isValidCurp(' hegg560427mvzrrl04')).toBe(true);
    expect(isValidCurp('HEGG560427MVZRRL05')).toBe(false);
    expect(isValidCurp(undefined)).toBe(false);
  });
});

describe('CCT', () => {
  it('accepts and normalises a Jalisco CCT', () => {
    expect(normalizeCct(' 14epr0123x ')).toBe('14EPR0123X');
  });

  it.each([
    ['14EPR0123', 'tiene 9'],
    ['14EPR0123XX', 'tiene 11'],
  ])('refuses the wrong length %s', (cct, fragment) => {
    const err = refusal(() => normalizeCct(cct));
    expect(err.field).toBe('cct');
    expect(err.message).toContain(fragment);
  });

  it('refuses a CCT of another state', () => {
    expect(refusal(() => normalizeCct('09EPR0123X')).message).toContain('no es de Jalisco');
  });

  it('refuses accents', () => {
    expect(refusal(() => normalizeCct('14ÉPR0123X')).message).toContain('sin acentos');
  });

  it.each(['14EP00123X', '14EPR012XX', '14EPR01234'])('refuses a wrong shape %s', (cct) => {
    expect(refusal(() => normalizeCct(cct)).message).toContain('formato');
  });

  it.each([undefined, null, 14, '', '   '])('says the CCT is required when given %p', (raw) => {
    expect(refusal(() => normalizeCct(raw, 'CCT'))).toMatchObject({ field: 'CCT', message: 'La clave del centro de trabajo (CCT) es obligatoria.' });
  });
});

describe('turno and nivel', () => {
  it('accept any case and surrounding spaces', () => {
    expect(parseTurno(' vespertino ')).toBe('VESPERTINO');
    expect(parseTurno('Matutino')).toBe('MATUTINO');
    expect(parseNivel(' secundaria ')).toBe('SECUNDARIA');
    expect(parseNivel('Primaria')).toBe('PRIMARIA');
  });

  it.each(['NOCHE', '', 1, undefined])('refuse an unknown turno %p, listing the valid ones', (raw) => {
    expect(refusal(() => parseTurno(raw))).toMatchObject({
      field: 'turno',
      message: 'El turno debe ser uno de: MATUTINO, VESPERTINO, NOCTURNO, DISCONTINUO, CONTINUO.',
    });
  });

  it.each(['PREESCOLAR', '', 2, null])('refuse an unknown nivel %p', (raw) => {
    expect(refusal(() => parseNivel(raw))).toMatchObject({ field: 'nivel', message: 'El nivel debe ser PRIMARIA o SECUNDARIA.' });
  });

  it('name the field they were given', () => {
    expect(refusal(() => parseTurno('X', 'TURNO')).field).toBe('TURNO');
    expect(refusal(() => parseNivel('X', 'NIVEL')).field).toBe('NIVEL');
  });
});

describe('school cycle code', () => {
  it('accepts consecutive years', () => expect(parseCycleCode('2026-2027')).toBe('2026-2027'));
  it('trims surrounding spaces', () => expect(parseCycleCode(' 2026-2027 ')).toBe('2026-2027'));
  it.each(['2026-2028', '2026/2027', '26-27', '12026-2027', '2026-20271', 'x2026-2027', '2026-2027x', '2027-2026', '', 2026, undefined])(
    'refuses %p',
    (code) => {
      expect(refusal(() => parseCycleCode(code))).toMatchObject({
        field: 'ciclo',
        message: 'El ciclo escolar debe tener la forma AAAA-AAAA con años consecutivos (ej. 2025-2026).',
      });
    },
  );
  it('names the field it was given', () => expect(refusal(() => parseCycleCode('2026', 'cycleCode')).field).toBe('cycleCode'));
});
