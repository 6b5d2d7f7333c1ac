import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Argon2id (memory-hard) with the OWASP-recommended minimum: 19 MiB, 2 passes, 1 lane. The
 * parameters live inside each PHC string, so raising them later keeps old hashes verifiable.
 */
const ARGON2ID = 2 as NonNullable<Options['algorithm']>;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2id$')) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
