import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, DRSE_ROLES, assertSchoolWork, schoolWork } from '../access';
import { DomainError, NotFoundError } from '../common/domain-error';
import { IdempotencyContext, NO_IDEMPOTENCY } from '../http/idempotency.interceptor';
import { InvalidInputError } from '../http/problem';
import { type FailureReportView, type FailureTicketRoute, operationKey } from '../inventory';
import { ProcedureClient } from '../procedures';
import {
  EngineUnavailableError,
  withinTime,
  PROCEDURE_CLIENT,
  DecisionDto,
  DecisionResultDto,
  RequestQueriesService,
  RequestsHttpService,
  startPending,
} from '../requests';
import type { SupportOpener } from '../../statecharts/support.machine';
import { DESCRIPTION_MAX, SupportTicketsService } from './support-tickets.service';
import {
  OpenedSupportTicketDto,
  OpenSupportTicketDto,
  SupportTicketDetailDto,
  SupportTicketPageDto,
  SupportTicketQueryDto,
  SupportTicketSummaryDto,
} from './support-tickets.dto';

type Row = Record<string, unknown>;

const START_MS = 8_000;
const NOT_FOUND = 'El ticket de soporte no existe o no está en su ámbito.';
const EQUIPMENT_NAME: Record<string, string> = { PRINTER: 'impresora', LAMINATOR: 'enmicadora' };

const TICKET_SELECT = `
  select r.id, r.public_status, r.school_id, r.drse_code, r.created_at, r.updated_at,
         t.kind, t.description, t.failure_report_id, t.opened_by_role, t.on_behalf_school_id,
         s.cct, s.turno, s.name as school_name, u.username as opened_by_name
    from procedure_request r
    join support_ticket t on t.request_id = r.id
    left join school s on s.id = r.school_id
    left join app_user u on u.id = (case when t.opened_by ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then t.opened_by::uuid end)`;

function summary(r: Row): SupportTicketSummaryDto {
  return {
    id: Number(r.id),
    tipo: String(r.kind),
    estado: String(r.public_status),
    descripcion: String(r.description),
    escuela: r.school_id == null ? null : { id: Number(r.school_id), cct: String(r.cct), turno: String(r.turno), nombre: String(r.school_name) },
    drseCode: String(r.drse_code),
    reporteFalla: r.failure_report_id == null ? null : Number(r.failure_report_id),
    abierto: new Date(r.created_at as string).toISOString(),
    actualizado: new Date(r.updated_at as string).toISOString(),
  };
}

/** Who a ticket belongs to and who confirms its solution. */
interface TicketOwner {
  drseCode: string;
  schoolId: number | null;
  opener: SupportOpener;
  onBehalfSchoolId: number | null;
}

/**
 * Support tickets over HTTP (R10, docs/support.md): open (the school, DRSE staff for a school
 * without internet, or a DRSE's Control Escolar for itself), list and detail in scope, decisions
 * through the workflow's `decide` like any request's; and the ticket an equipment failure report opens.
 */
@Injectable()
export class SupportTicketsHttpService implements FailureTicketRoute {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: SupportTicketsService,
    private readonly requests: RequestsHttpService,
    private readonly queries: RequestQueriesService,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
  ) {}

  async open(actor: Actor, dto: OpenSupportTicketDto, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<OpenedSupportTicketDto> {
    const owner = await this.owner(actor, dto.escuela);
    const { ticketId } = await this.tickets.create({
      operationKey: operationKey(actor, 'support.open', owner.schoolId ?? owner.drseCode, idem.operationId ?? undefined),
      kind: dto.tipo,
      description: dto.descripcion,
      ...owner,
      openedBy: { id: actor.id, role: actor.role },
    });
    await this.start(ticketId);
    return { id: ticketId, estado: await this.statusOf(ticketId) };
  }

  /**
   * FAILURE_TICKET_ROUTE: a failure report of a school's equipment becomes the school's EQUIPO ticket
   * (the school confirms; DRSE staff on its behalf if it has no internet); of a DRSE's equipment, the
   * DRSE's own (its Control Escolar, who prints with it, confirms). Central equipment: no ticket.
   * Idempotent on the report.
   */
  async openForFailure(actor: Actor, report: FailureReportView): Promise<number | null> {
    const [holder] = await this.em.fork().execute<Row[]>(
      `select h.kind, h.drse_code, h.school_id, s.drse_code as school_drse, s.has_internet
         from stock_holder h left join school s on s.id = h.school_id where h.id = ?`,
      [report.holderId],
    );
    if (!holder || holder.kind === 'CENTRAL') return null;
    const owner: TicketOwner =
      holder.kind === 'ESCUELA'
        ? {
            drseCode: String(holder.school_drse),
            schoolId: Number(holder.school_id),
            opener: 'ESCUELA',
            onBehalfSchoolId:
              actor.role !== 'ESCUELA' && DRSE_ROLES.includes(actor.role)
                ? (schoolWork(actor, { id: Number(holder.school_id), drseCode: String(holder.school_drse), hasInternet: Boolean(holder.has_internet) })?.onBehalfSchoolId ?? null)
                : null,
          }
        : { drseCode: String(holder.drse_code), schoolId: null, opener: 'DRSE_CONTROL_ESCOLAR', onBehalfSchoolId: null };
    const what = `Falla de ${EQUIPMENT_NAME[report.equipmentKind] ?? 'equipo'} (serie ${report.serialNumber}), reporte ${report.reportId}: `;
    const { ticketId } = await this.tickets.create({
      operationKey: `equipment-failure:${report.reportId}`,
      kind: 'EQUIPO',
      description: (what + report.description).slice(0, DESCRIPTION_MAX),
      ...owner,
      openedBy: { id: actor.id, role: actor.role },
      failureReportId: report.reportId,
    });
    // The report is stored: an engine that does not answer now only delays the ticket (the sweeper starts it).
    await this.start(ticketId).catch((err: unknown) => {
      if (!(err instanceof EngineUnavailableError)) throw err;
    });
    return ticketId;
  }

  async list(actor: Actor, q: SupportTicketQueryDto): Promise<SupportTicketPageDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (actor.role === 'ESCUELA') {
      where.push('r.school_id = ?');
      params.push(actor.schoolId ?? -1);
    } else if (DRSE_ROLES.includes(actor.role)) {
      where.push('r.drse_code in (select code from drse where code = ? or parent_code = ?)');
      params.push(actor.drseCode ?? '', actor.drseCode ?? '');
    }
    if (q.estado) {
      where.push('r.public_status = ?');
      params.push(q.estado);
    }
    if (q.tipo) {
      where.push('t.kind = ?');
      params.push(q.tipo);
    }
    if (q.abiertos) where.push('r.closed_at is null');
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const em = this.em.fork();
    const [{ total }] = await em.execute<Row[]>(`select count(*)::int as total from procedure_request r join support_ticket t on t.request_id = r.id ${filter}`, params);
    const rows = await em.execute<Row[]>(`${TICKET_SELECT} ${filter} order by r.updated_at desc, r.id desc limit ? offset ?`, [...params, q.pageSize, (q.page - 1) * q.pageSize]);
    return { items: rows.map(summary), total: Number(total), page: q.page, pageSize: q.pageSize };
  }

  async detail(actor: Actor, id: number): Promise<SupportTicketDetailDto> {
    const row = await this.load(actor, id);
    const d = await this.queries.detail(actor, id);
    return {
      ...summary(row),
      estado: d.estado,
      abiertoPor: { rol: String(row.opened_by_role), nombre: (row.opened_by_name as string | null) ?? null, enNombreDeEscuela: row.on_behalf_school_id != null },
      tareaAbierta: d.tareaAbierta,
      acciones: d.acciones,
      linea: d.linea,
    };
  }

  async decide(actor: Actor, id: number, dto: DecisionDto, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<DecisionResultDto> {
    await this.load(actor, id);
    return this.requests.decide(actor, id, dto, idem);
  }

  /** The ticket if it is in the caller's scope (school: its own; DRSE roles: their DRSE's; central: all); 404 otherwise. */
  private async load(actor: Actor, id: number): Promise<Row> {
    const [row] = await this.em.fork().execute<Row[]>(`${TICKET_SELECT} where r.id = ? and r.procedure = 'SUPPORT'`, [id]);
    if (!row || !actorCovers(actor, { schoolId: row.school_id == null ? undefined : Number(row.school_id), drseCode: String(row.drse_code) })) {
      throw new NotFoundError(NOT_FOUND, 'id');
    }
    return row;
  }

  /**
   * A school opens for itself; DRSE Control Escolar or Planeación for a school without internet named
   * in `escuela` (assertSchoolWork: 404 out of scope, 403 a school with internet), and Control
   * Escolar also for its own DRSE (no `escuela`).
   */
  private async owner(actor: Actor, escuela: number | undefined): Promise<TicketOwner> {
    if (actor.role === 'DRSE_CONTROL_ESCOLAR' && escuela === undefined) {
      return { drseCode: actor.drseCode ?? '', schoolId: null, opener: 'DRSE_CONTROL_ESCOLAR', onBehalfSchoolId: null };
    }
    if (actor.role === 'DRSE_PLANEACION' && escuela === undefined) {
      throw new InvalidInputError('Indique la escuela sin internet en cuyo nombre abre el ticket.', [{ field: 'escuela', message: 'Indique la escuela sin internet en cuyo nombre abre el ticket.' }]);
    }
    const schoolId = escuela ?? actor.schoolId ?? -1;
    const [school] = await this.em.fork().execute<Row[]>('select id, drse_code, has_internet from school where id = ?', [schoolId]);
    if (!school) throw new NotFoundError('La escuela no existe o no está en su ámbito.', 'escuela');
    const work = assertSchoolWork(actor, { id: Number(school.id), drseCode: String(school.drse_code), hasInternet: Boolean(school.has_internet) }, 'escuela');
    if (actor.role !== 'ESCUELA' && work.onBehalfSchoolId === null) {
      throw new DomainError('Sólo la escuela o su DRSE (en nombre de una escuela sin internet) abren tickets de soporte de una escuela.', 'escuela', 'PROHIBIDO', 403);
    }
    return { drseCode: String(school.drse_code), schoolId: Number(school.id), opener: 'ESCUELA', onBehalfSchoolId: work.onBehalfSchoolId };
  }

  /** Starts the ticket's workflow (idempotent); if the engine does not answer, the sweeper starts it later. */
  private async start(ticketId: number): Promise<void> {
    const [row] = await this.em.fork().execute<Row[]>('select pending_start from procedure_request where id = ?', [ticketId]);
    if (!row?.pending_start) return;
    try {
      const handle = await withinTime(this.procedures, START_MS, () => startPending(this.procedures, 'SUPPORT', ticketId, row.pending_start as never));
      await this.em.fork().execute('update procedure_request set workflow_id = coalesce(workflow_id, ?) where id = ?', [handle.workflowId, ticketId]);
    } catch (err) {
      if (err instanceof DomainError && !(err instanceof EngineUnavailableError)) throw err;
      throw new EngineUnavailableError('El motor de trámites no está disponible ahora. Su ticket quedó registrado y su atención iniciará sola en cuanto el motor responda; no necesita enviarlo otra vez.');
    }
  }

  private async statusOf(ticketId: number): Promise<string> {
    const [row] = await this.em.fork().execute<Row[]>('select public_status from procedure_request where id = ?', [ticketId]);
    return String(row.public_status);
  }
}
