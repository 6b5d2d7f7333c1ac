import { ApiError, get, loadMe, logout, restoreSession, Role, session, setSessionEndedHandler } from './api.js';
import type { InboxCounts } from './requests-api.js';
import { button, clear, h } from './dom.js';
import { drseDisplay } from './catalog.js';
import { ROLE_LABEL } from './labels.js';
import { accountPage } from './pages/account.js';
import { acusesPage } from './pages/acuses.js';
import { cardsPage } from './pages/cards.js';
import { complaintsPage } from './pages/complaints.js';
import { coveragePage } from './pages/coverage.js';
import { equipmentPage } from './pages/equipment.js';
import { helpPage } from './pages/help.js';
import { inboxPage } from './pages/inbox.js';
import { inventoryPage } from './pages/inventory.js';
import { loginPage } from './pages/login.js';
import { newRequestPage, offlineOficioPage } from './pages/new-request.js';
import { printRunsPage } from './pages/print-runs.js';
import { replacementsPage } from './pages/replacements.js';
import { requestDetailPage } from './pages/request-detail.js';
import { requestsPage } from './pages/requests.js';
import { securityPage } from './pages/security.js';
import { studentsPage } from './pages/students.js';
import { supportDetailPage, supportPage } from './pages/support.js';
import { ticketDetailPage, ticketsPage } from './pages/tickets.js';
import { usersPage } from './pages/users.js';
import { problemView } from './ui.js';

export interface PageContext {
  main: HTMLElement;
  params: string[];
  query: URLSearchParams;
  /** Sets the page's h1 and the document title. */
  title(text: string): HTMLHeadingElement;
}

type PageFn = (ctx: PageContext) => Promise<void>;

interface Route {
  pattern: RegExp;
  page: PageFn;
  roles?: Role[];
}

const ALL: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'];

const ROUTES: Route[] = [
  { pattern: /^$/, page: inboxPage },
  { pattern: /^solicitudes$/, page: requestsPage },
  { pattern: /^solicitudes\/(\d+)$/, page: requestDetailPage },
  { pattern: /^nueva-solicitud$/, page: newRequestPage, roles: ['ESCUELA'] },
  { pattern: /^oficio-sin-internet$/, page: offlineOficioPage, roles: ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR'] },
  { pattern: /^alumnos$/, page: studentsPage, roles: ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^impresion$/, page: printRunsPage, roles: ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^inventario$/, page: inventoryPage },
  { pattern: /^abastecimiento$/, page: ticketsPage, roles: ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^abastecimiento\/(\d+)$/, page: ticketDetailPage, roles: ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^equipo$/, page: equipmentPage },
  { pattern: /^acuses$/, page: acusesPage },
  { pattern: /^reposiciones$/, page: replacementsPage, roles: ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^quejas$/, page: complaintsPage, roles: ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^cobertura$/, page: coveragePage },
  { pattern: /^folios$/, page: cardsPage, roles: ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'] },
  { pattern: /^mi-cuenta$/, page: accountPage },
  { pattern: /^ayuda$/, page: helpPage },
  { pattern: /^soporte$/, page: supportPage },
  { pattern: /^soporte\/(\d+)$/, page: supportDetailPage },
  { pattern: /^cuentas$/, page: usersPage, roles: ['ADMIN'] },
  { pattern: /^seguridad$/, page: securityPage, roles: ['ADMIN'] },
];

/** Navigation per role: only what the role can use. */
function navFor(role: Role, printsOnSite: boolean): [string, string][] {
  const items: [string, string][] = [['#/', 'Bandeja']];
  // DGTI: the second level of support (R10), nothing of the procedures.
  if (role === 'DGTI') return [...items, ['#/soporte', 'Soporte'], ['#/equipo', 'Equipo y fallas'], ['#/mi-cuenta', 'Mi cuenta'], ['#/ayuda', 'Ayuda']];
  const add = (href: string, text: string, roles: Role[]) => roles.includes(role) && items.push([href, text]);
  add('#/nueva-solicitud', 'Nuevo oficio', ['ESCUELA']);
  add('#/oficio-sin-internet', 'Oficio de escuela sin internet', ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR']);
  items.push(['#/solicitudes', role === 'ESCUELA' ? 'Mis solicitudes' : 'Solicitudes']);
  add('#/alumnos', 'Alumnos', ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN']);
  if (role !== 'ESCUELA' || printsOnSite) add('#/impresion', 'Impresión', ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN']);
  if (role !== 'ESCUELA' || printsOnSite) items.push(['#/inventario', role === 'ESCUELA' ? 'Material' : 'Existencias']);
  add('#/abastecimiento', 'Abastecimiento', ['DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN']);
  add('#/equipo', 'Equipo y fallas', ALL);
  items.push(['#/acuses', 'Acuses']);
  add('#/reposiciones', 'Reposiciones', ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN']);
  add('#/folios', 'Folios y correcciones', ['CONTROL_ESCOLAR_CENTRAL', 'ADMIN']);
  add('#/quejas', 'Quejas', ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN']);
  items.push(['#/cobertura', 'Cobertura']);
  add('#/cuentas', 'Cuentas', ['ADMIN']);
  add('#/seguridad', 'Seguridad', ['ADMIN']);
  items.push(['#/soporte', 'Soporte']);
  items.push(['#/mi-cuenta', 'Mi cuenta']);
  items.push(['#/ayuda', 'Ayuda']);
  return items;
}

const app = document.getElementById('app')!;
let printsOnSite = false;

function layout(path: string): HTMLElement {
  const me = session.me;
  const actor = session.actor!;
  const who = me?.school ? `${me.school.name} (${me.school.cct} · ${me.school.turno})` : me?.drseName ? drseDisplay(me.drseName) : 'Oficinas centrales';
  const main = h('main', { id: 'contenido', tabindex: -1 });
  const current = `#/${path}`;
  clear(
    app,
    h('a', { class: 'skip', href: '#contenido', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, 'Saltar al contenido'),
    h(
      'header',
      { class: 'top' },
      h('p', { class: 'brand' }, 'Credencialización SEJ'),
      h('p', { class: 'who' }, h('span', null, `${me?.username ?? ''} · ${ROLE_LABEL[actor.role]}`), h('span', { class: 'scope' }, who)),
      button('Cerrar sesión', async () => {
        await logout();
        location.hash = '#/login';
      }, { class: 'secondary' }),
    ),
    menu(navFor(actor.role, printsOnSite), current),
    main,
  );
  void showNavCounts();
  return main;
}

/**
 * The sections menu. On a phone (styles.css, ≤ 600 px) it folds behind a «Menú» button that names the
 * current section, so the page starts near the top; on wider screens the button is hidden and every
 * link shows. Escape closes it and returns focus to the button.
 */
function menu(items: [string, string][], current: string): HTMLElement {
  const isCurrent = (href: string) => href === current || (href !== '#/' && current.startsWith(href + '/'));
  const list = h(
    'ul',
    { id: 'menu-secciones' },
    items.map(([href, text]) => h('li', null, h('a', { href, 'data-nav': href, 'aria-current': isCurrent(href) ? 'page' : false }, text))),
  );
  const here = items.find(([href]) => isCurrent(href))?.[1];
  const toggle = h('button', { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'menu-secciones' }, 'Menú', h('span', { class: 'menu-arrow', 'aria-hidden': 'true' }));
  const nav = h('nav', { 'aria-label': 'Secciones' }, h('div', { class: 'menu-bar' }, toggle, here ? h('span', { class: 'menu-here' }, here) : null), list);
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    toggle.focus();
  });
  return nav;
}

/** The sections where each kind of pending work is done (the inbox counts everything). */
const NAV_OF_KIND: Record<string, string> = { ABASTECIMIENTO: '#/abastecimiento', ENVIO: '#/abastecimiento', ACUSE: '#/acuses' };

/**
 * Counts in the menu (GET /inbox/counts): «Bandeja» shows everything pending, a section what of it is
 * done there. The number is drawn beside the link's name (hidden from assistive technology) and read as
 * the link's description («3 pendientes»), so the link keeps its name.
 */
async function showNavCounts(): Promise<void> {
  const counts = await get<InboxCounts>('/inbox/counts').catch(() => null);
  if (!counts) return;
  const per = new Map<string, number>([['#/', counts.total]]);
  for (const k of counts.tipos) {
    const href = NAV_OF_KIND[k.tipo];
    if (href) per.set(href, (per.get(href) ?? 0) + k.cantidad);
  }
  // On a phone the folded menu's button shows what is pending in all.
  const toggle = document.querySelector('nav .menu-toggle');
  if (toggle && counts.total > 0) {
    toggle.setAttribute('aria-describedby', 'nav-count-bandeja');
    toggle.append(h('span', { class: 'count', 'aria-hidden': 'true' }, String(counts.total)));
  }
  for (const [href, n] of per) {
    const link = document.querySelector<HTMLAnchorElement>(`nav a[data-nav="${href}"]`);
    if (!link || n === 0) continue;
    const id = `nav-count-${href.replace(/[^a-z]/g, '') || 'bandeja'}`;
    link.setAttribute('aria-describedby', id);
    link.append(h('span', { class: 'count', 'aria-hidden': 'true' }, String(n)));
    link.after(h('span', { id, hidden: true }, `${n} ${n === 1 ? 'pendiente' : 'pendientes'}`));
  }
}

let renderSeq = 0;
async function render(): Promise<void> {
  const seq = ++renderSeq;
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const [path, query = ''] = hash.split('?');
  if (path === 'login' || !session.loggedIn) {
    if (path !== 'login') {
      location.hash = '#/login';
      return;
    }
    app.replaceChildren();
    const main = h('main', { id: 'contenido', tabindex: -1, class: 'login-main' });
    app.appendChild(main);
    await loginPage(ctxFor(main, [], new URLSearchParams(query)));
    return;
  }
  try {
    const me = await loadMe();
    if (me?.actor.role === 'ESCUELA' && me.school) printsOnSite = await schoolPrintsOnSite(me.school.id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
  }
  if (seq !== renderSeq) return;
  const main = layout(path);
  const route = ROUTES.find((r) => r.pattern.test(path));
  const ctx = ctxFor(main, route ? (path.match(route.pattern)!.slice(1) as string[]) : [], new URLSearchParams(query));
  if (!route) {
    ctx.title('Página no encontrada');
    main.append(h('p', null, 'La dirección no corresponde a ninguna página. ', h('a', { href: '#/' }, 'Volver a la bandeja')));
    return;
  }
  if (route.roles && !route.roles.includes(session.actor!.role)) {
    ctx.title('No permitido');
    main.append(h('p', { class: 'notice error', role: 'alert' }, 'Su rol no tiene acceso a esta página.'));
    return;
  }
  try {
    await route.page(ctx);
  } catch (err) {
    if (seq !== renderSeq) return;
    if (!main.querySelector('h1')) ctx.title(err instanceof ApiError && err.status === 404 ? 'No encontrado' : 'Error');
    main.append(problemView(err));
  }
}

const routeCache = new Map<number, boolean>();
async function schoolPrintsOnSite(schoolId: number): Promise<boolean> {
  if (!routeCache.has(schoolId)) {
    const school = await get<{ printRoute: string }>(`/schools/${schoolId}`);
    routeCache.set(schoolId, school.printRoute === 'ESCUELA');
  }
  return routeCache.get(schoolId)!;
}

function ctxFor(main: HTMLElement, params: string[], query: URLSearchParams): PageContext {
  return {
    main,
    params,
    query,
    title(text: string) {
      document.title = `${text} · Credencialización SEJ`;
      const h1 = h('h1', { tabindex: -1 }, text);
      main.prepend(h1);
      return h1;
    },
  };
}

/**
 * Re-renders the current route (after an action changed the data, or the live status saw a change).
 * Keyboard focus stays on the same control when it is still there (else the heading), instead of
 * falling to the page body with the old elements.
 */
export async function refreshPage(): Promise<void> {
  const before = focusKey(document.activeElement);
  await render();
  const now = document.activeElement;
  if (!before || (now && now !== document.body)) return;
  const again = Array.from(document.querySelectorAll<HTMLElement>(before.tag)).find((e) => focusKey(e)?.key === before.key);
  (again ?? document.querySelector<HTMLElement>('main h1'))?.focus();
}

/** What identifies a control across renderings: its tag, decision, link, name and text. */
function focusKey(e: Element | null): { tag: string; key: string } | null {
  if (!(e instanceof HTMLElement) || e === document.body) return null;
  return { tag: e.tagName.toLowerCase(), key: [e.dataset.evento, e.getAttribute('href'), e.getAttribute('name'), e.textContent?.trim().slice(0, 80)].join('|') };
}

setSessionEndedHandler(() => {
  location.hash = '#/login';
});
// After navigation the heading takes focus, unless the page put it somewhere useful (the login form).
window.addEventListener('hashchange', () =>
  void render().then(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !document.querySelector('main')?.contains(active)) document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: false });
  }),
);
void restoreSession().then(() => render());
