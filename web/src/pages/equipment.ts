import { get, Page, post, qs, session } from '../api.js';
import { field, fmtDate, h, input, select, table, textarea } from '../dom.js';
import { EQUIPMENT_KIND_LABEL, EQUIPMENT_STATUS_LABEL, label } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox, section } from '../ui.js';

interface Equipment {
  id: number;
  holderId: number;
  kind: string;
  serialNumber: string;
  model?: string;
  status: string;
}
interface Failure {
  id: number;
  equipmentKind: string;
  serialNumber: string;
  holderName: string;
  routedDrseCode?: string | null;
  description: string;
  status: 'OPEN' | 'RESOLVED';
  reportedAt: string;
  resolution?: string;
  /** The support ticket the report opened (R10). */
  ticketId?: number | null;
}

const REGISTRARS = ['DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];
const REPORTERS = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];
const FAILURE_READERS = ['DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'];
const RESOLVERS = ['DRSE_TECNOLOGIAS', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'];

export async function equipmentPage(ctx: PageContext): Promise<void> {
  ctx.title('Equipo y reportes de falla');
  const role = session.actor!.role;
  const [equipment, holders] = await Promise.all([
    get<Page<Equipment>>(`/equipment${qs({ pageSize: 200 })}`),
    get<Page<{ id: number; name: string }>>(`/inventory/holders${qs({ pageSize: 200 })}`),
  ]);
  const holderName = new Map(holders.items.map((x) => [x.id, x.name]));
  ctx.main.append(
    table(
      'Equipo registrado',
      ['Equipo', 'Serie', 'Modelo', 'Almacén', 'Estado', ...(REPORTERS.includes(role) ? ['Reportar falla'] : [])],
      equipment.items.map((e) => [
        label(EQUIPMENT_KIND_LABEL, e.kind),
        e.serialNumber,
        e.model ?? '—',
        holderName.get(e.holderId) ?? `#${e.holderId}`,
        e.status === 'OPERATIVE' ? badge(label(EQUIPMENT_STATUS_LABEL, e.status), 'ok') : badge(label(EQUIPMENT_STATUS_LABEL, e.status), 'danger'),
        ...(REPORTERS.includes(role) ? [e.status === 'OPERATIVE' ? failureForm(e) : '—'] : []),
      ]),
    ),
  );
  if (REGISTRARS.includes(role) && holders.items.length) ctx.main.append(registerForm(holders.items));
  if (FAILURE_READERS.includes(role)) {
    const failures = await get<Page<Failure>>(`/equipment/failures${qs({ pageSize: 200 })}`);
    ctx.main.append(
      table(
        'Reportes de falla recibidos',
        ['Fecha', 'Equipo', 'Almacén', 'Descripción', 'Estado', 'Ticket de soporte', 'Atender'],
        failures.items.map((f) => [
          fmtDate(f.reportedAt),
          `${label(EQUIPMENT_KIND_LABEL, f.equipmentKind)} ${f.serialNumber}`,
          f.holderName,
          f.description,
          f.status === 'OPEN' ? badge('Abierto', 'warn') : badge('Resuelto', 'ok'),
          f.ticketId ? h('a', { href: `#/soporte/${f.ticketId}` }, `Ticket #${f.ticketId}`) : '—',
          f.status === 'OPEN' && RESOLVERS.includes(role) ? resolveForm(f) : (f.resolution ?? '—'),
        ]),
      ),
    );
  }
}

function failureForm(e: Equipment): HTMLElement {
  const desc = textarea('description', { rows: 2, maxlength: 2000, required: true });
  const box = messageBox();
  const b = h('button', { type: 'submit' }, 'Reportar');
  const f = h('form', { class: 'row-actions' }, field(`Falla de ${label(EQUIPMENT_KIND_LABEL, e.kind)} ${e.serialNumber}`, desc), b, box);
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(b, box, async () => {
      const report = await post<Failure>(`/equipment/${e.id}/failures`, { description: desc.value.trim() });
      // The report is also a support ticket (R10): follow it there.
      if (report.ticketId) location.hash = `#/soporte/${report.ticketId}`;
      else await refreshPage();
    });
  });
  return f;
}

function resolveForm(fr: Failure): HTMLElement {
  const res = input('resolution', { required: true, maxlength: 2000 });
  const box = messageBox();
  const b = h('button', { type: 'submit' }, 'Marcar resuelto');
  const f = h('form', { class: 'row-actions' }, field('Solución', res), b, box);
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(b, box, async () => {
      await post(`/equipment/failures/${fr.id}/resolve`, { resolution: res.value.trim() });
      await refreshPage();
    });
  });
  return f;
}

function registerForm(holders: { id: number; name: string }[]): HTMLElement {
  const holder = select('holderId', holders.map((x): [string, string] => [String(x.id), x.name]));
  const kind = select('kind', Object.entries(EQUIPMENT_KIND_LABEL));
  const serial = input('serialNumber', { required: true, maxlength: 100 });
  const model = input('model', { maxlength: 100 });
  const box = messageBox();
  const b = h('button', { type: 'submit' }, 'Registrar equipo');
  const f = h('form', { class: 'grid-form' }, field('Almacén', holder), field('Tipo', kind), field('Número de serie', serial), field('Modelo (opcional)', model), b, box);
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(b, box, async () => {
      await post('/equipment', { holderId: Number(holder.value), kind: kind.value, serialNumber: serial.value.trim(), ...(model.value.trim() ? { model: model.value.trim() } : {}) });
      await refreshPage();
    });
  });
  return section('Registrar equipo', f);
}
