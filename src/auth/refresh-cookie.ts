import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthError } from '../http/problem';
import type { AuthConfig } from './auth-config';

/**
 * The refresh token travels only in this cookie (docs/SECURITY.md, «Sesiones»): HttpOnly, so no
 * script can read it; SameSite=Strict and Path=/auth, so the browser sends it only to the auth
 * endpoints and only from our own pages; Secure when TLS terminates in front (TLS_TERMINATED).
 */
export const REFRESH_COOKIE = 'sej_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
/** The header a cookie-authenticated request must carry: a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-requested-with';

export function setRefreshCookie(res: Response, token: string, config: AuthConfig): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure: config.secureCookies,
    maxAge: config.refreshTtlSeconds * 1000,
  });
}

export function clearRefreshCookie(res: Response, config: AuthConfig): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, secure: config.secureCookies });
}

export function readRefreshCookie(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
  }
  return null;
}

/**
 * CSRF guard of the endpoints the cookie authenticates: the request must carry `X-Requested-With`,
 * which a page of another site can only send through CORS (never allowed here), not with a form.
 */
@Injectable()
export class CookieCsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.headers[CSRF_HEADER]) {
      throw new AuthError('Falta el encabezado «X-Requested-With»: esta operación usa la cookie de sesión y solo se acepta desde la aplicación.', 403);
    }
    return true;
  }
}
