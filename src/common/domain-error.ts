/**
 * A business rule refused the input. `message` is a Spanish sentence for the user; `field` names
 * the offending field so the API can point at it. The HTTP layer maps it to 422 (or `status`).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly code = 'REGLA_DE_NEGOCIO',
    readonly status = 422,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, field, 'NO_ENCONTRADO', 404);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, field, 'CONFLICTO', 409);
    this.name = 'ConflictError';
  }
}

/**
 * 503: a service the request needs (PostgreSQL, Temporal, a bounded pool of work) cannot take it
 * now. Nothing was written; the client may retry after `retryAfterSeconds` (header Retry-After).
 */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
    code = 'NO_DISPONIBLE',
  ) {
    super(message, undefined, code, 503);
    this.name = 'ServiceUnavailableError';
  }
}

/** 413: the body (or one of its parts) is larger than the endpoint accepts; `field` names it when known. */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, field, 'DEMASIADO_GRANDE', 413);
    this.name = 'PayloadTooLargeError';
  }
}

/** 429: too many attempts or requests for now (a locked account, a rate limit); retry after `retryAfterSeconds` (header Retry-After). */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'DEMASIADAS_SOLICITUDES',
  ) {
    super(message, undefined, code, 429);
    this.name = 'TooManyRequestsError';
  }
}
