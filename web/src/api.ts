/**
 * The only door to the server: the public HTTP API with the same bearer tokens as any client.
 * The access token lives in memory only (no storage a script could read later); the refresh token
 * is an HttpOnly cookie the page never sees. On load and on a 401 the page renews through
 * /auth/refresh, which the cookie authenticates (docs/SECURITY.md, «Sesiones»).
 */
export type Role =
  | 'ESCUELA'
  | 'DRSE_PLANEACION'
  | 'DRSE_CONTROL_ESCOLAR'
  | 'DRSE_TECNOLOGIAS'
  | 'RECURSOS_MATERIALES'
  | 'CONTROL_ESCOLAR_CENTRAL'
  | 'DGTI'
  | 'ADMIN';

export interface Actor {
  id: string;
  role: Role;
  drseCode?: string;
  schoolId?: number;
}

export interface Me {
  actor: Actor;
  username: string;
  school?: { id: number; cct: string; turno: string; name: string };
  drseName?: string;
}

interface Tokens {
  accessToken: string;
  actor: Actor;
}

export interface FieldProblem {
  field: string;
  message: string;
  line?: number;
}

/** An answer that is not 2xx, carrying the problem+json fields (detail in Spanish). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly code: string | undefined,
    readonly errors: FieldProblem[],
  ) {
    super(detail);
  }
}

let tokens: Tokens | null = null;
let me: Me | null = null;
let refreshing: Promise<boolean> | null = null;

function store(t: Tokens | null): void {
  tokens = t ? { accessToken: t.accessToken, actor: t.actor } : null;
}

export const session = {
  get loggedIn(): boolean {
    return tokens !== null;
  },
  get actor(): Actor | null {
    return tokens?.actor ?? null;
  },
  get me(): Me | null {
    return me;
  },
};

export async function login(username: string, password: string): Promise<void> {
  const res = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw await toError(res);
  store((await res.json()) as Tokens);
  me = null;
  await loadMe();
}

export async function logout(): Promise<void> {
  try {
    if (tokens) await request('POST', '/auth/logout');
  } catch {
    // the session is closed locally anyway
  }
  store(null);
  me = null;
}

/** Ends every session of the user, on every device (this one too). */
export async function logoutEverywhere(): Promise<void> {
  await request('POST', '/auth/logout-all');
  store(null);
  me = null;
}

/** On load: a session survives a reload through the refresh cookie, not through storage. */
export async function restoreSession(): Promise<boolean> {
  return tokens !== null || (await refresh(true));
}

export async function loadMe(): Promise<Me | null> {
  if (!tokens) return null;
  if (!me) me = await get<Me>('/auth/me');
  return me;
}

async function refresh(onLoad = false): Promise<boolean> {
  if (!tokens && !onLoad) return false;
  const attempt = (): Promise<Response> => fetch('/auth/refresh', { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
  refreshing ??= (async () => {
    try {
      let res = await attempt();
      // Another tab may have renewed with the same cookie a moment ago: its new cookie is ours too.
      if (res.status === 401 && !onLoad) {
        await new Promise((r) => setTimeout(r, 300));
        res = await attempt();
      }
      if (!res.ok) {
        store(null);
        return false;
      }
      store((await res.json()) as Tokens);
      return true;
    } catch {
      return false;
    } finally {
      setTimeout(() => (refreshing = null), 0);
    }
  })();
  return refreshing;
}

/** Called when the session is over (401 after a refresh): the app sends the user to the login page. */
export let onSessionEnded: () => void = () => undefined;
export function setSessionEndedHandler(fn: () => void): void {
  onSessionEnded = fn;
}

async function toError(res: Response): Promise<ApiError> {
  let body: { detail?: string; title?: string; code?: string; errors?: FieldProblem[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON
  }
  const fallback: Record<number, string> = {
    401: 'La sesión terminó. Inicie sesión de nuevo.',
    403: 'No tiene permiso para esta operación.',
    404: 'No se encontró (o no está en su ámbito).',
    409: 'La operación no está permitida en este momento.',
    413: 'El archivo es demasiado grande.',
    429: 'Demasiados intentos. Espere un momento.',
  };
  const detail = body.detail ?? fallback[res.status] ?? `Error ${res.status} del servidor.`;
  return new ApiError(res.status, detail, body.code, body.errors ?? []);
}

export interface RequestOptions {
  json?: unknown;
  form?: FormData;
  idempotencyKey?: string;
  accept?: string;
}

export async function raw(method: string, url: string, opts: RequestOptions = {}, retried = false): Promise<Response> {
  const headers: Record<string, string> = {};
  if (tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
  if (opts.accept) headers.Accept = opts.accept;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  }
  const res = await fetch(url, { method, headers, body });
  if (res.status === 401 && tokens && !retried) {
    if (await refresh()) return raw(method, url, opts, true);
    onSessionEnded();
  }
  if (!res.ok) throw await toError(res);
  return res;
}

export async function request<T = unknown>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await raw(method, url, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const get = <T>(url: string): Promise<T> => request<T>('GET', url);
export const post = <T>(url: string, json?: unknown, idempotencyKey?: string): Promise<T> =>
  request<T>('POST', url, { json: json ?? {}, idempotencyKey: idempotencyKey ?? newKey() });
export const put = <T>(url: string, json: unknown): Promise<T> => request<T>('PUT', url, { json });

/** A fresh Idempotency-Key: a form keeps one per attempt, so a double click is not a double write. */
export function newKey(): string {
  return crypto.randomUUID();
}

/**
 * Multipart upload through XMLHttpRequest, so the page can show real upload progress. The page stays
 * usable while it runs.
 */
export function upload<T>(method: string, url: string, form: FormData, onProgress: (fraction: number | null) => void, idempotencyKey = newKey()): Promise<T> {
  const send = (): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      if (tokens) xhr.setRequestHeader('Authorization', `Bearer ${tokens.accessToken}`);
      xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
      xhr.upload.onprogress = (ev) => onProgress(ev.lengthComputable ? ev.loaded / ev.total : null);
      xhr.upload.onload = () => onProgress(null);
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.onerror = () => reject(new ApiError(0, 'No hay conexión con el servidor.', undefined, []));
      xhr.send(form);
    });
  return (async () => {
    let res = await send();
    if (res.status === 401 && (await refresh())) res = await send();
    let body: unknown = undefined;
    try {
      body = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      body = res.text;
    }
    if (res.status >= 200 && res.status < 300) return body as T;
    const p = (body ?? {}) as { detail?: string; code?: string; errors?: FieldProblem[] };
    throw new ApiError(res.status, p.detail ?? `Error ${res.status} del servidor.`, p.code, p.errors ?? []);
  })();
}

/** Downloads a protected file (PDF, photo) with the bearer token and hands it to the browser. */
export async function download(url: string, filename: string, method = 'GET', json?: unknown): Promise<Blob> {
  const res = await raw(method, url, json === undefined ? {} : { json });
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return blob;
}

export async function blobUrl(url: string): Promise<string> {
  const res = await raw('GET', url);
  return URL.createObjectURL(await res.blob());
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
