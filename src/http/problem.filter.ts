import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotFoundError as OrmNotFoundError,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { DomainError, ServiceUnavailableError, TooManyRequestsError } from '../common/domain-error';
import { requestIdOf, routeOf } from '../observability/http-logging';
import { rootLogger } from '../observability/logger';
import { outageOf } from './outage';
import {
  constraintProblem,
  FieldProblem,
  InvalidInputError,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  problemType,
  STATUS_TITLES,
} from './problem';

const DEFAULT_CODES: Record<number, string> = {
  400: 'SOLICITUD_MAL_FORMADA',
  401: 'NO_AUTENTICADO',
  403: 'PROHIBIDO',
  404: 'NO_ENCONTRADO',
  405: 'METODO_NO_PERMITIDO',
  409: 'CONFLICTO',
  413: 'DEMASIADO_GRANDE',
  415: 'TIPO_NO_ADMITIDO',
  422: 'DATOS_NO_VALIDOS',
  429: 'DEMASIADOS_INTENTOS',
  500: 'ERROR_INTERNO',
  503: 'NO_DISPONIBLE',
};

const DEFAULT_DETAILS: Record<number, string> = {
  400: 'La solicitud está mal formada.',
  401: 'Se requiere iniciar sesión con un token válido.',
  403: 'Su rol no permite esta operación.',
  404: 'El recurso no existe o no está en su ámbito.',
  405: 'Método no permitido.',
  409: 'La operación choca con el estado actual del recurso.',
  413: 'El contenido enviado excede el tamaño máximo permitido.',
  415: 'Tipo de contenido no admitido.',
  422: 'La solicitud tiene datos no válidos.',
  429: 'Demasiados intentos; espere un minuto e intente de nuevo.',
  500: 'Ocurrió un error interno; quedó registrado para su revisión.',
  503: 'Un servicio necesario no está disponible; intente más tarde.',
};

/**
 * Turns every error into `application/problem+json` with a Spanish `detail` and, where known, the
 * offending fields. Unexpected errors become a 500 that shows nothing of the internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const unavailable = outageOf(exception);
    const problem = toProblem(unavailable ?? exception, req);
    const route = routeOf(req);
    if (problem.status >= 500 && !unavailable) {
      rootLogger().error({ context: 'HTTP', route, status: problem.status, err: exception }, `${req.method} ${route} → ${problem.status}`);
    } else if (unavailable) {
      rootLogger().warn({ context: 'HTTP', route, status: 503, code: unavailable.code, err: exception }, `${req.method} ${route} → 503 ${unavailable.code}`);
    }
    if (res.headersSent) return;
    res.status(problem.status);
    if (unavailable) res.setHeader('Retry-After', String(unavailable.retryAfterSeconds));
    if (exception instanceof TooManyRequestsError) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    res.send(JSON.stringify(problem));
  }
}

export function toProblem(exception: unknown, req?: Pick<Request, 'method' | 'path' | 'originalUrl'>): ProblemDetails {
  const instance = req?.originalUrl?.split('?')[0];
  const requestId = requestIdOf(req);
  const make = (status: number, detail: string, code = DEFAULT_CODES[status] ?? 'ERROR', errors?: FieldProblem[]): ProblemDetails => ({
    type: problemType(code),
    title: STATUS_TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance,
    ...(errors && errors.length ? { errors } : {}),
    ...(requestId ? { requestId } : {}),
  });

  if (!(exception instanceof ServiceUnavailableError)) {
    const unavailable = outageOf(exception);
    if (unavailable) return toProblem(unavailable, req);
  }
  if (exception instanceof InvalidInputError) return make(exception.status, exception.message, exception.code, exception.errors);
  if (exception instanceof DomainError) {
    return make(exception.status, exception.message, exception.code, exception.field ? [{ field: exception.field, message: exception.message }] : undefined);
  }
  if (exception instanceof UniqueConstraintViolationException) {
    const known = constraintProblem(constraintOf(exception));
    const detail = known?.message ?? 'Ya existe un registro con esos datos.';
    return make(known?.status ?? 409, detail, 'DUPLICADO', known?.field ? [{ field: known.field, message: detail }] : undefined);
  }
  if (exception instanceof ForeignKeyConstraintViolationException) {
    const known = constraintProblem(constraintOf(exception));
    const detail = known?.message ?? 'El registro está relacionado con otros datos y no puede cambiarse así.';
    return make(known?.status ?? 409, detail, 'CONFLICTO', known?.field ? [{ field: known.field, message: detail }] : undefined);
  }
  if (exception instanceof CheckConstraintViolationException || exception instanceof NotNullConstraintViolationException) {
    const known = constraintProblem(constraintOf(exception));
    const detail = known?.message ?? 'Los datos no cumplen una regla de integridad de la base de datos.';
    return make(known?.status ?? 422, detail, 'REGLA_DE_INTEGRIDAD', known?.field ? [{ field: known.field, message: detail }] : undefined);
  }
  if (exception instanceof OrmNotFoundError) return make(404, DEFAULT_DETAILS[404]);
  if (exception instanceof HttpException) return fromHttpException(exception, req, make);
  const parser = bodyParserProblem(exception, make);
  if (parser) return parser;
  return make(500, DEFAULT_DETAILS[500]);
}

/** Limits of the JSON body parser (createApp), said to the user. */
export const JSON_BODY_LIMIT = { bytes: 2 * 1024 * 1024, label: '2 MB' } as const;

/**
 * Errors of the body parsers (http-errors objects: a 4xx `status`, `expose`, and a `type` such as
 * `entity.too.large`) that reach the filter without Nest wrapping them.
 */
function bodyParserProblem(exception: unknown, make: (status: number, detail: string, code?: string) => ProblemDetails): ProblemDetails | null {
  const e = exception as { status?: unknown; expose?: unknown; type?: unknown };
  if (typeof e !== 'object' || e === null || typeof e.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return null;
  switch (e.type) {
    case 'entity.too.large':
      return make(413, `El contenido enviado excede el tamaño máximo permitido (${JSON_BODY_LIMIT.label} para datos JSON; los archivos van como formulario multipart).`);
    case 'entity.parse.failed':
      return make(400, 'El cuerpo de la solicitud no es JSON válido.', 'JSON_NO_VALIDO');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return make(415, 'La codificación del contenido no se admite; envíe UTF-8 sin comprimir.');
    default:
      return make(e.status, DEFAULT_DETAILS[e.status] ?? DEFAULT_DETAILS[400]);
  }
}

function fromHttpException(
  exception: HttpException,
  req: Pick<Request, 'method' | 'path'> | undefined,
  make: (status: number, detail: string, code?: string) => ProblemDetails,
): ProblemDetails {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
  if (status === 404 && typeof message === 'string' && message.startsWith('Cannot ')) {
    return make(404, `No existe la ruta ${req?.method ?? ''} ${req?.path ?? ''}.`.replace(/\s+/g, ' '), 'RUTA_INEXISTENTE');
  }
  if (status === 400 && typeof message === 'string' && /JSON|Unexpected token|position/i.test(message)) {
    return make(400, 'El cuerpo de la solicitud no es JSON válido.', 'JSON_NO_VALIDO');
  }
  if (status === 400 && typeof message === 'string' && /multipart|boundary|Unexpected field|Too many/i.test(message)) {
    const detail = /Unexpected field/i.test(message)
      ? 'El formulario trae un archivo en un campo no esperado.'
      : 'El formulario multipart está mal formado o trae demasiados campos o archivos.';
    return make(400, detail, 'FORMULARIO_NO_VALIDO');
  }
  return make(status, DEFAULT_DETAILS[status] ?? (status >= 500 ? DEFAULT_DETAILS[500] : DEFAULT_DETAILS[400]));
}

function constraintOf(exception: unknown): string | undefined {
  const e = exception as { constraint?: string; previous?: { constraint?: string } };
  return e.constraint ?? e.previous?.constraint;
}
