/**
 * Security settings (docs/SECURITY.md). From the environment, with safe defaults for one
 * developer machine; production turns on `TLS_TERMINATED` (HSTS, Secure cookies).
 */
export interface SecurityConfig {
  /** TLS terminates in front of the API (a reverse proxy): send HSTS. */
  tlsTerminated: boolean;
  /**
   * NODE_ENV=production: secrets must come from configuration (JWT_SECRET or JWT_SECRET_FILE, QR
   * keys made by `npm run qr-keys -- rotate` in QR_KEYS_DIR); nothing is generated into DATA_DIR.
   */
  production: boolean;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new Error(`La variable de entorno ${name} debe ser true o false (recibido: ${env[name]}).`);
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  return { tlsTerminated: flag(env, 'TLS_TERMINATED'), production: env.NODE_ENV === 'production' };
}
