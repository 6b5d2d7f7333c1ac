import { logoutEverywhere, session } from '../api.js';
import { h } from '../dom.js';
import { ROLE_LABEL } from '../labels.js';
import type { PageContext } from '../main.js';
import { act, messageBox, section } from '../ui.js';

/** «Mi cuenta»: who you are, and closing every session of yours (a lost or shared computer). */
export async function accountPage(ctx: PageContext): Promise<void> {
  ctx.title('Mi cuenta');
  const me = session.me;
  const actor = session.actor!;
  ctx.main.append(h('p', null, `Usuario: ${me?.username ?? ''} · ${ROLE_LABEL[actor.role]}`));
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
