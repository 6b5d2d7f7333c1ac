import { ApiError, get, newKey, Page, qs, session, upload } from '../api.js';
import { allSchools, allStudents, School } from '../catalog.js';
import { clear, field, h, input, select, textarea } from '../dom.js';
import type { PageContext } from '../main.js';
import { studentPicker } from '../student-picker.js';
import { act, messageBox, progress, section } from '../ui.js';

interface JustificationItem {
  item: string;
  description: string;
  received: number;
  consumed: number;
  wasted: number;
  onHand: number;
  onHandText: string;
}

/** A school files its oficio: Procedure 1 (the DRSE prints) or 2 (material to print on site), by R1. */
export async function newRequestPage(ctx: PageContext): Promise<void> {
  ctx.title('Nuevo oficio');
  const schoolId = session.actor!.schoolId!;
  const school = await get<School>(`/schools/${schoolId}`);
  const p1 = school.printRoute === 'DRSE';
  ctx.main.append(
    h(
      'p',
      { class: 'notice' },
      p1
        ? `Su escuela está asignada a la DRSE para imprimir (${school.printRouteReason}). El oficio pide credenciales nuevas y hologramas (Procedimiento 1).`
        : `Su escuela imprime en sitio (${school.printRouteReason}). El oficio pide material (Procedimiento 2).`,
    ),
  );
  const oficio = h('input', { type: 'file', name: 'oficio', accept: 'application/pdf', required: true });
  const comment = textarea('comentario', { maxlength: 2000 });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Enviar el oficio');
  const key = newKey();
  let datos: () => Record<string, unknown>;
  const body: HTMLElement[] = [];
  if (p1) {
    const students = await allStudents(schoolId);
    const picker = studentPicker(students);
    body.push(picker.element);
    datos = () => ({ procedimiento: 'PROCEDURE_1', ...picker.selected() });
  } else {
    const sheets = input('teslinSheets', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
    const micas = input('micas', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
    const holograms = input('holograms', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
    const ink = input('inkSets', { type: 'number', min: 0, step: 1, value: '0', inputmode: 'numeric' });
    const why = textarea('justificacion', { required: true, maxlength: 4000 });
    const equipment = equipmentNeeds();
    body.push(
      h(
        'fieldset',
        null,
        h('legend', null, 'Material solicitado'),
        field('Hojas de Teslin (8 credenciales por hoja)', sheets),
        field('Micas', micas),
        field('Hologramas del ciclo', holograms),
        field('Juegos de tinta', ink, 'Cada juego de cartuchos imprime unas 50 planillas; sin tinta la escuela no puede imprimir sus credenciales.'),
      ),
      equipment.element,
      field('Justificación del uso del material anterior', why, 'El sistema adjunta su registro de consumo (impreso, cancelado, merma).'),
      await consumptionSummary(schoolId),
    );
    datos = () => {
      const equipo = equipment.value();
      return {
        procedimiento: 'PROCEDURE_2',
        material: { teslinSheets: Number(sheets.value), micas: Number(micas.value), holograms: Number(holograms.value), inkSets: Number(ink.value) },
        justificacion: why.value.trim(),
        ...(equipo.length ? { equipo } : {}),
      };
    };
  }
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    field('Oficio escaneado con firma y sello (PDF)', oficio),
    ...body,
    field('Comentario (opcional)', comment),
    box,
    submit,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = oficio.files?.[0];
    if (!f) {
      box.error(new ApiError(422, 'Adjunte el oficio escaneado en PDF.', undefined, [{ field: 'oficio', message: 'El oficio es obligatorio.' }]));
      oficio.focus();
      return;
    }
    const fd = new FormData();
    fd.append('oficio', f);
    fd.append('datos', JSON.stringify({ ...datos(), ...(comment.value.trim() ? { comentario: comment.value.trim() } : {}) }));
    const p = progress('Enviando el oficio…');
    void act(submit, box, async () => {
      box.replaceChildren(p);
      const res = await upload<{ id: number }>('POST', '/requests', fd, (x) => p.set(x), key);
      location.hash = `#/solicitudes/${res.id}`;
    });
  });
  ctx.main.append(form);
}

async function consumptionSummary(schoolId: number): Promise<HTMLElement> {
  try {
    const holders = await get<Page<{ id: number }>>(`/inventory/holders${qs({ schoolId, kind: 'ESCUELA' })}`);
    if (!holders.items.length) return h('p', null, 'Sin registro de material todavía.');
    const report = await get<{ cycleCode: string; items: JustificationItem[] }>(`/inventory/holders/${holders.items[0].id}/justification`);
    return section(
      `Consumo registrado del ciclo ${report.cycleCode}`,
      h(
        'ul',
        null,
        report.items.map((i) => h('li', null, `${i.description}: recibido ${i.received}, consumido ${i.consumed}, merma ${i.wasted}, en existencia ${i.onHandText}`)),
      ),
    );
  } catch {
    return h('p', null, 'No se pudo leer el consumo registrado.');
  }
}

/**
 * DRSE staff file the Procedure 1 oficio of a school without internet (the scanned paper oficio), on
 * its behalf: R1 sends those schools to the DRSE for everything they cannot do themselves.
 */
export async function offlineOficioPage(ctx: PageContext): Promise<void> {
  ctx.title('Oficio de escuela sin internet');
  const schools = (await allSchools()).filter((s) => !s.hasInternet);
  if (!schools.length) {
    ctx.main.append(h('p', { class: 'notice' }, 'No hay escuelas sin internet en su DRSE.'));
    return;
  }
  ctx.main.append(h('p', { class: 'notice' }, 'La DRSE presenta aquí, en nombre de la escuela, el oficio en papel que la escuela entregó (escanéelo en PDF). Queda registrado quién lo presentó.'));
  const school = select('escuela', schools.map((s): [string, string] => [String(s.id), `${s.name} · ${s.cct} ${s.turno}`]));
  const oficio = h('input', { type: 'file', name: 'oficio', accept: 'application/pdf', required: true });
  const comment = textarea('comentario', { maxlength: 2000 });
  const pickerBox = h('div');
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Enviar el oficio en nombre de la escuela');
  const key = newKey();
  let picker: ReturnType<typeof studentPicker> | null = null;
  const load = async (): Promise<void> => {
    picker = studentPicker(await allStudents(Number(school.value)));
    clear(pickerBox, picker.element);
  };
  school.addEventListener('change', () => void load());
  await load();
  const form = h('form', { class: 'card', novalidate: true }, field('Escuela', school), field('Oficio escaneado con firma y sello (PDF)', oficio), pickerBox, field('Comentario (opcional)', comment), box, submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = oficio.files?.[0];
    if (!f || !picker) {
      box.error(new ApiError(422, 'Adjunte el oficio escaneado en PDF.', undefined, [{ field: 'oficio', message: 'El oficio es obligatorio.' }]));
      oficio.focus();
      return;
    }
    const fd = new FormData();
    fd.append('oficio', f);
    fd.append('datos', JSON.stringify({ procedimiento: 'PROCEDURE_1', escuela: Number(school.value), ...picker.selected(), ...(comment.value.trim() ? { comentario: comment.value.trim() } : {}) }));
    const p = progress('Enviando el oficio…');
    void act(submit, box, async () => {
      box.replaceChildren(p);
      const res = await upload<{ id: number }>('POST', '/requests', fd, (x) => p.set(x), key);
      location.hash = `#/solicitudes/${res.id}`;
    });
  });
  ctx.main.append(form);
}

const EQUIPMENT_KINDS: [string, string][] = [
  ['IMPRESORA', 'Impresora'],
  ['ENMICADORA', 'Enmicadora'],
  ['COMPUTADORA', 'Computadora'],
  ['ESCANER', 'Escáner'],
  ['OTRO', 'Otro equipo'],
];

/** Equipment the school reports it needs (optional, up to 10 rows): kind, how many, what for. */
function equipmentNeeds(): { element: HTMLElement; value: () => Array<{ tipo: string; cantidad: number; detalle?: string }> } {
  const rows: Array<{ tipo: HTMLSelectElement; cantidad: HTMLInputElement; detalle: HTMLInputElement; el: HTMLElement }> = [];
  const list = h('div', { class: 'equipment-rows' });
  const add = h('button', { type: 'button', class: 'secondary' }, 'Agregar un equipo que se necesita');
  add.addEventListener('click', () => {
    if (rows.length >= 10) return;
    const n = rows.length + 1;
    const tipo = select(`equipo-${n}-tipo`, EQUIPMENT_KINDS);
    const cantidad = input(`equipo-${n}-cantidad`, { type: 'number', min: 1, max: 50, step: 1, value: '1', inputmode: 'numeric' });
    const detalle = input(`equipo-${n}-detalle`, { maxlength: 300 });
    const el = h('div', { class: 'equipment-row' }, field(`Equipo ${n}`, tipo), field(`Cantidad del equipo ${n}`, cantidad), field(`Para qué o qué falla (equipo ${n})`, detalle));
    rows.push({ tipo, cantidad, detalle, el });
    list.append(el);
    tipo.focus();
  });
  const element = h(
    'fieldset',
    null,
    h('legend', null, 'Necesidades de equipo (opcional)'),
    h('p', { class: 'hint' }, 'Si a la escuela le falta equipo para imprimir o enmicar, anótelo: la DRSE lo verá con el oficio.'),
    list,
    add,
  );
  return {
    element,
    value: () => rows.map((r) => ({ tipo: r.tipo.value, cantidad: Number(r.cantidad.value), ...(r.detalle.value.trim() ? { detalle: r.detalle.value.trim() } : {}) })),
  };
}
