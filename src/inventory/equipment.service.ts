import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import type { EquipmentKind, EquipmentStatus } from './vocabulary';
import { assertActorCoversHolder, assertRole, loadHolder, Mutation, runIdempotent } from './stock-ledger';

export interface EquipmentView {
  equipmentId: number;
  holderId: number;
  kind: EquipmentKind;
  serialNumber: string;
  model: string | null;
  status: EquipmentStatus;
}

export interface FailureReportView {
  reportId: number;
  equipmentId: number;
  equipmentKind: EquipmentKind;
  serialNumber: string;
  holderId: number;
  holderName: string;
  /** DRSE whose Tecnologías office handles it (R10); null: the central warehouse's (DGTI). */
  routedDrseCode: string | null;
  description: string;
  status: 'OPEN' | 'RESOLVED';
  reportedAt: string;
  resolution: string | null;
}

const KINDS: EquipmentKind[] = ['PRINTER', 'LAMINATOR'];

function text(raw: unknown, field: string, message: string, min: number, max: number): string {
  if (typeof raw !== 'string' || raw.trim().length < min || raw.length > max) throw new DomainError(message, field, 'TEXTO_OBLIGATORIO');
  return raw.trim();
}

/** Printers and laminators per holder (R6) and their failure reports, routed by R10. */
@Injectable()
export class EquipmentService {
  constructor(private readonly em: EntityManager) {}

  register(input: Mutation & { holderId: number; kind: EquipmentKind; serialNumber: string; model?: string }): Promise<EquipmentView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'equipment.register', params: { ...input, key: undefined, actor: undefined } }, async (tem, _key, actor) => {
      if (!KINDS.includes(input.kind)) throw new DomainError('El equipo debe ser PRINTER (impresora) o LAMINATOR (enmicadora).', 'kind');
      const serial = text(input.serialNumber, 'serialNumber', 'El número de serie es obligatorio (de 3 a 80 caracteres).', 3, 80).toUpperCase();
      const model = input.model === undefined ? null : text(input.model, 'model', 'El modelo no es válido (1 a 120 caracteres).', 1, 120);
      const holder = await loadHolder(tem, input.holderId);
      assertActorCoversHolder(actor, holder);
      const dup = await tem.execute('select id from equipment where kind = ? and serial_number = ?', [input.kind, serial]);
      if (dup.length > 0) throw new ConflictError(`Ya existe un equipo ${input.kind} con número de serie ${serial}.`, 'serialNumber');
      const [row] = await tem.execute<Array<{ id: number }>>(
        `insert into equipment (holder_id, kind, serial_number, model, status) values (?, ?, ?, ?, 'OPERATIVE') returning id`,
        [holder.id, input.kind, serial, model],
      );
      return this.load(tem, row.id);
    });
  }

  retire(input: Mutation & { equipmentId: number; reason: string }): Promise<EquipmentView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'equipment.retire', params: { ...input, key: undefined, actor: undefined } }, async (tem, _key, actor) => {
      text(input.reason, 'reason', 'El motivo de la baja es obligatorio (de 5 a 500 caracteres).', 5, 500);
      const eq = await this.lock(tem, input.equipmentId);
      assertActorCoversHolder(actor, await loadHolder(tem, eq.holderId));
      await tem.execute(`update equipment set status = 'RETIRED' where id = ?`, [eq.equipmentId]);
      return this.load(tem, eq.equipmentId);
    });
  }

  /** Reports a failure; it is routed to the DRSE IT office of the equipment's holder. */
  reportFailure(input: Mutation & { equipmentId: number; description: string }): Promise<FailureReportView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'equipment.failure', params: { ...input, key: undefined, actor: undefined } }, async (tem, key, actor) => {
      const description = text(input.description, 'description', 'Describa la falla (de 10 a 2000 caracteres).', 10, 2000);
      const eq = await this.lock(tem, input.equipmentId);
      if (eq.status === 'RETIRED') throw new ConflictError(`El equipo ${eq.serialNumber} está dado de baja.`, 'equipmentId');
      const holder = await loadHolder(tem, eq.holderId);
      assertActorCoversHolder(actor, holder);
      const routed = holder.kind === 'DRSE' ? holder.drseCode : holder.kind === 'ESCUELA' ? holder.schoolDrseCode : null;
      const [row] = await tem.execute<Array<{ id: number }>>(
        `insert into equipment_failure_report (operation_key, equipment_id, holder_id, routed_drse_code, description, status, reported_by_id, reported_by_role)
         values (?, ?, ?, ?, ?, 'OPEN', ?, ?) returning id`,
        [key, eq.equipmentId, holder.id, routed, description, actor.id, actor.role],
      );
      await tem.execute(`update equipment set status = 'FAILED' where id = ?`, [eq.equipmentId]);
      return (await this.reports(tem, 'r.id = ?', [row.id]))[0];
    });
  }

  /** The DRSE IT office (or central staff) closes a failure report; the equipment is operative again. */
  resolveFailure(input: Mutation & { reportId: number; resolution: string }): Promise<FailureReportView> {
    return runIdempotent(this.em, { key: input.key, actor: input.actor, kind: 'equipment.resolve', params: { ...input, key: undefined, actor: undefined } }, async (tem, _key, actor) => {
      const resolution = text(input.resolution, 'resolution', 'Describa la solución (de 5 a 2000 caracteres).', 5, 2000);
      const [r] = await tem.execute<Array<{ id: number; status: string; equipment_id: number; routed_drse_code: string | null }>>(
        'select id, status, equipment_id, routed_drse_code from equipment_failure_report where id = ? for update',
        [input.reportId],
      );
      if (!r) throw new NotFoundError(`El reporte de falla ${input.reportId} no existe.`, 'reportId');
      assertRole(actor, ['DRSE_TECNOLOGIAS', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'], 'atender reportes de falla');
      if (actor.role === 'DRSE_TECNOLOGIAS' && actor.drseCode !== r.routed_drse_code) {
        throw new DomainError('Este reporte corresponde a otra DRSE.', 'reportId', 'PROHIBIDO', 403);
      }
      if (r.status === 'RESOLVED') throw new ConflictError(`El reporte de falla ${r.id} ya fue atendido.`, 'reportId');
      await tem.execute(`update equipment_failure_report set status = 'RESOLVED', resolution = ?, resolved_by_id = ?, resolved_at = now() where id = ?`, [resolution, actor.id, r.id]);
      await tem.execute(`update equipment set status = 'OPERATIVE' where id = ? and status = 'FAILED'`, [r.equipment_id]);
      return (await this.reports(tem, 'r.id = ?', [r.id]))[0];
    });
  }

  async listForHolder(holderId: number): Promise<EquipmentView[]> {
    const em = this.em.fork();
    const rows = await em.execute<Array<{ id: number }>>('select id from equipment where holder_id = ? order by id', [holderId]);
    return Promise.all(rows.map((r) => this.load(em, r.id)));
  }

  /** The failure inbox of a DRSE's Tecnologías office: reports of its own and its schools' equipment. */
  async failuresForDrse(drseCode: string, status?: 'OPEN' | 'RESOLVED'): Promise<FailureReportView[]> {
    return this.reports(this.em.fork(), `r.routed_drse_code = ?${status ? ' and r.status = ?' : ''}`, status ? [drseCode, status] : [drseCode]);
  }

  /** Reports of the central warehouse's equipment (no DRSE): DGTI's inbox. */
  async failuresForCentral(status?: 'OPEN' | 'RESOLVED'): Promise<FailureReportView[]> {
    return this.reports(this.em.fork(), `r.routed_drse_code is null${status ? ' and r.status = ?' : ''}`, status ? [status] : []);
  }

  private async lock(tem: EntityManager, equipmentId: unknown): Promise<EquipmentView> {
    if (typeof equipmentId !== 'number' || !Number.isInteger(equipmentId)) throw new DomainError('El equipo no es válido.', 'equipmentId');
    const rows = await tem.execute('select id from equipment where id = ? for update', [equipmentId]);
    if (rows.length === 0) throw new NotFoundError(`El equipo ${equipmentId} no existe.`, 'equipmentId');
    return this.load(tem, equipmentId);
  }

  private async load(em: EntityManager, id: number): Promise<EquipmentView> {
    const [r] = await em.execute<Array<{ id: number; holder_id: number; kind: EquipmentKind; serial_number: string; model: string | null; status: EquipmentStatus }>>(
      'select id, holder_id, kind, serial_number, model, status from equipment where id = ?',
      [id],
    );
    return { equipmentId: r.id, holderId: r.holder_id, kind: r.kind, serialNumber: r.serial_number, model: r.model, status: r.status };
  }

  private async reports(em: EntityManager, where: string, params: unknown[]): Promise<FailureReportView[]> {
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `select r.id, r.equipment_id, e.kind, e.serial_number, r.holder_id, h.name as holder_name, r.routed_drse_code, r.description, r.status, r.reported_at, r.resolution
         from equipment_failure_report r join equipment e on e.id = r.equipment_id join stock_holder h on h.id = r.holder_id
        where ${where} order by r.id`,
      params,
    );
    return rows.map((r) => ({
      reportId: r.id as number,
      equipmentId: r.equipment_id as number,
      equipmentKind: r.kind as EquipmentKind,
      serialNumber: r.serial_number as string,
      holderId: r.holder_id as number,
      holderName: r.holder_name as string,
      routedDrseCode: (r.routed_drse_code as string | null) ?? null,
      description: r.description as string,
      status: r.status as 'OPEN' | 'RESOLVED',
      reportedAt: new Date(r.reported_at as string).toISOString(),
      resolution: (r.resolution as string | null) ?? null,
    }));
  }
}
