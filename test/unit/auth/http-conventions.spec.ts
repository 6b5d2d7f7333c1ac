import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { NotFoundException } from '@nestjs/common';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../../src/common/domain-error';
import { stableStringify } from '../../../src/http/idempotency.interceptor';
import { InvalidInputError } from '../../../src/http/problem';
import { toProblem } from '../../../src/http/problem.filter';
import { flattenValidationErrors, translateConstraint } from '../../../src/http/validation';
import { IsCurp } from '../../../src/http/validators';

class Alumno {
  @IsCurp() curp!: string;
  @IsString() nombres!: string;
}
class Oficio {
  @IsInt() folio!: number;
  @ValidateNested({ each: true }) @Type(() => Alumno) alumnos!: Alumno[];
}

describe(toProblem.name, () => {
  const req = { method: 'POST', path: '/x', originalUrl: '/x?y=1' };

  it('maps a DomainError to its status with the field', () => {
    expect(toProblem(new DomainError('La CURP es obligatoria.', 'curp'), req)).toEqual({
      type: 'urn:credencializacion-sej:problema:regla-de-negocio',
      title: 'Datos no válidos',
      status: 422,
      detail: 'La CURP es obligatoria.',
      code: 'REGLA_DE_NEGOCIO',
      instance: '/x',
      errors: [{ field: 'curp', message: 'La CURP es obligatoria.' }],
    });
  });

  it('keeps every field of an InvalidInputError', () => {
    const p = toProblem(new InvalidInputError('Dos errores.', [{ field: 'a', message: 'm1', line: 2 }, { field: 'b', message: 'm2' }]), req);
    expect(p.errors).toHaveLength(2);
    expect(p.status).toBe(422);
  });

  it('turns a unique violation into 409 with the known field', () => {
    const err = Object.assign(new UniqueConstraintViolationException(new Error('duplicate key')), { constraint: 'student_curp_unique' });
    expect(toProblem(err, req)).toMatchObject({ status: 409, errors: [{ field: 'curp', message: 'Ya existe un alumno registrado con esa CURP.' }] });
  });

  it('hides the internals of an unexpected error behind a Spanish 500', () => {
    const p = toProblem(new TypeError('Cannot read properties of undefined (reading "secret_column")'), req);
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toContain('secret_column');
    expect(p.detail).toBe('Ocurrió un error interno; quedó registrado para su revisión.');
  });

  it('translates Nest route 404s', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nada'), { method: 'GET', path: '/nada', originalUrl: '/nada' }).detail).toBe('No existe la ruta GET /nada.');
  });
});

describe(flattenValidationErrors.name, () => {
  it('names nested fields with their path and translates messages to Spanish', async () => {
    const dto = plainToInstance(Oficio, { folio: 'x', alumnos: [{ curp: 'HEGG560427MVZRRL04', nombres: 'A' }, { curp: 'MAL', nombres: 3 }] });
    const problems = flattenValidationErrors(await validate(dto));
    expect(problems).toEqual([
      { field: 'folio', message: 'El campo «folio» debe ser un número entero.' },
      { field: 'alumnos[1].curp', message: 'La CURP debe tener 18 caracteres; "MAL" tiene 3.' },
      { field: 'alumnos[1].nombres', message: 'El campo «alumnos[1].nombres» debe ser texto.' },
    ]);
  });

  it('keeps a message the DTO author wrote in Spanish and translates numeric limits', () => {
    expect(translateConstraint('isString', 'x', 'Escriba el nombre.')).toBe('Escriba el nombre.');
    expect(translateConstraint('max', 'pageSize', 'pageSize must not be greater than 200')).toBe('El campo «pageSize» debe ser a lo más 200.');
    expect(translateConstraint('isIn', 'turno', 'turno must be one of the following values: MATUTINO, VESPERTINO')).toBe(
      'El campo «turno» debe ser uno de: MATUTINO, VESPERTINO.',
    );
  });
});

describe(stableStringify.name, () => {
  it('is independent of key order and drops undefined', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(stableStringify({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(stableStringify({ a: 1 })).not.toBe(stableStringify({ a: 2 }));
  });
});
