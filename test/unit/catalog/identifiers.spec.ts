import { DomainError } from '../../../src/common/domain-error';
import { curpCheckDigit, normalizeCct, normalizeCurp, parseCycleCode } from '../../../src/catalog/identifiers';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a DomainError');
}

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
});

describe('school cycle code', () => {
  it('accepts consecutive years', () => expect(parseCycleCode('2026-2027')).toBe('2026-2027'));
  it.each(['2026-2028', '2026/2027', '26-27'])('refuses %s', (code) => {
    expect(refusal(() => parseCycleCode(code)).field).toBe('ciclo');
  });
});
