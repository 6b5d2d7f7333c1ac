import * as path from 'node:path';

/**
 * Every setting comes from the environment, with defaults that run the whole system on one
 * developer machine. README.md lists them.
 */
export interface AppConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  port: number;
  dataDir: string;
  chromiumPath: string;
  publicBaseUrl: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`La variable de entorno ${name} debe ser un entero positivo (recibido: ${raw}).`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int('PORT', 3000);
  return {
    databaseUrl: env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/credencializacion',
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'credencializacion',
    port,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port}`,
  };
}
