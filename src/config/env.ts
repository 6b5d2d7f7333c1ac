/**
 * An integer setting from the environment: `fallback` when unset or empty; a Spanish error naming
 * the variable when it is not an integer of at least `min` (the process refuses to start).
 */
export function envInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    const what = min === 1 ? 'un entero positivo' : min === 0 ? 'un entero no negativo' : `un entero mayor o igual que ${min}`;
    throw new Error(`La variable de entorno ${name} debe ser ${what} (recibido: ${raw}).`);
  }
  return value;
}
