import { DomainError } from '../common/domain-error';

/**
 * Keyset pagination (docs/api.md, "Paginación por cursor"): a cursor is the sort key of the last
 * row of a page, opaque to clients (base64url of a JSON array). Counts stop at COUNT_CAP + 1 rows.
 */
export const COUNT_CAP = 1000;

export function encodeCursor(key: ReadonlyArray<string | number | boolean | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The cursor's key, checked against the kinds of its fields ('t' timestamp text or null, 'b' boolean, 'i' integer); 422 otherwise. */
export function decodeCursor(cursor: string, shape: ReadonlyArray<'t' | 'b' | 'i'>): Array<string | number | boolean | null> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const ok =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) =>
      shape[i] === 'b' ? typeof v === 'boolean' : shape[i] === 'i' ? Number.isInteger(v) && (v as number) > 0 : v === null || (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(v)),
    );
  if (!ok) throw new DomainError('El cursor de la página no es válido: pida la primera página otra vez.', 'cursor');
  return key as Array<string | number | boolean | null>;
}

/** A timestamptz column as ISO text with its microseconds (a JS Date would drop them and the cursor would skip or repeat rows). */
export const isoMicros = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `{ total, totalCapped }` from a count that stopped at COUNT_CAP + 1. */
export function boundedTotal(n: number): { total: number; totalCapped: boolean } {
  return n > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/** Scope keys (see scopeKeysOf in src/requests/task-scope.ts): one index range scan per key, merged. */
export interface ScopeKeys {
  keys: string;
  params: unknown[];
  column: string;
}

/**
 * An ordered, limited query over a scope: with scope keys, `cross join lateral` runs the ordered,
 * limited query once per key (each an index range scan that stops after limit + offset rows) and
 * the outer query merges them. `orderBy` may name only output columns of `select`.
 */
export function scopedPage(
  scope: ScopeKeys | null,
  q: { select: string; from: string; where: string[]; params: unknown[]; orderBy: string },
  limit: number,
  offset: number,
): { sql: string; params: unknown[] } {
  const inner = (extra: string[]) => {
    const where = [...q.where, ...extra];
    return `select ${q.select} from ${q.from} ${where.length ? `where ${where.join(' and ')}` : ''} order by ${q.orderBy} limit ?`;
  };
  if (!scope) return { sql: `${inner([])} offset ?`, params: [...q.params, limit, offset] };
  return {
    sql: `select x.* from (${scope.keys}) c cross join lateral (${inner([`${scope.column} = c.k`])}) x order by ${q.orderBy} limit ? offset ?`,
    params: [...scope.params, ...q.params, limit + offset, limit, offset],
  };
}

/** `select n`: how many rows the scope has, counting at most COUNT_CAP + 1 (see boundedTotal). */
export function scopedCount(scope: ScopeKeys | null, q: { from: string; where: string[]; params: unknown[] }): { sql: string; params: unknown[] } {
  const cap = COUNT_CAP + 1;
  const inner = (extra: string[]) => {
    const where = [...q.where, ...extra];
    return `select 1 from ${q.from} ${where.length ? `where ${where.join(' and ')}` : ''} limit ?`;
  };
  if (!scope) return { sql: `select count(*)::int as n from (${inner([])}) y`, params: [...q.params, cap] };
  return {
    sql: `select count(*)::int as n from (select 1 from (${scope.keys}) c cross join lateral (${inner([`${scope.column} = c.k`])}) x limit ?) y`,
    params: [...scope.params, ...q.params, cap, cap],
  };
}
