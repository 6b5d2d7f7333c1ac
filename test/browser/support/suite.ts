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
export const DESKTOP: Screen = { width: 1280, height: 800, phone: false };
export const PHONE: Screen = { width: 390, height: 800, phone: true };
/** On a phone the page's content starts at most this far down (header and folded menu). */
const MAX_MAIN_TOP = 170;

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
 * every width; on a phone, at its width and at 360 px, nothing wider than the screen and no box
 * scrolling sideways inside the page, every table cell labelled with its column (rows are shown
 * as cards) and header and menu leaving the first screen to the page; on the desktop, the README's screenshot. Findings are kept and
 * asserted together by `expectClean()`, the last test of a file, so one run reports every page.
 */
export class PageAudit {
  readonly axe: Record<string, unknown[]> = {};
  /** Pages (and widths) where something sticks out sideways, and what. */
  readonly sideways: Record<string, Sideways> = {};

  /** Table cells that, once a phone shows each row as a card, would not say which column they are. */
  readonly unlabelled: Record<string, string[]> = {};

  /** Where the page's content starts on a phone when header and menu take too much of the first screen (px). */
  readonly lowMain: Record<string, number> = {};

  constructor(readonly screen: Screen) {}

  /** axe-core and, on a phone, the sideways check at its width and at 360 px (no screenshot). */
  async check(u: WebUser, name: string): Promise<void> {
    this.axe[name] = await u.axe();
    if (!this.screen.phone) return;
    const cells = await unlabelledCells(u);
    if (cells.length) this.unlabelled[name] = cells;
    for (const width of [this.screen.width, 360]) {
      if (width !== this.screen.width) await u.page.setViewport({ width, height: this.screen.height });
      const found = await noSideways(u);
      if (found) this.sideways[`${name} ${width} px`] = found;
      // The issue measured 281 px of header and menu on a phone; folded, the menu leaves the first screen to the page.
      const top = await u.page.evaluate(() => Math.round((document.querySelector('main')?.getBoundingClientRect().top ?? 0) + window.scrollY));
      if (top > MAX_MAIN_TOP) this.lowMain[`${name} ${width} px`] = top;
    }
    await u.page.setViewport({ width: this.screen.width, height: this.screen.height });
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
    expect(this.unlabelled).toEqual({});
    expect(this.lowMain).toEqual({});
  }
}

/** What sticks out sideways on a phone: the page wider than its window, or a box scrolling sideways inside it. */
export interface Sideways {
  scrollWidth: number;
  innerWidth: number;
  widest: string[];
  scrollingBoxes: string[];
}

/**
 * Undefined when the page fits its window (`scrollWidth <= innerWidth`) and no box in it scrolls
 * sideways (a table in an `overflow: auto` box hides its last columns on a phone); otherwise the
 * widths and the elements that stick out, to say what to fix.
 */
export async function noSideways(u: WebUser): Promise<Sideways | undefined> {
  return u.page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${Array.from(e.classList).join('.')}` : ''}`;
    const describe = (e: Element) => `${e.parentElement ? `${name(e.parentElement)} > ` : ''}${name(e)} «${(e.textContent ?? '').trim().slice(0, 40)}» right ${Math.round(e.getBoundingClientRect().right)}`;
    const all = Array.from(document.body.querySelectorAll('*'));
    const past = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
    const widest = scrollWidth > window.innerWidth ? all.filter((e) => past(e) && !Array.from(e.children).some(past)).slice(0, 6).map(describe) : [];
    // Visually hidden helpers (1 px boxes) clip on purpose.
    const scrollingBoxes = all
      .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))
      .slice(0, 6)
      .map((e) => `${describe(e)} scrolls ${e.scrollWidth - e.clientWidth} px`);
    if (scrollWidth <= window.innerWidth && !scrollingBoxes.length) return undefined;
    return { scrollWidth, innerWidth: window.innerWidth, widest, scrollingBoxes };
  });
}

/** The cells of multi-cell table rows with no `data-label` (styles.css writes it before the value on phones), by caption and text. */
export async function unlabelledCells(u: WebUser): Promise<string[]> {
  return u.page.evaluate(() =>
    Array.from(document.querySelectorAll('.table-wrap td:not([data-label])'))
      .filter((td) => (td.parentElement?.children.length ?? 0) > 1)
      .slice(0, 6)
      .map((td) => `${td.closest('table')?.querySelector('caption')?.textContent ?? 'tabla'}: «${(td.textContent ?? '').trim().slice(0, 30)}»`),
  );
}
