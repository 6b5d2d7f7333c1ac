import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Credentials, IdentityProvider } from './identity';
import { hashPassword, verifyPassword } from './password';
import { User } from './user.entity';

/**
 * Local accounts with Argon2id password hashes. An unknown username still costs one hash
 * verification, so response time does not tell which usernames exist.
 */
@Injectable()
export class LocalIdentityProvider implements IdentityProvider {
  private dummyHash?: Promise<string>;

  constructor(private readonly em: EntityManager) {}

  async authenticate({ username, password }: Credentials): Promise<string | null> {
    const user = await this.em.fork().findOne(User, { username: username.trim().toLowerCase() });
    if (!user) {
      this.dummyHash ??= hashPassword('contraseña-de-relleno-para-igualar-tiempos');
      await verifyPassword(await this.dummyHash, password);
      return null;
    }
    const ok = await verifyPassword(user.passwordHash, password);
    return ok && user.active ? user.id : null;
  }
}
