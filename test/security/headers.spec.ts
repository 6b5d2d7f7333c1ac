import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { APP_CSP, applySecurityHeaders, cspHeader, DOCS_CSP, PERMISSIONS_POLICY } from '../../src/security/security-headers';
import { startTestApp, TestApp } from '../support/app';
import { buildWeb } from '../browser/support/web';

type Op = { method: string; path: string };

/** Fills an OpenAPI path template with values that reach the handler (most answer 404 or 422). */
const concrete = (route: string) => route.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'procedure' ? 'PROCEDURE_1' : name === 'folio' ? 'K1-0000001' : '1'));

function expectSecurityHeaders(headers: Headers, where: string, csp = cspHeader(APP_CSP)): void {
  const got = {
    where,
    csp: headers.get('content-security-policy'),
    nosniff: headers.get('x-content-type-options'),
    frame: headers.get('x-frame-options'),
    referrer: headers.get('referrer-policy'),
    permissions: headers.get('permissions-policy'),
    poweredBy: headers.get('x-powered-by'),
    hsts: headers.get('strict-transport-security'),
  };
  expect(got).toEqual({ where, csp, nosniff: 'nosniff', frame: 'DENY', referrer: 'no-referrer', permissions: PERMISSIONS_POLICY, poweredBy: null, hsts: null });
}

describe('Security headers', () => {
  let t: TestApp;
  let webDir: string;
  let adminToken: string;
  let ops: Op[];

  beforeAll(async () => {
    webDir = await buildWeb();
    t = await startTestApp({ env: { WEB_DIST_DIR: webDir } });
    adminToken = (await t.loginAs({ role: 'ADMIN' })).accessToken;
    const doc = (await t.http('GET', '/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    ops = Object.entries(doc.paths).flatMap(([route, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path: concrete(route) })));
  });

  afterAll(async () => {
    await t?.close();
    await fs.rm(webDir, { recursive: true, force: true });
  });

  it('the policy of the web interface forbids inline script and style, eval, framing and foreign origins', () => {
    const csp = cspHeader(APP_CSP);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('every OpenAPI operation answers with the headers and no-store, with and without a session', async () => {
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) {
      for (const token of [undefined, adminToken]) {
        const res = await t.http(op.method, op.path, { token, json: op.method === 'GET' ? undefined : {} });
        const where = `${op.method} ${op.path} (${token ? 'ADMIN' : 'anónimo'}) → ${res.status}`;
        expectSecurityHeaders(res.headers, where, (op.path.startsWith('/verificar/') || op.path.startsWith('/V/')) && res.contentType.includes('html') ? res.headers.get('content-security-policy') ?? 'falta' : undefined);
        expect({ where, cache: res.headers.get('cache-control') }).toEqual({ where, cache: expect.stringMatching(/no-store/) });
      }
    }
  });

  it('the web interface, its files, errors, redirects and unknown paths carry them too', async () => {
    for (const p of ['/app/', '/app/styles.css', '/app/js/main.js', '/', '/no-existe', '/app/no-existe.js']) {
      const res = await fetch(`${t.baseUrl}${p}`, { redirect: 'manual' });
      expectSecurityHeaders(res.headers, `GET ${p} → ${res.status}`);
    }
    const broken = await fetch(`${t.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(broken.status).toBeLessThan(500);
    expectSecurityHeaders(broken.headers, `JSON roto → ${broken.status}`);
    expect(broken.headers.get('cache-control')).toBe('no-store');
  });

  it('Swagger UI gets a policy it works under (inline styles only), still never framed', async () => {
    for (const p of ['/docs', '/docs/swagger-ui-init.js', '/docs-json']) {
      const res = await fetch(`${t.baseUrl}${p}`);
      expect(res.status).toBe(200);
      expectSecurityHeaders(res.headers, `GET ${p}`, p === '/docs-json' ? cspHeader(APP_CSP) : cspHeader(DOCS_CSP));
    }
    const html = await (await fetch(`${t.baseUrl}/docs`)).text();
    // Every script of the page is a file of this origin (script-src 'self' lets nothing else run).
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
  });

  it('the public verification page runs no script and its only style is allowed by hash', async () => {
    const res = await fetch(`${t.baseUrl}/verificar/K1.1.14EPR0001AM.2627.AAAA`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const style = /<style>([^<]*)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(style).digest('base64');
    expectSecurityHeaders(res.headers, 'verificación', `default-src 'none';style-src 'sha256-${hash}';base-uri 'none';form-action 'none';frame-ancestors 'none'`);
    expect(html).not.toMatch(/<script|style="/);
  });
});

describe(applySecurityHeaders.name, () => {
  it('sends HSTS and upgrades insecure requests only when TLS terminates in front (TLS_TERMINATED)', async () => {
    const heads: Record<string, Headers> = {};
    for (const tlsTerminated of [false, true]) {
      const app = express();
      applySecurityHeaders(app, { tlsTerminated, production: false });
      app.get('/x', (_req, res) => res.json({ ok: true }));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      heads[String(tlsTerminated)] = (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`)).headers;
      server.close();
    }
    expect(heads.false.get('strict-transport-security')).toBeNull();
    expect(heads.false.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(heads.true.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(heads.true.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
