import { get, Page, qs } from '../api.js';
import { drseDisplay } from '../catalog.js';
import { field, fmtDate, h, select } from '../dom.js';
import { label, PROCEDURE_LABEL, STATUS_LABEL } from '../labels.js';
import type { PageContext } from '../main.js';
import type { InboxCounts, InboxEntry } from '../requests-api.js';
import { badge, problemView } from '../ui.js';

/** Where each kind of pending work is done in this interface. */
export function entryHref(e: InboxEntry): string {
  if (e.procedimiento === 'SUPPORT' && e.solicitudId != null) return `#/soporte/${e.solicitudId}`;
  if (e.tipo === 'TAREA' && e.solicitudId != null) return `#/solicitudes/${e.solicitudId}`;
  if ((e.tipo === 'ABASTECIMIENTO' || e.tipo === 'ENVIO') && e.ticketId != null) return `#/abastecimiento/${e.ticketId}`;
  if (e.tipo === 'ACUSE' && e.acuseId != null) return `#/acuses${qs({ id: e.acuseId })}`;
  if (e.solicitudId != null) return `#/solicitudes/${e.solicitudId}`;
  return '#/';
}

/** What the entry is about, for the «Sobre» column. */
function about(e: InboxEntry): string {
  if (e.procedimiento === 'SUPPORT' && e.solicitudId != null) return `Ticket de soporte #${e.solicitudId}`;
  if (e.tipo === 'TAREA' && e.solicitudId != null) return `Solicitud #${e.solicitudId} · ${label(PROCEDURE_LABEL, e.procedimiento)}`;
  if (e.tipo === 'ACUSE') return [`Acuse ${e.folio ?? ''}`.trim(), e.solicitudId != null ? `Solicitud #${e.solicitudId}` : null].filter(Boolean).join(' · ');
  if (e.folio) return `Ticket ${e.folio}`;
  return '—';
}

function where(e: InboxEntry): string {
  if (e.escuela) return `${e.escuela.nombre} (${e.escuela.cct} · ${e.escuela.turno})`;
  if (e.drse) return drseDisplay(e.drse.nombre);
  return 'Oficinas centrales';
}

/**
 * Home: everything that waits on the user (GET /inbox/items): workflow tasks (incidents first), supply
 * tickets to review or ship, shipments to receive, signed acuses to upload. The server orders them:
 * incidents, overdue, by deadline, oldest first.
 */
export async function inboxPage(ctx: PageContext): Promise<void> {
  ctx.title('Bandeja de pendientes');
  const q = ctx.query;
  const counts = await get<InboxCounts>('/inbox/counts').catch(() => null);
  const tipos = counts?.tipos ?? [];
  const tipo = select('tipo', [['', 'Todos'], ...tipos.map((t): [string, string] => [t.tipo, `${t.etiqueta} (${t.cantidad})`])], { value: q.get('tipo') ?? '' });
  const proc = select('procedimiento', [['', 'Todos'], ...Object.entries(PROCEDURE_LABEL)], { value: q.get('procedimiento') ?? '' });
  const estado = select('estado', [['', 'Todos'], ...Object.entries(STATUS_LABEL)], { value: q.get('estado') ?? '' });
  const vencidas = select('vencidas', [['', 'Todas'], ['true', 'Solo vencidas'], ['false', 'En plazo o sin plazo']], { value: q.get('vencidas') ?? '' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filtros de la bandeja' },
    tipos.length > 1 ? field('Tipo', tipo) : null,
    field('Procedimiento', proc),
    field('Estado', estado),
    field('Plazo', vencidas),
    h('button', { type: 'submit' }, 'Filtrar'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/${qs({ tipo: tipos.length > 1 ? tipo.value : '', procedimiento: proc.value, estado: estado.value, vencidas: vencidas.value })}`;
  });
  const results = h('div', { 'aria-live': 'polite' }, h('p', null, 'Cargando…'));
  ctx.main.append(form, results);
  const page = Number(q.get('page') ?? 1);
  try {
    const data = await get<Page<InboxEntry>>(
      `/inbox/items${qs({ tipo: q.get('tipo'), procedimiento: q.get('procedimiento'), estado: q.get('estado'), vencidas: q.get('vencidas'), page, pageSize: 25 })}`,
    );
    results.replaceChildren(inboxTable(data));
  } catch (err) {
    results.replaceChildren(problemView(err));
  }
}

function inboxTable(data: Page<InboxEntry>): HTMLElement {
  if (!data.items.length) return h('p', { class: 'empty' }, 'No tiene pendientes con estos filtros.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'inbox' },
      h('caption', null, `${data.total} pendiente(s)${data.total > data.items.length ? `, se muestran ${data.items.length}` : ''}`),
      h('thead', null, h('tr', null, ['Pendiente', 'Sobre', 'Escuela o DRSE', 'Estado', 'Vence'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        null,
        data.items.map((e) =>
          h(
            'tr',
            { class: [e.vencida ? 'overdue' : '', e.incidente ? 'incident' : ''].filter(Boolean).join(' '), 'data-tipo': e.tipo },
            h(
              'td',
              { 'data-label': 'Pendiente' },
              e.incidente ? [badge('Incidente', 'danger'), ' '] : null,
              h('a', { href: entryHref(e) }, e.titulo),
              e.escalamiento ? [' ', badge('Escalamiento', 'warn')] : null,
              e.detalle ? h('p', { class: 'hint' }, e.detalle) : null,
            ),
            h('td', { 'data-label': 'Sobre' }, about(e)),
            h('td', { 'data-label': 'Escuela o DRSE' }, where(e)),
            h('td', { 'data-label': 'Estado' }, e.estado ? label(STATUS_LABEL, e.estado) : e.tipo === 'TAREA' ? '—' : `Esperando desde ${fmtDate(e.desde)}`),
            h('td', { 'data-label': 'Vence' }, e.vence ? fmtDate(e.vence) : 'Sin plazo', e.vencida ? [' ', badge('Vencida', 'danger')] : null),
          ),
        ),
      ),
    ),
  );
}
