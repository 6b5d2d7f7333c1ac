import { ApiError, get, post, session } from '../api.js';
import { field, fmtDate, h, input, table, textarea } from '../dom.js';
import { label, ROLE_LABEL } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox, problemView, section } from '../ui.js';

interface CardHistory {
  folio: string;
  kind: 'TARJETA' | 'BLANCO';
  status: string;
  cycleCode: string;
  runId: number;
  issuedAt: string;
  studentName?: string;
  schoolId?: number;
  voidReason?: string;
  replacedByFolio?: string;
  events: { event: string; at: string; actorId: string; actorRole: string; reason: string }[];
}

const EVENT: Record<string, string> = { CORRECCION: 'Corrección (desmarcada)', REVOCACION: 'Revocación', REEMPLAZO: 'Reemplazo' };

/** Central: look up any folio, see its audit trail, and correct a card issued by mistake (R9). */
export async function cardsPage(ctx: PageContext): Promise<void> {
  ctx.title('Folios de credenciales');
  const folio = input('folio', { value: ctx.query.get('folio') ?? '', placeholder: '2627-0000123-9', autocomplete: 'off' });
  const f = h('form', { class: 'filters', role: 'search', 'aria-label': 'Buscar folio' }, field('Folio', folio), h('button', { type: 'submit' }, 'Buscar'));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/folios?folio=${encodeURIComponent(folio.value.trim())}`;
  });
  ctx.main.append(f);
  const wanted = ctx.query.get('folio');
  if (!wanted) return;
  let card: CardHistory;
  try {
    card = await get<CardHistory>(`/cards/${encodeURIComponent(wanted)}/events`);
  } catch (err) {
    ctx.main.append(err instanceof ApiError && err.status === 404 ? h('p', { class: 'notice error', role: 'alert' }, `No existe el folio ${wanted} en su ámbito.`) : problemView(err));
    return;
  }
  ctx.main.append(
    section(
      `Folio ${card.folio}`,
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, 'Estado'),
        h('dd', { 'data-testid': 'folio-estado' }, badge(card.status, card.status === 'EXPEDIDA' ? 'ok' : 'danger')),
        h('dt', null, 'Tipo'),
        h('dd', null, card.kind === 'BLANCO' ? `Espacio cancelado (${card.voidReason ?? ''})` : 'Credencial'),
        h('dt', null, 'Alumno'),
        h('dd', null, card.studentName ?? '—'),
        h('dt', null, 'Ciclo'),
        h('dd', null, card.cycleCode),
        h('dt', null, 'Expedida'),
        h('dd', null, `${fmtDate(card.issuedAt)} (corrida de impresión ${card.runId})`),
        card.replacedByFolio ? [h('dt', null, 'Reemplazada por'), h('dd', null, card.replacedByFolio)] : null,
      ),
    ),
    table(
      'Bitácora del folio',
      ['Fecha', 'Evento', 'Quién', 'Motivo'],
      card.events.map((e) => [fmtDate(e.at), EVENT[e.event] ?? e.event, `${e.actorId} (${label(ROLE_LABEL, e.actorRole)})`, e.reason]),
    ),
  );
  if (session.actor!.role === 'CONTROL_ESCOLAR_CENTRAL' && card.status === 'EXPEDIDA' && card.kind === 'TARJETA') {
    const reason = textarea('reason', { required: true, minlength: 10, maxlength: 500 });
    const box = messageBox();
    const b = h('button', { type: 'submit', class: 'danger' }, 'Anular por corrección');
    const form = h('form', null, field('Motivo de la corrección (10 a 500 caracteres)', reason, 'Por ejemplo: impresión de prueba marcada por error.'), b, box);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void act(b, box, async () => {
        await post(`/cards/${encodeURIComponent(card.folio)}/correction`, { reason: reason.value.trim() });
        await refreshPage();
      });
    });
    ctx.main.append(section('Corregir una credencial marcada por error', form));
  }
}
