import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, STATE_ROLES } from '../../access';
import { NotFoundError } from '../../common/domain-error';
import { Page, pageOptions } from '../../http/pagination';
import { EquipmentService, EquipmentView, FailureReportView } from '../equipment.service';
import { holderInScope, holderScopeSql } from './holder-scope';
import {
  EquipmentDto,
  EquipmentQueryDto,
  FailureQueryDto,
  FailureReportDto,
  RegisterEquipmentDto,
} from './equipment.dto';
import { FAILURE_TICKET_ROUTE, FailureTicketRoute } from './failure-ticket-route';
import { operationKey } from './operation-key';

export function toEquipmentDto(e: EquipmentView): EquipmentDto {
  return { id: e.equipmentId, holderId: e.holderId, kind: e.kind, serialNumber: e.serialNumber, model: e.model, status: e.status };
}

export function toFailureReportDto(r: FailureReportView, ticketId: number | null = null): FailureReportDto {
  const { reportId, ...rest } = r;
  return { id: reportId, ...rest, ticketId };
}

/** Printers and laminators over HTTP; failure reports go to the holder's DRSE IT office (R10). */
@Injectable()
export class EquipmentHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly equipment: EquipmentService,
    @Optional() @Inject(FAILURE_TICKET_ROUTE) private readonly tickets?: FailureTicketRoute,
  ) {}

  async list(actor: Actor, query: EquipmentQueryDto): Promise<Page<EquipmentDto>> {
    if (query.holderId !== undefined) await holderInScope(this.em, actor, query.holderId, 'holderId');
    const scope = holderScopeSql(actor);
    const where = [scope.sql];
    const params: unknown[] = [...scope.params];
    if (query.holderId !== undefined) {
      where.push('e.holder_id = ?');
      params.push(query.holderId);
    }
    if (query.kind !== undefined) {
      where.push('e.kind = ?');
      params.push(query.kind);
    }
    if (query.status !== undefined) {
      where.push('e.status = ?');
      params.push(query.status);
    }
    const from = `from equipment e join stock_holder h on h.id = e.holder_id left join school s on s.id = h.school_id where ${where.join(' and ')}`;
    const em = this.em.fork();
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total ${from}`, params);
    const { limit, offset } = pageOptions(query);
    const rows = await em.execute<Array<{ id: number; holder_id: number; kind: EquipmentView['kind']; serial_number: string; model: string | null; status: EquipmentView['status'] }>>(
      `select e.id, e.holder_id, e.kind, e.serial_number, e.model, e.status ${from} order by e.id limit ? offset ?`,
      [...params, limit, offset],
    );
    const items = rows.map((r) => ({ id: r.id, holderId: r.holder_id, kind: r.kind, serialNumber: r.serial_number, model: r.model, status: r.status }));
    return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async register(actor: Actor, dto: RegisterEquipmentDto, idempotencyKey?: string): Promise<EquipmentDto> {
    const holder = await holderInScope(this.em, actor, dto.holderId, 'holderId');
    const view = await this.equipment.register({
      key: operationKey(actor, 'equipment.register', holder.id, idempotencyKey),
      actor,
      holderId: holder.id,
      kind: dto.kind,
      serialNumber: dto.serialNumber,
      model: dto.model,
    });
    return toEquipmentDto(view);
  }

  async reportFailure(actor: Actor, equipmentId: number, description: string, idempotencyKey?: string): Promise<FailureReportDto> {
    const rows = await this.em.fork().execute<Array<{ holder_id: number }>>('select holder_id from equipment where id = ?', [equipmentId]);
    if (rows.length === 0) throw new NotFoundError('No existe el equipo o no está en su ámbito.', 'id');
    await holderInScope(this.em, actor, rows[0].holder_id, 'id').catch((err: unknown) => {
      if (err instanceof NotFoundError) throw new NotFoundError('No existe el equipo o no está en su ámbito.', 'id');
      throw err;
    });
    const view = await this.equipment.reportFailure({ key: operationKey(actor, 'equipment.failure', equipmentId, idempotencyKey), actor, equipmentId, description });
    // R10: the report is also a support ticket (EQUIPO) the DRSE's Tecnologías attends (docs/support.md).
    const ticketId = (await this.tickets?.openForFailure(actor, view)) ?? null;
    return toFailureReportDto(view, ticketId);
  }

  /** A DRSE's IT office sees the reports routed to its DRSE; central roles see every report. */
  async failures(actor: Actor, query: FailureQueryDto): Promise<Page<FailureReportDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!STATE_ROLES.includes(actor.role)) {
      where.push('r.routed_drse_code = ?');
      params.push(actor.drseCode ?? '');
    }
    if (query.status !== undefined) {
      where.push('r.status = ?');
      params.push(query.status);
    }
    const from = `from equipment_failure_report r ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const em = this.em.fork();
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total ${from}`, params);
    const { limit, offset } = pageOptions(query);
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `select r.id, r.equipment_id, e.kind, e.serial_number, r.holder_id, h.name as holder_name, r.routed_drse_code, r.description, r.status, r.reported_at, r.resolution,
              (select st.request_id from support_ticket st where st.failure_report_id = r.id) as ticket_id
         from equipment_failure_report r join equipment e on e.id = r.equipment_id join stock_holder h on h.id = r.holder_id
        ${where.length ? `where ${where.join(' and ')}` : ''} order by r.id desc limit ? offset ?`,
      [...params, limit, offset],
    );
    const items: FailureReportDto[] = rows.map((r) => ({
      id: Number(r.id),
      equipmentId: Number(r.equipment_id),
      equipmentKind: String(r.kind),
      serialNumber: String(r.serial_number),
      holderId: Number(r.holder_id),
      holderName: String(r.holder_name),
      routedDrseCode: (r.routed_drse_code as string | null) ?? null,
      description: String(r.description),
      status: String(r.status),
      reportedAt: new Date(r.reported_at as string).toISOString(),
      resolution: (r.resolution as string | null) ?? null,
      ticketId: r.ticket_id == null ? null : Number(r.ticket_id),
    }));
    return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async resolveFailure(actor: Actor, reportId: number, resolution: string, idempotencyKey?: string): Promise<FailureReportDto> {
    const [row] = await this.em.fork().execute<Array<{ routed_drse_code: string | null }>>('select routed_drse_code from equipment_failure_report where id = ?', [reportId]);
    if (!row || (!STATE_ROLES.includes(actor.role) && actor.drseCode !== row.routed_drse_code)) {
      throw new NotFoundError('No existe el reporte de falla o no está en su ámbito.', 'id');
    }
    const view = await this.equipment.resolveFailure({ key: operationKey(actor, 'equipment.resolve', reportId, idempotencyKey), actor, reportId, resolution });
    const [ticket] = await this.em.fork().execute<Array<{ request_id: number }>>('select request_id from support_ticket where failure_report_id = ?', [reportId]);
    return toFailureReportDto(view, ticket ? Number(ticket.request_id) : null);
  }
}
