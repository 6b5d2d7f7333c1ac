import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, NotFoundError } from '../common/domain-error';
import type { Page } from '../http/pagination';
import type { Actor } from './actor';
import { UserDto } from './auth.dto';
import { AuthService } from './auth.service';

interface UserRow {
  id: string;
  username: string;
  role: string;
  drse_code: string | null;
  school_id: number | null;
  cct: string | null;
  turno: string | null;
  school_name: string | null;
  active: boolean;
  created_at: Date;
  open_sessions: string;
  last_seen_at: Date | null;
  total: string;
}

/** ADMIN's view of the accounts: the list, disabling and enabling (docs/SECURITY.md). */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
  ) {}

  async list(limit: number, offset: number, page: number, pageSize: number): Promise<Page<UserDto>> {
    const rows: UserRow[] = await this.em.getConnection().execute(
      `select u.id, u.username, u.role, u.drse_code, u.school_id, sc.cct, sc.turno, sc.name as school_name, u.active, u.created_at,
              (select count(*) from auth_session s where s.user_id = u.id and s.revoked_at is null) as open_sessions,
              (select max(s.last_seen_at) from auth_session s where s.user_id = u.id) as last_seen_at,
              count(*) over () as total
         from app_user u left join school sc on sc.id = u.school_id
        order by u.username limit ? offset ?`,
      [limit, offset],
    );
    const total = rows.length ? Number(rows[0].total) : Number((await this.em.getConnection().execute('select count(*) as n from app_user'))[0].n);
    return { items: rows.map(toDto), total, page, pageSize };
  }

  /** Disables (or enables) an account; disabling ends its sessions at once. */
  async setActive(actor: Actor, userId: string, active: boolean): Promise<UserDto> {
    if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError('No existe esa cuenta.', 'id');
    if (!active && userId === actor.id) throw new DomainError('No puede deshabilitar su propia cuenta.', 'id');
    const changed = await this.em.getConnection().execute('update app_user set active = ? where id = ? returning id', [active, userId]);
    if (!changed.length) throw new NotFoundError('No existe esa cuenta.', 'id');
    if (!active) await this.auth.endSessions(userId, 'CUENTA_DESHABILITADA');
    return this.one(userId);
  }

  private async one(userId: string): Promise<UserDto> {
    const rows: UserRow[] = await this.em.getConnection().execute(
      `select u.id, u.username, u.role, u.drse_code, u.school_id, sc.cct, sc.turno, sc.name as school_name, u.active, u.created_at,
              (select count(*) from auth_session s where s.user_id = u.id and s.revoked_at is null) as open_sessions,
              (select max(s.last_seen_at) from auth_session s where s.user_id = u.id) as last_seen_at, 1 as total
         from app_user u left join school sc on sc.id = u.school_id where u.id = ?`,
      [userId],
    );
    return toDto(rows[0]);
  }
}

function toDto(r: UserRow): UserDto {
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    drseCode: r.drse_code ?? undefined,
    school: r.school_id !== null ? { id: r.school_id, cct: r.cct!, turno: r.turno!, name: r.school_name! } : undefined,
    active: r.active,
    createdAt: new Date(r.created_at).toISOString(),
    openSessions: Number(r.open_sessions),
    lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : undefined,
  };
}
