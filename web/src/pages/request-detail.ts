import { ApiError, download, get, post, put, session, upload } from '../api.js';
import { allStudents, drseNameOf, fullName, Student } from '../catalog.js';
import { diagramFigure } from '../diagram.js';
import { field, fmtDate, h, input, table, textarea } from '../dom.js';
import { EVENT_LABEL, label, PROCEDURE_LABEL, ROLE_LABEL, STATUS_LABEL } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import type { Accion, DatoDecision, LineaItem, RequestDetail } from '../requests-api.js';
import { studentPicker } from '../student-picker.js';
import { act, badge, messageBox, problemView, progress, section } from '../ui.js';

const SCAN_UPLOADERS = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];
/** Roles whose «Impresión» page lists a DRSE's print runs (a school sees only its own on-site runs). */
const RUN_VIEWERS = ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
const DOC_LABEL: Record<string, string> = { OFICIO: 'Oficio escaneado', ACUSE: 'Acuse de recibido', PLANILLAS: 'Planillas de credenciales' };

/** How often an open request page asks whether the request moved (only while the tab is visible). */
export const WATCH_INTERVAL_MS = 3000;
let watcher: ReturnType<typeof setInterval> | null = null;

/** What makes a new rendering worth it: the status, a new step in the timeline, other actions. */
function signature(r: RequestDetail): string {
  return JSON.stringify([r.estado, r.chart.state, r.linea.length, r.acciones.map((a) => a.evento), r.documentos.map((d) => [d.tipo, d.id, d.version])]);
}

/**
 * Live status: while the page is open it polls the request (read from the read model, cheap) and
 * re-renders when it moved, announcing it. If the user is in the middle of a form it only offers
 * to show the change, so nothing typed is lost.
 */
function watch(main: HTMLElement, r: RequestDetail): void {
  if (watcher) clearInterval(watcher);
  const seen = signature(r);
  let busy = false;
  watcher = setInterval(() => {
    if (!main.isConnected) {
      clearInterval(watcher!);
      watcher = null;
      return;
    }
    if (busy || document.visibilityState !== 'visible') return;
    busy = true;
    void get<RequestDetail>(`/requests/${r.id}`)
      .then(async (now) => {
        if (!main.isConnected || signature(now) === seen) return;
        clearInterval(watcher!);
        watcher = null;
        const note = `La solicitud cambió: ahora está «${label(STATUS_LABEL, now.estado)}».`;
        const active = document.activeElement;
        const typing = main.querySelector('form.decision') || (active instanceof HTMLElement && active.matches('input, textarea, select'));
        if (typing) {
          const show = h('button', { type: 'button', class: 'secondary' }, 'Ver los cambios');
          show.addEventListener('click', () => void refreshPage());
          main.querySelector('h1')?.after(h('div', { class: 'notice warn', role: 'status' }, h('p', null, note), show));
          return;
        }
        await refreshPage();
        document.querySelector('main h1')?.after(h('p', { class: 'notice', role: 'status' }, note));
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, WATCH_INTERVAL_MS);
}

export async function requestDetailPage(ctx: PageContext): Promise<void> {
  const id = Number(ctx.params[0]);
  let r: RequestDetail;
  try {
    r = await get<RequestDetail>(`/requests/${id}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      ctx.title('Solicitud no encontrada');
      ctx.main.append(h('p', { class: 'notice error', role: 'alert' }, `La solicitud #${id} no existe o no está en su ámbito.`));
      return;
    }
    throw err;
  }
  ctx.title(`Solicitud #${r.id}`);
  watch(ctx.main, r);
  const role = session.actor!.role;
  const students = await studentsOf(r);
  const drse = await drseNameOf(r.drseCode);

  const summary = h(
    'dl',
    { class: 'facts' },
    h('dt', null, 'Procedimiento'),
    h('dd', null, label(PROCEDURE_LABEL, r.procedimiento)),
    h('dt', null, 'Estado'),
    h('dd', { 'data-testid': 'estado' }, badge(label(STATUS_LABEL, r.estado), statusKind(r.estado))),
    h('dt', null, 'Escuela'),
    h('dd', { 'data-testid': 'escuela' }, r.escuela ? `${r.escuela.nombre} (${r.escuela.cct} · ${r.escuela.turno}) · ${drse}` : drse),
    h('dt', null, 'Quién imprime'),
    h('dd', null, r.ruta === 'DRSE' ? 'La DRSE' : r.ruta === 'ESCUELA' ? 'La escuela' : (r.ruta ?? '—'), r.rutaMotivo ? h('span', { class: 'hint' }, ` — ${r.rutaMotivo}`) : null),
    h('dt', null, 'Presentada'),
    h('dd', null, fmtDate(r.creada)),
  );

  const task = r.tareaAbierta
    ? h(
        'div',
        { class: `open-task ${r.tareaAbierta.vencida ? 'overdue' : ''}` },
        h('p', null, h('strong', null, 'Tarea abierta: '), r.tareaAbierta.titulo),
        h('p', null, `Le corresponde a: ${label(ROLE_LABEL, r.tareaAbierta.rol)} · vence ${fmtDate(r.tareaAbierta.vence)}`, r.tareaAbierta.vencida ? [' ', badge('Vencida', 'danger')] : null),
        r.tareaAbierta.escaladaA ? h('p', null, `Escalada a ${label(ROLE_LABEL, r.tareaAbierta.escaladaA)}.`) : null,
      )
    : h('p', null, 'No hay tarea abierta: la solicitud ', ['ENTREGADA', 'RECHAZADA', 'RETIRADA', 'SURTIDA', 'CANCELADA'].includes(r.estado) ? 'está concluida.' : 'avanza en un paso automático.');

  const correction = role === 'ESCUELA' && r.estado === 'DEVUELTA_A_ESCUELA' ? correctionPanel(r, students) : null;
  const actions = actionsPanel(r, correction);
  const checks = verificationPanel(r, students);
  const now = section('Qué puede hacer ahora', returnReason(r), checks ?? '', correction?.element ?? '', actions);
  now.classList.add('now');
  const resumen = section('Resumen', summary, task);
  resumen.classList.add('resumen');
  // What to do comes first (in reading order and on phones); wide screens show it to the right of the summary.
  ctx.main.append(h('div', { class: 'grid-2 request-top' }, now, resumen));
  ctx.main.append(studentsPanel(r, students), documentsPanel(r), timelinePanel(r));
  const diagramSection = section('Diagrama del procedimiento', h('p', null, 'Cargando los pasos…'));
  ctx.main.append(diagramSection);
  try {
    const fig = await diagramFigure(r.chart.procedure, r.chart.version, r.chart.state, r.linea);
    diagramSection.replaceChildren(h('h2', null, 'Diagrama del procedimiento'), fig);
  } catch (err) {
    diagramSection.replaceChildren(h('h2', null, 'Diagrama del procedimiento'), problemView(err));
  }
}

function statusKind(estado: string): string {
  if (['ENTREGADA', 'SURTIDA'].includes(estado)) return 'ok';
  if (['RECHAZADA', 'RETIRADA', 'CANCELADA'].includes(estado)) return 'danger';
  if (estado === 'DEVUELTA_A_ESCUELA') return 'warn';
  return '';
}

async function studentsOf(r: RequestDetail): Promise<Student[] | null> {
  if (!r.alumnos || !r.escuela) return null;
  try {
    return await allStudents(r.escuela.id);
  } catch {
    return null; // roles that do not see minors' data
  }
}

/** Only the actions the API says this caller may take now; each asks for a comment where needed. */
function actionsPanel(r: RequestDetail, correction: Correction | null): HTMLElement {
  const box = messageBox();
  const formHolder = h('div');
  if (!r.acciones.length) return h('div', null, h('p', null, 'No hay acciones disponibles para usted en este paso.'));
  const buttons = r.acciones.map((a) => {
    const text = a.etiqueta ?? EVENT_LABEL[a.evento] ?? a.evento;
    const b = h('button', { type: 'button', class: a.evento === 'REJECT' || a.evento === 'WITHDRAW' || a.evento === 'INVALIDATE' ? 'danger' : '', 'data-evento': a.evento }, text);
    b.addEventListener('click', () => {
      box.reset();
      formHolder.replaceChildren(decisionForm(r, a, text, box, correction));
      formHolder.querySelector<HTMLElement>('textarea, input')?.focus();
    });
    return b;
  });
  return h('div', null, h('div', { class: 'actions' }, buttons), formHolder, box);
}

/** The confirming button of a decision: «Confirmar: Aceptar el oficio», but «Sí, confirmar impresión…» (never «Confirmar: Confirmar…»). */
export function confirmText(label: string): string {
  return /^confirmar\b/i.test(label) ? `Sí, ${label[0].toLowerCase()}${label.slice(1)}` : `Confirmar: ${label}`;
}

/** A required comment left empty: says so in the form's message box and focuses the field; true when it stopped the submission. */
export function commentMissing(required: boolean, comment: HTMLTextAreaElement, box: ReturnType<typeof messageBox>): boolean {
  if (!required || comment.value.trim()) return false;
  box.error(new ApiError(422, 'Escriba un comentario: este paso lo requiere.', undefined, [{ field: 'comentario', message: 'El comentario es obligatorio.' }]));
  comment.setAttribute('aria-invalid', 'true');
  comment.focus();
  return true;
}

function decisionForm(r: RequestDetail, a: Accion, text: string, box: ReturnType<typeof messageBox>, correction: Correction | null): HTMLElement {
  if (a.evento === 'ACUSE_SIGNED') return signedAcuseForm(r, box);
  const comment = textarea('comentario', { required: a.requiereComentario || undefined, maxlength: a.comentarioMaximo });
  const numbers = (a.datos ?? []).map((d) => ({ d, el: numberInput(d) }));
  const resubmit = a.evento === 'RESUBMIT';
  const oficio = resubmit ? oficioInput() : null;
  const current = r.documentos.find((d) => d.tipo === 'OFICIO');
  const submit = h('button', { type: 'submit' }, confirmText(text));
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancelar');
  const form = h(
    'form',
    { class: 'decision', 'aria-label': text, novalidate: true },
    oficio
      ? field('Oficio corregido (PDF, opcional)', oficio, `Si no elige un archivo se reenvía el oficio actual${current?.version ? ` (versión ${current.version})` : ''}.`)
      : null,
    numbers.map(({ d, el }) => field(d.maximo !== undefined ? `${d.etiqueta} (máximo ${d.maximo})` : d.etiqueta, el)),
    field(a.requiereComentario ? 'Comentario (obligatorio)' : 'Comentario (opcional)', comment, a.requiereComentario ? 'Explique el motivo; la escuela y las oficinas lo verán en la línea de tiempo.' : undefined),
    h('div', { class: 'actions' }, submit, cancel),
  );
  cancel.addEventListener('click', () => {
    form.remove();
    document.querySelector<HTMLElement>(`button[data-evento="${a.evento}"]`)?.focus(); // back to the button that opened it, not the page body
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (commentMissing(a.requiereComentario, comment, box)) return;
    const wrong = numbers.find(({ el }) => !el.checkValidity());
    if (wrong) {
      const message = `«${wrong.d.etiqueta}» debe ser ${expectation(wrong.d)}.`;
      box.error(new ApiError(422, message, undefined, [{ field: `datos.${wrong.d.campo}`, message }]));
      wrong.el.setAttribute('aria-invalid', 'true');
      wrong.el.focus();
      return;
    }
    void act(submit, box, async () => {
      // An optional number left empty is not sent (the decision takes it as zero).
      const datos = Object.fromEntries(numbers.filter(({ el }) => el.value.trim() !== '').map(({ d, el }) => [d.campo, Number(el.value)]));
      if (resubmit) {
        // One button does the whole correction: unsaved lists, the new oficio, then the resubmission.
        await correction?.flush();
        const f = oficio?.files?.[0];
        if (f) {
          const fd = new FormData();
          fd.append('oficio', f);
          const p = progress('Subiendo el oficio corregido…');
          box.replaceChildren(p);
          await upload('PUT', `/requests/${r.id}/oficio`, fd, (x) => p.set(x));
          box.reset();
        }
      }
      if (a.evento === 'WITHDRAW') {
        await post(`/requests/${r.id}/withdraw`, comment.value.trim() ? { comentario: comment.value.trim() } : {});
      } else {
        await post(`/requests/${r.id}/decisions`, {
          evento: a.evento,
          ...(comment.value.trim() ? { comentario: comment.value.trim() } : {}),
          ...(numbers.length ? { datos } : {}),
        });
      }
      await refreshPage();
      const done = h('p', { class: 'notice ok', role: 'status', tabindex: -1 }, `Hecho: ${text}.`);
      document.querySelector('main h1')?.after(done);
      done.focus(); // keyboard users keep their place instead of falling back to the page body

    });
  });
  return form;
}

/** The input of a decision's number, from what the API says of it: its type, bounds and whether it may be left empty. */
function numberInput(d: DatoDecision): HTMLInputElement {
  const whole = d.tipo === 'entero';
  return input(d.campo, {
    type: 'number',
    min: d.minimo,
    max: d.maximo,
    step: whole ? 1 : 'any',
    inputmode: whole ? 'numeric' : 'decimal',
    required: d.opcional ? undefined : true,
    value: d.maximo !== undefined ? String(d.maximo) : undefined,
  });
}

/** What a number must be, in words: «un número entero entre 0 y 12». */
function expectation(d: DatoDecision): string {
  const kind = d.tipo === 'entero' ? 'un número entero' : 'un número';
  if (d.minimo !== undefined && d.maximo !== undefined) return `${kind} entre ${d.minimo} y ${d.maximo}`;
  if (d.minimo !== undefined) return `${kind} de ${d.minimo} o más`;
  if (d.maximo !== undefined) return `${kind} de ${d.maximo} o menos`;
  return kind;
}

/** The delivery ends with the signed and sealed acuse: its scan is uploaded and the request is delivered in one step. */
function signedAcuseForm(r: RequestDetail, box: ReturnType<typeof messageBox>): HTMLElement {
  const file = h('input', { type: 'file', name: 'archivo', accept: 'application/pdf,image/jpeg,image/png', required: true });
  const submit = h('button', { type: 'submit' }, 'Subir el acuse firmado y concluir la entrega');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancelar');
  const form = h(
    'form',
    { class: 'decision', 'aria-label': 'Subir el acuse firmado', novalidate: true },
    field('Acuse de entrega firmado y sellado, escaneado (PDF, JPEG o PNG)', file, 'Descargue el acuse en «Documentos», recabe firma y sello de quien recibe y súbalo aquí.'),
    h('div', { class: 'actions' }, submit, cancel),
  );
  cancel.addEventListener('click', () => form.remove());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = file.files?.[0];
    if (!f) return box.error(new ApiError(422, 'Elija el archivo del acuse firmado.', undefined, [{ field: 'archivo', message: 'Elija el archivo.' }]));
    const fd = new FormData();
    fd.append('archivo', f);
    const p = progress('Subiendo el acuse firmado…');
    void act(submit, box, async () => {
      box.replaceChildren(p);
      await upload('POST', `/requests/${r.id}/signed-acuse`, fd, (x) => p.set(x));
      await refreshPage();
      const done = h('p', { class: 'notice ok', role: 'status', tabindex: -1 }, 'Acuse firmado guardado: la entrega quedó concluida.');
      document.querySelector('main h1')?.after(done);
      done.focus();
    });
  });
  return form;
}

/** The automatic procedencia checks (missing photos, counts against matrícula) as the API reports them. */
function verificationPanel(r: RequestDetail, students: Student[] | null): HTMLElement | null {
  const v = r.verificacion;
  if (!v) return null;
  const byId = new Map((students ?? []).map((s) => [s.id, s]));
  const name = (id: number) => (byId.has(id) ? fullName(byId.get(id)!) : `Alumno ${id}`);
  const nuevos = v.alumnos.filter((a) => a.tipo === 'NUEVO').length;
  const continuan = v.alumnos.length - nuevos;
  const refused = v.alumnos.filter((a) => a.elegible === false);
  const pending = v.alumnos.every((a) => a.elegible === null);
  const total = v.nuevosElegibles + v.continuanElegibles;
  return h(
    'div',
    { class: 'checks', 'data-testid': 'verificacion' },
    h('h3', null, 'Verificación automática de procedencia'),
    pending
      ? h('p', null, 'La verificación automática aún no se ha ejecutado.')
      : h(
          'ul',
          null,
          h('li', null, `Credencial nueva: ${v.nuevosElegibles} de ${nuevos} alumno(s) proceden.`),
          h('li', null, `Solo holograma: ${v.continuanElegibles} de ${continuan} alumno(s) proceden.`),
          h('li', { class: v.alumnos.length > v.matricula ? 'warn-text' : '' }, `Alumnos en el oficio: ${v.alumnos.length}; matrícula de la escuela: ${v.matricula}${v.alumnos.length > v.matricula ? ' (excede la matrícula)' : ''}.`),
          h('li', null, `Total que procede: ${total}.`),
        ),
    refused.length
      ? h('div', null, h('h4', null, `No proceden (${refused.length})`), h('ul', { class: 'refused' }, refused.map((a) => h('li', null, `${name(a.id)}: ${a.motivo ?? 'sin motivo'}`))))
      : pending
        ? null
        : h('p', { class: 'notice ok' }, 'Todos los alumnos del oficio proceden.'),
  );
}

interface Correction {
  element: HTMLElement;
  /** Saves what the school changed and did not save yet (called before resubmitting). */
  flush(): Promise<void>;
}

function correctionPanel(r: RequestDetail, students: Student[] | null): Correction {
  const box = messageBox();
  const parts: HTMLElement[] = [];
  let flush = async (): Promise<void> => undefined;
  if (r.procedimiento === 'PROCEDURE_1' && students) {
    const picker = studentPicker(students, r.alumnos);
    let saved = JSON.stringify(picker.selected());
    const save = h('button', { type: 'submit', class: 'secondary' }, 'Guardar la corrección de alumnos');
    const form = h('form', null, picker.element, save);
    const store = async () => {
      await put(`/requests/${r.id}/students`, picker.selected());
      saved = JSON.stringify(picker.selected());
    };
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void act(save, box, async () => {
        await store();
        box.ok('Lista de alumnos corregida. Cuando termine, use «Reenviar el oficio corregido».');
      });
    });
    flush = async () => {
      if (JSON.stringify(picker.selected()) !== saved) await store();
    };
    parts.push(form);
  }
  if (r.procedimiento === 'PROCEDURE_2') {
    const m = materialOf(r).solicitado ?? {};
    const sheets = input('teslinSheets', { type: 'number', min: 0, step: 1, inputmode: 'numeric', value: String(m.teslinSheets ?? 0) });
    const micas = input('micas', { type: 'number', min: 0, step: 1, inputmode: 'numeric', value: String(m.micas ?? 0) });
    const holograms = input('holograms', { type: 'number', min: 0, step: 1, inputmode: 'numeric', value: String(m.holograms ?? 0) });
    const ink = input('inkSets', { type: 'number', min: 0, step: 1, inputmode: 'numeric', value: String(m.inkSets ?? 0) });
    const values = () => JSON.stringify([sheets.value, micas.value, holograms.value, ink.value]);
    let saved = values();
    const save = h('button', { type: 'submit', class: 'secondary' }, 'Guardar la corrección del material');
    const form = h('form', { class: 'grid-form' }, field('Hojas de Teslin (8 credenciales por hoja)', sheets), field('Micas', micas), field('Hologramas', holograms), field('Juegos de tinta', ink), save);
    const store = async () => {
      await put(`/requests/${r.id}/material`, {
        material: { teslinSheets: Number(sheets.value), micas: Number(micas.value), holograms: Number(holograms.value), inkSets: Number(ink.value) },
      });
      saved = values();
    };
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void act(save, box, async () => {
        await store();
        box.ok('Material corregido. Cuando termine, use «Reenviar el oficio corregido».');
      });
    });
    flush = async () => {
      if (values() !== saved) await store();
    };
    parts.push(form);
  }
  const element = h(
    'div',
    { class: 'correction' },
    h('h3', null, 'Corregir la solicitud'),
    h('p', null, 'Corrija lo necesario y use «Reenviar el oficio corregido»: ahí puede adjuntar el oficio corregido en PDF.'),
    ...parts,
    box,
  );
  return { element, flush: () => flush() };
}

/** Why the request came back to the school: the comment of the step that returned it, next to the correction. */
function returnReason(r: RequestDetail): HTMLElement | null {
  if (r.estado !== 'DEVUELTA_A_ESCUELA') return null;
  const back = [...r.linea].reverse().find((t) => t.estado === 'DEVUELTA_A_ESCUELA' && t.de !== t.a);
  if (!back) return null;
  return h(
    'div',
    { class: 'notice warn', 'data-testid': 'motivo-devolucion' },
    h('p', null, h('strong', null, 'Motivo de la devolución: '), back.comentario?.trim() || 'sin comentario.'),
    h('p', { class: 'hint' }, `${whoDid(back.actor)} · ${fmtDate(back.fecha)}`),
  );
}

function oficioInput(): HTMLInputElement {
  return h('input', { type: 'file', name: 'oficio', accept: 'application/pdf' });
}

type Quantities = Partial<Record<'teslinSheets' | 'micas' | 'holograms' | 'inkSets', number>>;
function materialOf(r: RequestDetail): Partial<Record<'solicitado' | 'permitido' | 'aprobado' | 'faltante', Quantities>> {
  return (r.material ?? {}) as Partial<Record<'solicitado' | 'permitido' | 'aprobado' | 'faltante', Quantities>>;
}

function studentsPanel(r: RequestDetail, students: Student[] | null): HTMLElement {
  if (r.material) {
    const m = materialOf(r);
    const columns = (['solicitado', 'permitido', 'aprobado', 'faltante'] as const).filter((k) => m[k]);
    const items = (['teslinSheets', 'micas', 'holograms', 'inkSets'] as const).filter((item) => item !== 'inkSets' || (m.solicitado?.inkSets ?? 0) > 0);
    const equipo = ((r.material as { equipo?: Array<{ tipo: string; cantidad: number; detalle?: string }> } | undefined)?.equipo ?? []);
    return section(
      'Material',
      table(
        'Material del oficio',
        ['Artículo', ...columns.map((k) => MATERIAL_COLUMN[k])],
        items.map((item) => [MATERIAL_LABEL[item], ...columns.map((k) => String(m[k]?.[item] ?? 0))]),
      ),
      equipo.length
        ? [
            h('h3', null, 'Necesidades de equipo que reporta la escuela'),
            h('ul', null, equipo.map((e) => h('li', null, `${EQUIPMENT_LABEL[e.tipo] ?? 'Equipo'}: ${e.cantidad}${e.detalle ? ` — ${e.detalle}` : ''}`))),
          ]
        : null,
    );
  }
  if (!r.alumnos) return h('div');
  const byId = new Map((students ?? []).map((s) => [s.id, s]));
  const list = (ids: number[]) =>
    ids.length ? h('ul', { class: 'cols' }, ids.map((id) => h('li', null, byId.has(id) ? `${fullName(byId.get(id)!)}${byId.get(id)!.hasPhoto ? '' : ' (sin fotografía)'}` : `Alumno ${id}`))) : h('p', null, 'Ninguno.');
  return section(
    'Alumnos del oficio',
    h('h3', null, `Credencial nueva (${r.alumnos.nuevos.length})`),
    list(r.alumnos.nuevos),
    h('h3', null, `Solo holograma (${r.alumnos.continuan.length})`),
    list(r.alumnos.continuan),
  );
}

function documentsPanel(r: RequestDetail): HTMLElement {
  const role = session.actor!.role;
  if (!r.documentos.length) return section('Documentos', h('p', null, 'Sin documentos.'));
  return section(
    'Documentos',
    h(
      'ul',
      { class: 'docs' },
      r.documentos.map((d) => {
        const box = messageBox();
        const what = DOC_LABEL[d.tipo] ?? 'Documento';
        const name = `${what.toLowerCase().replace(/\s+/g, '-')}-solicitud-${r.id}${d.version ? `-v${d.version}` : ''}.pdf`;
        const dl = h('button', { type: 'button', class: 'secondary', 'data-doc': d.tipo }, `Descargar ${what}`);
        dl.addEventListener('click', () => {
          const p = progress('Preparando el PDF…');
          box.replaceChildren(p);
          void act(dl, box, async () => {
            await download(d.url, name);
            box.ok('Descarga lista.');
          });
        });
        // While the request waits for it, the signed acuse is uploaded from «Qué puede hacer ahora» (it concludes the delivery).
        const scan =
          d.tipo === 'ACUSE' && d.firmado
            ? badge('Copia firmada adjunta', 'ok')
            : d.tipo === 'ACUSE' && r.estado !== 'ESPERANDO_ACUSE' && SCAN_UPLOADERS.includes(role)
              ? signedScanForm(Number(d.id))
              : null;
        const version =
          d.tipo === 'OFICIO' && d.version
            ? ` · ${d.version > 1 ? `versión ${d.version} (corregido)` : 'versión 1 (el presentado)'}, subido ${fmtDate(d.fecha)}`
            : '';
        // The sheets name their print run, which lists this request back (#/impresion).
        const run =
          d.tipo === 'PLANILLAS'
            ? [' · ', RUN_VIEWERS.includes(role) ? h('a', { href: '#/impresion' }, `corrida de impresión ${d.id}`) : `corrida de impresión ${d.id}`]
            : [];
        return h('li', null, h('span', { 'data-testid': `doc-${d.tipo.toLowerCase()}` }, `${what}${version}`, ...run), dl, scan, box);
      }),
    ),
  );
}

/** Upload of the signed, scanned acuse (PDF, JPEG or PNG). */
export function signedScanForm(acuseId: number, which = `del acuse ${acuseId}`): HTMLElement {
  const file = h('input', { type: 'file', name: 'archivo', accept: 'application/pdf,image/jpeg,image/png', required: true });
  const box = messageBox();
  const submit = h('button', { type: 'submit', 'aria-label': `Subir acuse firmado ${which}` }, 'Subir acuse firmado');
  const form = h('form', { class: 'inline-upload' }, field(`Acuse firmado escaneado ${which} (PDF, JPEG o PNG)`, file), submit, box);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = file.files?.[0];
    if (!f) return box.error(new ApiError(422, 'Elija el archivo del acuse firmado.', undefined, []));
    const fd = new FormData();
    fd.append('archivo', f);
    const p = progress('Subiendo el acuse…');
    void act(submit, box, async () => {
      box.replaceChildren(p);
      await upload(`POST`, `/acuses/${acuseId}/signed-scan`, fd, (x) => p.set(x));
      // Nothing more to upload: the form gives way to the confirmation (focus moves with it).
      const done = h('p', { class: 'notice ok', role: 'status', tabindex: -1 }, 'Acuse firmado guardado.');
      form.replaceWith(done);
      done.focus();
    });
  });
  return form;
}

function timelinePanel(r: RequestDetail): HTMLElement {
  return section(
    'Línea de tiempo',
    r.linea.length
      ? h(
          'ol',
          { class: 'timeline' },
          r.linea.map((t) =>
            h(
              'li',
              null,
              h('p', { class: 'when' }, h('time', { datetime: t.fecha }, fmtDate(t.fecha))),
              h('p', null, h('strong', null, EVENT_LABEL[t.evento] ?? 'Paso del trámite'), ` → ${label(STATUS_LABEL, t.estado)}`),
              h('p', { class: 'who' }, whoDid(t.actor)),
              t.comentario ? h('blockquote', null, t.comentario) : null,
            ),
          ),
        )
      : h('p', null, 'Sin pasos registrados.'),
  );
}


const MATERIAL_LABEL: Record<'teslinSheets' | 'micas' | 'holograms' | 'inkSets', string> = {
  teslinSheets: 'Hojas de Teslin (8 credenciales por hoja)',
  micas: 'Micas',
  holograms: 'Hologramas',
  inkSets: 'Juegos de tinta',
};
const EQUIPMENT_LABEL: Record<string, string> = { IMPRESORA: 'Impresora', ENMICADORA: 'Enmicadora', COMPUTADORA: 'Computadora', ESCANER: 'Escáner', OTRO: 'Otro equipo' };
const MATERIAL_COLUMN = { solicitado: 'Solicitado', permitido: 'Permitido por el consumo', aprobado: 'Aprobado', faltante: 'Faltante en la DRSE' } as const;

/** Who took a step: role, and a short user id (the audit keeps the full id). */
function whoDid(actor: LineaItem['actor']): string {
  if (!actor || actor.rol === 'SISTEMA') return 'Sistema (paso automático)';
  // By name and role; never an id («usuario 2fbbe6e0»): without a name, the role says who.
  return actor.nombre ? `${actor.nombre} · ${label(ROLE_LABEL, actor.rol)}` : label(ROLE_LABEL, actor.rol);
}
