import { get } from './api.js';
import { h } from './dom.js';
import type { Diagram, DiagramStep, LineaItem } from './requests-api.js';

type StepState = 'done' | 'current' | 'pending';

/**
 * The procedure as people read it: an ordered list of steps (Spanish titles, the area that acts,
 * the deadline), the steps already taken (from the request's timeline) and the current one marked
 * `aria-current="step"`. Steps off the usual course say when they happen; other ends are listed
 * after. Pure DOM and classes from styles.css (the CSP refuses inline style).
 */
export function stepper(d: Pick<Diagram, 'states'>, current: string, linea: Pick<LineaItem, 'de' | 'a'>[]): HTMLElement {
  const visited = new Set<string>();
  for (const t of linea) {
    if (t.de) visited.add(t.de);
    visited.add(t.a);
  }
  const here = d.states.find((s) => s.id === current);
  const isEnd = (s: DiagramStep) => s.kind === 'final';
  const mainEnd = d.states.find((s) => isEnd(s) && s.principal);
  // The list: the usual course plus every step this request actually went through, then the end
  // reached (or the usual one); steps that only happen when needed are listed apart, folded.
  const reachedEnd = here && isEnd(here) ? here : mainEnd;
  const taken = (s: DiagramStep) => s.principal || visited.has(s.id) || s.id === current;
  const listed = d.states.filter((s) => (!isEnd(s) && taken(s)) || s === reachedEnd);
  const optional = d.states.filter((s) => !isEnd(s) && !taken(s));
  const otherEnds = d.states.filter((s) => isEnd(s) && s !== reachedEnd);
  const stateOf = (s: DiagramStep): StepState => (s.id === current ? 'current' : visited.has(s.id) ? 'done' : 'pending');

  const items = listed.map((s, i) => {
    const st = stateOf(s);
    const skipped = st === 'pending' && !s.principal;
    const details = [s.kind === 'final' ? null : s.area, s.plazo ? `plazo ${s.plazo}` : null].filter(Boolean).join(' · ');
    return h(
      'li',
      {
        class: `step ${st}${s.principal ? '' : ' optional'}${s.kind === 'task' ? '' : ' auto'}`,
        'aria-current': st === 'current' ? 'step' : false,
      },
      h('span', { class: 'marker', 'aria-hidden': 'true' }, st === 'done' ? '✓' : String(i + 1)),
      h(
        'span',
        { class: 'step-body' },
        h('span', { class: 'step-title' }, s.titulo),
        details ? h('span', { class: 'step-meta' }, details) : null,
        st === 'current' ? h('span', { class: 'step-tag now' }, 'Paso actual') : st === 'done' ? h('span', { class: 'step-tag done' }, 'Hecho') : null,
        skipped ? h('span', { class: 'step-tag' }, 'Solo si hace falta') : null,
      ),
    );
  });
  const caption = here
    ? isEnd(here)
      ? `Trámite concluido: ${here.titulo}.`
      : `Paso actual: ${here.titulo} (${here.area}).`
    : 'Pasos del procedimiento.';
  return h(
    'figure',
    { class: 'diagram' },
    h('figcaption', null, caption),
    h('ol', { class: 'stepper', 'aria-label': 'Pasos del procedimiento' }, items),
    optional.length
      ? h(
          'details',
          { class: 'step-extra' },
          h('summary', null, `Pasos que solo ocurren si hace falta (${optional.length})`),
          h('ul', null, optional.map((s) => h('li', null, h('span', { class: 'step-title' }, s.titulo), ` — ${s.area}${s.plazo ? ` · plazo ${s.plazo}` : ''}`))),
        )
      : null,
    otherEnds.length ? h('p', { class: 'step-ends' }, `Otros finales posibles: ${otherEnds.map((s) => s.titulo).join(' · ')}.`) : null,
  );
}

/** The steps of a procedure as served by the API, with the request's path and current step. */
export async function diagramFigure(procedure: string, version: number, state: string, linea: Pick<LineaItem, 'de' | 'a'>[]): Promise<HTMLElement> {
  const d = await get<Diagram>(`/procedures/${encodeURIComponent(procedure)}/diagram?version=${version}`);
  return stepper(d, state, linea);
}
