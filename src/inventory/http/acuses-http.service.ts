import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, STATE_ROLES } from '../../access';
import { NotFoundError } from '../../common/domain-error';
import { Page, pageOptions } from '../../http/pagination';
import { AcuseService, AcuseView } from '../acuse.service';
import { AcuseDto, AcuseQueryDto } from './acuses.dto';
import { operationKey } from './operation-key';

export function toAcuseDto(a: AcuseView): AcuseDto {
  return {
    id: a.acuseId,
    folio: a.folio,
    kind: a.kind,
    issuedOn: a.issuedOn,
    fromName: a.fromName,
    toName: a.toName,
    lines: a.lines,
    cardFolios: a.cardFolios,
    cardCount: a.cardCount,
    schoolId: a.schoolId,
    drseCode: a.drseCode,
    requestId: a.requestId,
    ticketId: a.ticketId,
    shipmentId: a.shipmentId,
    signed: a.signedScanHash !== null,
  };
}

const NOT_FOUND = 'No existe el acuse o no está en su ámbito.';

/**
 * Acuses over HTTP. Scope: a school sees the acuses addressed to it; a DRSE's offices those of
 * their DRSE (shipments received, deliveries to its schools); central roles all of them.
 */
@Injectable()
export class AcusesHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly acuses: AcuseService,
  ) {}

  async list(actor: Actor, query: AcuseQueryDto): Promise<Page<AcuseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (actor.role === 'ESCUELA') {
      where.push('school_id = ?');
      params.push(actor.schoolId ?? -1);
    } else if (!STATE_ROLES.includes(actor.role)) {
      where.push('drse_code = ?');
      params.push(actor.drseCode ?? '');
    }
    if (query.kind !== undefined) {
      where.push('kind = ?');
      params.push(query.kind);
    }
    if (query.ticketId !== undefined) {
      where.push('ticket_id = ?');
      params.push(query.ticketId);
    }
    const from = `from acuse ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const em = this.em.fork();
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total ${from}`, params);
    const { limit, offset } = pageOptions(query);
    const rows = await em.execute<Array<{ id: number }>>(`select id ${from} order by id desc limit ? offset ?`, [...params, limit, offset]);
    const items: AcuseDto[] = [];
    for (const r of rows) items.push(toAcuseDto(await this.acuses.get(r.id)));
    return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, acuseId: number): Promise<AcuseDto> {
    return toAcuseDto(await this.inScope(actor, acuseId));
  }

  async pdf(actor: Actor, acuseId: number): Promise<{ folio: string; content: Buffer }> {
    const acuse = await this.inScope(actor, acuseId);
    return this.acuses.getPdf(acuse.acuseId);
  }

  async attachSignedScan(actor: Actor, acuseId: number, content: Buffer, contentType: string, idempotencyKey?: string): Promise<AcuseDto> {
    const acuse = await this.inScope(actor, acuseId);
    const view = await this.acuses.attachSignedScan({
      key: operationKey(actor, 'acuse.signed', acuse.acuseId, idempotencyKey),
      actor,
      acuseId: acuse.acuseId,
      content,
      contentType,
    });
    return toAcuseDto(view);
  }

  async signedScan(actor: Actor, acuseId: number): Promise<{ folio: string; contentType: string; content: Buffer }> {
    const acuse = await this.inScope(actor, acuseId);
    return this.acuses.getSignedScan(acuse.acuseId);
  }

  private async inScope(actor: Actor, acuseId: number): Promise<AcuseView> {
    const acuse = await this.acuses.get(acuseId).catch((err: unknown) => {
      if (err instanceof NotFoundError) throw new NotFoundError(NOT_FOUND, 'id');
      throw err;
    });
    if (!actorCovers(actor, { schoolId: acuse.schoolId ?? undefined, drseCode: acuse.drseCode ?? undefined })) throw new NotFoundError(NOT_FOUND, 'id');
    return acuse;
  }
}
