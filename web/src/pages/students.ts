import { ApiError, blobUrl, get, Page, post, qs, session, upload } from '../api.js';
import { allSchools, fullName, School, Student } from '../catalog.js';
import { field, filePicker, h, input, select, textarea, uid } from '../dom.js';
import type { PageContext } from '../main.js';
import { act, badge, messageBox, problemView, progress, section } from '../ui.js';

const EDITORS = ['ESCUELA', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

interface RefusedLine {
  line: number;
  field: string;
  message: string;
}

export async function studentsPage(ctx: PageContext): Promise<void> {
  ctx.title('Alumnos');
  const actor = session.actor!;
  let canEdit = EDITORS.includes(actor.role);
  const q = ctx.query;
  const schoolId = actor.schoolId ?? (q.get('schoolId') ? Number(q.get('schoolId')) : undefined);
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrar alumnos' });
  let schoolSel: HTMLSelectElement | null = null;
  if (!actor.schoolId) {
    const schools = await allSchools();
    schoolSel = select('schoolId', [['', 'Elija una escuela'], ...schools.map((s): [string, string] => [String(s.id), `${s.cct} ${s.turno} · ${s.name}`])], { value: schoolId ? String(schoolId) : '' });
    filters.append(field('Escuela', schoolSel));
  }
  const text = input('q', { value: q.get('q') ?? '', inputmode: 'search' });
  const photo = select('hasPhoto', [['', 'Todos'], ['false', 'Sin fotografía'], ['true', 'Con fotografía']], { value: q.get('hasPhoto') ?? '' });
  filters.append(field('Nombre o CURP', text), field('Fotografía', photo), h('button', { type: 'submit' }, 'Filtrar'));
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/alumnos${qs({ schoolId: schoolSel?.value, q: text.value.trim(), hasPhoto: photo.value })}`;
  });
  ctx.main.append(filters);
  if (!schoolId) {
    ctx.main.append(h('p', null, 'Elija una escuela para ver a sus alumnos.'));
    return;
  }
  const school = await get<School>(`/schools/${schoolId}`);
  ctx.main.append(h('p', null, `${school.name} (${school.cct} · ${school.turno}) · matrícula ${school.matricula}`));
  // A school without internet is served by its DRSE: Planeación and Control Escolar load its students and photos on its behalf.
  if (!school.hasInternet && (actor.role === 'DRSE_PLANEACION' || actor.role === 'DRSE_CONTROL_ESCOLAR')) {
    canEdit = true;
    ctx.main.append(h('p', { class: 'notice' }, 'Escuela sin internet: lo que registre aquí queda hecho por la DRSE en nombre de la escuela.'));
  }
  const page = Number(q.get('page') ?? 1);
  const list = await get<Page<Student>>(`/students${qs({ schoolId, q: q.get('q'), hasPhoto: q.get('hasPhoto'), page, pageSize: 50 })}`);
  ctx.main.append(studentTable(list, canEdit));
  if (list.total > list.pageSize) {
    const pages = Math.ceil(list.total / list.pageSize);
    const link = (p: number, t: string) => h('a', { href: `#/alumnos${qs({ schoolId: schoolSel?.value, q: q.get('q'), hasPhoto: q.get('hasPhoto'), page: p })}` }, t);
    ctx.main.append(h('nav', { 'aria-label': 'Páginas de alumnos', class: 'pager' }, page > 1 ? link(page - 1, 'Anterior') : null, ` Página ${page} de ${pages} `, page < pages ? link(page + 1, 'Siguiente') : null));
  }
  if (canEdit) ctx.main.append(h('div', { class: 'grid-2' }, importCsvForm(schoolId, actor.role !== 'ESCUELA'), importZipForm()), addStudentForm(schoolId));
}

/**
 * The card in force (folio and the cycle it was issued in) and whether the student has this cycle's
 * hologram (R3: a card in force is valid this cycle with its hologram; one per student and cycle).
 */
function cardCell(s: Student): HTMLElement {
  const hologram = s.hologramThisCycle ? 'Holograma del ciclo: sí' : s.currentCard ? badge('Holograma del ciclo: no (le falta)', 'warn') : 'Holograma del ciclo: no';
  return s.currentCard
    ? h('span', null, `Credencial vigente: folio ${s.currentCard.folio}`, h('br'), `ciclo ${s.currentCard.cycleCode}`, h('br'), hologram)
    : h('span', null, 'Recibirá credencial', h('br'), hologram);
}

function studentTable(list: Page<Student>, canEdit: boolean): HTMLElement {
  const rows = list.items.map((s) => {
    const box = messageBox();
    const cells: (HTMLElement | string)[] = [
      fullName(s),
      s.curp,
      s.primerIngreso ? 'Primer ingreso' : 'Continúa',
      s.hasPhoto ? photoButton(s) : badge('Sin fotografía', 'warn'),
      s.declined ? badge('Declinó la credencial', 'danger') : cardCell(s),
    ];
    if (canEdit) {
      const file = h('input', { type: 'file', accept: 'image/jpeg,image/png', id: uid('foto'), name: 'foto' });
      const up = h('button', { type: 'button', 'aria-label': `Subir la fotografía de ${fullName(s)}` }, 'Subir');
      up.addEventListener('click', () => {
        const f = file.files?.[0];
        if (!f) return box.error(new ApiError(422, 'Elija la fotografía (JPEG o PNG).', undefined, []));
        const fd = new FormData();
        fd.append('foto', f);
        const p = progress('Subiendo la fotografía…');
        void act(up, box, async () => {
          box.replaceChildren(p);
          await upload('PUT', `/students/${s.id}/photo`, fd, (x) => p.set(x));
          box.ok(`Fotografía de ${fullName(s)} guardada.`);
        });
      });
      const optOut = s.declined ? null : h('button', { type: 'button', class: 'secondary', 'aria-label': `Registrar que la familia de ${fullName(s)} declina la credencial` }, 'Declina');
      optOut?.addEventListener('click', () => {
        const reason = textarea('reason', { maxlength: 500 });
        const ok = h('button', { type: 'submit', class: 'danger' }, 'Confirmar que la familia declina');
        const f = h('form', { class: 'decision' }, field(`Motivo (opcional) para ${fullName(s)}`, reason), ok);
        f.addEventListener('submit', (ev) => {
          ev.preventDefault();
          void act(ok, box, async () => {
            await post(`/students/${s.id}/opt-out`, reason.value.trim() ? { reason: reason.value.trim() } : {});
            box.ok('Registrado: no se emitirá credencial para este alumno.');
            f.remove();
          });
        });
        box.replaceChildren(f);
        reason.focus();
      });
      const reverse = s.declined ? h('button', { type: 'button', class: 'secondary', 'aria-label': `Revertir la declinación de ${fullName(s)}: la familia pide la credencial` }, 'Revertir declinación') : null;
      reverse?.addEventListener('click', () => {
        const reason = textarea('reason', { maxlength: 500, minlength: 5, required: true });
        const ok = h('button', { type: 'submit' }, 'Confirmar: la familia pide la credencial');
        const f = h('form', { class: 'decision' }, field(`Por qué se revierte (${fullName(s)})`, reason), ok);
        f.addEventListener('submit', (ev) => {
          ev.preventDefault();
          void act(ok, box, async () => {
            await post(`/students/${s.id}/opt-out/reversal`, { reason: reason.value.trim() });
            box.ok('Registrado: el alumno vuelve a recibir credencial.');
            f.remove();
          });
        });
        box.replaceChildren(f);
        reason.focus();
      });
      cells.push(
        h(
          'div',
          { class: 'row-actions' },
          h('label', { for: file.id, class: 'sr-only' }, `Fotografía de ${fullName(s)}`),
          filePicker(file),
          up,
          optOut,
          reverse,
          box,
        ),
      );
    }
    return cells;
  });
  const headers = ['Nombre', 'CURP', 'Ingreso', 'Fotografía', 'Credencial y holograma', ...(canEdit ? ['Acciones'] : [])];
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'students' },
      h('caption', null, `${list.total} alumno(s)`),
      h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows.length ? rows.map((r) => h('tr', null, r.map((c, i) => h('td', { 'data-label': headers[i] }, c)))) : h('tr', null, h('td', { colspan: headers.length }, 'Sin alumnos.'))),
    ),
  );
}

function photoButton(s: Student): HTMLElement {
  const b = h('button', { type: 'button', class: 'link' }, 'Ver');
  b.setAttribute('aria-label', `Ver la fotografía de ${fullName(s)}`);
  b.addEventListener('click', () => {
    void blobUrl(`/students/${s.id}/photo`).then(
      (url) => b.replaceWith(h('img', { src: url, alt: `Fotografía de ${fullName(s)}`, class: 'thumb' })),
      (err) => b.replaceWith(problemView(err)),
    );
  });
  return h('span', null, 'Sí · ', b);
}

function importCsvForm(schoolId: number, central: boolean): HTMLElement {
  const file = h('input', { type: 'file', name: 'archivo', accept: '.csv,text/csv', required: true });
  const partial = h('input', { type: 'checkbox', name: 'parcial', id: uid('parcial') });
  const box = messageBox();
  const report = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Importar');
  const form = h(
    'form',
    null,
    h('p', { class: 'hint' }, 'Columnas: CURP, NOMBRES, PRIMER_APELLIDO, SEGUNDO_APELLIDO, PRIMER_INGRESO (SI/NO). UTF-8 o Windows-1252; separador coma, punto y coma o tabulador.'),
    field('Archivo CSV de alumnos', file),
    h('div', { class: 'check' }, partial, h('label', { for: partial.id }, 'Importar las líneas correctas aunque haya líneas con errores')),
    submit,
    box,
    report,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = file.files?.[0];
    if (!f) return box.error(new ApiError(422, 'Elija el archivo CSV.', undefined, []));
    const fd = new FormData();
    fd.append('archivo', f);
    const p = progress('Importando alumnos…');
    report.replaceChildren();
    void act(submit, box, async () => {
      box.replaceChildren(p);
      try {
        const r = await upload<{ lines: number; created: number; updated: number; refused: RefusedLine[] }>(
          'POST',
          `/students/import${qs({ schoolId: central ? undefined : schoolId, parcial: partial.checked || undefined })}`,
          fd,
          (x) => p.set(x, x === null ? 'Procesando el archivo en el servidor…' : undefined),
        );
        box.ok(`Importación terminada: ${r.lines} línea(s), ${r.created} alumno(s) nuevo(s), ${r.updated} actualizado(s), ${r.refused.length} rechazada(s).`);
        report.replaceChildren(lineReport(r.refused));
      } catch (err) {
        if (err instanceof ApiError && err.errors.length) {
          box.error(new ApiError(err.status, `${err.detail} No se importó nada.`, err.code, []));
          report.replaceChildren(lineReport(err.errors.map((e) => ({ line: e.line ?? 0, field: e.field, message: e.message }))));
          return;
        }
        throw err;
      }
    });
  });
  return section('Importar alumnos (CSV)', form);
}

function lineReport(refused: RefusedLine[]): HTMLElement {
  if (!refused.length) return h('p', null, 'Todas las líneas se aceptaron.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'report' },
      h('caption', null, 'Reporte por línea'),
      h('thead', null, h('tr', null, ['Línea', 'Campo', 'Problema'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, refused.map((r) => h('tr', null, h('td', { 'data-label': 'Línea' }, String(r.line)), h('td', { 'data-label': 'Campo' }, r.field), h('td', { 'data-label': 'Problema' }, r.message)))),
    ),
  );
}

function importZipForm(): HTMLElement {
  const file = h('input', { type: 'file', name: 'archivo', accept: '.zip,application/zip', required: true });
  const box = messageBox();
  const report = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Cargar fotografías');
  const form = h('form', null, h('p', { class: 'hint' }, 'Un ZIP con archivos <CURP>.jpg o <CURP>.png en la raíz.'), field('Archivo ZIP de fotografías', file), submit, box, report);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = file.files?.[0];
    if (!f) return box.error(new ApiError(422, 'Elija el archivo ZIP.', undefined, []));
    const fd = new FormData();
    fd.append('archivo', f);
    const p = progress('Subiendo fotografías…');
    void act(submit, box, async () => {
      box.replaceChildren(p);
      try {
        const r = await upload<{ entries: number; updated: number; refused: RefusedLine[] }>('POST', '/students/photos.zip', fd, (x) => p.set(x));
        box.ok(`${r.updated} fotografía(s) cargada(s) de ${r.entries}.`);
        report.replaceChildren(lineReport(r.refused));
      } catch (err) {
        if (err instanceof ApiError && err.errors.length) report.replaceChildren(lineReport(err.errors.map((e) => ({ line: e.line ?? 0, field: e.field, message: e.message }))));
        throw err;
      }
    });
  });
  return section('Fotografías en lote (ZIP)', form);
}

function addStudentForm(schoolId: number): HTMLElement {
  const curp = input('curp', { required: true, maxlength: 18, autocomplete: 'off' });
  const nombres = input('nombres', { required: true });
  const ap1 = input('primerApellido', { required: true });
  const ap2 = input('segundoApellido');
  const ingreso = select('primerIngreso', [['true', 'Primer ingreso'], ['false', 'Continúa']]);
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Agregar alumno');
  const form = h('form', { class: 'grid-form' }, field('CURP', curp), field('Nombre(s)', nombres), field('Primer apellido', ap1), field('Segundo apellido', ap2), field('Ingreso', ingreso), submit, box);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await post('/students', {
        curp: curp.value.trim(),
        nombres: nombres.value.trim(),
        primerApellido: ap1.value.trim(),
        ...(ap2.value.trim() ? { segundoApellido: ap2.value.trim() } : {}),
        primerIngreso: ingreso.value === 'true',
        ...(session.actor!.role === 'ESCUELA' ? {} : { schoolId }),
      });
      box.ok('Alumno agregado.');
      form.reset();
    });
  });
  return section('Agregar un alumno', form);
}
