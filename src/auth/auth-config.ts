import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadSecurityConfig } from '../security/security-config';

export interface AuthConfig {
  jwtSecret: string;
  /** Access token lifetime (default 15 minutes). */
  accessTtlSeconds: number;
  /** Refresh token lifetime (default 7 days); each refresh rotates it. */
  refreshTtlSeconds: number;
  /** Login attempts allowed per IP + username per minute (default 5). */
  loginAttemptsPerMinute: number;
  /** A session unused this long is closed (SESSION_IDLE_SECONDS, default 30 minutes). */
  sessionIdleSeconds: number;
  /** A session older than this is closed, used or not (SESSION_ABSOLUTE_SECONDS, default 12 hours). */
  sessionAbsoluteSeconds: number;
  /**
   * A refresh token presented again this soon after its use (REFRESH_REUSE_GRACE_SECONDS, default
   * 10 s) is refused without ending the session: two tabs refreshing at once with the same cookie.
   */
  refreshReuseGraceSeconds: number;
  /** Consecutive failed logins that lock an account (LOGIN_LOCKOUT_THRESHOLD, default 5). */
  lockoutThreshold: number;
  /** The first lock's length; each further failure doubles it (LOGIN_LOCKOUT_BASE_SECONDS, default 60). */
  lockoutBaseSeconds: number;
  /** The longest lock (LOGIN_LOCKOUT_MAX_SECONDS, default 1 hour). */
  lockoutMaxSeconds: number;
  /** Send the refresh cookie with `Secure` (TLS_TERMINATED). */
  secureCookies: boolean;
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const JWT_ISSUER = 'credencializacion-sej';
export const JWT_AUDIENCE = 'credencializacion-sej-api';

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`La variable de entorno ${name} debe ser un entero positivo (recibido: ${raw}).`);
  return value;
}

/**
 * The JWT secret: JWT_SECRET, or the content of the file JWT_SECRET_FILE (a mounted secret, e.g.
 * Docker or Kubernetes secrets), at least 32 characters. In production (NODE_ENV=production) one
 * of them is required. Otherwise a random secret is generated once and kept in
 * `<DATA_DIR>/jwt-secret` (mode 600, git-ignored with the rest of DATA_DIR), so tokens survive a
 * restart and no secret is ever committed. Rotating it (a new value, a restart) ends every session.
 */
export function resolveJwtSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const check = (secret: string, name: string): string => {
    if (secret.length < 32) throw new Error(`${name} debe tener al menos 32 caracteres.`);
    return secret;
  };
  if (env.JWT_SECRET) return check(env.JWT_SECRET, 'JWT_SECRET');
  if (env.JWT_SECRET_FILE) {
    let content: string;
    try {
      content = readFileSync(env.JWT_SECRET_FILE, 'utf8').trim();
    } catch (err) {
      throw new Error(`No se pudo leer JWT_SECRET_FILE (${env.JWT_SECRET_FILE}): ${(err as Error).message}`);
    }
    return check(content, `El secreto de ${env.JWT_SECRET_FILE}`);
  }
  if (loadSecurityConfig(env).production) {
    throw new Error('En producción (NODE_ENV=production) el secreto JWT viene de JWT_SECRET o de un archivo montado en JWT_SECRET_FILE.');
  }
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    // not generated yet
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    // Another process created it first: use theirs.
    return readFileSync(file, 'utf8').trim();
  }
}

export function loadAuthConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    jwtSecret: resolveJwtSecret(dataDir, env),
    accessTtlSeconds: positive(env, 'AUTH_ACCESS_TTL_SECONDS', 15 * 60),
    refreshTtlSeconds: positive(env, 'AUTH_REFRESH_TTL_SECONDS', 7 * 24 * 3600),
    loginAttemptsPerMinute: positive(env, 'LOGIN_RATE_LIMIT', 5),
    sessionIdleSeconds: positive(env, 'SESSION_IDLE_SECONDS', 30 * 60),
    sessionAbsoluteSeconds: positive(env, 'SESSION_ABSOLUTE_SECONDS', 12 * 3600),
    refreshReuseGraceSeconds: positive(env, 'REFRESH_REUSE_GRACE_SECONDS', 10),
    lockoutThreshold: positive(env, 'LOGIN_LOCKOUT_THRESHOLD', 5),
    lockoutBaseSeconds: positive(env, 'LOGIN_LOCKOUT_BASE_SECONDS', 60),
    lockoutMaxSeconds: positive(env, 'LOGIN_LOCKOUT_MAX_SECONDS', 3600),
    secureCookies: loadSecurityConfig(env).tlsTerminated,
  };
}
