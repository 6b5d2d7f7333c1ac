import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, NotFoundError } from '../common/domain-error';
import type { Page } from '../http/pagination';
import type { Actor } from '../access';
import { UserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { Origin, SecurityEvents } from './security-events';
import { User } from './user.entity';

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

/**
 * What a user does with their own account (password, logout everywhere) and ADMIN's view of the
 * accounts (list, disable, enable). Each is a security event (docs/SECURITY.md).
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly events: SecurityEvents,
  ) {}

  async logoutEverywhere(actor: Actor, origin: Origin): Promise<void> {
    const ended = await this.auth.endSessions(actor.id, 'CIERRE_GLOBAL');
    await this.events.record({ kind: 'CIERRE_GLOBAL', outcome: 'EXITO', userId: actor.id, username: await this.username(actor.id), detail: `${ended} sesiones cerradas.`, ...origin });
  }

  /**
   * Changes one's own password: the current one must be right, the new one must pass the policy.
   * The user's other sessions end (whoever knew the old password is out); this one stays open.
   */
  async changePassword(actor: Actor, sessionId: string | undefined, current: string, next: string, origin: Origin): Promise<void> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(User, { id: actor.id });
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.events.record({ kind: 'CAMBIO_DE_CONTRASENA', outcome: 'FALLO', userId: user.id, username: user.username, detail: 'La contraseña actual no era correcta.', ...origin });
      throw new DomainError('La contraseña actual no es correcta.', 'currentPassword');
    }
    try {
      checkPasswordPolicy(next, user.username);
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError(err.message, 'newPassword');
      throw err;
    }
    if (next === current) throw new DomainError('La contraseña nueva debe ser distinta de la actual.', 'newPassword');
    user.passwordHash = await hashPassword(next);
    user.passwordChangedAt = new Date();
    await em.flush();
    const ended = await this.auth.endSessions(user.id, 'CAMBIO_DE_CONTRASENA', sessionId);
    await this.events.record({ kind: 'CAMBIO_DE_CONTRASENA', outcome: 'EXITO', userId: user.id, username: user.username, detail: `${ended} otras sesiones cerradas.`, ...origin });
  }

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
  async setActive(actor: Actor, userId: string, active: boolean, origin: Origin): Promise<UserDto> {
    if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError('No existe esa cuenta.', 'id');
    if (!active && userId === actor.id) throw new DomainError('No puede deshabilitar su propia cuenta.', 'id');
    // Enabling also lifts a lockout: the admin has checked who is asking.
    const changed = (await this.em
      .getConnection()
      .execute(`update app_user set active = ?${active ? ', failed_logins = 0, locked_until = null' : ''} where id = ? returning username`, [active, userId])) as { username: string }[];
    if (!changed.length) throw new NotFoundError('No existe esa cuenta.', 'id');
    const ended = active ? 0 : await this.auth.endSessions(userId, 'CUENTA_DESHABILITADA');
    await this.events.record({
      kind: active ? 'CUENTA_HABILITADA' : 'CUENTA_DESHABILITADA',
      outcome: 'EXITO',
      userId,
      username: changed[0].username,
      actorId: actor.id,
      detail: active ? undefined : `${ended} sesiones cerradas.`,
      ...origin,
    });
    return this.one(userId);
  }

  private async username(userId: string): Promise<string | undefined> {
    const [row] = (await this.em.getConnection().execute('select username from app_user where id = ?', [userId])) as { username: string }[];
    return row?.username;
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
