import { DomainError } from '../../common/domain-error';
import { describeQuantity, itemLabel, parseItemCode } from '../items';
import { loadInventoryConfig } from '../inventory-config';
import type { TicketStatus } from '../vocabulary';

/** Supply ticket statuses as people say them (the web's labels). */
export const TICKET_STATUS_NAME: Record<TicketStatus, string> = {
  OPEN: 'abierto',
  UNDER_REVIEW: 'en revisión',
  APPROVED: 'aprobado',
  REJECTED: 'rechazado',
  IN_FULFILLMENT: 'en surtido',
  FULFILLED: 'surtido',
  CLOSED: 'cerrado',
  CANCELLED: 'cancelado',
};

/** What to do instead, when a command (its verb in the service's sentence) meets a ticket in a status that does not take it. */
function hint(verb: string, status: TicketStatus): string | null {
  if (['CLOSED', 'REJECTED', 'CANCELLED'].includes(status)) return 'ya no admite cambios';
  if (status === 'OPEN' && /aprobar|rechazar/.test(verb)) return 'primero tómelo en revisión';
  if (/surtir/.test(verb) && (status === 'OPEN' || status === 'UNDER_REVIEW')) return 'primero debe aprobarse';
  if (/surtir/.test(verb) && status === 'FULFILLED') return 'ya se envió todo lo aprobado';
  return null;
}

const ITEM = /\b(TESLIN|MICA|TINTA|HOLOGRAMA:\d{4}-\d{4})\b/g;
const STATUS = /(:? (?:está )?en estado) (OPEN|UNDER_REVIEW|APPROVED|REJECTED|IN_FULFILLMENT|FULFILLED|CLOSED|CANCELLED)\b\.?/;

const quantity = (code: string, n: number): string => describeQuantity(parseItemCode(code), n, loadInventoryConfig().planillasPerInkSet);

/**
 * The inventory service's refusals name ticket statuses and articles by code ("está en estado OPEN",
 * "Del artículo TESLIN quedan 40") and count Teslin in slots. Over HTTP they are rewritten in place
 * (class, status, code and field kept) so people read «abierto», «Hojas Teslin» and «5 ranuras (…hojas)».
 */
export function readableTicketError(err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  let text = err.message;
  const status = STATUS.exec(text);
  if (status) {
    const code = status[2] as TicketStatus;
    const then = hint(/No se puede (.+?) el ticket/.exec(text)?.[1] ?? '', code);
    text = text.replace(STATUS, `: está ${TICKET_STATUS_NAME[code]}${then ? `; ${then}` : ''}.`);
  }
  text = text
    .replace(/Del artículo (\S+) quedan (\d+) por surtir; no se pueden enviar (\d+)\./, (_, code: string, left: string, asked: string) =>
      `De ${itemLabel(parseItemCode(code))} quedan por enviar ${quantity(code, Number(left))}; no se pueden enviar ${quantity(code, Number(asked))}.`)
    .replace(/La cantidad aprobada de (\S+) debe ser un entero entre 0 y (\d+)\./, (_, code: string, max: string) =>
      `La cantidad aprobada de ${itemLabel(parseItemCode(code))} debe estar entre 0 y lo pedido: ${quantity(code, Number(max))}.`)
    .replace(ITEM, (code: string) => `«${itemLabel(parseItemCode(code))}»`);
  err.message = text;
  return err;
}
