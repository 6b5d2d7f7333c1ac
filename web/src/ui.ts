import { ApiError } from './api.js';
import { Child, h } from './dom.js';

/** The message region of a form: errors are role=alert, confirmations role=status. */
export function messageBox(): HTMLDivElement & { error(err: unknown): void; ok(text: string): void; reset(): void } {
  const box = h('div', { class: 'messages' }) as HTMLDivElement & { error(err: unknown): void; ok(text: string): void; reset(): void };
  box.error = (err: unknown) => box.replaceChildren(problemView(err));
  box.ok = (text: string) => box.replaceChildren(h('p', { class: 'notice ok', role: 'status' }, text));
  box.reset = () => box.replaceChildren();
  return box;
}

/** A refusal shown plainly: the server's Spanish sentence, then each field or line it names. */
export function problemView(err: unknown): HTMLElement {
  if (err instanceof ApiError) {
    const title =
      err.status === 403 ? 'No permitido' : err.status === 409 ? 'No permitido en este momento' : err.status === 404 ? 'No encontrado' : 'No se pudo completar';
    return h(
      'div',
      { class: 'notice error', role: 'alert' },
      h('p', null, h('strong', null, `${title}: `), err.detail),
      err.errors.length
        ? h(
            'ul',
            { class: 'field-errors' },
            err.errors.map((e) => h('li', null, e.line !== undefined ? `Línea ${e.line} · ` : '', fieldLabel(e.field), e.message)),
          )
        : null,
    );
  }
  return h('div', { class: 'notice error', role: 'alert' }, h('p', null, String((err as Error)?.message ?? err)));
}

/** What people call the fields the API names (never a path such as «datos.justificacion» or «lines[2].quantity»). */
const FIELD_LABEL: Record<string, string> = {
  comentario: 'Comentario',
  justificacion: 'Justificación',
  justification: 'Justificación',
  oficio: 'Oficio',
  archivo: 'Archivo',
  material: 'Material',
  teslinSheets: 'Hojas de Teslin',
  micas: 'Micas',
  holograms: 'Hologramas',
  newApproved: 'Credenciales nuevas aprobadas',
  continuingApproved: 'Hologramas aprobados',
  nuevos: 'Alumnos de primer ingreso',
  continuan: 'Alumnos que continúan',
  curp: 'CURP',
  foto: 'Fotografía',
  reason: 'Motivo',
  note: 'Nota',
  cycleCode: 'Ciclo',
  username: 'Usuario',
  password: 'Contraseña',
  currentPassword: 'Contraseña actual',
  newPassword: 'Contraseña nueva',
};
const ITEM_FIELD: Record<string, string> = { item: 'artículo', quantity: 'cantidad' };

/** «Artículo 3 · cantidad: » for «lines[2].quantity»; a known field's Spanish name; nothing for an unknown one. */
export function fieldLabel(path: string | undefined): string {
  if (!path) return '';
  const line = /^(?:datos\.)?(?:lines|lineas)\[(\d+)\]\.(\w+)$/.exec(path);
  if (line) return `Artículo ${Number(line[1]) + 1}${ITEM_FIELD[line[2]] ? ` · ${ITEM_FIELD[line[2]]}` : ''}: `;
  const last = path.replace(/^datos\./, '').split('.').pop()!;
  return FIELD_LABEL[last] ? `${FIELD_LABEL[last]}: ` : '';
}

/** Progress of a long operation; the rest of the page stays usable. */
export function progress(text: string): HTMLElement & { set(fraction: number | null, text?: string): void } {
  const bar = h('progress', { max: 100, 'aria-label': text });
  const label = h('span', null, text);
  const el = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, label, bar) as unknown as HTMLElement & {
    set(fraction: number | null, text?: string): void;
  };
  el.set = (fraction, t) => {
    if (fraction === null) bar.removeAttribute('value');
    else bar.value = Math.round(fraction * 100);
    if (t) {
      label.textContent = t;
      bar.setAttribute('aria-label', t);
    }
  };
  return el;
}

/** Runs an action with the button disabled and errors shown in `box`. */
export async function act(btn: HTMLButtonElement | null, box: { error(err: unknown): void; reset(): void }, fn: () => Promise<void>): Promise<void> {
  box.reset();
  if (btn) btn.disabled = true;
  try {
    await fn();
  } catch (err) {
    box.error(err);
  } finally {
    if (btn) btn.disabled = false;
  }
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

export function badge(text: string, kind = ''): HTMLElement {
  return h('span', { class: `badge ${kind}` }, text);
}
