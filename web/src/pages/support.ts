import { get, newKey, Page, post, qs, session } from '../api.js';
import type { components } from '../api-types.js';
import { allSchools, drseNameOf, drseNamesOf } from '../catalog.js';
import { field, fmtDate, h, select, table, textarea } from '../dom.js';
import { EVENT_LABEL, label, ROLE_LABEL, STATUS_LABEL, SUPPORT_KIND_LABEL } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox, section } from '../ui.js';
import { commentMissing, confirmText } from './request-detail.js';

type Ticket = components['schemas']['SupportTicketSummaryDto'];
type TicketDetail = components['schemas']['SupportTicketDetailDto'];
type Action = TicketDetail['acciones'][number];
type Line = TicketDetail['linea'][number];

/** Who opens tickets: the school; DRSE Control Escolar (for itself or an offline school) and Planeación (for an offline school). */
const OPENERS = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_PLANEACION'];

/** The school of the ticket, or its DRSE as people name it (never the code). */
function whereOf(t: Ticket, drse: string): string {
  return t.escuela ? `${t.escuela.nombre} (${t.escuela.cct} · ${t.escuela.turno})` : drse;
}

function statusBadge(estado: string): HTMLElement {
  const kind = estado === 'CERRADO' ? 'ok' : estado === 'RESUELTO' ? 'warn' : estado === 'CON_INCIDENTE' ? 'danger' : '';
  return badge(label(STATUS_LABEL, estado), kind);
}

/** The form to open a ticket: a school for itself; DRSE staff choose a school without internet (or, Control Escolar, its own DRSE). */
async function openForm(): Promise<HTMLElement> {
  const actor = session.actor!;
  const kind = select('tipo', Object.entries(SUPPORT_KIND_LABEL));
  const description = textarea('descripcion', { required: true, minlength: 10, maxlength: 2000 });
  const offline = actor.role === 'ESCUELA' ? [] : (await allSchools()).filter((s) => !s.hasInternet);
  const own: [string, string][] = actor.role === 'DRSE_CONTROL_ESCOLAR' ? [['', 'La propia DRSE (Control Escolar)']] : [];
  const school = select('escuela', [...own, ...offline.map((s): [string, string] => [String(s.id), `${s.name} · ${s.cct} ${s.turno} (sin internet)`])]);
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Abrir el ticket');
  const key = newKey();
  const form = h(
    'form',
    { class: 'grid-form', 'aria-label': 'Abrir un ticket de soporte' },
    actor.role === 'ESCUELA' ? null : field('En nombre de', school, 'La DRSE abre tickets de las escuelas sin internet; una duda de Control Escolar de la DRSE va a Control Escolar central.'),
    field('Tipo', kind),
    field('Descripción', description, 'Qué pasa, desde cuándo y qué ya intentó. Sin datos personales de alumnos.'),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      const created = await post<{ id: number }>(
        '/support-tickets',
        { tipo: kind.value, descripcion: description.value.trim(), ...(school.value ? { escuela: Number(school.value) } : {}) },
        key,
      );
      location.hash = `#/soporte/${created.id}`;
    });
  });
  return section('Abrir un ticket de soporte', form);
}

/** «Soporte»: the caller's tickets in scope, and the form to open one (R10). */
export async function supportPage(ctx: PageContext): Promise<void> {
  ctx.title('Soporte');
  const actor = session.actor!;
  const open = ctx.query.get('abiertos') === 'true';
  const list = await get<Page<Ticket>>(`/support-tickets${qs({ pageSize: 100, abiertos: open ? 'true' : undefined })}`);
  const drses = await drseNamesOf(list.items.map((t) => t.drseCode));
  ctx.main.append(
    h('p', null, 'Problemas con el sistema o con el equipo, y dudas: los atiende Tecnologías de la DRSE, que puede derivarlos a la Dirección General de Tecnologías de la Información; las dudas de Control Escolar de la DRSE, Control Escolar central. ', h('a', { href: '#/ayuda' }, 'Teléfonos y correos de las oficinas')),
    h('p', null, open ? h('a', { href: '#/soporte' }, 'Ver todos los tickets') : h('a', { href: '#/soporte?abiertos=true' }, 'Ver sólo los abiertos')),
    list.items.length
      ? table(
          'Tickets de soporte',
          ['Ticket', 'Tipo', 'De', 'Estado', 'Actualizado'],
          list.items.map((t) => [h('a', { href: `#/soporte/${t.id}` }, `Ticket #${t.id}`), label(SUPPORT_KIND_LABEL, t.tipo), whereOf(t, drses.get(t.drseCode) ?? ''), statusBadge(t.estado), fmtDate(t.actualizado)]),
        )
      : h('p', null, 'No hay tickets de soporte.'),
  );
  if (OPENERS.includes(actor.role)) ctx.main.append(await openForm());
}

function actionForm(id: number, a: Action, box: ReturnType<typeof messageBox>): HTMLElement {
  const text = a.etiqueta || EVENT_LABEL[a.evento] || 'Decidir';
  const comment = textarea('comentario', { required: a.requiereComentario || undefined, maxlength: a.comentarioMaximo });
  const submit = h('button', { type: 'submit' }, confirmText(text));
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancelar');
  const form = h(
    'form',
    { class: 'decision', 'aria-label': text, novalidate: true },
    field(a.requiereComentario ? 'Comentario (obligatorio)' : 'Comentario (opcional)', comment, a.requiereComentario ? 'Quien abrió el ticket y las oficinas lo verán en la línea de tiempo.' : undefined),
    h('div', { class: 'actions' }, submit, cancel),
  );
  cancel.addEventListener('click', () => form.remove());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (commentMissing(a.requiereComentario, comment, box)) return;
    void act(submit, box, async () => {
      await post(`/support-tickets/${id}/decisions`, { evento: a.evento, ...(comment.value.trim() ? { comentario: comment.value.trim() } : {}) });
      await refreshPage();
      const done = h('p', { class: 'notice ok', role: 'status', tabindex: -1 }, `Hecho: ${text}.`);
      document.querySelector('main h1')?.after(done);
      done.focus();
    });
  });
  return form;
}

function whoDid(actor: Line['actor']): string {
  if (!actor || actor.rol === 'SISTEMA') return 'Sistema (paso automático)';
  return actor.nombre ? `${actor.nombre} · ${label(ROLE_LABEL, actor.rol)}` : label(ROLE_LABEL, actor.rol);
}

const TICKET_EVENT: Record<string, string> = { SUBMIT: 'Ticket abierto' };

/** A ticket: what was reported, where it is, what the caller may do now, and its timeline. */
export async function supportDetailPage(ctx: PageContext): Promise<void> {
  const id = Number(ctx.params[0]);
  ctx.title(`Ticket de soporte #${id}`);
  const t = await get<TicketDetail>(`/support-tickets/${id}`);
  const box = messageBox();
  const holder = h('div');
  const buttons = t.acciones.map((a) => {
    const b = h('button', { type: 'button', 'data-evento': a.evento }, a.etiqueta || EVENT_LABEL[a.evento] || 'Decidir');
    b.addEventListener('click', () => {
      box.reset();
      holder.replaceChildren(actionForm(id, a, box));
      holder.querySelector<HTMLElement>('textarea')?.focus();
    });
    return b;
  });
  const drse = await drseNameOf(t.drseCode);
  ctx.main.append(
    h('p', null, h('a', { href: '#/soporte' }, 'Volver a los tickets de soporte')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Estado'), h('dd', null, statusBadge(t.estado)),
      h('dt', null, 'Tipo'), h('dd', null, label(SUPPORT_KIND_LABEL, t.tipo)),
      h('dt', null, 'De'), h('dd', null, whereOf(t, drse)),
      h('dt', null, 'Abierto por'), h('dd', null, `${t.abiertoPor.nombre ? `${t.abiertoPor.nombre} · ` : ''}${label(ROLE_LABEL, t.abiertoPor.rol)}${t.abiertoPor.enNombreDeEscuela ? ', en nombre de la escuela' : ''} · ${fmtDate(t.abierto)}`),
      t.reporteFalla != null ? [h('dt', null, 'Reporte de falla'), h('dd', null, h('a', { href: '#/equipo' }, `Reporte #${t.reporteFalla}`))] : null,
    ),
    section('Descripción', h('p', { class: 'pre' }, t.descripcion)),
    section(
      'Paso actual',
      t.tareaAbierta
        ? h('p', null, `${t.tareaAbierta.titulo}. Le corresponde a: ${label(ROLE_LABEL, t.tareaAbierta.rol)} · vence ${fmtDate(t.tareaAbierta.vence as unknown as string | null)}`, t.tareaAbierta.vencida ? [' ', badge('Vencida', 'danger')] : null)
        : h('p', null, t.estado === 'CERRADO' ? 'El ticket está cerrado.' : 'Sin tarea abierta.'),
      t.acciones.length ? h('div', null, h('div', { class: 'actions' }, buttons), holder, box) : h('p', null, 'No hay acciones disponibles para usted en este paso.'),
    ),
    section(
      'Línea de tiempo',
      h(
        'ol',
        { class: 'timeline' },
        t.linea.map((l) =>
          h(
            'li',
            null,
            h('p', { class: 'when' }, h('time', { datetime: l.fecha }, fmtDate(l.fecha))),
            h('p', null, h('strong', null, TICKET_EVENT[l.evento] ?? EVENT_LABEL[l.evento] ?? 'Paso del ticket'), ` → ${label(STATUS_LABEL, l.estado)}`),
            h('p', { class: 'who' }, whoDid(l.actor)),
            l.comentario ? h('blockquote', null, String(l.comentario)) : null,
          ),
        ),
      ),
    ),
  );
}
