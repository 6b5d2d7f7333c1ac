import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { startTestApp, TestApp, TestAppOptions, TestUser } from '../../support/app';
import { buildWeb, launchBrowser, WebUser } from './web';

/** The screen the journeys are walked on: a desktop window, or a phone (then the README's screenshots are not taken). */
export interface Screen {
  width: number;
  height: number;
  phone: boolean;
}
export const DESKTOP: Screen = { width: 1024, height: 700, phone: false };
export const PHONE: Screen = { width: 390, height: 800, phone: true };

/**
 * What one browser spec file runs against: a private build of the web app, the real system
 * (`startTestApp`: API, PostgreSQL, optionally the Temporal worker), a Chromium and a folder for
 * fixture files. `close()` removes all of it, whatever failed first.
 */
export interface WebSystem {
  t: TestApp;
  browser: Browser;
  fixtures: string;
  /** A new browser session signed in as `user` on `screen`. */
  as(user: TestUser, screen: Screen): Promise<WebUser>;
  close(): Promise<void>;
}

export async function startWebSystem(options: TestAppOptions = {}): Promise<WebSystem> {
  const webDir = await buildWeb();
  const fixtures = await fs.mkdtemp(path.join(os.tmpdir(), 'sej-web-fx-'));
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    try {
      await browser?.close();
    } finally {
      try {
        await t?.close();
      } finally {
        await fs.rm(webDir, { recursive: true, force: true });
        await fs.rm(fixtures, { recursive: true, force: true });
      }
    }
  };
  try {
    t = await startTestApp({ ...options, env: { ...options.env, WEB_DIST_DIR: webDir } });
    browser = await launchBrowser();
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  const app = t;
  const chromium = browser;
  return {
    t: app,
    browser: chromium,
    fixtures,
    as: (user, screen) => WebUser.signedIn(chromium, app.baseUrl, user, { width: screen.width, height: screen.height }),
    close,
  };
}

/**
 * The checks of every main page a journey visits: axe-core (moderate, serious and critical) at
 * every width; on a phone, nothing wider than the screen (the page never scrolls sideways); on the
 * desktop, the README's screenshot. Findings are kept and asserted together by `expectClean()`, the
 * last test of a file, so one run reports every page at once.
 */
export class PageAudit {
  readonly axe: Record<string, unknown[]> = {};
  /** Pages wider than the phone's screen: their width and the elements sticking out. */
  readonly sideways: Record<string, { scrollWidth: number; innerWidth: number; widest: string[] }> = {};

  constructor(readonly screen: Screen) {}

  /** axe-core and, on a phone, the sideways check (no screenshot). */
  async check(u: WebUser, name: string): Promise<void> {
    this.axe[name] = await u.axe();
    if (this.screen.phone) {
      const fit = await noSideways(u);
      if (fit) this.sideways[name] = fit;
    }
  }

  /** `check`, then on the desktop the README's screenshot (scrolled to `scrollTo` when given). */
  async shot(u: WebUser, name: string, scrollTo?: string): Promise<void> {
    await this.check(u, name);
    if (this.screen.phone) return;
    if (scrollTo) await u.page.$eval(scrollTo, (e) => e.scrollIntoView({ block: 'start' }));
    await u.screenshot(name);
  }

  expectClean(minPages: number): void {
    expect(Object.keys(this.axe).length).toBeGreaterThanOrEqual(minPages);
    expect(Object.fromEntries(Object.entries(this.axe).filter(([, v]) => v.length))).toEqual({});
    expect(this.sideways).toEqual({});
  }
}

/**
 * Undefined when the page fits its window (`scrollWidth <= innerWidth`); otherwise the widths and
 * the innermost elements whose right edge passes the window, to say what to fix.
 */
export async function noSideways(u: WebUser): Promise<{ scrollWidth: number; innerWidth: number; widest: string[] } | undefined> {
  return u.page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth <= window.innerWidth) return undefined;
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${Array.from(e.classList).join('.')}` : ''}`;
    const out = Array.from(document.body.querySelectorAll('*')).filter(
      (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5),
    );
    return {
      scrollWidth,
      innerWidth: window.innerWidth,
      widest: out.slice(0, 6).map((e) => `${e.parentElement ? `${name(e.parentElement)} > ` : ''}${name(e)} «${(e.textContent ?? '').trim().slice(0, 40)}» right ${Math.round(e.getBoundingClientRect().right)}`),
    };
  });
}
