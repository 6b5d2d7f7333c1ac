import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Drse, School } from '../catalog';
import { DomainError } from '../common/domain-error';
import { Actor, DRSE_ROLES, Role, ROLES, STATE_ROLES } from '../access';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,60}$/;

export interface UserProps {
  username: string;
  passwordHash: string;
  role: Role;
  drse?: Drse;
  school?: School;
}

/**
 * A local account. The scope follows the role: ESCUELA has a school (its DRSE comes from the
 * school), DRSE roles have a DRSE, state roles have neither (a CHECK constraint enforces it too).
 */
@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 60, unique: 'app_user_username_unique' })
  username: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash: string;

  @Enum({ items: () => [...ROLES] })
  role: Role;

  @ManyToOne(() => Drse, { nullable: true, deleteRule: 'restrict' })
  drse?: Drse;

  @ManyToOne(() => School, { nullable: true, deleteRule: 'restrict' })
  school?: School;

  @Property({ type: 'boolean', default: true })
  active = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt?: Date;

  /** Consecutive failed logins (lockout, AuthService.login). */
  @Property({ type: 'integer', default: 0, hidden: true })
  failedLogins = 0;

  @Property({ type: 'datetime', nullable: true, hidden: true })
  lockedUntil?: Date;

  constructor(props: UserProps) {
    const username = props.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) {
      throw new DomainError('El usuario debe tener de 3 a 60 letras minúsculas, dígitos, puntos, guiones o guiones bajos.', 'username');
    }
    if (!ROLES.includes(props.role)) throw new DomainError(`El rol debe ser uno de: ${ROLES.join(', ')}.`, 'role');
    if (props.role === 'ESCUELA') {
      if (!props.school || props.drse) throw new DomainError('Un usuario ESCUELA necesita una escuela (CCT y turno) y ninguna DRSE.', 'school');
    } else if (DRSE_ROLES.includes(props.role)) {
      if (!props.drse || props.school) throw new DomainError(`Un usuario ${props.role} necesita una DRSE y ninguna escuela.`, 'drse');
    } else if (STATE_ROLES.includes(props.role) && (props.drse || props.school)) {
      throw new DomainError(`Un usuario ${props.role} tiene alcance estatal: no lleva DRSE ni escuela.`, 'role');
    }
    this.username = username;
    this.passwordHash = props.passwordHash;
    this.role = props.role;
    this.drse = props.drse;
    this.school = props.school;
  }

  /** The actor this user acts as. `school.drse` must be loaded (or a reference) for ESCUELA. */
  toActor(): Actor {
    const actor: Actor = { id: this.id, role: this.role };
    if (this.school) {
      actor.schoolId = this.school.id;
      actor.drseCode = this.school.drse.code;
    } else if (this.drse) {
      actor.drseCode = this.drse.code;
    }
    return actor;
  }
}
