import { logoutEverywhere, post, session } from '../api.js';
import { field, h, input } from '../dom.js';
import { ROLE_LABEL } from '../labels.js';
import type { PageContext } from '../main.js';
import { act, messageBox, section } from '../ui.js';

/** «Mi cuenta»: who you are, changing your password, and closing every session of yours (a lost or shared computer). */
export async function accountPage(ctx: PageContext): Promise<void> {
  ctx.title('Mi cuenta');
  const me = session.me;
  const actor = session.actor!;
  ctx.main.append(h('p', null, `Usuario: ${me?.username ?? ''} · ${ROLE_LABEL[actor.role]}`));
  const current = input('currentPassword', { type: 'password', autocomplete: 'current-password', required: true });
  const next = input('newPassword', { type: 'password', autocomplete: 'new-password', required: true, minlength: 12, maxlength: 256 });
  const again = input('newPasswordAgain', { type: 'password', autocomplete: 'new-password', required: true });
  const pwBox = messageBox();
  const change = h('button', { type: 'submit' }, 'Cambiar la contraseña');
  const form = h(
    'form',
    { class: 'grid-form', novalidate: true },
    field('Contraseña actual', current),
    field('Contraseña nueva', next, 'Al menos 12 caracteres; mejor una frase de varias palabras. No se aceptan contraseñas comunes.'),
    field('Repita la contraseña nueva', again),
    change,
    pwBox,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(change, pwBox, async () => {
      if (next.value !== again.value) throw new Error('Las dos contraseñas nuevas no coinciden.');
      await post('/auth/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      pwBox.ok('Contraseña cambiada. Sus sesiones en otros equipos se cerraron; esta sigue abierta.');
    });
  });
  ctx.main.append(section('Cambiar la contraseña', form));

  const box = messageBox();
  const all = h('button', { type: 'button', class: 'secondary' }, 'Cerrar sesión en todos los equipos');
  all.addEventListener('click', () =>
    void act(all, box, async () => {
      await logoutEverywhere();
      location.hash = '#/login';
    }),
  );
  ctx.main.append(
    section(
      'Sesiones',
      h('p', null, 'Si usó la aplicación en un equipo compartido o perdió uno, cierre todas sus sesiones: cada equipo tendrá que iniciar sesión de nuevo, este también.'),
      all,
      box,
    ),
  );
}
