import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './user.entity';

export type SessionRevocation =
  | 'CIERRE_DE_SESION'
  | 'CIERRE_GLOBAL'
  | 'REUSO_DE_TOKEN'
  | 'USUARIO_INACTIVO'
  | 'CUENTA_DESHABILITADA'
  | 'INACTIVIDAD'
  | 'LIMITE_ABSOLUTO'
  | 'CAMBIO_DE_CONTRASENA';

/**
 * One login: the family of refresh tokens that descend from it. Access tokens name their session
 * (`sid`), so revoking the session ends them at once, not only when they expire.
 */
@Entity({ tableName: 'auth_session' })
export class AuthSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Last use (a request or a refresh), moved at most once a minute: the idle limit counts from it. */
  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'string', length: 40, nullable: true })
  revokedReason?: SessionRevocation;

  constructor(user: User) {
    this.user = user;
  }

  revoke(reason: SessionRevocation, at = new Date()): void {
    if (this.revokedAt) return;
    this.revokedAt = at;
    this.revokedReason = reason;
  }
}

/** A refresh token, stored only as its SHA-256. Each one is used once (rotation). */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AuthSession, { deleteRule: 'cascade' })
  session: AuthSession;

  @Property({ type: 'string', length: 64, unique: 'refresh_token_hash_unique' })
  tokenHash: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date;

  constructor(session: AuthSession, tokenHash: string, expiresAt: Date) {
    this.session = session;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }
}
