import { download, get, session } from '../api.js';
import { drseDisplay } from '../catalog.js';
import { Child, fmtDate, h, table } from '../dom.js';
import { itemLabel, label, quantityText, STATUS_LABEL } from '../labels.js';
import type { components } from '../api-types.js';
import type { PageContext } from '../main.js';
import { act, badge, messageBox, section } from '../ui.js';

type Schemas = components['schemas'];
type Metrics = Schemas['CoverageMetricsDto'];
type SchoolRow = Schemas['SchoolCoverageRowDto'];
type Summary = Schemas['CoverageSummaryDto'];
type DrseReport = Schemas['DrseCoverageDto'];

const num = (n: number): string => n.toLocaleString('es-MX');
const pct = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '—');
/** Students the cycle is done for: they hold a card in force and this cycle's hologram. */
const served = (m: Metrics): number => Math.max(0, m.students - m.declined - m.pending.students);

const SVG = 'http://www.w3.org/2000/svg';
function rect(x: number, width: number, cls: string): SVGRectElement {
  const r = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x, y: 0, width, height: 10, class: cls })) r.setAttribute(k, String(v));
  return r;
}

/**
 * A stacked bar (inline SVG, no library): served, pending and declined students. The SVG is
 * decorative; the same figures are its accessible name and stay written beside it.
 */
function coverageBar(m: Metrics): HTMLElement {
  if (m.students === 0) return h('span', { class: 'empty' }, 'Sin alumnos');
  const total = Math.max(1, m.students);
  const parts: [number, string][] = [
    [served(m), 'bar-ok'],
    [m.pending.students, 'bar-pending'],
    [m.declined, 'bar-declined'],
  ];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 10');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'bar');
  let x = 0;
  for (const [value, cls] of parts) {
    const w = (value / total) * 100;
    if (w > 0) svg.append(rect(x, w, cls));
    x += w;
  }
  const text = `${pct(served(m), m.students - m.declined)} atendidos`;
  const name = `${num(served(m))} atendidos, ${num(m.pending.students)} pendientes, ${num(m.declined)} declinaron, de ${num(m.students)} alumnos`;
  return h('span', { class: 'coverage-bar', role: 'img', 'aria-label': name }, svg, h('span', { 'aria-hidden': 'true' }, text));
}

function keyFigures(m: Metrics): HTMLElement {
  const fig = (title: string, value: number, note?: string, cls = ''): HTMLElement =>
    h('div', { class: `kpi ${cls}` }, h('dt', null, title), h('dd', null, h('strong', null, num(value)), note ? h('span', { class: 'kpi-note' }, note) : null));
  return h(
    'dl',
    { class: 'kpis' },
    fig('Alumnos', m.students, m.schools !== 1 ? `${num(m.schools)} escuelas` : undefined),
    fig('Con fotografía', m.withPhoto, pct(m.withPhoto, m.students)),
    fig('Con credencial vigente', m.cardsInForce, `${num(m.cardsIssuedThisCycle)} expedidas este ciclo`),
    fig('Con holograma del ciclo', m.hologramsDelivered, pct(m.hologramsDelivered, m.students - m.declined)),
    fig('Pendientes', m.pending.students, `${num(m.pending.newCards)} sin credencial · ${num(m.pending.holograms)} sin holograma`, m.pending.students ? 'warn' : 'ok'),
    fig('Sin fotografía (no se puede producir)', m.pending.withoutPhoto, undefined, m.pending.withoutPhoto ? 'warn' : ''),
    fig('Declinaron la credencial', m.declined),
  );
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    h('li', null, h('span', { class: 'swatch-box bar-ok' }), 'Atendidos (credencial vigente y holograma del ciclo)'),
    h('li', null, h('span', { class: 'swatch-box bar-pending' }), 'Pendientes'),
    h('li', null, h('span', { class: 'swatch-box bar-declined' }), 'Declinaron'),
  );
}

function requestsSection(m: Metrics): HTMLElement {
  return section(
    'Solicitudes del ciclo',
    h(
      'p',
      null,
      `${num(m.requests.open)} abiertas`,
      m.requests.overdue ? [' · ', badge(`${num(m.requests.overdue)} con un paso vencido`, 'danger')] : ' · ninguna vencida',
    ),
    m.requests.byStatus.length
      ? table(
          'Solicitudes por estado',
          ['Estado', 'Solicitudes'],
          m.requests.byStatus.map((s) => [label(STATUS_LABEL, s.status), num(s.count)]),
        )
      : h('p', { class: 'empty' }, 'No hay solicitudes en este ciclo.'),
  );
}

function materialSection(m: Metrics, note: string): HTMLElement {
  if (!m.material) return section('Material', h('p', null, 'Esta escuela no guarda material: su DRSE produce sus credenciales.'));
  return section(
    'Material disponible contra lo que necesitan los pendientes',
    h('p', { class: 'hint' }, note),
    table(
      'Material por artículo',
      ['Artículo', 'Disponible', 'Necesario', 'Faltante'],
      m.material.map((l) => [
        itemLabel(l.item),
        quantityText(l.item, l.available),
        quantityText(l.item, l.needed),
        l.missing ? badge(`Faltan ${quantityText(l.item, l.missing)}`, 'danger') : badge('Suficiente', 'ok'),
      ]),
    ),
  );
}

/** Short names for a table cell: «Falta: micas, Teslin». */
const SHORT_ITEM: Record<string, string> = { MICA: 'micas', TESLIN: 'Teslin', TINTA: 'tinta' };
const shortItem = (item: string): string => SHORT_ITEM[item] ?? (item.startsWith('HOLOGRAMA:') ? 'hologramas' : item);

function missingText(m: Metrics): Child {
  const missing = (m.material ?? []).filter((l) => l.missing > 0);
  if (!m.material) return 'La produce su DRSE';
  return missing.length ? badge(`Falta: ${missing.map((l) => shortItem(l.item)).join(', ')}`, 'danger multi') : badge('Suficiente', 'ok');
}

function csvButton(url: string, filename: string): HTMLElement {
  const box = messageBox();
  const btn = h('button', { type: 'button', class: 'secondary' }, 'Descargar CSV');
  btn.addEventListener('click', () => void act(btn, box, async () => void (await download(url, filename))));
  return h('div', { class: 'actions' }, btn, box);
}

function header(ctx: PageContext, title: string, cycleCode: string, countsAsOf: string): void {
  ctx.title(title);
  ctx.main.append(h('p', null, `Ciclo escolar ${cycleCode} · cifras al ${fmtDate(countsAsOf)}`));
}

/** Coverage of the current cycle: the state or a DRSE (a row per DRSE / per school), or one school. */
export async function coveragePage(ctx: PageContext): Promise<void> {
  const role = session.actor!.role;
  const schoolParam = role === 'ESCUELA' ? session.me?.school?.id : ctx.query.get('escuela');
  if (schoolParam) return schoolView(ctx, Number(schoolParam), role !== 'ESCUELA');
  const drse = ctx.query.get('drse');
  if (drse) return drseView(ctx, drse);
  return summaryView(ctx);
}

async function summaryView(ctx: PageContext): Promise<void> {
  const s = await get<Summary>('/reports/coverage');
  header(ctx, s.scope === 'ESTADO' ? 'Cobertura en el estado' : 'Cobertura de su DRSE', s.cycleCode, s.countsAsOf);
  ctx.main.append(
    section('Resumen', keyFigures(s.totals), coverageBar(s.totals), legend()),
    table(
      s.scope === 'ESTADO' ? 'Avance por DRSE' : 'Avance de su DRSE y sus Sub-DRSE',
      ['DRSE', 'Escuelas', 'Alumnos', 'Avance', 'Pendientes', 'Sin foto', 'Solicitudes vencidas', 'Material'],
      s.drses.map((d) => [
        h('a', { href: `#/cobertura?drse=${encodeURIComponent(d.code)}` }, drseDisplay(d.name), d.parentCode ? ' (Sub-DRSE)' : ''),
        num(d.schools),
        num(d.students),
        coverageBar(d),
        num(d.pending.students),
        num(d.pending.withoutPhoto),
        d.requests.overdue ? badge(num(d.requests.overdue), 'danger') : '0',
        missingText(d),
      ]),
      { class: 'coverage-table' },
    ),
    csvButton('/reports/coverage/csv', `cobertura-${s.cycleCode}.csv`),
    requestsSection(s.totals),
    materialSection(s.totals, 'Suma de los almacenes de las DRSE y de las escuelas que imprimen en sitio.'),
  );
  if (s.centralWarehouse) {
    ctx.main.append(
      table('Almacén central: disponible', ['Artículo', 'Disponible'], s.centralWarehouse.map((c) => [itemLabel(c.item), quantityText(c.item, c.available)])),
    );
  }
}

async function drseView(ctx: PageContext, code: string): Promise<void> {
  const d = await get<DrseReport>(`/reports/coverage/drses/${encodeURIComponent(code)}`);
  header(ctx, `Cobertura de la ${drseDisplay(d.drse.name)}`, d.cycleCode, d.countsAsOf);
  ctx.main.append(
    h('p', null, h('a', { href: '#/cobertura' }, 'Volver al resumen')),
    section('Resumen', keyFigures(d.totals), coverageBar(d.totals), legend()),
    table(
      'Avance por escuela',
      ['Escuela', 'CCT · turno', 'Imprime', 'Alumnos', 'Avance', 'Pendientes', 'Sin foto', 'Solicitudes vencidas', 'Material'],
      d.schools.map((s) => [
        h('a', { href: `#/cobertura?escuela=${s.id}` }, s.name),
        `${s.cct} · ${s.turno.toLowerCase()}`,
        s.printRoute === 'ESCUELA' ? 'En la escuela' : 'La DRSE',
        num(s.students),
        coverageBar(s),
        num(s.pending.students),
        num(s.pending.withoutPhoto),
        s.requests.overdue ? badge(num(s.requests.overdue), 'danger') : '0',
        missingText(s),
      ]),
      { class: 'coverage-table' },
    ),
    csvButton(`/reports/coverage/drses/${encodeURIComponent(d.drse.code)}/csv`, `cobertura-${d.drse.code}-${d.cycleCode}.csv`),
    requestsSection(d.totals),
    materialSection(d.totals, 'Almacén de la oficina de Tecnologías más los de sus escuelas que imprimen en sitio.'),
  );
}

async function schoolView(ctx: PageContext, id: number, back: boolean): Promise<void> {
  const r = await get<{ cycleCode: string; countsAsOf: string; school: SchoolRow }>(`/reports/coverage/schools/${id}`);
  const s = r.school;
  header(ctx, `Cobertura de ${s.name}`, r.cycleCode, r.countsAsOf);
  if (back) ctx.main.append(h('p', null, h('a', { href: `#/cobertura?drse=${encodeURIComponent(s.drseCode)}` }, 'Volver a la DRSE')));
  ctx.main.append(
    h('p', null, `CCT ${s.cct} · turno ${s.turno.toLowerCase()} · ${s.printRoute === 'ESCUELA' ? 'imprime sus credenciales' : 'su DRSE produce sus credenciales'}`),
    section(
      'Resumen',
      keyFigures(s),
      coverageBar(s),
      legend(),
      s.pending.withoutPhoto
        ? h(
            'p',
            { class: 'notice warn' },
            s.pending.withoutPhoto === 1
              ? '1 alumno pendiente no tiene fotografía: cárguela en «Alumnos» para que su credencial pueda producirse.'
              : `${num(s.pending.withoutPhoto)} alumnos pendientes no tienen fotografía: cárguelas en «Alumnos» para que sus credenciales puedan producirse.`,
          )
        : null,
    ),
    requestsSection(s),
    materialSection(s, 'Almacén de la escuela.'),
  );
}
