import { get, Page, qs } from '../api.js';
import { field, fmtDate, h, input, select, table } from '../dom.js';
import type { PageContext } from '../main.js';
import { badge } from '../ui.js';

interface SecurityEvent {
  id: number;
  at: string;
  kind: string;
  outcome: 'EXITO' | 'FALLO' | 'BLOQUEADO';
  username?: string;
  actorUsername?: string;
  ip?: string;
  userAgent?: string;
  detail?: string;
}

const KIND_LABEL: Record<string, string> = {
  INICIO_DE_SESION: 'Inicio de sesión',
  CUENTA_BLOQUEADA: 'Cuenta bloqueada por intentos fallidos',
  CIERRE_GLOBAL: 'Cierre de todas las sesiones',
  CUENTA_DESHABILITADA: 'Cuenta deshabilitada',
  CUENTA_HABILITADA: 'Cuenta habilitada',
  CAMBIO_DE_CONTRASENA: 'Cambio de contraseña',
  CUENTA_CREADA: 'Cuenta creada',
  CAMBIO_DE_ROL: 'Cambio de rol o ámbito',
};
const OUTCOME: Record<string, [string, string]> = { EXITO: ['Correcto', 'ok'], FALLO: ['Fallido', 'warn'], BLOQUEADO: ['Bloqueado', 'danger'] };

/** «Seguridad» (ADMIN): the append-only security audit, newest first, by account and kind. */
export async function securityPage(ctx: PageContext): Promise<void> {
  ctx.title('Bitácora de seguridad');
  const username = input('username', { value: ctx.query.get('usuario') ?? '', maxlength: 60 });
  const kind = select('kind', [['', 'Todos'], ...Object.entries(KIND_LABEL)]);
  kind.value = ctx.query.get('tipo') ?? '';
  const form = h('form', { class: 'filters' }, field('Usuario', username), field('Tipo de evento', kind), h('button', { type: 'submit' }, 'Filtrar'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/seguridad${qs({ usuario: username.value.trim(), tipo: kind.value })}`;
  });
  const page = await get<Page<SecurityEvent>>(`/security/events${qs({ pageSize: 200, username: ctx.query.get('usuario'), kind: ctx.query.get('tipo') })}`);
  ctx.main.append(
    form,
    table(
      `Eventos (${page.total}; se muestran los ${page.items.length} más recientes)`,
      ['Fecha', 'Evento', 'Resultado', 'Cuenta', 'Hecho por', 'Desde', 'Detalle'],
      page.items.map((e) => [
        fmtDate(e.at),
        KIND_LABEL[e.kind] ?? e.kind,
        badge(...(OUTCOME[e.outcome] ?? [e.outcome, ''])),
        e.username ?? '—',
        e.actorUsername ?? '—',
        [e.ip ?? '—', e.userAgent ? h('span', { class: 'hint' }, ` · ${e.userAgent}`) : null],
        e.detail ?? '',
      ]),
    ),
  );
}
