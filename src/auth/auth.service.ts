import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Drse } from '../catalog';
import { TooManyRequestsError } from '../common/domain-error';
import { AuthError } from '../http/problem';
import { Actor, Role } from '../access';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { MeDto, TokensDto } from './auth.dto';
import { ActorResolver, Credentials, IDENTITY_PROVIDER, IdentityProvider, ResolvedCaller } from './identity';
import { Origin, SecurityEvents } from './security-events';
import { AuthSession, RefreshToken, SessionRevocation } from './session.entity';
import { User } from './user.entity';

interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

interface CallerRow {
  id: string;
  role: Role;
  drse_code: string | null;
  school_id: number | null;
  school_drse_code: string | null;
  active: boolean;
  revoked_at: Date | null;
  created_at: Date;
  last_seen_at: Date;
  sub_drse_codes: string[] | null;
}

/** What login and refresh answer: the body, and the refresh token the controller puts in the cookie. */
export interface IssuedSession {
  body: TokensDto;
  refreshToken: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Sessions and tokens: login through the `IdentityProvider`, short-lived JWT access tokens that
 * name their session, one-use refresh tokens (rotation; presenting a used one revokes the whole
 * session, except within a short grace), idle and absolute limits, logout and logout everywhere.
 * It is also the `ActorResolver` the global guard uses.
 */
@Injectable()
export class AuthService implements ActorResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
    private readonly events: SecurityEvents,
  ) {}

  /**
   * Local login with lockout per account on top of the per-IP throttle (LoginThrottlerGuard):
   * LOGIN_LOCKOUT_THRESHOLD consecutive failures lock the account for LOGIN_LOCKOUT_BASE_SECONDS,
   * doubling with each further failure up to LOGIN_LOCKOUT_MAX_SECONDS; a success clears the count.
   * Every attempt is a security event.
   */
  async login(credentials: Credentials, origin: Origin = {}): Promise<IssuedSession> {
    const username = credentials.username.trim().toLowerCase();
    const conn = this.em.getConnection();
    const [account] = (await conn.execute('select id, locked_until from app_user where username = ?', [username])) as { id: string; locked_until: Date | null }[];
    const now = Date.now();
    if (account?.locked_until && new Date(account.locked_until).getTime() > now) {
      const wait = Math.ceil((new Date(account.locked_until).getTime() - now) / 1000);
      await this.events.record({ kind: 'INICIO_DE_SESION', outcome: 'BLOQUEADO', userId: account.id, username, ...origin });
      throw new TooManyRequestsError(`La cuenta está bloqueada por varios intentos fallidos; espere ${waitText(wait)} e intente de nuevo.`, wait, 'CUENTA_BLOQUEADA');
    }
    const userId = await this.identity.authenticate(credentials);
    if (!userId) {
      await this.events.record({ kind: 'INICIO_DE_SESION', outcome: 'FALLO', userId: account?.id, username, ...origin });
      if (account) {
        const { lockoutThreshold: n, lockoutBaseSeconds: base, lockoutMaxSeconds: max } = this.config;
        const [after] = (await conn.execute(
          `update app_user set failed_logins = failed_logins + 1,
                  locked_until = case when failed_logins + 1 >= ? then now() + make_interval(secs => least(?, ? * power(2, failed_logins + 1 - ?))) else locked_until end
            where id = ? returning failed_logins, locked_until`,
          [n, max, base, n, account.id],
        )) as { failed_logins: number; locked_until: Date | null }[];
        if (after && after.failed_logins >= n) {
          const seconds = Math.round((new Date(after.locked_until!).getTime() - Date.now()) / 1000);
          await this.events.record({ kind: 'CUENTA_BLOQUEADA', outcome: 'BLOQUEADO', userId: account.id, username, detail: `${after.failed_logins} intentos fallidos seguidos; bloqueada ${waitText(seconds)}.`, ...origin });
        }
      }
      throw new AuthError('Usuario o contraseña incorrectos.', 401);
    }
    await conn.execute('update app_user set failed_logins = 0, locked_until = null where id = ? and (failed_logins <> 0 or locked_until is not null)', [userId]);
    await this.events.record({ kind: 'INICIO_DE_SESION', outcome: 'EXITO', userId, username, ...origin });
    return this.openSession(userId);
  }

  /** Opens a session for a user already authenticated (by local password or, later, OIDC). */
  async openSession(userId: string): Promise<IssuedSession> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(User, { id: userId }, { populate: ['school'] });
    const session = new AuthSession(user);
    const next = this.newRefreshToken(session);
    em.persist([session, next.entity]);
    await em.flush();
    return this.issue(user, session, next.token);
  }

  async refresh(refreshToken: string | null): Promise<IssuedSession> {
    const refused = (detail = 'La sesión no es válida, expiró o ya se renovó; inicie sesión de nuevo.') => new AuthError(detail, 401);
    if (!refreshToken) throw refused('No hay sesión que renovar; inicie sesión.');
    const tokenHash = sha256(refreshToken);
    const now = new Date();
    const outcome = await this.em.fork().transactional(async (tx) => {
      // Claiming the token is one atomic UPDATE: of two concurrent refreshes only one wins.
      const claimed = await tx.nativeUpdate(RefreshToken, { tokenHash, usedAt: null, expiresAt: { $gt: now } }, { usedAt: now });
      const row = await tx.findOne(RefreshToken, { tokenHash }, { populate: ['session', 'session.user', 'session.user.school'] });
      if (!row) return null;
      const session = row.session;
      if (claimed === 0) {
        // A used token presented again: someone holds a copy, and the whole family ends. Within the
        // grace it is two tabs of one browser refreshing with the same cookie: refused, nothing ends.
        if (row.usedAt && now.getTime() - row.usedAt.getTime() > this.config.refreshReuseGraceSeconds * 1000) session.revoke('REUSO_DE_TOKEN', now);
        return null;
      }
      if (session.revokedAt) return null;
      const limit = this.limitReached(session.createdAt, session.lastSeenAt, now);
      if (limit) {
        session.revoke(limit, now);
        return null;
      }
      if (!session.user.active) {
        session.revoke('USUARIO_INACTIVO', now);
        return null;
      }
      session.lastSeenAt = now;
      const next = this.newRefreshToken(session);
      tx.persist(next.entity);
      return { user: session.user, session, token: next.token };
    });
    if (!outcome) throw refused();
    return this.issue(outcome.user, outcome.session, outcome.token);
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (!sessionId) return;
    await this.em.fork().nativeUpdate(AuthSession, { id: sessionId, revokedAt: null }, { revokedAt: new Date(), revokedReason: 'CIERRE_DE_SESION' });
  }

  /** Ends every open session of a user (logout everywhere, a disabled account, a new password), but `keep`. Answers how many. */
  async endSessions(userId: string, reason: SessionRevocation, keep?: string): Promise<number> {
    const where: FilterQuery<AuthSession> = { user: userId, revokedAt: null };
    if (keep) where.id = { $ne: keep };
    return this.em.fork().nativeUpdate(AuthSession, where, { revokedAt: new Date(), revokedReason: reason });
  }

  async me(actor: Actor): Promise<MeDto> {
    const em = this.em.fork();
    const user = await em.findOneOrFail(User, { id: actor.id }, { populate: ['school', 'drse'] });
    const drse = actor.drseCode ? await em.findOne(Drse, { code: actor.drseCode }) : null;
    return {
      actor,
      username: user.username,
      school: user.school ? { id: user.school.id, cct: user.school.cct, turno: user.school.turno, name: user.school.name } : undefined,
      drseName: drse?.name,
    };
  }

  async resolve(bearerToken: string): Promise<ResolvedCaller | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(bearerToken);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    // The role and scope come from the database, not the token: a change applies at once.
    const rows: CallerRow[] = await this.em.getConnection().execute(
      `select u.id, u.role, u.drse_code, u.school_id, sc.drse_code as school_drse_code, u.active, s.revoked_at, s.created_at, s.last_seen_at,
              (select array_agg(d.code order by d.code) from drse d where d.parent_code = u.drse_code) as sub_drse_codes
         from auth_session s
         join app_user u on u.id = s.user_id
         left join school sc on sc.id = u.school_id
        where s.id = ? and u.id = ?`,
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row || row.revoked_at || !row.active) return null;
    if (!(await this.touch(claims.sid, new Date(row.created_at), new Date(row.last_seen_at)))) return null;
    const actor: Actor = { id: row.id, role: row.role };
    if (row.school_id !== null) {
      actor.schoolId = row.school_id;
      actor.drseCode = row.school_drse_code ?? undefined;
    } else if (row.drse_code) {
      actor.drseCode = row.drse_code;
      if (row.sub_drse_codes?.length) actor.subDrseCodes = row.sub_drse_codes;
    }
    return { actor, sessionId: claims.sid };
  }

  /** Which limit a session has passed at `now`, if any. */
  private limitReached(createdAt: Date, lastSeenAt: Date, now: Date): SessionRevocation | null {
    if (now.getTime() - createdAt.getTime() > this.config.sessionAbsoluteSeconds * 1000) return 'LIMITE_ABSOLUTO';
    if (now.getTime() - lastSeenAt.getTime() > this.config.sessionIdleSeconds * 1000) return 'INACTIVIDAD';
    return null;
  }

  /**
   * A request on a session: closes it if a limit has passed (false), else moves `last_seen_at`, at
   * most once a minute (or a quarter of the idle limit) so a busy session is not one write per request.
   */
  private async touch(sessionId: string, createdAt: Date, lastSeenAt: Date): Promise<boolean> {
    const now = new Date();
    const limit = this.limitReached(createdAt, lastSeenAt, now);
    const conn = this.em.getConnection();
    if (limit) {
      await conn.execute('update auth_session set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null', [now, limit, sessionId]);
      return false;
    }
    const stepMs = Math.min(60, Math.floor(this.config.sessionIdleSeconds / 4)) * 1000;
    if (now.getTime() - lastSeenAt.getTime() >= stepMs) {
      await conn.execute('update auth_session set last_seen_at = ? where id = ? and last_seen_at < ?', [now, sessionId, now]);
    }
    return true;
  }

  private newRefreshToken(session: AuthSession): { token: string; entity: RefreshToken } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.refreshTtlSeconds * 1000);
    return { token, entity: new RefreshToken(session, sha256(token), expiresAt) };
  }

  private async issue(user: User, session: AuthSession, refreshToken: string): Promise<IssuedSession> {
    const actor = user.toActor();
    const accessToken = await this.jwt.signAsync(
      { sid: session.id, role: actor.role },
      { subject: user.id, expiresIn: this.config.accessTtlSeconds },
    );
    return {
      body: { accessToken, tokenType: 'Bearer', expiresIn: this.config.accessTtlSeconds, refreshExpiresIn: this.config.refreshTtlSeconds, actor },
      refreshToken,
    };
  }
}

/** «45 s», «2 min», «1 h»: how long to wait, for a person. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
