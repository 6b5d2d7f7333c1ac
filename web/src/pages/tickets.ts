import { get, newKey, Page, post, qs, session } from '../api.js';
import { drseNameOf, drseNamesOf } from '../catalog.js';
import { field, fmtDate, h, input, select, table, textarea } from '../dom.js';
import { inPeopleUnits, label, materialName, quantityText, SLOTS_PER_SHEET, TICKET_STATUS_LABEL } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox, section } from '../ui.js';
import { signedScanForm } from './request-detail.js';

interface TicketLine {
  item: string;
  description: string;
  requested: number;
  approved?: number;
  shipped: number;
  received: number;
  /** Shipped but reported missing on receipt (pending again). */
  missing?: number;
  backorder: number;
}
interface Shipment {
  id: number;
  number: number;
  status: 'IN_TRANSIT' | 'RECEIVED';
  lines: { item: string; quantity: number; received?: number | null; missing?: number | null; note?: string | null }[];
  acuseId?: number;
  shippedAt: string;
  receivedAt?: string;
}
interface Ticket {
  id: number;
  folio: string;
  status: string;
  drseCode?: string;
  origin: 'DRSE' | 'PROCEDIMIENTO';
  requestId?: string;
  cycleCode: string;
  justification: string;
  decisionNote?: string;
  lines: TicketLine[];
  shipments: Shipment[];
  finished: boolean;
}

export async function ticketsPage(ctx: PageContext): Promise<void> {
  const role = session.actor!.role;
  ctx.title(role === 'RECURSOS_MATERIALES' ? 'Cola de tickets de abastecimiento' : 'Tickets de abastecimiento');
  const status = select('status', [['', 'Todos'], ...Object.entries(TICKET_STATUS_LABEL)], { value: ctx.query.get('status') ?? '' });
  const f = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrar tickets' }, field('Estado', status), h('button', { type: 'submit' }, 'Filtrar'));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/abastecimiento${qs({ status: status.value })}`;
  });
  const list = await get<Page<Ticket>>(`/supply-tickets${qs({ status: ctx.query.get('status'), pageSize: 100 })}`);
  const drses = await drseNamesOf(list.items.map((t) => t.drseCode));
  ctx.main.append(
    f,
    table(
      `${list.total} ticket(s)`,
      ['Folio', 'DRSE', 'Origen', 'Estado', 'Pendiente de surtir'],
      list.items.map((t) => [
        h('a', { href: `#/abastecimiento/${t.id}` }, t.folio),
        (t.drseCode && drses.get(t.drseCode)) ?? '—',
        t.origin === 'PROCEDIMIENTO' ? `Solicitud #${t.requestId}` : 'DRSE',
        label(TICKET_STATUS_LABEL, t.status),
        t.lines.filter((l) => l.backorder > 0).map((l) => `${materialName(l.item)}: ${quantityText(l.item, l.backorder)}`).join('; ') || '—',
      ]),
    ),
  );
  if (role === 'DRSE_TECNOLOGIAS' || role === 'ADMIN') ctx.main.append(openTicketForm());
}

function openTicketForm(): HTMLElement {
  const sheets = input('teslin', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
  const micas = input('micas', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
  const holos = input('hologramas', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
  const ink = input('tinta', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
  const cycle = input('ciclo', { placeholder: '2026-2027', pattern: '\\d{4}-\\d{4}' });
  const why = textarea('justification', { required: true, maxlength: 4000 });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Abrir ticket');
  const key = newKey();
  const form = h(
    'form',
    { class: 'grid-form' },
    field('Hojas de Teslin (8 ranuras cada una)', sheets),
    field('Micas (piezas)', micas),
    field('Hologramas (piezas)', holos),
    field('Tinta (juegos de cartuchos, en planillas)', ink, 'Cantidad en planillas, múltiplo del rendimiento de un juego.'),
    field('Ciclo de los hologramas (vacío: el actual)', cycle),
    field('Justificación', why, 'El sistema adjunta el reporte de consumo de la DRSE.'),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      const c = cycle.value.trim();
      const lines = [
        ['TESLIN', Number(sheets.value) * SLOTS_PER_SHEET],
        ['MICA', Number(micas.value)],
        [`HOLOGRAMA:${c || (await currentCycle())}`, Number(holos.value)],
        ['TINTA', Number(ink.value)],
      ]
        .filter(([, q]) => (q as number) > 0)
        .map(([item, quantity]) => ({ item, quantity }));
      const t = await post<Ticket>('/supply-tickets', { lines, justification: why.value.trim(), ...(c ? { cycleCode: c } : {}) }, key);
      location.hash = `#/abastecimiento/${t.id}`;
    });
  });
  return section('Pedir material a Recursos Materiales', form);
}

async function currentCycle(): Promise<string> {
  const holders = await get<Page<{ id: number }>>('/inventory/holders');
  const r = await get<{ cycleCode: string }>(`/inventory/holders/${holders.items[0].id}/justification`);
  return r.cycleCode;
}

export async function ticketDetailPage(ctx: PageContext): Promise<void> {
  const id = Number(ctx.params[0]);
  const t = await get<Ticket & { justificationReport?: { items: { description: string; consumed: number; wasted: number; onHandText: string }[] } }>(`/supply-tickets/${id}`);
  ctx.title(`Ticket de abastecimiento ${t.folio}`);
  const role = session.actor!.role;
  ctx.main.append(
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Estado'),
      h('dd', { 'data-testid': 'ticket-estado' }, badge(label(TICKET_STATUS_LABEL, t.status), t.finished ? 'ok' : '')),
      h('dt', null, 'DRSE'),
      h('dd', null, t.drseCode ? await drseNameOf(t.drseCode) : '—'),
      h('dt', null, 'Origen'),
      h('dd', null, t.origin === 'PROCEDIMIENTO' && t.requestId ? h('a', { href: `#/solicitudes/${t.requestId}` }, `Solicitud #${t.requestId}`) : 'Pedido de la DRSE'),
      h('dt', null, 'Justificación'),
      h('dd', null, t.justification),
      t.decisionNote ? [h('dt', null, 'Nota de la decisión'), h('dd', null, t.decisionNote)] : null,
    ),
    table(
      'Artículos',
      ['Artículo', 'Pedido', 'Aprobado', 'Enviado', 'Recibido', 'Pendiente de enviar'],
      t.lines.map((l) => [
        materialName(l.item),
        quantityText(l.item, l.requested),
        l.approved === undefined ? '—' : quantityText(l.item, l.approved),
        quantityText(l.item, l.shipped),
        quantityText(l.item, l.received),
        l.backorder ? badge(quantityText(l.item, l.backorder), 'warn') : '0',
      ]),
    ),
  );
  if (t.justificationReport) {
    ctx.main.append(
      table('Consumo de la DRSE (adjunto al ticket)', ['Artículo', 'Consumido', 'Merma', 'En existencia'], t.justificationReport.items.map((i) => [i.description, String(i.consumed), String(i.wasted), i.onHandText])),
    );
  }
  // Which shipment acuses already have their signed copy (nothing more to upload for those).
  const signed = t.shipments.some((s) => s.acuseId)
    ? new Set((await get<Page<{ id: number; signed: boolean }>>(`/acuses${qs({ ticketId: t.id, pageSize: 200 })}`)).items.filter((a) => a.signed).map((a) => a.id))
    : new Set<number>();
  ctx.main.append(shipmentsPanel(t, role, signed));
  const actions = actionsFor(t, role);
  if (actions) ctx.main.append(actions);
}

function shipmentsPanel(t: Ticket, role: string, signed: Set<number>): HTMLElement {
  if (!t.shipments.length) return section('Envíos', h('p', null, 'Sin envíos todavía.'));
  return section(
    'Envíos',
    h(
      'ul',
      { class: 'docs' },
      t.shipments.map((s) => {
        const box = messageBox();
        const receiving = s.status === 'IN_TRANSIT' && (role === 'DRSE_TECNOLOGIAS' || role === 'ADMIN');
        const receive = receiving
          ? h('button', { type: 'button', onclick: (ev: Event) => void act(ev.currentTarget as HTMLButtonElement, box, async () => {
              await post(`/supply-tickets/${t.id}/shipments/${s.id}/receipt`);
              await refreshPage();
            }) }, `Confirmar la recepción del envío ${s.number}`)
          : null;
        // A procedure's ticket is received whole (its chart has no shortfall): the DRSE tells Recursos Materiales instead.
        const short = receiving && t.origin !== 'PROCEDIMIENTO' ? shortfallOpener(t, s, box) : null;
        const missing = s.lines.filter((l) => (l.missing ?? 0) > 0);
        const notes = [...new Set(s.lines.map((l) => l.note).filter((n): n is string => !!n))];
        return h(
          'li',
          null,
          h('span', null, `Envío ${s.number} · ${fmtDate(s.shippedAt)} · ${s.lines.map((l) => `${materialName(l.item)} ${quantityText(l.item, l.quantity)}`).join(', ')} · `, s.status === 'RECEIVED' ? badge(`Recibido ${fmtDate(s.receivedAt)}`, 'ok') : badge('En tránsito', 'warn')),
          missing.length ? badge(`No llegó: ${missing.map((l) => `${materialName(l.item)} ${quantityText(l.item, l.missing!)}`).join(', ')}`, 'warn') : null,
          notes.length ? h('span', null, ` Nota: ${notes.join(' · ')}`) : null,
          receive,
          short,
          s.acuseId ? h('a', { href: `#/acuses?id=${s.acuseId}` }, `Acuse del envío ${s.number}`) : null,
          s.acuseId && signed.has(s.acuseId) ? badge('Copia firmada adjunta', 'ok') : s.acuseId && role === 'DRSE_TECNOLOGIAS' ? signedScanForm(s.acuseId, `del envío ${s.number}`) : null,
          box,
        );
      }),
    ),
  );
}

/**
 * «Llegó incompleto»: what arrived of each article (in sheets for Teslin, starting at what was shipped)
 * and what happened. What is missing goes back to what is pending for Recursos Materiales to ship.
 */
function shortfallOpener(t: Ticket, s: Shipment, box: ReturnType<typeof messageBox>): HTMLElement {
  const holder = h('div');
  const open = h('button', { type: 'button', class: 'secondary' }, `Llegó incompleto el envío ${s.number}`);
  open.addEventListener('click', () => {
    const qty = s.lines.map((l) => {
      const u = inPeopleUnits(l.item, l.quantity);
      return { l, u, el: input(`llego-${l.item}`, { type: 'number', min: 0, max: u.value, step: 1, inputmode: 'numeric', required: true, value: String(u.value) }) };
    });
    const note = textarea('nota', { maxlength: 500 });
    const submit = h('button', { type: 'submit' }, `Confirmar lo que llegó del envío ${s.number}`);
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancelar');
    const form = h(
      'form',
      { class: 'decision', 'aria-label': `Lo que llegó del envío ${s.number}`, novalidate: true },
      qty.map(({ l, u, el }) => field(`Llegó de ${materialName(l.item)} (enviado ${u.value} ${u.unit})`, el)),
      field('Qué pasó (opcional)', note, 'Lo que no llegó vuelve a lo pendiente de surtir; Recursos Materiales lo envía de nuevo.'),
      h('div', { class: 'actions' }, submit, cancel),
    );
    cancel.addEventListener('click', () => {
      holder.replaceChildren();
      open.focus();
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const text = note.value.trim();
      void act(submit, box, async () => {
        await post(`/supply-tickets/${t.id}/shipments/${s.id}/receipt`, {
          lines: qty.map(({ l, u, el }) => ({ item: l.item, quantity: Number(el.value) * u.factor, ...(text ? { note: text } : {}) })),
        });
        await refreshPage();
      });
    });
    holder.replaceChildren(form);
    qty[0]?.el.focus();
  });
  return h('div', null, open, holder);
}

function actionsFor(t: Ticket, role: string): HTMLElement | null {
  const box = messageBox();
  const parts: HTMLElement[] = [];
  const fulfil = role === 'RECURSOS_MATERIALES' || role === 'ADMIN';
  const run = (btn: HTMLButtonElement, fn: () => Promise<unknown>) =>
    void act(btn, box, async () => {
      await fn();
      await refreshPage();
    });
  const byWorkflow = t.origin === 'PROCEDIMIENTO';
  if (byWorkflow && ['OPEN', 'UNDER_REVIEW'].includes(t.status)) {
    parts.push(h('p', { class: 'notice' }, 'Este ticket lo abrió un trámite en espera de material: lo revisa Control Escolar central desde su bandeja (solicitud de abastecimiento).'));
  }
  if (fulfil && !byWorkflow && t.status === 'OPEN') {
    const b = h('button', { type: 'button' }, 'Tomar en revisión');
    b.addEventListener('click', () => run(b, () => post(`/supply-tickets/${t.id}/review`)));
    parts.push(b);
  }
  // Approve or reject once it is taken in review (the API refuses both on an OPEN ticket).
  if (fulfil && !byWorkflow && t.status === 'UNDER_REVIEW') {
    const qty = t.lines.map((l) => {
      const u = inPeopleUnits(l.item, l.requested);
      return { l, u, el: input(`aprobar-${l.item}`, { type: 'number', min: 0, max: u.value, step: 1, inputmode: 'numeric', value: String(u.value) }) };
    });
    const note = input('note', { maxlength: 500 });
    const approve = h('button', { type: 'submit' }, 'Aprobar');
    const reason = input('reason', { maxlength: 500 });
    const reject = h('button', { type: 'button', class: 'danger' }, 'Rechazar');
    const f = h('form', { class: 'grid-form' }, qty.map(({ l, u, el }) => field(`Aprobar de ${materialName(l.item)} (pedido ${u.value} ${u.unit})`, el)), field('Nota (opcional)', note), approve);
    f.addEventListener('submit', (ev) => {
      ev.preventDefault();
      run(approve, () => post(`/supply-tickets/${t.id}/approve`, { lines: qty.map(({ l, u, el }) => ({ item: l.item, quantity: Number(el.value) * u.factor })), ...(note.value.trim() ? { note: note.value.trim() } : {}) }));
    });
    reject.addEventListener('click', () => {
      if (!reason.value.trim()) {
        box.error(new Error('Escriba el motivo del rechazo.'));
        reason.focus();
        return;
      }
      run(reject, () => post(`/supply-tickets/${t.id}/reject`, { reason: reason.value.trim() }));
    });
    parts.push(section('Revisión central', f, h('div', { class: 'grid-form' }, field('Motivo del rechazo', reason), reject)));
  }
  if (fulfil && (t.status === 'APPROVED' || t.status === 'IN_FULFILLMENT')) {
    const qty = t.lines.filter((l) => l.backorder > 0).map((l) => {
      const u = inPeopleUnits(l.item, l.backorder);
      return { l, u, el: input(`enviar-${l.item}`, { type: 'number', min: 0, max: u.value, step: 1, inputmode: 'numeric', value: String(u.value) }) };
    });
    const ship = h('button', { type: 'submit' }, 'Registrar envío');
    const f = h('form', { class: 'grid-form' }, qty.map(({ l, u, el }) => field(`Enviar de ${materialName(l.item)} (pendiente ${u.value} ${u.unit})`, el)), ship);
    f.addEventListener('submit', (ev) => {
      ev.preventDefault();
      run(ship, () => post(`/supply-tickets/${t.id}/shipments`, { lines: qty.map(({ l, u, el }) => ({ item: l.item, quantity: Number(el.value) * u.factor })).filter((x) => x.quantity > 0) }));
    });
    parts.push(section('Registrar un envío (puede ser parcial)', f));
  }
  if ((role === 'DRSE_TECNOLOGIAS' || fulfil) && !t.finished && !t.shipments.length && ['OPEN', 'UNDER_REVIEW', 'APPROVED'].includes(t.status)) {
    const reason = input('cancel-reason', { maxlength: 500 });
    const cancel = h('button', { type: 'button', class: 'danger' }, 'Cancelar el ticket');
    cancel.addEventListener('click', () => run(cancel, () => post(`/supply-tickets/${t.id}/cancel`, { reason: reason.value.trim() })));
    parts.push(h('div', { class: 'grid-form' }, field('Motivo de la cancelación', reason), cancel));
  }
  if (!parts.length) return null;
  return section('Acciones', ...parts, box);
}
