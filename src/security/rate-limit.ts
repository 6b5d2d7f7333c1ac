import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Observable } from 'rxjs';
import { TooManyRequestsError } from '../common/domain-error';
import type { ActorRequest } from '../http/auth.decorators';

/**
 * Per-user rate limits (docs/SECURITY.md): every write (POST, PUT, PATCH, DELETE) counts in the
 * user's «writes» bucket; endpoints marked `@Expensive()` (print runs, previews, PDFs, imports) also
 * in its «expensive» bucket. Fixed windows kept in PostgreSQL (`rate_limit_hit`, unlogged), so
 * several API processes share one count: one upsert per request. Over the limit: 429 with
 * Retry-After and a Spanish message. Anonymous requests are not counted here (login has its own
 * throttle and lockout; the public verification page is cheap).
 */
export interface RateLimitConfig {
  /** RATE_LIMITS=off turns them off (the test suite, the fault suite and the benchmarks do). */
  enabled: boolean;
  windowSeconds: number;
  writesPerWindow: number;
  expensivePerWindow: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`La variable de entorno ${name} debe ser un entero positivo (recibido: ${raw}).`);
  return value;
}

export function loadRateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  const flag = (env.RATE_LIMITS ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(flag)) throw new Error(`RATE_LIMITS debe ser on u off (recibido: ${env.RATE_LIMITS}).`);
  return {
    enabled: ['on', 'true', '1'].includes(flag),
    windowSeconds: positive(env, 'RATE_LIMIT_WINDOW_SECONDS', 60),
    writesPerWindow: positive(env, 'RATE_LIMIT_WRITES', 120),
    expensivePerWindow: positive(env, 'RATE_LIMIT_EXPENSIVE', 20),
  };
}

const EXPENSIVE_KEY = 'sej:expensive';
/** An endpoint that costs CPU or I/O (a PDF, a print run, an import): counted in the user's «expensive» bucket. */
export const Expensive = (): MethodDecorator & ClassDecorator => SetMetadata(EXPENSIVE_KEY, true);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Hit {
  key: string;
  hits: number;
  retry: number;
}

@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  private readonly config = loadRateLimitConfig();

  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (!this.config.enabled || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<ActorRequest>();
    if (!req.actor) return next.handle();
    const buckets: [string, number, string][] = [];
    if (WRITES.has(req.method)) buckets.push([`w:${req.actor.id}`, this.config.writesPerWindow, 'operaciones de escritura']);
    if (this.reflector.getAllAndOverride<boolean>(EXPENSIVE_KEY, [context.getHandler(), context.getClass()])) {
      buckets.push([`x:${req.actor.id}`, this.config.expensivePerWindow, 'operaciones costosas (impresiones, vistas previas, PDF, importaciones)']);
    }
    if (!buckets.length) return next.handle();
    const hits = await this.count(buckets.map(([key]) => key));
    for (const [key, limit, what] of buckets) {
      const hit = hits.find((h) => h.key === key);
      if (hit && hit.hits > limit) {
        const wait = Math.max(1, Math.ceil(hit.retry));
        const minutes = this.config.windowSeconds % 60 === 0 ? `${this.config.windowSeconds / 60} min` : `${this.config.windowSeconds} s`;
        throw new TooManyRequestsError(`Demasiadas solicitudes: su cuenta tiene un límite de ${limit} ${what} cada ${minutes}. Espere ${wait} s e intente de nuevo.`, wait, 'LIMITE_DE_SOLICITUDES');
      }
    }
    return next.handle();
  }

  /** One upsert for all the request's buckets: a new window when the last one is over, else one more hit. */
  private async count(keys: string[]): Promise<Hit[]> {
    const w = this.config.windowSeconds;
    const rows = (await this.em.getConnection().execute(
      `insert into rate_limit_hit as r (key, window_start, hits)
       values ${keys.map(() => '(?, now(), 1)').join(', ')}
       on conflict (key) do update set
         hits = case when r.window_start <= now() - make_interval(secs => ?) then 1 else r.hits + 1 end,
         window_start = case when r.window_start <= now() - make_interval(secs => ?) then now() else r.window_start end
       returning r.key, r.hits, extract(epoch from (r.window_start + make_interval(secs => ?) - now()))::float8 as retry`,
      [...keys, w, w, w],
    )) as { key: string; hits: number; retry: number }[];
    return rows.map((r) => ({ key: r.key, hits: Number(r.hits), retry: Number(r.retry) }));
  }
}
