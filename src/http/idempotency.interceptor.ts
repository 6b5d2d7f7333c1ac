import { createHash } from 'node:crypto';
import { applyDecorators, CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { ConflictError, DomainError } from '../common/domain-error';
import { ApiProblems } from './api-docs.decorators';
import { ApiInstance, OWNER_GONE_SQL } from './api-instance';
import type { ActorRequest } from './auth.decorators';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const ANONYMOUS = '00000000-0000-0000-0000-000000000000';
/**
 * A record left "in progress" is taken over at once when the API process that ran it is gone (its
 * instance lock vanished: see ApiInstance), and after this long in any case.
 */
const STALE_AFTER = '10 minutes';

/** Set on the request when it takes over a record a dead process left in progress (see `isIdempotentRetry`). */
const TAKEOVER = Symbol('idempotentTakeover');

interface StoredRecord {
  request_hash: string;
  state: 'EN_CURSO' | 'TERMINADA';
  status_code: number | null;
  response_body: unknown;
}

/**
 * Creating POSTs accept an `Idempotency-Key` header. The first request with a key runs and its
 * status and body are stored under (user, route, key); a retry with the same body gets that same
 * answer (header `Idempotent-Replayed: true`); the same key with a different request is refused
 * (422); a retry while the first is still running gets 409. Failed requests store nothing, so
 * they may be retried with the same key.
 *
 * Put `@Idempotent()` ABOVE `@FileUpload(...)` so the file is parsed before its hash is taken.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly em: EntityManager,
    private readonly instance: ApiInstance,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<ActorRequest & { file?: UploadedPart; files?: UploadedPart[] | Record<string, UploadedPart[]> }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new DomainError('El encabezado Idempotency-Key debe tener de 1 a 200 caracteres ASCII visibles.', IDEMPOTENCY_HEADER);
    }
    if (req.is('multipart/form-data') && !(req as { uploadParsed?: boolean }).uploadParsed) {
      throw new Error('@Idempotent() must be placed above @FileUpload() so the upload is parsed first');
    }
    const userId = req.actor?.id ?? ANONYMOUS;
    const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`.slice(0, 200);
    const requestHash = hashRequest(req);
    const conn = this.em.getConnection();
    const ids = [userId, route, key];

    const inserted: unknown[] = await conn.execute(
      `insert into idempotency_record (user_id, route, idempotency_key, request_hash, state, owner_instance)
       values (?, ?, ?, ?, 'EN_CURSO', ?) on conflict do nothing returning 1 as ok`,
      [...ids, requestHash, this.instance.instanceId],
    );
    if (inserted.length === 0) {
      const [record] = (await conn.execute(
        `select request_hash, state, status_code, response_body from idempotency_record
          where user_id = ? and route = ? and idempotency_key = ?`,
        ids,
      )) as StoredRecord[];
      if (!record) throw new ConflictError('Otra solicitud con esta Idempotency-Key acaba de terminar; reintente.', IDEMPOTENCY_HEADER);
      if (record.request_hash !== requestHash) {
        throw new DomainError(
          'La Idempotency-Key ya se usó con una solicitud distinta; use una clave nueva para una solicitud nueva.',
          IDEMPOTENCY_HEADER,
          'CLAVE_REUTILIZADA',
        );
      }
      if (record.state === 'EN_CURSO') {
        const takenOver: unknown[] = await conn.execute(
          `update idempotency_record set created_at = now(), owner_instance = ?
            where user_id = ? and route = ? and idempotency_key = ? and state = 'EN_CURSO'
              and (created_at < now() - interval '${STALE_AFTER}' or ${OWNER_GONE_SQL}) returning 1 as ok`,
          [this.instance.instanceId, ...ids],
        );
        if (takenOver.length === 0) {
          throw new ConflictError('Una solicitud con esta Idempotency-Key sigue en curso; reintente en unos segundos.', IDEMPOTENCY_HEADER);
        }
        (req as unknown as Record<symbol, boolean>)[TAKEOVER] = true;
      } else {
        res.status(record.status_code ?? 200);
        res.setHeader('Idempotent-Replayed', 'true');
        return of(record.response_body);
      }
    }

    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          conn
            .execute(
              `update idempotency_record set state = 'TERMINADA', status_code = ?, response_body = ?, completed_at = now()
                where user_id = ? and route = ? and idempotency_key = ?`,
              [res.statusCode, JSON.stringify(body ?? null), ...ids],
            )
            .then(() => body),
        ),
      ),
      catchError((err: unknown) =>
        from(
          conn
            .execute(`delete from idempotency_record where user_id = ? and route = ? and idempotency_key = ? and state = 'EN_CURSO'`, ids)
            .then(() => {
              throw err;
            }),
        ),
      ),
    );
  }
}

/**
 * True when this request retries, with the same Idempotency-Key and content, one that a process
 * died running: what that run already did (a request filed, a workflow started) is this request's
 * own work, to be answered as if done now rather than refused as a duplicate.
 */
export function isIdempotentRetry(req: object): boolean {
  return (req as Record<symbol, boolean>)[TAKEOVER] === true;
}

/**
 * The request's idempotency: `retry` (see `isIdempotentRetry`) and `operationId`, a stable id of
 * (user, key) that downstream calls use to deduplicate (e.g. a Temporal Update id), or null
 * without a key.
 */
export interface IdempotencyContext {
  retry: boolean;
  operationId: string | null;
}

export const NO_IDEMPOTENCY: IdempotencyContext = { retry: false, operationId: null };

export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext): IdempotencyContext => {
  const req = ctx.switchToHttp().getRequest<ActorRequest>();
  const key = req.header(IDEMPOTENCY_HEADER);
  const operationId = key && KEY_PATTERN.test(key) ? createHash('sha256').update(`${req.actor?.id ?? ANONYMOUS}\n${key}`).digest('hex').slice(0, 40) : null;
  return { retry: isIdempotentRetry(req), operationId };
});

interface UploadedPart {
  fieldname: string;
  originalname: string;
  size: number;
  buffer?: Buffer;
}

function hashRequest(req: ActorRequest & { file?: UploadedPart; files?: UploadedPart[] | Record<string, UploadedPart[]> }): string {
  const parts: UploadedPart[] = [];
  if (req.file) parts.push(req.file);
  if (Array.isArray(req.files)) parts.push(...req.files);
  else if (req.files) for (const list of Object.values(req.files)) parts.push(...list);
  const files = parts.map((f) => ({
    field: f.fieldname,
    name: f.originalname,
    size: f.size,
    sha256: f.buffer ? createHash('sha256').update(f.buffer).digest('hex') : null,
  }));
  const canonical = stableStringify({ params: req.params, query: req.query, body: req.body ?? null, files });
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with object keys sorted, so the same request always hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * Marks a creating POST as idempotent on the `Idempotency-Key` header (see the interceptor).
 * For uploads place it above `@FileUpload(...)`.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description: 'Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta.',
    }),
    ApiProblems(409, 422),
  );
}
