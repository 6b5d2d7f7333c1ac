import * as path from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import * as QRCode from 'qrcode';
import { loadConfig } from '../config/app-config';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { PdfRendererService } from '../rendering/rendering.module';
import { BlobStore } from '../storage/blob-store';
import { InventoryConfig, INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { describeQuantity, ItemLine, itemLabel, parseItemCode, parseLines } from './items';
import { ACUSE_KINDS, AcuseKind, AcuseLine } from './vocabulary';
import { renderAcuseHtml } from './acuse-template';
import { assertActorCoversHolder, loadHolder, Mutation, parseCauseId, runIdempotent } from './stock-ledger';

export const INVENTORY_BLOB_STORE = Symbol('INVENTORY_BLOB_STORE');

export type CreateAcuseInput = Mutation &
  (
    | { kind: 'MATERIAL_ESCUELA'; fromHolderId: number; schoolId: number; lines: ItemLine[]; requestId?: string | number }
    | { kind: 'ENVIO_DRSE'; shipmentId: number }
    | {
        kind: 'CREDENCIALES';
        schoolId: number;
        cardFolios: string[];
        cardCount?: number;
        /** The holograms delivered with the cards (placed on them, and loose for students who already hold a card). */
        holograms?: ItemLine[];
        requestId?: string | number;
      }
  );

export interface AcuseView {
  acuseId: number;
  folio: string;
  kind: AcuseKind;
  issuedOn: string;
  fromName: string;
  toName: string;
  lines: AcuseLine[];
  cardFolios: string[] | null;
  cardCount: number | null;
  schoolId: number | null;
  drseCode: string | null;
  requestId: string | null;
  ticketId: number | null;
  shipmentId: number | null;
  pdfHash: string | null;
  signedScanHash: string | null;
}

const MAX_SCAN_BYTES = 15 * 1024 * 1024;
const SCAN_TYPES: Array<{ type: string; magic: number[] }> = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
];

/**
 * Acuses de recibido: a row with a folio from a PostgreSQL sequence (AC-YYYY-NNNNNN, never
 * reused), a PDF rendered by the shared Chromium and kept in the BlobStore, and the signed scan.
 */
@Injectable()
export class AcuseService {
  private readonly config: InventoryConfig;
  private readonly blobs: BlobStore;

  constructor(
    private readonly em: EntityManager,
    @Optional() @Inject(PdfRendererService) private readonly pdf?: PdfRenderer,
    @Optional() @Inject(INVENTORY_BLOB_STORE) blobs?: BlobStore,
    @Optional() @Inject(INVENTORY_CONFIG) config?: InventoryConfig,
  ) {
    this.config = config ?? loadInventoryConfig();
    this.blobs = blobs ?? new BlobStore(path.join(loadConfig().dataDir, 'uploads'));
  }

  /** Creates the acuse (idempotent on key) and its PDF. A repeated key returns the same acuse. */
  async create(input: CreateAcuseInput): Promise<AcuseView> {
    const { acuseId } = await runIdempotent(
      this.em,
      { key: input.key, actor: input.actor, kind: 'acuse.create', params: { ...input, key: undefined, actor: undefined } },
      async (tem, key, actor) => {
        if (!ACUSE_KINDS.includes(input.kind)) throw new DomainError(`El tipo de acuse debe ser uno de: ${ACUSE_KINDS.join(', ')}.`, 'kind');
        const row: Record<string, unknown> = { kind: input.kind, card_folios: null, card_count: null, request_id: null, ticket_id: null, shipment_id: null, from_holder_id: null, to_holder_id: null, school_id: null, drse_code: null };
        if (input.kind === 'MATERIAL_ESCUELA') {
          const lines = parseLines(input.lines, { wholePacks: false, planillasPerInkSet: this.config.planillasPerInkSet });
          const from = await loadHolder(tem, input.fromHolderId, 'fromHolderId');
          assertActorCoversHolder(actor, from);
          const school = await loadSchool(tem, input.schoolId);
          Object.assign(row, {
            from_name: from.name, from_holder_id: from.id, to_name: school.label, school_id: school.id, drse_code: school.drse_code,
            lines: lines.map((l) => this.line(l.item.code, l.quantity)), request_id: parseCauseId(input.requestId, 'requestId') ?? null,
          });
        } else if (input.kind === 'ENVIO_DRSE') {
          if (typeof input.shipmentId !== 'number' || !Number.isInteger(input.shipmentId)) throw new DomainError('El envío no es válido.', 'shipmentId');
          const [s] = await tem.execute<Array<{ id: number; ticket_id: number; number: number; acuse_id: number | null; holder_id: number; supplier_holder_id: number; folio: string; request_id: string | null }>>(
            `select s.id, s.ticket_id, s.number, s.acuse_id, t.holder_id, t.supplier_holder_id, t.folio, t.request_id
               from supply_shipment s join supply_ticket t on t.id = s.ticket_id where s.id = ? for update of s`,
            [input.shipmentId],
          );
          if (!s) throw new NotFoundError(`El envío ${input.shipmentId} no existe.`, 'shipmentId');
          if (s.acuse_id !== null) throw new ConflictError(`El envío ${s.number} del ticket ${s.folio} ya tiene acuse.`, 'shipmentId');
          const from = await loadHolder(tem, s.supplier_holder_id);
          const to = await loadHolder(tem, s.holder_id);
          const lines = await tem.execute<Array<{ item_code: string; quantity: number; received: number | null; note: string | null }>>(
            'select item_code, quantity, received, note from supply_shipment_line where shipment_id = ? order by item_code',
            [s.id],
          );
          Object.assign(row, {
            from_name: from.name, from_holder_id: from.id, to_name: to.name, to_holder_id: to.id, drse_code: to.drseCode,
            lines: lines.map((l) => this.shipmentLine(l.item_code, l.quantity, l.received ?? l.quantity, l.note)), ticket_id: s.ticket_id, shipment_id: s.id, request_id: s.request_id,
            reference: `Ticket de abastecimiento ${s.folio}, envío ${s.number}`,
          });
        } else if (input.kind === 'CREDENCIALES') {
          const school = await loadSchool(tem, input.schoolId);
          const folios = parseCardFolios(input.cardFolios);
          if (input.cardCount !== undefined && input.cardCount !== folios.length) {
            throw new DomainError(`El número de credenciales (${input.cardCount}) no coincide con los ${folios.length} folios listados.`, 'cardCount');
          }
          const holograms = input.holograms?.length ? parseLines(input.holograms, { field: 'holograms', wholePacks: false, planillasPerInkSet: this.config.planillasPerInkSet }) : [];
          holograms.forEach((l, i) => {
            if (l.item.kind !== 'HOLOGRAMA') throw new DomainError('Un acuse de credenciales sólo lista, además de los folios, hologramas.', `holograms[${i}].item`);
          });
          Object.assign(row, {
            from_name: `Oficina de Control Escolar, ${school.drse_name} (${school.drse_seat})`, to_name: school.label, school_id: school.id,
            drse_code: school.drse_code, lines: holograms.map((l) => this.line(l.item.code, l.quantity)), card_folios: folios, card_count: folios.length, request_id: parseCauseId(input.requestId, 'requestId') ?? null,
          });
        }
        const [created] = await tem.execute<Array<{ id: number }>>(
          `insert into acuse (folio, operation_key, kind, issued_on, from_name, to_name, from_holder_id, to_holder_id, school_id, drse_code, lines,
             card_folios, card_count, request_id, ticket_id, shipment_id, created_by_id, created_by_role)
           values ('AC-' || to_char(now() at time zone 'America/Mexico_City', 'YYYY') || '-' || lpad(nextval('acuse_folio_seq')::text, 6, '0'),
             ?, ?, (now() at time zone 'America/Mexico_City')::date, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?) returning id`,
          [
            key, row.kind, row.from_name, row.to_name, row.from_holder_id, row.to_holder_id, row.school_id, row.drse_code, JSON.stringify(row.lines),
            row.card_folios === null ? null : JSON.stringify(row.card_folios), row.card_count, row.request_id, row.ticket_id, row.shipment_id, actor.id, actor.role,
          ],
        );
        if (row.shipment_id !== null) await tem.execute('update supply_shipment set acuse_id = ? where id = ?', [created.id, row.shipment_id]);
        return { acuseId: created.id };
      },
    );
    await this.ensurePdf(acuseId);
    return this.get(acuseId);
  }

  /** Renders and stores the PDF if it is not stored yet (a crash between the two steps heals here). */
  async ensurePdf(acuseId: number): Promise<string> {
    const view = await this.get(acuseId);
    if (view.pdfHash && (await this.blobs.has(view.pdfHash))) return view.pdfHash;
    if (!this.pdf) throw new Error('AcuseService necesita el PdfRenderer compartido (RenderingModule) para generar el PDF.');
    const qrDataUrl = await QRCode.toDataURL(view.folio, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    const reference = view.ticketId ? await this.referenceOf(view) : view.requestId ? `Solicitud ${view.requestId}` : undefined;
    const html = renderAcuseHtml({ ...view, cardFolios: view.cardFolios ?? undefined, cardCount: view.cardCount ?? undefined, reference, qrDataUrl });
    const pdf = await this.pdf.renderPdf(html, { format: 'Letter', printBackground: true });
    const hash = await this.blobs.put(pdf);
    await this.em.fork().execute('update acuse set pdf_hash = ? where id = ?', [hash, acuseId]);
    return hash;
  }

  async getPdf(acuseId: number): Promise<{ folio: string; content: Buffer }> {
    const hash = await this.ensurePdf(acuseId);
    const view = await this.get(acuseId);
    return { folio: view.folio, content: await this.blobs.get(hash) };
  }

  /** Attaches the signed and sealed scan (PDF, JPEG or PNG). Once attached it is not replaced. */
  async attachSignedScan(input: Mutation & { acuseId: number; content: Buffer; contentType: string }): Promise<AcuseView> {
    if (!Buffer.isBuffer(input.content) || input.content.length === 0) throw new DomainError('El archivo escaneado está vacío.', 'content');
    if (input.content.length > MAX_SCAN_BYTES) throw new DomainError('El archivo escaneado excede 15 MB.', 'content');
    const type = SCAN_TYPES.find((t) => t.type === input.contentType);
    if (!type) throw new DomainError('El acuse firmado debe ser PDF, JPEG o PNG.', 'contentType');
    if (!type.magic.every((b, i) => input.content[i] === b)) throw new DomainError(`El contenido del archivo no es un ${type.type} válido.`, 'content');
    const hash = await this.blobs.put(input.content);
    await runIdempotent(
      this.em,
      { key: input.key, actor: input.actor, kind: 'acuse.signed', params: { acuseId: input.acuseId, hash, contentType: input.contentType } },
      async (tem, _key, actor) => {
        const rows = await tem.execute<Array<{ signed_scan_hash: string | null; folio: string }>>('select signed_scan_hash, folio from acuse where id = ? for update', [input.acuseId]);
        if (rows.length === 0) throw new NotFoundError(`El acuse ${input.acuseId} no existe.`, 'acuseId');
        if (rows[0].signed_scan_hash) throw new ConflictError(`El acuse ${rows[0].folio} ya tiene adjunta su copia firmada.`, 'acuseId');
        await tem.execute(
          'update acuse set signed_scan_hash = ?, signed_scan_content_type = ?, signed_uploaded_at = now(), signed_uploaded_by = ? where id = ?',
          [hash, input.contentType, actor.id, input.acuseId],
        );
        return { acuseId: input.acuseId };
      },
    );
    return this.get(input.acuseId);
  }

  async getSignedScan(acuseId: number): Promise<{ folio: string; contentType: string; content: Buffer }> {
    const rows = await this.em.fork().execute<Array<{ folio: string; signed_scan_hash: string | null; signed_scan_content_type: string | null }>>(
      'select folio, signed_scan_hash, signed_scan_content_type from acuse where id = ?',
      [acuseId],
    );
    if (rows.length === 0) throw new NotFoundError(`El acuse ${acuseId} no existe.`, 'acuseId');
    if (!rows[0].signed_scan_hash) throw new NotFoundError(`El acuse ${rows[0].folio} aún no tiene copia firmada.`, 'acuseId');
    return { folio: rows[0].folio, contentType: rows[0].signed_scan_content_type ?? 'application/octet-stream', content: await this.blobs.get(rows[0].signed_scan_hash) };
  }

  async get(acuseId: number): Promise<AcuseView> {
    const rows = await this.em.fork().execute<AcuseRow[]>('select * from acuse where id = ?', [acuseId]);
    if (rows.length === 0) throw new NotFoundError(`El acuse ${acuseId} no existe.`, 'acuseId');
    return toView(rows[0]);
  }

  async findByFolio(folio: string): Promise<AcuseView> {
    const rows = await this.em.fork().execute<AcuseRow[]>('select * from acuse where folio = ?', [String(folio).trim().toUpperCase()]);
    if (rows.length === 0) throw new NotFoundError(`El acuse con folio ${folio} no existe.`, 'folio');
    return toView(rows[0]);
  }

  async list(filter: { schoolId?: number; drseCode?: string; kind?: AcuseKind; requestId?: string | number } = {}): Promise<AcuseView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.schoolId !== undefined) {
      where.push('school_id = ?');
      params.push(filter.schoolId);
    }
    if (filter.drseCode !== undefined) {
      where.push('drse_code = ?');
      params.push(filter.drseCode);
    }
    if (filter.kind !== undefined) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.requestId !== undefined) {
      where.push('request_id = ?');
      params.push(filter.requestId);
    }
    const rows = await this.em.fork().execute<AcuseRow[]>(`select * from acuse ${where.length ? `where ${where.join(' and ')}` : ''} order by id`, params);
    return rows.map(toView);
  }

  private line(itemCode: string, quantity: number): AcuseLine {
    const item = parseItemCode(itemCode);
    return { item: item.code, description: itemLabel(item), quantity, quantityText: describeQuantity(item, quantity, this.config.planillasPerInkSet) };
  }

  /** A shipment line of its acuse: what arrived, and against it what was shipped and what is missing. */
  private shipmentLine(itemCode: string, shipped: number, received: number, note: string | null): AcuseLine {
    const item = parseItemCode(itemCode);
    const text = (q: number) => describeQuantity(item, q, this.config.planillasPerInkSet);
    return { ...this.line(itemCode, received), shipped, shippedText: text(shipped), missing: shipped - received, missingText: text(shipped - received), note };
  }

  private async referenceOf(view: AcuseView): Promise<string> {
    const [t] = await this.em.fork().execute<Array<{ folio: string; number: number }>>(
      'select t.folio, s.number from supply_ticket t join supply_shipment s on s.ticket_id = t.id where s.id = ?',
      [view.shipmentId],
    );
    return t ? `Ticket de abastecimiento ${t.folio}, envío ${t.number}` : '';
  }
}

interface AcuseRow {
  id: number;
  folio: string;
  kind: AcuseKind;
  issued_on: string | Date;
  from_name: string;
  to_name: string;
  lines: AcuseLine[];
  card_folios: string[] | null;
  card_count: number | null;
  school_id: number | null;
  drse_code: string | null;
  request_id: string | null;
  ticket_id: number | null;
  shipment_id: number | null;
  pdf_hash: string | null;
  signed_scan_hash: string | null;
}

function isoDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const y = value.getFullYear();
  const m = String(value.getMonth() + 1).padStart(2, '0');
  const d = String(value.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function toView(r: AcuseRow): AcuseView {
  return {
    acuseId: r.id, folio: r.folio, kind: r.kind, issuedOn: isoDate(r.issued_on), fromName: r.from_name, toName: r.to_name, lines: r.lines,
    cardFolios: r.card_folios, cardCount: r.card_count, schoolId: r.school_id, drseCode: r.drse_code, requestId: r.request_id,
    ticketId: r.ticket_id, shipmentId: r.shipment_id, pdfHash: r.pdf_hash, signedScanHash: r.signed_scan_hash,
  };
}

async function loadSchool(tem: EntityManager, schoolId: unknown) {
  if (typeof schoolId !== 'number' || !Number.isInteger(schoolId)) throw new DomainError('La escuela no es válida.', 'schoolId');
  const rows = await tem.execute<Array<{ id: number; name: string; cct: string; turno: string; drse_code: string; drse_name: string; drse_seat: string }>>(
    'select s.id, s.name, s.cct, s.turno, s.drse_code, d.name as drse_name, d.seat as drse_seat from school s join drse d on d.code = s.drse_code where s.id = ?',
    [schoolId],
  );
  if (rows.length === 0) throw new NotFoundError(`La escuela ${schoolId} no existe.`, 'schoolId');
  const s = rows[0];
  return { ...s, label: `${s.name} — CCT ${s.cct}, turno ${s.turno}` };
}


/** Card folios only (no names): 1–5000 distinct codes of letters, digits and dashes. */
function parseCardFolios(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new DomainError('El acuse de credenciales debe listar al menos un folio.', 'cardFolios');
  if (raw.length > 5000) throw new DomainError('Un acuse admite como máximo 5000 credenciales.', 'cardFolios');
  const seen = new Set<string>();
  return raw.map((f: unknown, i) => {
    const v = typeof f === 'string' ? f.trim().toUpperCase() : '';
    if (!/^[A-Z0-9][A-Z0-9-]{0,39}$/.test(v)) throw new DomainError(`El folio de credencial "${String(f)}" no es válido.`, `cardFolios[${i}]`);
    if (seen.has(v)) throw new DomainError(`El folio ${v} aparece más de una vez.`, `cardFolios[${i}]`);
    seen.add(v);
    return v;
  });
}
