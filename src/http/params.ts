import { Param, ParseIntPipe } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

/** A numeric path id (`/students/:id`), refused in Spanish when it is not a positive integer. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseIntPipe({
      exceptionFactory: () => new DomainError(`El identificador «${name}» debe ser un número entero.`, name),
    }),
  );
}
