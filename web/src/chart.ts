import { h } from './dom.js';

export interface Series {
  name: string;
  color: string;
  dash?: string;
  values: number[];
}

const SVG = 'http://www.w3.org/2000/svg';
function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** A small line chart (inline SVG) with a legend and the same figures as a table for screen readers. */
export function lineChart(title: string, labels: string[], series: Series[]): HTMLElement {
  const W = 360;
  const H = 170;
  const pad = { l: 40, r: 8, t: 8, b: 22 };
  const max = Math.max(1, ...series.flatMap((x) => x.values));
  const n = Math.max(labels.length, 1);
  const x = (i: number) => pad.l + (n === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (n - 1));
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, 'aria-hidden': 'true', focusable: 'false' });
  for (const frac of [0, 0.5, 1]) {
    const v = Math.round(max * frac);
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), stroke: '#c8ccd2', 'stroke-width': 1 }), s('text', { x: pad.l - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#333' }, String(v)));
  }
  if (labels.length) {
    svg.append(s('text', { x: pad.l, y: H - 6, 'font-size': 10, fill: '#333' }, labels[0]));
    if (labels.length > 1) svg.append(s('text', { x: W - pad.r, y: H - 6, 'font-size': 10, fill: '#333', 'text-anchor': 'end' }, labels[labels.length - 1]));
  }
  for (const ser of series) {
    const pts = ser.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    svg.append(s('polyline', { points: pts, fill: 'none', stroke: ser.color, 'stroke-width': 2.5, ...(ser.dash ? { 'stroke-dasharray': ser.dash } : {}) }));
    ser.values.forEach((v, i) => svg.append(s('circle', { cx: x(i), cy: y(v), r: 3, fill: ser.color })));
  }
  const last = (ser: Series) => ser.values[ser.values.length - 1] ?? 0;
  const summary = `${title}: ${series.map((ser) => `${ser.name} ${last(ser)}`).join(', ')}.`;
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, title),
    h('div', { role: 'img', 'aria-label': summary }, svg),
    h(
      'ul',
      { class: 'legend' },
      series.map((ser) => h('li', null, h('span', { class: 'swatch', style: `border-top: 3px ${ser.dash ? 'dashed' : 'solid'} ${ser.color}` }), `${ser.name}: ${last(ser)}`)),
    ),
    h(
      'details',
      null,
      h('summary', null, 'Ver los datos'),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          null,
          h('caption', null, title),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Fecha'), series.map((ser) => h('th', { scope: 'col' }, ser.name)))),
          h('tbody', null, labels.map((l, i) => h('tr', null, h('td', { 'data-label': 'Fecha' }, l), series.map((ser) => h('td', { 'data-label': ser.name }, String(ser.values[i] ?? 0)))))),
        ),
      ),
    ),
  );
}
