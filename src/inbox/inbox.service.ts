import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { INBOX_COLUMNS, InboxColumn, InboxSource } from './inbox-source';
import { InboxCountsDto, InboxEntriesPageDto, InboxEntriesQueryDto, InboxEntryDto } from './inbox.dto';
import { INBOX_SOURCES } from './sources';

type Row = Record<string, unknown>;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Everything that waits on the caller, from every source (src/inbox/sources), as one list: one
 * `union all` of the sources' SELECTs, ordered incidents first, then overdue, then by deadline, then
 * oldest first; and its counts per kind for the menu. Read-only, from the read model and the tables.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly sources: readonly InboxSource[] = INBOX_SOURCES,
  ) {}

  async entries(actor: Actor, q: InboxEntriesQueryDto): Promise<InboxEntriesPageDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 25;
    const union = this.union(actor, q.tipo);
    if (!union) return { items: [], total: 0, page, pageSize };
    const where: string[] = [];
    const params = [...union.params];
    if (q.vencidas !== undefined) {
      where.push('u.vencida = ?');
      params.push(q.vencidas);
    }
    if (q.procedimiento) {
      where.push('u.procedimiento = ?');
      params.push(q.procedimiento);
    }
    if (q.estado) {
      where.push('u.estado = ?');
      params.push(q.estado);
    }
    const filtered = `(select * from (${union.sql}) u ${where.length ? `where ${where.join(' and ')}` : ''}) i`;
    const em = this.em.fork();
    const [{ total }] = await em.execute<Row[]>(`select count(*)::int as total from ${filtered}`, params);
    const rows = await em.execute<Row[]>(
      `select i.*, s.cct, s.turno, s.name as school_name, d.name as drse_name
         from ${filtered}
         left join school s on s.id = i.school_id
         left join drse d on d.code = i.drse_code
        order by i.incidente desc, i.vencida desc, i.vence asc nulls last, i.desde asc, i.tipo, i.ref
        limit ? offset ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toEntry), total: Number(total), page, pageSize };
  }

  async counts(actor: Actor): Promise<InboxCountsDto> {
    const applicable = this.sources.filter((s) => s.select(actor) !== null);
    const union = this.union(actor);
    const rows = union
      ? await this.em.fork().execute<Row[]>(
          `select i.tipo, count(*)::int as n, (count(*) filter (where i.vencida))::int as overdue, (count(*) filter (where i.incidente))::int as incidents
             from (${union.sql}) i group by i.tipo`,
          union.params,
        )
      : [];
    const by = new Map(rows.map((r) => [String(r.tipo), r]));
    const tipos = applicable.map((s) => ({ tipo: s.tipo, etiqueta: s.etiqueta, cantidad: Number(by.get(s.tipo)?.n ?? 0), vencidas: Number(by.get(s.tipo)?.overdue ?? 0) }));
    return {
      total: tipos.reduce((a, t) => a + t.cantidad, 0),
      vencidas: tipos.reduce((a, t) => a + t.vencidas, 0),
      incidentes: rows.reduce((a, r) => a + Number(r.incidents), 0),
      tipos,
    };
  }

  /** The sources' SELECTs for this actor as one `union all` with the common columns (null where a source has none). */
  private union(actor: Actor, only?: string): { sql: string; params: unknown[] } | null {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const source of this.sources) {
      if (only && source.tipo !== only) continue;
      if (!/^[A-Z_]+$/.test(source.tipo)) throw new Error(`inbox source ${source.tipo}: the kind must be upper-case letters`);
      const sel = source.select(actor);
      if (!sel) continue;
      const columns = (Object.keys(INBOX_COLUMNS) as InboxColumn[]).map((c) => `cast(${sel.columns[c] ?? 'null'} as ${INBOX_COLUMNS[c]}) as ${c}`);
      parts.push(`select '${source.tipo}'::text as tipo, ${columns.join(', ')} from ${sel.from}${sel.where.length ? ` where ${sel.where.join(' and ')}` : ''}`);
      params.push(...sel.params);
    }
    return parts.length ? { sql: parts.join('\nunion all\n'), params } : null;
  }
}

function toEntry(r: Row): InboxEntryDto {
  return {
    tipo: String(r.tipo),
    clave: `${String(r.tipo)}-${String(r.ref)}`,
    titulo: String(r.titulo),
    detalle: str(r.detalle),
    incidente: r.incidente === true,
    escalamiento: r.escalamiento === true,
    vence: iso(r.vence),
    vencida: r.vencida === true,
    desde: iso(r.desde)!,
    solicitudId: num(r.solicitud_id),
    procedimiento: str(r.procedimiento),
    estado: str(r.estado),
    ticketId: num(r.ticket_id),
    envioId: num(r.envio_id),
    acuseId: num(r.acuse_id),
    folio: str(r.folio),
    escuela: r.school_id == null || r.cct == null ? null : { id: Number(r.school_id), cct: String(r.cct), turno: String(r.turno), nombre: String(r.school_name) },
    drse: r.drse_code == null ? null : { code: String(r.drse_code), nombre: String(r.drse_name ?? r.drse_code) },
  };
}
