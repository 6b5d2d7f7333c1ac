import { get, Page, qs } from '../api.js';
import { field, fmtDate, h, select } from '../dom.js';
import { label, PROCEDURE_LABEL, STATUS_LABEL } from '../labels.js';
import type { PageContext } from '../main.js';
import type { InboxItem } from '../requests-api.js';
import { badge, problemView } from '../ui.js';

/** Home: the caller's open tasks, overdue first (the server orders them), with filters. */
export async function inboxPage(ctx: PageContext): Promise<void> {
  ctx.title('Bandeja de tareas');
  const q = ctx.query;
  const proc = select('procedimiento', [['', 'Todos'], ...Object.entries(PROCEDURE_LABEL)], { value: q.get('procedimiento') ?? '' });
  const estado = select('estado', [['', 'Todos'], ...Object.entries(STATUS_LABEL)], { value: q.get('estado') ?? '' });
  const vencidas = select('vencidas', [['', 'Todas'], ['true', 'Solo vencidas'], ['false', 'Solo en plazo']], { value: q.get('vencidas') ?? '' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtros de la bandeja' }, field('Procedimiento', proc), field('Estado', estado), field('Plazo', vencidas), h('button', { type: 'submit' }, 'Filtrar'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/${qs({ procedimiento: proc.value, estado: estado.value, vencidas: vencidas.value })}`;
  });
  const results = h('div', { 'aria-live': 'polite' }, h('p', null, 'Cargando…'));
  ctx.main.append(form, results);
  const page = Number(q.get('page') ?? 1);
  try {
    const data = await get<Page<InboxItem>>(`/inbox${qs({ procedimiento: q.get('procedimiento'), estado: q.get('estado'), vencidas: q.get('vencidas'), page, pageSize: 25 })}`);
    results.replaceChildren(inboxTable(data));
  } catch (err) {
    results.replaceChildren(problemView(err));
  }
}

function inboxTable(data: Page<InboxItem>): HTMLElement {
  if (!data.items.length) return h('p', { class: 'empty' }, 'No tiene tareas pendientes con estos filtros.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'inbox' },
      h('caption', null, `${data.total} tarea(s) pendiente(s)`),
      h('thead', null, h('tr', null, ['Tarea', 'Solicitud', 'Escuela', 'Estado', 'Vence'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        null,
        data.items.map((t) =>
          h(
            'tr',
            { class: t.vencida ? 'overdue' : '' },
            h('td', { 'data-label': 'Tarea' }, h('a', { href: `#/solicitudes/${t.requestId}` }, t.titulo), t.escalamiento ? [' ', badge('Escalamiento', 'warn')] : null),
            h('td', { 'data-label': 'Solicitud' }, `#${t.requestId} · ${label(PROCEDURE_LABEL, t.procedimiento)}`),
            h('td', { 'data-label': 'Escuela' }, t.escuela ? `${t.escuela.nombre} (${t.escuela.cct} · ${t.escuela.turno})` : `DRSE ${t.drseCode}`),
            h('td', { 'data-label': 'Estado' }, label(STATUS_LABEL, t.estado)),
            h('td', { 'data-label': 'Vence' }, fmtDate(t.vence), t.vencida ? [' ', badge('Vencida', 'danger')] : null),
          ),
        ),
      ),
    ),
  );
}
