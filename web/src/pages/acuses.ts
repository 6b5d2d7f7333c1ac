import { download, get, Page, qs } from '../api.js';
import { fmtDay, h, table } from '../dom.js';
import type { PageContext } from '../main.js';
import { act, badge, messageBox } from '../ui.js';
import { signedScanForm } from './request-detail.js';
import { session } from '../api.js';

interface Acuse {
  id: number;
  folio: string;
  kind: string;
  issuedOn: string;
  fromName: string;
  toName: string;
  lines: { description: string; quantityText: string }[];
  cardCount?: number;
  requestId?: string;
  ticketId?: number;
  signed: boolean;
}

const KIND: Record<string, string> = { MATERIAL_ESCUELA: 'Material a escuela', ENVIO_DRSE: 'Envío a DRSE', CREDENCIALES: 'Credenciales y hologramas' };
const UPLOADERS = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];

export async function acusesPage(ctx: PageContext): Promise<void> {
  ctx.title('Acuses de recibido');
  const list = await get<Page<Acuse>>(`/acuses${qs({ pageSize: 200 })}`);
  const only = ctx.query.get('id');
  const items = only ? list.items.filter((a) => String(a.id) === only) : list.items;
  const role = session.actor!.role;
  ctx.main.append(
    table(
      `${items.length} acuse(s)`,
      ['Folio', 'Tipo', 'Fecha', 'De → Para', 'Contenido', 'Firmado', 'Archivos'],
      items.map((a) => {
        const box = messageBox();
        const pdf = h('button', { type: 'button', class: 'secondary' }, `Descargar acuse ${a.folio}`);
        pdf.addEventListener('click', () => void act(pdf, box, async () => void (await download(`/acuses/${a.id}/pdf`, `acuse-${a.folio}.pdf`))));
        const scan = a.signed ? h('button', { type: 'button', class: 'link' }, 'Descargar el escaneo firmado') : null;
        scan?.addEventListener('click', () => void act(scan, box, async () => void (await download(`/acuses/${a.id}/signed-scan`, `acuse-firmado-${a.folio}`))));
        return [
          a.folio,
          KIND[a.kind] ?? a.kind,
          fmtDay(a.issuedOn),
          `${a.fromName} → ${a.toName}`,
          [a.lines.map((l) => `${l.description}: ${l.quantityText}`).join('; '), a.cardCount ? ` · ${a.cardCount} credencial(es)` : '', a.requestId ? [' · ', h('a', { href: `#/solicitudes/${a.requestId}` }, `Solicitud #${a.requestId}`)] : null],
          a.signed ? badge('Sí', 'ok') : badge('Pendiente', 'warn'),
          h('div', { class: 'row-actions' }, pdf, scan, !a.signed && UPLOADERS.includes(role) ? signedScanForm(a.id, `del acuse ${a.folio}`) : null, box),
        ];
      }),
    ),
  );
}
