import type { Actor } from '../access';

/**
 * The columns every kind of pending work gives the inbox, in this order and with these SQL types.
 * A source names the expression of each column it has; the others are null.
 */
export const INBOX_COLUMNS = {
  /** The row's id in its own table (task, ticket, shipment, acuse…). */
  ref: 'int',
  /** What to do, in Spanish, as a person says it. */
  titulo: 'text',
  /** Why or what about (Spanish), or null. */
  detalle: 'text',
  /** A failed automatic step waiting for someone: listed first. */
  incidente: 'boolean',
  /** A supervisor's copy of an overdue task. */
  escalamiento: 'boolean',
  vence: 'timestamptz',
  vencida: 'boolean',
  /** Since when it waits (orders the rows without a deadline, oldest first). */
  desde: 'timestamptz',
  solicitud_id: 'int',
  procedimiento: 'text',
  /** The request's public status (requests only). */
  estado: 'text',
  ticket_id: 'int',
  envio_id: 'int',
  acuse_id: 'int',
  folio: 'text',
  school_id: 'int',
  drse_code: 'text',
} as const;

export type InboxColumn = keyof typeof INBOX_COLUMNS;

/** One SELECT of a source: column expressions (no `?` inside), FROM clause, WHERE conditions and their parameters. */
export interface InboxSelect {
  columns: Partial<Record<InboxColumn, string>> & { ref: string; titulo: string; desde: string };
  from: string;
  where: string[];
  params: unknown[];
}

/**
 * A kind of work that waits on people (workflow tasks, supply tickets, shipments to receive, signed
 * acuses to upload…). To add a kind (support tickets, say): write one source in ./sources and list it
 * in INBOX_SOURCES; the inbox, its counts, the API and the menu take it from there.
 */
export interface InboxSource {
  /** Upper-case code of the kind, as the API names it (`tipo`). */
  readonly tipo: string;
  /** How the menu and the filters name the kind, in Spanish (plural). */
  readonly etiqueta: string;
  /** What of this kind waits on `actor` (its role and scope), or null when its role never has any. */
  select(actor: Actor): InboxSelect | null;
}
