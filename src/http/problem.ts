import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '../common/domain-error';

/** One offending field. `line` is set for row-based inputs (CSV lines, ZIP entries). */
export interface FieldProblem {
  field: string;
  message: string;
  line?: number;
}

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldProblem[];
  /** The request's id (X-Request-Id): what a user quotes to support, and what the logs carry. */
  requestId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Input refused with several field errors at once (a DTO, a CSV file, a ZIP of photos). */
export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly errors: FieldProblem[],
    code = 'DATOS_NO_VALIDOS',
    status = 422,
  ) {
    super(message, errors[0]?.field, code, status);
    this.name = 'InvalidInputError';
  }
}

/** The caller is not authenticated (401) or may not call this endpoint (403). */
export class AuthError extends DomainError {
  constructor(message: string, status: 401 | 403 | 429, code = status === 401 ? 'NO_AUTENTICADO' : status === 403 ? 'PROHIBIDO' : 'DEMASIADOS_INTENTOS') {
    super(message, undefined, code, status);
    this.name = 'AuthError';
  }
}

export interface ConstraintProblem {
  field?: string;
  message: string;
  status?: number;
}

const constraintProblems = new Map<string, ConstraintProblem>([
  ['student_curp_unique', { field: 'curp', message: 'Ya existe un alumno registrado con esa CURP.' }],
  ['school_cct_turno_unique', { field: 'cct', message: 'Ya existe una escuela con esa CCT y ese turno.' }],
  ['app_user_username_unique', { field: 'username', message: 'Ya existe un usuario con ese nombre.' }],
]);

/**
 * Lets a module give a Spanish message to one of its database constraints, so that a unique,
 * foreign-key or check violation that slips past the service still reads well.
 */
export function registerConstraintProblem(constraint: string, problem: ConstraintProblem): void {
  constraintProblems.set(constraint, problem);
}

export function constraintProblem(constraint: string | undefined): ConstraintProblem | undefined {
  return constraint ? constraintProblems.get(constraint) : undefined;
}

export const STATUS_TITLES: Record<number, string> = {
  400: 'Solicitud mal formada',
  401: 'No autenticado',
  403: 'Prohibido',
  404: 'No encontrado',
  405: 'Método no permitido',
  409: 'Conflicto',
  413: 'Contenido demasiado grande',
  415: 'Tipo de contenido no admitido',
  422: 'Datos no válidos',
  429: 'Demasiadas solicitudes',
  500: 'Error interno',
  502: 'Servicio no disponible',
  503: 'Servicio no disponible',
};

export function problemType(code: string): string {
  return `urn:credencializacion-sej:problema:${code.toLowerCase().replace(/_/g, '-')}`;
}

/** OpenAPI schema of a problem (used by the API documentation decorators). */
export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'curp' }) field!: string;
  @ApiProperty({ example: 'El dígito verificador de la CURP no es válido.' }) message!: string;
  @ApiPropertyOptional({ description: 'Línea del CSV o número de entrada del ZIP.' }) line?: number;
}

export class ProblemDto implements ProblemDetails {
  @ApiProperty({ example: 'urn:credencializacion-sej:problema:datos-no-validos' }) type!: string;
  @ApiProperty({ example: 'Datos no válidos' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({ example: 'La solicitud tiene datos no válidos.' }) detail!: string;
  @ApiProperty({ example: 'DATOS_NO_VALIDOS' }) code!: string;
  @ApiPropertyOptional({ example: '/students' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
  @ApiPropertyOptional({ example: '3f0c2a9e-5b7d-4c1e-9a8f-2d6b1e0c4a7f', description: 'Id de la solicitud (encabezado X-Request-Id).' })
  requestId?: string;
}
