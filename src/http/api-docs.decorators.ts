import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem';

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Solicitud mal formada (JSON o formulario ilegible).',
  401: 'Sin sesión, o token no válido, expirado o de una sesión cerrada.',
  403: 'Su rol no está entre los que atiende esta operación.',
  404: 'No existe, o está fuera de su ámbito (escuela o DRSE).',
  409: 'Choca con el estado actual (duplicado, o el evento no se permite ahora).',
  413: 'El archivo excede el tamaño máximo.',
  422: 'Datos no válidos: `errors` nombra cada campo con su motivo.',
  429: 'Demasiados intentos.',
};

/** Documents problem+json error responses of an operation (or of every operation of a class). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error.',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
