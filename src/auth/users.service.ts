import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Drse, School, normalizeCct, parseTurno } from '../catalog';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { DRSE_ROLES, Role, ROLES } from '../access';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { recordSecurityEvent } from './security-events';
import { User } from './user.entity';

export interface NewUser {
  username: string;
  password: string;
  role: Role | string;
  /** ESCUELA: the school, by id or by CCT + turno. */
  schoolId?: number;
  cct?: string;
  turno?: string;
  /** DRSE roles: the DRSE code (e.g. VALLES). */
  drse?: string;
}

/** Creates local accounts (the CLI, the demo users and the tests use it). */
@Injectable()
export class UsersService {
  constructor(private readonly em: EntityManager) {}

  async create(input: NewUser): Promise<User> {
    const user = await this.build(input);
    if (await this.em.findOne(User, { username: user.username })) {
      throw new ConflictError(`Ya existe un usuario con el nombre «${user.username}».`, 'username');
    }
    await this.em.persistAndFlush(user);
    const scope = user.school ? `escuela ${user.school.cct} ${user.school.turno}` : user.drse ? `DRSE ${user.drse.code}` : 'estatal';
    await recordSecurityEvent(this.em.getConnection(), { kind: 'CUENTA_CREADA', outcome: 'EXITO', userId: user.id, username: user.username, detail: `Rol ${user.role}, ámbito ${scope}.` });
    return user;
  }

  /** Creates the user unless one with that username exists (then leaves it as it is). */
  async ensure(input: NewUser): Promise<{ user: User; created: boolean }> {
    const existing = await this.em.findOne(User, { username: input.username.trim().toLowerCase() }, { populate: ['school'] });
    if (existing) return { user: existing, created: false };
    return { user: await this.create(input), created: true };
  }

  async setPassword(username: string, password: string): Promise<void> {
    checkPasswordPolicy(password, username);
    const user = await this.em.findOne(User, { username: username.trim().toLowerCase() });
    if (!user) throw new NotFoundError(`No existe el usuario «${username}».`, 'username');
    user.passwordHash = await hashPassword(password);
    user.passwordChangedAt = new Date();
    user.failedLogins = 0;
    user.lockedUntil = undefined;
    await this.em.flush();
    await recordSecurityEvent(this.em.getConnection(), { kind: 'CAMBIO_DE_CONTRASENA', outcome: 'EXITO', userId: user.id, username: user.username, detail: 'Restablecida por un operador (create-user --reset-password).' });
  }

  private async build(input: NewUser): Promise<User> {
    const role = String(input.role ?? '').trim().toUpperCase() as Role;
    if (!ROLES.includes(role)) throw new DomainError(`El rol debe ser uno de: ${ROLES.join(', ')}.`, 'role');
    checkPasswordPolicy(input.password, input.username);
    let school: School | undefined;
    let drse: Drse | undefined;
    if (role === 'ESCUELA') {
      if (input.schoolId !== undefined) {
        school = (await this.em.findOne(School, { id: input.schoolId }, { populate: ['drse'] })) ?? undefined;
      } else {
        if (!input.cct || !input.turno) throw new DomainError('Un usuario ESCUELA necesita --cct y --turno.', 'cct');
        school = (await this.em.findOne(School, { cct: normalizeCct(input.cct), turno: parseTurno(input.turno) }, { populate: ['drse'] })) ?? undefined;
      }
      if (!school) throw new NotFoundError('No existe esa escuela (CCT y turno) en el catálogo.', 'cct');
    } else if (DRSE_ROLES.includes(role)) {
      if (!input.drse) throw new DomainError(`Un usuario ${role} necesita la clave de su DRSE (--drse).`, 'drse');
      drse = (await this.em.findOne(Drse, { code: input.drse.trim().toUpperCase() })) ?? undefined;
      if (!drse) throw new NotFoundError(`No existe la DRSE «${input.drse}».`, 'drse');
    } else if (input.drse || input.cct || input.schoolId !== undefined) {
      throw new DomainError(`El rol ${role} tiene alcance estatal: no lleva DRSE ni escuela.`, 'role');
    }
    return new User({ username: input.username, passwordHash: await hashPassword(input.password), role, drse, school });
  }
}
