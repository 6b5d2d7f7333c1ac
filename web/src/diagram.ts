import { get } from './api.js';
import { h } from './dom.js';
import { label, STATUS_LABEL } from './labels.js';
import type { Diagram } from './requests-api.js';

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}
declare global {
  interface Window {
    mermaid?: MermaidApi;
  }
}

let loading: Promise<MermaidApi> | null = null;

/** Loads the local copy of mermaid (served by the app, never a CDN) the first time a diagram is drawn. */
function loadMermaid(): Promise<MermaidApi> {
  loading ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = 'vendor/mermaid.min.js';
    s.onload = () => {
      const m = window.mermaid!;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'DejaVu Sans, sans-serif' });
      resolve(m);
    };
    s.onerror = () => reject(new Error('No se pudo cargar el dibujo del diagrama.'));
    document.head.appendChild(s);
  });
  return loading;
}

/** Mermaid source with the current state styled; exported for the unit test. */
export function highlight(mermaidText: string, state: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(state)) return mermaidText;
  return `${mermaidText.trimEnd()}\n  classDef current fill:#fde68a,stroke:#7c2d12,stroke-width:4px,color:#111111,font-weight:bold\n  class ${state} current\n`;
}

let seq = 0;

/** The statechart of a procedure as served by the API, with the request's state highlighted. */
export async function diagramFigure(procedure: string, version: number, state: string): Promise<HTMLElement> {
  const d = await get<Diagram>(`/procedures/${encodeURIComponent(procedure)}/diagram?version=${version}`);
  const current = d.states.find((s) => s.id === state);
  const caption = `Diagrama del procedimiento. Paso actual: ${current?.titulo ?? state} (${label(STATUS_LABEL, current?.status ?? '')}).`;
  const holder = h('div', { class: 'diagram', role: 'img', 'aria-label': caption, 'data-state': state });
  const figure = h(
    'figure',
    null,
    holder,
    h('figcaption', null, caption),
    h(
      'details',
      null,
      h('summary', null, 'Pasos del procedimiento en texto'),
      h(
        'ol',
        null,
        d.states.map((s) =>
          h('li', { 'aria-current': s.id === state ? 'step' : false, class: s.id === state ? 'current-step' : '' }, `${s.titulo ?? s.id} — ${label(STATUS_LABEL, s.status)}`, s.id === state ? ' (paso actual)' : ''),
        ),
      ),
    ),
  );
  try {
    const mermaid = await loadMermaid();
    const { svg } = await mermaid.render(`diagrama-${++seq}`, highlight(d.mermaid, state));
    holder.innerHTML = svg;
    const el = holder.querySelector('svg');
    el?.setAttribute('aria-hidden', 'true');
    el?.setAttribute('focusable', 'false');
  } catch (err) {
    holder.replaceChildren(h('p', { class: 'notice error' }, (err as Error).message));
  }
  return figure;
}
