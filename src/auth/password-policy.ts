import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DomainError } from '../common/domain-error';
import { defaultAssetsDir } from '../production';

/**
 * The password policy (ASVS V2.1): at least 12 characters, at most 256, not one of the common
 * passwords shipped in assets/common-passwords.txt (scripts/common-passwords.ts), not containing the
 * username, not one character repeated. Every password set goes through here: accounts created by
 * the CLI and the demo, a change by the user, a reset.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(defaultAssetsDir(), 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return common;
}

export function checkPasswordPolicy(password: unknown, username?: string): asserts password is string {
  if (typeof password !== 'string' || [...password].length < PASSWORD_MIN_LENGTH) {
    throw new DomainError(`La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`, 'password');
  }
  if (password.length > PASSWORD_MAX_LENGTH) throw new DomainError(`La contraseña admite a lo más ${PASSWORD_MAX_LENGTH} caracteres.`, 'password');
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    throw new DomainError('Esa contraseña está en la lista de contraseñas comunes o filtradas; elija otra, por ejemplo una frase de varias palabras.', 'password');
  }
  if (/^(.)\1*$/su.test(password)) throw new DomainError('La contraseña no puede ser un solo carácter repetido.', 'password');
  const user = username?.trim().toLowerCase();
  if (user && user.length >= 3 && lower.includes(user)) throw new DomainError('La contraseña no puede contener el nombre de usuario.', 'password');
}
