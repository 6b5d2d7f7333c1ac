import { login } from '../api.js';
import { field, h, input } from '../dom.js';
import type { PageContext } from '../main.js';
import { act, messageBox } from '../ui.js';

export async function loginPage(ctx: PageContext): Promise<void> {
  const user = input('username', { autocomplete: 'username', required: true });
  const pass = input('password', { type: 'password', autocomplete: 'current-password', required: true });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Iniciar sesión');
  const form = h(
    'form',
    { class: 'card login', novalidate: true },
    field('Usuario', user),
    field('Contraseña', pass),
    box,
    submit,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await login(user.value.trim(), pass.value);
      location.hash = '#/';
    });
  });
  ctx.main.append(
    h('p', { class: 'brand-login' }, 'Secretaría de Educación del Estado de Jalisco'),
    form,
    h('p', { class: 'hint' }, '¿Tiene una credencial en la mano? Escanee su código QR para verificarla; no necesita sesión.'),
  );
  ctx.title('Credencialización escolar: iniciar sesión');
  user.focus();
}
