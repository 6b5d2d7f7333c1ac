import { get, Page, post, put, qs, session } from '../api.js';
import { lineChart } from '../chart.js';
import { field, fmtDate, fmtDay, h, input, select, table } from '../dom.js';
import { itemLabel, label, LEDGER_KIND_LABEL, SLOTS_PER_SHEET } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox, section } from '../ui.js';

interface Holder {
  id: number;
  kind: 'CENTRAL' | 'DRSE' | 'ESCUELA';
  name: string;
  drseCode?: string;
  schoolId?: number;
}
interface Balance {
  item: string;
  description: string;
  onHand: number;
  reserved: number;
  available: number;
  availableText: string;
  minimum?: number;
  target?: number;
  low: boolean;
  suggestedOrder?: number | null;
}
interface LedgerEntry {
  id: number;
  kind: string;
  item: string;
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  reason?: string;
  createdAt: string;
  actorRole: string;
}

const ADJUSTERS = ['ESCUELA', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];

/** Stock dashboard: balances with low-stock warnings and a chart per item over time. */
export async function inventoryPage(ctx: PageContext): Promise<void> {
  const role = session.actor!.role;
  ctx.title(role === 'ESCUELA' ? 'Material en existencia' : 'Existencias de material');
  const holders = await get<Page<Holder>>(`/inventory/holders${qs({ pageSize: 200 })}`);
  if (!holders.items.length) {
    ctx.main.append(h('p', null, 'Su escuela no guarda material: la DRSE imprime sus credenciales.'));
    return;
  }
  const own = holders.items.find((x) => (role === 'ESCUELA' ? x.kind === 'ESCUELA' : role.startsWith('DRSE_') ? x.kind === 'DRSE' : x.kind === 'CENTRAL')) ?? holders.items[0];
  const chosen = Number(ctx.query.get('almacen') ?? own.id);
  const holder = holders.items.find((x) => x.id === chosen) ?? own;
  if (holders.items.length > 1) {
    const sel = select('almacen', holders.items.map((x): [string, string] => [String(x.id), x.name]), { value: String(holder.id) });
    const f = h('form', { class: 'filters', 'aria-label': 'Elegir almacén' }, field('Almacén', sel), h('button', { type: 'submit' }, 'Ver'));
    f.addEventListener('submit', (ev) => {
      ev.preventDefault();
      location.hash = `#/inventario?almacen=${sel.value}`;
    });
    ctx.main.append(f);
  }
  const [balances, ledger] = await Promise.all([get<{ items: Balance[]; anyLow: boolean }>(`/inventory/holders/${holder.id}/balances`), ledgerOf(holder.id)]);
  const low = balances.items.filter((b) => b.low);
  const items = await withStandardItems(holder.id, balances.items);
  ctx.main.append(
    h('p', null, `Almacén: ${holder.name}`),
    low.length
      ? h('div', { class: 'notice warn', role: 'alert' }, h('p', null, h('strong', null, 'Existencia baja: '), low.map((b) => `${b.description} (${b.availableText} disponibles; mínimo ${b.minimum ?? '—'}${b.suggestedOrder ? `; pedir ${b.suggestedOrder}` : ''})`).join('; ')))
      : h('p', { class: 'notice ok' }, 'Ningún artículo está por debajo de su mínimo.'),
    table(
      'Existencias por artículo',
      ['Artículo', 'En existencia', 'Reservado', 'Disponible', 'Mínimo', 'Objetivo', 'Alerta'],
      balances.items.map((b) => [b.description, String(b.onHand), String(b.reserved), b.availableText, String(b.minimum ?? '—'), String(b.target ?? '—'), b.low ? badge('Baja', 'danger') : badge('Suficiente', 'ok')]),
    ),
    section('Movimiento en el tiempo', h('div', { class: 'charts' }, chartsFor(balances.items, ledger))),
  );
  if ((role === 'RECURSOS_MATERIALES' || role === 'ADMIN') && holder.kind === 'CENTRAL') ctx.main.append(receiptForm(holder, items));
  if (ADJUSTERS.includes(role)) ctx.main.append(adjustmentForm(holder, items));
  if (role === 'DRSE_TECNOLOGIAS' || role === 'ADMIN') ctx.main.append(thresholdsForm(holder, items));
  ctx.main.append(
    table(
      'Últimos movimientos',
      ['Fecha', 'Movimiento', 'Artículo', 'Cantidad', 'Motivo'],
      ledger.slice(-15).reverse().map((e) => [fmtDate(e.createdAt), label(LEDGER_KIND_LABEL, e.kind), itemLabel(e.item), String(e.quantity), e.reason ?? '']),
    ),
  );
}

/** The kit's items (SPEC §5) even before the first movement, plus whatever the holder already has. */
async function withStandardItems(holderId: number, balances: Balance[]): Promise<Balance[]> {
  let cycle: string | null = null;
  try {
    cycle = (await get<{ cycleCode: string }>(`/inventory/holders/${holderId}/justification`)).cycleCode;
  } catch {
    cycle = null;
  }
  const codes = ['TESLIN', 'MICA', 'TINTA', ...(cycle ? [`HOLOGRAMA:${cycle}`] : [])];
  const out = [...balances];
  for (const item of codes) {
    if (!out.some((b) => b.item === item)) out.push({ item, description: itemLabel(item), onHand: 0, reserved: 0, available: 0, availableText: '0', low: false });
  }
  return out;
}

async function ledgerOf(holderId: number): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  for (let page = 1; page <= 5; page++) {
    const p = await get<Page<LedgerEntry>>(`/inventory/holders/${holderId}/ledger${qs({ page, pageSize: 200 })}`);
    out.push(...p.items);
    if (out.length >= p.total || !p.items.length) break;
  }
  return out.reverse(); // oldest first
}

/** Per item, cumulative received / consumed / wasted and the on-hand balance after each movement. */
function chartsFor(items: Balance[], ledger: LedgerEntry[]): HTMLElement[] {
  return items.map((b) => {
    const entries = ledger.filter((e) => e.item === b.item);
    const labels: string[] = [];
    const received: number[] = [];
    const consumed: number[] = [];
    const wasted: number[] = [];
    const onHand: number[] = [];
    let r = 0;
    let c = 0;
    let w = 0;
    let o = b.onHand - entries.reduce((sum, e) => sum + e.onHandDelta, 0);
    for (const e of entries) {
      if (e.kind === 'RECEIPT' || e.kind === 'TRANSFER_IN') r += e.quantity;
      if (e.kind === 'CONSUMPTION') c += e.quantity;
      if (e.kind === 'WASTE') w += e.quantity;
      o += e.onHandDelta;
      labels.push(fmtDay(e.createdAt));
      received.push(r);
      consumed.push(c);
      wasted.push(w);
      onHand.push(o);
    }
    if (!entries.length) {
      labels.push('hoy');
      received.push(0);
      consumed.push(0);
      wasted.push(0);
      onHand.push(b.onHand);
    }
    return lineChart(b.description, labels, [
      { name: 'Recibido', color: '#1d4ed8', values: received },
      { name: 'Consumido', color: '#b45309', dash: '6 3', values: consumed },
      { name: 'Merma', color: '#b91c1c', dash: '2 3', values: wasted },
      { name: 'En existencia', color: '#047857', values: onHand },
    ]);
  });
}

function adjustmentForm(holder: Holder, items: Balance[]): HTMLElement {
  const item = select('item', items.map((b): [string, string] => [b.item, b.description]));
  const delta = input('delta', { type: 'number', step: 1, required: true, inputmode: 'numeric' });
  const reason = input('reason', { required: true, maxlength: 500 });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Registrar ajuste');
  const form = h(
    'form',
    { class: 'grid-form' },
    field('Artículo', item),
    field('Cantidad (positiva suma, negativa resta; en la unidad del artículo)', delta),
    field('Motivo', reason, 'Por ejemplo: conteo físico del kit inicial.'),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await post(`/inventory/holders/${holder.id}/adjustments`, { item: item.value, delta: Number(delta.value), reason: reason.value.trim() });
      await refreshPage();
    });
  });
  return section('Ajuste de existencias', form);
}

function thresholdsForm(holder: Holder, items: Balance[]): HTMLElement {
  const rows = items.map((b) => ({
    b,
    min: input(`min-${b.item}`, { type: 'number', min: 0, step: 1, value: b.minimum === null || b.minimum === undefined ? '' : String(b.minimum) }),
    target: input(`target-${b.item}`, { type: 'number', min: 1, step: 1, value: b.target === null || b.target === undefined ? '' : String(b.target) }),
  }));
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Guardar mínimos');
  const form = h(
    'form',
    null,
    h('p', { class: 'hint' }, 'Deje en blanco los artículos sin mínimo. El objetivo debe ser mayor que el mínimo.'),
    rows.map(({ b, min, target }) => h('fieldset', { class: 'inline' }, h('legend', null, b.description), field('Mínimo', min), field('Objetivo', target))),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      const thresholds = rows.filter(({ min, target }) => min.value !== '' || target.value !== '').map(({ b, min, target }) => ({ item: b.item, minimum: Number(min.value), target: Number(target.value) }));
      await put(`/inventory/holders/${holder.id}/thresholds`, { thresholds });
      await refreshPage();
    });
  });
  return section('Mínimos de existencia (alerta de existencia baja)', form);
}

/** Material from outside (supplier, kits) into the central warehouse (Recursos Materiales). */
function receiptForm(holder: Holder, items: Balance[]): HTMLElement {
  const qty = items.map((b) => ({ b, el: input(`recibir-${b.item}`, { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' }) }));
  const reason = input('reason', { maxlength: 500 });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Registrar recepción');
  const form = h(
    'form',
    { class: 'grid-form' },
    // Teslin is received in sheets; the API counts slots (8 per sheet).
    qty.map(({ b, el }) => field(b.item === 'TESLIN' ? 'Recibido de Hojas de Teslin (hojas de 8 credenciales)' : `Recibido de ${b.description}`, el)),
    field('Referencia (proveedor, remisión)', reason),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      const lines = qty.map(({ b, el }) => ({ item: b.item, quantity: Number(el.value) * (b.item === 'TESLIN' ? SLOTS_PER_SHEET : 1) })).filter((l) => l.quantity > 0);
      await post(`/inventory/holders/${holder.id}/receipts`, { lines, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      await refreshPage();
    });
  });
  return section('Recepción de material del proveedor', form);
}
