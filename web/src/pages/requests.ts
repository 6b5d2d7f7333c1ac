import { get, Page, qs, session } from '../api.js';
import { drseNamesOf } from '../catalog.js';
import { field, fmtDate, h, input, select, table } from '../dom.js';
import { label, PROCEDURE_LABEL, STATUS_LABEL } from '../labels.js';
import type { PageContext } from '../main.js';
import type { RequestSummary } from '../requests-api.js';
import { problemView } from '../ui.js';

/** Requests in the caller's scope; central staff search any request number or card folio here. */
export async function requestsPage(ctx: PageContext): Promise<void> {
  const role = session.actor!.role;
  ctx.title(role === 'ESCUELA' ? 'Mis solicitudes' : 'Solicitudes');
  const q = ctx.query;
  const search = input('buscar', { inputmode: 'search', placeholder: 'p. ej. 42 o 2627-0000123-9', value: q.get('buscar') ?? '' });
  const proc = select('procedimiento', [['', 'Todos'], ...Object.entries(PROCEDURE_LABEL)], { value: q.get('procedimiento') ?? '' });
  const estado = select('estado', [['', 'Todos'], ...Object.entries(STATUS_LABEL)], { value: q.get('estado') ?? '' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Buscar solicitudes' },
    field('Número de solicitud o folio de credencial', search),
    field('Procedimiento', proc),
    field('Estado', estado),
    h('button', { type: 'submit' }, 'Buscar'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const term = search.value.trim();
    if (/^\d+$/.test(term)) location.hash = `#/solicitudes/${term}`;
    else if (/^\d{4}-\d+-\d$/.test(term)) location.hash = `#/folios?folio=${encodeURIComponent(term)}`;
    else location.hash = `#/solicitudes${qs({ procedimiento: proc.value, estado: estado.value })}`;
  });
  const results = h('div', { 'aria-live': 'polite' }, h('p', null, 'Cargando…'));
  ctx.main.append(form, results);
  try {
    const data = await get<Page<RequestSummary>>(`/requests${qs({ procedimiento: q.get('procedimiento'), estado: q.get('estado'), page: q.get('page') ?? 1, pageSize: 25 })}`);
    const drses = await drseNamesOf(data.items.filter((r) => !r.escuela).map((r) => r.drseCode));
    results.replaceChildren(
      table(
        `${data.total} solicitud(es)`,
        ['Solicitud', 'Procedimiento', 'Escuela', 'Estado', 'Actualizada'],
        data.items.map((r) => [
          h('a', { href: `#/solicitudes/${r.id}` }, `Solicitud #${r.id}`),
          label(PROCEDURE_LABEL, r.procedimiento),
          r.escuela ? `${r.escuela.nombre} (${r.escuela.cct} · ${r.escuela.turno})` : (drses.get(r.drseCode) ?? '—'),
          label(STATUS_LABEL, r.estado),
          fmtDate(r.actualizada),
        ]),
      ),
    );
  } catch (err) {
    results.replaceChildren(problemView(err));
  }
}
