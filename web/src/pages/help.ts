import { get } from '../api.js';
import { h, table } from '../dom.js';
import type { PageContext } from '../main.js';
import { section } from '../ui.js';

interface Contact {
  area: string;
  telefono: string;
  extension?: string;
  correo: string;
}
interface Office {
  drseCode: string | null;
  nombre: string;
  contactos: Contact[];
}

/** «Ayuda»: the offices to call or write to (R10): areas, institutional phones and mailboxes; no personal names. */
export async function helpPage(ctx: PageContext): Promise<void> {
  ctx.title('Ayuda');
  const { items } = await get<{ items: Office[] }>('/support/contacts');
  ctx.main.append(
    h('p', null, 'Para dudas sobre el sistema, fallas del equipo de impresión o del trámite, comuníquese con el área que corresponda de su DRSE; si no puede resolverlo, con las oficinas centrales.'),
    h('p', null, 'También puede ', h('a', { href: '#/soporte' }, 'abrir o consultar un ticket de soporte'), ': lo atiende Tecnologías de su DRSE y, si hace falta, la Dirección General de Tecnologías de la Información.'),
  );
  for (const office of items) {
    ctx.main.append(
      section(
        office.nombre,
        office.contactos.length
          ? table(
              `Contactos de ${office.nombre}`,
              ['Área', 'Teléfono', 'Extensión', 'Correo institucional'],
              office.contactos.map((c) => [c.area, c.telefono, c.extension ?? '—', h('a', { href: `mailto:${c.correo}` }, c.correo)]),
            )
          : h('p', null, 'Aún no hay contactos registrados para esta oficina.'),
      ),
    );
  }
}
