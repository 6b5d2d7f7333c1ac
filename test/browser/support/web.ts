import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import puppeteer, { Browser, ElementHandle, HTTPResponse, Page } from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../../src/rendering/pdf-renderer';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Builds the web interface exactly as `npm run build:web` does, but into a private folder, so test
 * files running in parallel never race on web/dist. Returns the folder (give it as WEB_DIST_DIR).
 */
export async function buildWeb(): Promise<string> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'sej-web-'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'web/tsconfig.json'), '--outDir', path.join(out, 'js')], { stdio: 'pipe' });
  await fs.copyFile(path.join(ROOT, 'web/index.html'), path.join(out, 'index.html'));
  await fs.copyFile(path.join(ROOT, 'web/styles.css'), path.join(out, 'styles.css'));
  return out;
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // The same flags as the production renderer (headless, no sandbox as root, closed network).
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1280, height: 800 },
  });
}

/**
 * A tab driving the app like a person: by accessible names (so every control must have a label).
 * The app runs under its real Content-Security-Policy; every violation the page reports is kept in
 * `cspViolations`, and `close()` fails the test when there is any.
 */
export class WebUser {
  readonly errors: string[] = [];
  readonly cspViolations: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => this.errors.push(String(err)));
  }

  static async open(browser: Browser, baseUrl: string): Promise<WebUser> {
    const ctx = await browser.createBrowserContext();
    const page = await ctx.newPage();
    const user = new WebUser(page, baseUrl);
    await watchCsp(page, user.cspViolations);
    return user;
  }

  /** A new browser session signed in as `user`, on a window of `viewport` when given. */
  static async signedIn(browser: Browser, baseUrl: string, user: { username: string; password: string }, viewport?: { width: number; height: number }): Promise<WebUser> {
    const u = await WebUser.open(browser, baseUrl);
    if (viewport) await u.page.setViewport(viewport);
    await u.login(user.username, user.password);
    return u;
  }

  /** Opens a page of the app afresh (a full load, so it shows the data as it is now). */
  async goto(hash: string): Promise<void> {
    const url = `${this.baseUrl}/app/${hash}`;
    if (this.page.url() === url) await this.page.reload({ waitUntil: 'domcontentloaded' });
    else await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('main h1');
  }

  async login(username: string, password: string): Promise<void> {
    await this.goto('#/login');
    await this.fill('Usuario', username);
    await this.fill('Contraseña', password);
    await this.click('Iniciar sesión');
    await this.page.waitForSelector('::-p-aria(Cerrar sesión)');
  }

  async logout(): Promise<void> {
    await this.click('Cerrar sesión');
    await this.page.waitForSelector('::-p-aria(Iniciar sesión)');
  }

  /** A control found by its accessible name (label) and, optionally, its role. */
  async control(name: string, role?: string): Promise<ElementHandle<Element>> {
    const sel = role ? `aria/${name}[role="${role}"]` : `aria/${name}`;
    const el = await this.page.waitForSelector(sel, { visible: true });
    if (!el) throw new Error(`No control named «${name}»`);
    return el;
  }

  async fill(name: string, value: string): Promise<void> {
    const el = (await this.control(name)) as ElementHandle<HTMLInputElement>;
    await el.evaluate((e) => {
      e.value = '';
    });
    await el.type(value);
  }

  async choose(name: string, value: string): Promise<void> {
    const el = (await this.control(name, 'combobox')) as ElementHandle<HTMLSelectElement>;
    await el.select(value);
  }

  /** A file input found through its <label> text (file inputs expose a browser-made name). */
  async upload(labelText: string | RegExp, file: string): Promise<void> {
    const src = labelText instanceof RegExp ? labelText.source : `^${labelText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
    await this.page.waitForFunction((re) => Array.from(document.querySelectorAll('label')).some((l) => new RegExp(re).test(l.textContent ?? '')), {}, src);
    const id = await this.page.evaluate((re) => Array.from(document.querySelectorAll('label')).find((l) => new RegExp(re).test(l.textContent ?? ''))!.htmlFor, src);
    const el = (await this.page.$(`[id="${id}"]`)) as ElementHandle<HTMLInputElement>;
    await el.uploadFile(file);
  }

  async click(name: string): Promise<void> {
    const el = await this.control(name, 'button');
    await el.click();
  }

  /** Clicks and waits for the API answer whose URL matches. */
  async clickFor(name: string, url: RegExp, method = 'POST'): Promise<HTTPResponse> {
    try {
      const [res] = await Promise.all([this.page.waitForResponse((r) => url.test(r.url()) && r.request().method() === method), this.click(name)]);
      return res;
    } catch (err) {
      throw new Error(`${(err as Error).message} (clicking «${name}»); page says:\n${(await this.text().catch(() => '')).slice(0, 1500)}`);
    }
  }

  async link(name: string): Promise<void> {
    await this.openMenuFor(name);
    const el = await this.control(name, 'link');
    await Promise.all([this.page.waitForFunction((h) => location.hash !== h, {}, await this.page.evaluate(() => location.hash)), el.click()]);
    await this.page.waitForSelector('main h1');
  }

  /** On a phone the sections menu is folded behind «Menú»: opens it, as a person would, when `name` is one of its links. */
  private async openMenuFor(name: string): Promise<void> {
    const folded = await this.page.evaluate((n) => {
      const toggle = document.querySelector<HTMLElement>('nav .menu-toggle[aria-expanded="false"]');
      if (!toggle || !toggle.offsetParent) return false;
      return Array.from(document.querySelectorAll('nav ul a')).some((a) => Array.from(a.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('').trim() === n);
    }, name);
    if (folded) await this.click('Menú');
  }

  async waitText(text: string, selector = 'main'): Promise<void> {
    try {
      await this.page.waitForFunction((t, s) => document.querySelector(s)?.textContent?.includes(t), {}, text, selector);
    } catch (err) {
      throw new Error(`${(err as Error).message} (waiting for «${text}»); page says:\n${(await this.text().catch(() => '')).slice(0, 1500)}`);
    }
  }

  async text(selector = 'main'): Promise<string> {
    return this.page.$eval(selector, (e) => (e as HTMLElement).innerText);
  }

  async h1(): Promise<string> {
    return this.page.$eval('main h1', (e) => e.textContent ?? '');
  }

  /** axe-core in the page (WCAG 2.1 A/AA rules); returns the violations of these impacts (moderate, serious and critical unless told). */
  async axe(impacts: string[] = ['moderate', 'serious', 'critical']): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
    // Evaluated through the DevTools protocol: a <script> tag would (rightly) be refused by the CSP.
    await this.page.evaluate(await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    });
    return result.violations
      .filter((v) => impacts.includes(v.impact))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }

  /**
   * A screenshot of the viewport (1280×800). With WEB_SCREENSHOTS=1 it goes to docs/screenshots/
   * (committed, linked from the README); otherwise to a temporary folder.
   */
  async screenshot(name: string): Promise<string> {
    const dir = process.env.WEB_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(os.tmpdir(), 'sej-web-screenshots');
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file as `${string}.png`, type: 'png' });
    return file;
  }

  async close(): Promise<void> {
    await this.page.browserContext().close();
    if (this.cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${this.cspViolations.join('\n')}`);
  }
}

/** Collects the page's `securitypolicyviolation` events (in every document the tab loads). */
export async function watchCsp(page: Page, into: string[]): Promise<void> {
  await page.exposeFunction('__sejCspViolation', (text: string) => into.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __sejCspViolation(text: string): void }).__sejCspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
}

/** A small valid PDF (the oficio scan) on disk, for file inputs. */
export async function writeFixture(dir: string, name: string, content: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}
