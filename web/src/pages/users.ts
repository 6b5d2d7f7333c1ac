import { get, Page, post, qs, session } from '../api.js';
import { fmtDate, h, table } from '../dom.js';
import { ROLE_LABEL } from '../labels.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox } from '../ui.js';
import type { Role } from '../api.js';

interface Account {
  id: string;
  username: string;
  role: Role;
  drseCode?: string;
  school?: { cct: string; turno: string; name: string };
  active: boolean;
  openSessions: number;
  lastSeenAt?: string;
}

/** «Cuentas» (ADMIN): every account, and disabling one (its sessions end at once) or enabling it again. */
export async function usersPage(ctx: PageContext): Promise<void> {
  ctx.title('Cuentas');
  const list = await get<Page<Account>>(`/users${qs({ pageSize: 200 })}`);
  const box = messageBox();
  const me = session.actor!.id;
  ctx.main.append(
    box,
    table(
      'Cuentas de usuario',
      ['Usuario', 'Rol', 'Ámbito', 'Estado', 'Sesiones abiertas', 'Último uso', ''],
      list.items.map((u) => {
        const toggle = h('button', { type: 'button', class: 'secondary' }, u.active ? `Deshabilitar ${u.username}` : `Habilitar ${u.username}`);
        toggle.addEventListener('click', () =>
          void act(toggle, box, async () => {
            await post(`/users/${u.id}/${u.active ? 'disable' : 'enable'}`);
            await refreshPage();
          }),
        );
        return [
          u.username,
          ROLE_LABEL[u.role] ?? u.role,
          u.school ? `${u.school.name} (${u.school.cct} · ${u.school.turno})` : (u.drseCode ?? 'Estatal'),
          u.active ? badge('Habilitada', 'ok') : badge('Deshabilitada', 'danger'),
          u.openSessions,
          fmtDate(u.lastSeenAt),
          u.id === me ? '' : toggle,
        ];
      }),
    ),
  );
}
