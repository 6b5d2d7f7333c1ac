import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { loadSecurityConfig, SecurityConfig } from './security-config';

export type Directives = Record<string, string[]>;

/**
 * The policy of the web interface and of every API response: only this origin's files, no inline
 * script or style (style attributes included), no eval, never framed. `blob:` images are the
 * student photos the interface fetches with its token.
 */
export const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI: its own bundle and init script from this origin; it needs inline styles and data: images. */
export const DOCS_CSP: Directives = {
  ...APP_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'base-uri': ["'self'"],
};

/** Browser features nobody in this application uses. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()';

/** The header value, written as helmet writes it. */
export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}

function helmetWith(directives: Directives, config: SecurityConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: config.tlsTerminated ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
    },
    strictTransportSecurity: config.tlsTerminated ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Paths whose responses may be cached: the interface's static files and Swagger UI's. Everything
 * else (students, photos, PDFs, acuses, any API answer) is `no-store`.
 */
const CACHEABLE = /^\/(app|docs)(\/|$)/;

/**
 * Security headers on every response (helmet 8 + Permissions-Policy + Cache-Control). Called
 * first in createApp so static files, errors and Swagger UI get them too.
 */
export function applySecurityHeaders(app: { use(handler: RequestHandler): unknown }, config: SecurityConfig = loadSecurityConfig()): void {
  const appHeaders = helmetWith(APP_CSP, config);
  const docsHeaders = helmetWith(DOCS_CSP, config);
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    if (!CACHEABLE.test(req.path)) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
    }
    const docs = req.path === '/docs' || req.path.startsWith('/docs/');
    (docs ? docsHeaders : appHeaders)(req, res, next);
  });
}
