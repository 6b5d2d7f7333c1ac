/** A tiny hyperscript helper: the whole interface is plain DOM built with `h()`. */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Props = Record<string, unknown> | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'indeterminate') {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else if (key === 'style') {
      // Through CSSOM: a style attribute would be refused by the Content-Security-Policy.
      el.style.cssText = String(value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let idSeq = 0;
export function uid(prefix = 'c'): string {
  return `${prefix}-${++idSeq}`;
}

/** A labelled control: `<label for>` + the control + an optional hint tied by aria-describedby. File inputs get the Spanish picker. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = uid('f');
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  const shown = control instanceof HTMLInputElement && control.type === 'file' ? filePicker(control) : control;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), shown, hintEl);
}

/**
 * A file input that speaks Spanish whatever the browser's language: the native input stays (labelled,
 * focusable, keyboard-operable) but is drawn as «Elegir archivo» with the chosen file's name beside it
 * (the native control would say "Choose File / No file chosen" on an English browser).
 */
export function filePicker(input: HTMLInputElement): HTMLElement {
  if (!input.id) input.id = uid('f');
  const none = 'Ningún archivo elegido';
  const name = h('span', { class: 'file-name' }, none);
  const face = h('span', { class: 'file-button', 'aria-hidden': 'true' }, 'Elegir archivo');
  face.addEventListener('click', () => input.click());
  input.classList.add('file-native');
  const show = () => (name.textContent = input.files?.length ? Array.from(input.files, (f) => f.name).join(', ') : none);
  input.addEventListener('change', show);
  input.form?.addEventListener('reset', () => setTimeout(show));
  return h('span', { class: 'file-picker' }, input, face, name);
}

export function input(name: string, props: Props = {}): HTMLInputElement {
  return h('input', { name, type: 'text', ...props });
}

export function select(name: string, options: [string, string][], props: Props = {}): HTMLSelectElement {
  return h('select', { name, ...props }, options.map(([value, text]) => h('option', { value }, text)));
}

export function textarea(name: string, props: Props = {}): HTMLTextAreaElement {
  return h('textarea', { name, rows: 3, ...props });
}

export function button(text: string, onClick: (ev: MouseEvent) => void | Promise<void>, props: Props = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...props }, text);
  b.addEventListener('click', (ev) => void onClick(ev));
  return b;
}

/** A table with a caption (screen readers announce it) and header cells with scope. */
export function table(caption: string, headers: string[], rows: Child[][], props: Props = {}): HTMLElement {
  const wrap = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      props,
      h('caption', null, caption),
      h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
      // data-label: on phones each row becomes a card whose cells say which column they are (styles.css).
      h('tbody', null, rows.length ? rows.map((r) => h('tr', null, r.map((c, i) => h('td', { 'data-label': headers[i] }, c)))) : h('tr', null, h('td', { colspan: headers.length }, 'Sin registros.'))),
    ),
  );
  // A table wider than its box scrolls sideways: the box then takes keyboard focus, named by the caption, so it can be scrolled without a mouse.
  new ResizeObserver(() => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls === wrap.hasAttribute('tabindex')) return;
    if (scrolls) {
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', caption);
    } else {
      wrap.removeAttribute('tabindex');
      wrap.removeAttribute('role');
      wrap.removeAttribute('aria-label');
    }
  }).observe(wrap);
  return wrap;
}

/** Dates are shown as in Jalisco, whatever the device's zone (the PDFs use the same zone). */
export const TIME_ZONE = 'America/Mexico_City';

export function fmtDate(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('es-MX', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
}

export function fmtDay(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('es-MX', { dateStyle: 'medium', timeZone: TIME_ZONE });
}
