import { fullName, Student } from './catalog.js';
import { h, uid } from './dom.js';

export interface Picker {
  element: HTMLElement;
  selected(): { nuevos: number[]; continuan: number[] };
}

/**
 * Two checkbox groups (first entry / continuing) from the school's catalogue, and a live summary of
 * what the system will ask for (SPEC §5: a new card = 1 Teslin slot + 1 mica + 1 hologram; a
 * continuing student = 1 hologram). Declined students (R4) cannot be chosen.
 */
export function studentPicker(students: Student[], initial?: { nuevos: number[]; continuan: number[] }): Picker {
  const boxes = new Map<number, HTMLInputElement>();
  const summary = h('div', { class: 'summary', 'aria-live': 'polite' });
  /**
   * A student holding a card in force (of any cycle) gets only the cycle's hologram, never a second
   * card (R3): listed with the continuing ones whatever the first-entry flag says. Already holds what
   * this oficio would ask for: this cycle's hologram.
   */
  const holds = (s: Student) => Boolean(s.hologramThisCycle);
  const card = (s: Student) => (s.currentCard ? ` — credencial vigente (folio ${s.currentCard.folio}, ciclo ${s.currentCard.cycleCode})` : '');
  const group = (legend: string, list: Student[], key: 'nuevos' | 'continuan') => {
    const items = list.map((s) => {
      const id = uid('al');
      const cb = h('input', {
        type: 'checkbox',
        id,
        name: key,
        value: String(s.id),
        checked: initial ? initial[key].includes(s.id) : !s.declined && !holds(s),
        disabled: s.declined,
        onchange: update,
      });
      boxes.set(s.id, cb);
      return h(
        'li',
        null,
        cb,
        h('label', { for: id }, `${fullName(s)} · ${s.curp}`, s.hasPhoto ? '' : ' — sin fotografía', s.declined ? ' — la familia declinó la credencial' : '', card(s), holds(s) ? ' — ya tiene el holograma del ciclo' : ''),
      );
    });
    const all = h('button', { type: 'button', class: 'link' }, 'Marcar todos');
    all.addEventListener('click', () => {
      list.forEach((s) => !s.declined && !holds(s) && (boxes.get(s.id)!.checked = true));
      update();
    });
    const none = h('button', { type: 'button', class: 'link' }, 'Desmarcar todos');
    none.addEventListener('click', () => {
      list.forEach((s) => (boxes.get(s.id)!.checked = false));
      update();
    });
    return h('fieldset', { class: 'students' }, h('legend', null, `${legend} (${list.length})`), list.length ? [h('p', null, all, ' ', none), h('ul', { class: 'checklist' }, items)] : h('p', null, 'No hay alumnos en este grupo.'));
  };
  const nuevos = students.filter((s) => s.primerIngreso && !s.currentCard);
  const continuan = students.filter((s) => !s.primerIngreso || s.currentCard);
  const element = h(
    'div',
    { class: 'picker' },
    group('Alumnos de primer ingreso: credencial nueva', nuevos, 'nuevos'),
    group('Alumnos que continúan: solo holograma del ciclo', continuan, 'continuan'),
    h('section', { class: 'card asks', 'aria-labelledby': 'lo-que-se-pide' }, h('h3', { id: 'lo-que-se-pide' }, 'Lo que el sistema pedirá'), summary),
  );
  function selected() {
    const pick = (list: Student[]) => list.filter((s) => boxes.get(s.id)!.checked).map((s) => s.id);
    return { nuevos: pick(nuevos), continuan: pick(continuan) };
  }
  function update() {
    const sel = selected();
    const noPhoto = students.filter((s) => boxes.get(s.id)!.checked && !s.hasPhoto).length;
    const n = sel.nuevos.length;
    const c = sel.continuan.length;
    summary.replaceChildren(
      h(
        'ul',
        null,
        h('li', null, `${n} credencial(es) nueva(s): ${n} ranura(s) de Teslin (${Math.ceil(n / 8)} planilla(s) de 8), ${n} mica(s) y ${n} holograma(s).`),
        h('li', null, `${c} holograma(s) del ciclo para alumnos que continúan.`),
        h('li', null, `Total de hologramas: ${n + c}.`),
        noPhoto ? h('li', { class: 'warn-text' }, `${noPhoto} alumno(s) elegido(s) sin fotografía: cárguela antes de la validación o no se producirá su credencial.`) : null,
      ),
    );
  }
  update();
  return { element, selected };
}
