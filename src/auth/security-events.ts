import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Page } from '../http/pagination';

/**
 * The security audit (`security_event`, append-only: a trigger refuses UPDATE, DELETE and TRUNCATE).
 * Who (the account, and the actor when someone else acted on it), when, from where (client IP and
 * user agent), what, and the outcome. Never a password, never a token.
 */
export type SecurityEventKind =
  | 'INICIO_DE_SESION'
  | 'CUENTA_BLOQUEADA'
  | 'CIERRE_GLOBAL'
  | 'CUENTA_DESHABILITADA'
  | 'CUENTA_HABILITADA'
  | 'CAMBIO_DE_CONTRASENA'
  | 'CUENTA_CREADA'
  | 'CAMBIO_DE_ROL';
export type SecurityOutcome = 'EXITO' | 'FALLO' | 'BLOQUEADO';

/** Where a request came from, as far as the API can tell (TRUST_PROXY decides whose address `ip` is). */
export interface Origin {
  ip?: string;
  userAgent?: string;
}

export function originOf(req: Request): Origin {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : undefined };
}

export interface SecurityEventInput extends Origin {
  kind: SecurityEventKind;
  outcome: SecurityOutcome;
  userId?: string;
  username?: string;
  actorId?: string;
  actorUsername?: string;
  detail?: string;
}

export interface SecurityEventRow {
  id: number;
  at: string;
  kind: SecurityEventKind;
  outcome: SecurityOutcome;
  userId?: string;
  username?: string;
  actorUsername?: string;
  ip?: string;
  userAgent?: string;
  detail?: string;
}

interface Executor {
  execute(sql: string, params?: unknown[]): Promise<unknown>;
}

/** One insert; also used where no Nest container runs (the CLI). */
export async function recordSecurityEvent(db: Executor, e: SecurityEventInput): Promise<void> {
  await db.execute(
    `insert into security_event (kind, outcome, user_id, username, actor_id, actor_username, ip, user_agent, detail)
     values (?, ?, ?, ?, ?, (select username from app_user where id = ?), ?, ?, ?)`,
    [e.kind, e.outcome, e.userId ?? null, e.username ?? null, e.actorId ?? null, e.actorId ?? null, e.ip ?? null, e.userAgent ?? null, e.detail ?? null],
  );
}

@Injectable()
export class SecurityEvents {
  constructor(private readonly em: EntityManager) {}

  record(e: SecurityEventInput): Promise<void> {
    return recordSecurityEvent(this.em.getConnection(), e);
  }

  async list(filter: { username?: string; kind?: string; outcome?: string }, limit: number, offset: number, page: number, pageSize: number): Promise<Page<SecurityEventRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.username) {
      where.push('(e.username = ? or e.actor_username = ?)');
      params.push(filter.username.trim().toLowerCase(), filter.username.trim().toLowerCase());
    }
    if (filter.kind) {
      where.push('e.kind = ?');
      params.push(filter.kind);
    }
    if (filter.outcome) {
      where.push('e.outcome = ?');
      params.push(filter.outcome);
    }
    const sql = `select e.*, count(*) over () as total from security_event e ${where.length ? `where ${where.join(' and ')}` : ''} order by e.at desc, e.id desc limit ? offset ?`;
    const rows = (await this.em.getConnection().execute(sql, [...params, limit, offset])) as Record<string, unknown>[];
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at as string).toISOString(),
        kind: r.kind as SecurityEventKind,
        outcome: r.outcome as SecurityOutcome,
        userId: (r.user_id as string) ?? undefined,
        username: (r.username as string) ?? undefined,
        actorUsername: (r.actor_username as string) ?? undefined,
        ip: (r.ip as string) ?? undefined,
        userAgent: (r.user_agent as string) ?? undefined,
        detail: (r.detail as string) ?? undefined,
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      page,
      pageSize,
    };
  }
}
