import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, STATE_ROLES } from '../../access';
import { parseCycleCode } from '../../catalog';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { Page, pageOptions } from '../../http/pagination';
import { HolderService } from '../holder.service';
import { InventoryConfig, INVENTORY_CONFIG } from '../inventory-config';
import { describeQuantity, itemLabel, parseItemCode, unitsPerPack } from '../items';
import { JustificationReport, JustificationService } from '../justification.service';
import { StockService } from '../stock.service';
import { HolderRow, resolveCycle } from '../stock-ledger';
import { assertCentralForRecursosMateriales, holderInScope, holderScopeSql, holderVisible } from './holder-scope';
import {
  AdjustmentDto,
  AdjustmentResultDto,
  BalancesDto,
  HolderDto,
  HolderQueryDto,
  JustificationQueryDto,
  LedgerEntryDto,
  LedgerQueryDto,
  MovementDto,
  ReceiptDto,
  SetThresholdsDto,
} from './holders.dto';
import { operationKey } from './operation-key';

export function toHolderDto(h: HolderRow): HolderDto {
  return { id: h.id, kind: h.kind, name: h.name, drseCode: h.drseCode ?? h.schoolDrseCode, schoolId: h.schoolId };
}

interface HolderSqlRow {
  id: number;
  kind: HolderRow['kind'];
  name: string;
  drse_code: string | null;
  school_id: number | null;
  school_drse_code: string | null;
}

/** Stock holders over HTTP: scope (404 outside it), balances with low-stock flags, ledger, R6 report. */
@Injectable()
export class HoldersHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly holders: HolderService,
    private readonly stock: StockService,
    private readonly justification: JustificationService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  /**
   * Holders in scope. The caller's own holder (central, its DRSE's, its on-site school's) and the
   * one named by `drseCode` / `schoolId` are created on first reference.
   */
  async list(actor: Actor, query: HolderQueryDto): Promise<Page<HolderDto>> {
    await this.ensureOwnHolder(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    const scope = holderScopeSql(actor);
    where.push(scope.sql);
    params.push(...scope.params);
    if (query.drseCode !== undefined) {
      if (STATE_ROLES.includes(actor.role) || (actor.role !== 'ESCUELA' && actor.drseCode === query.drseCode)) {
        await this.holders.holderForDrse(query.drseCode).catch(ignoreNotFound);
      }
      where.push('(h.drse_code = ? or s.drse_code = ?)');
      params.push(query.drseCode, query.drseCode);
    }
    if (query.schoolId !== undefined) {
      await this.ensureSchoolHolder(actor, query.schoolId);
      where.push('h.school_id = ?');
      params.push(query.schoolId);
    }
    if (query.kind !== undefined) {
      where.push('h.kind = ?');
      params.push(query.kind);
    }
    const from = `from stock_holder h left join school s on s.id = h.school_id where ${where.join(' and ')}`;
    const em = this.em.fork();
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total ${from}`, params);
    const { limit, offset } = pageOptions(query);
    const rows = await em.execute<HolderSqlRow[]>(
      `select h.id, h.kind, h.name, h.drse_code, h.school_id, s.drse_code as school_drse_code ${from}
        order by case h.kind when 'CENTRAL' then 0 when 'DRSE' then 1 else 2 end, h.drse_code nulls last, h.id limit ? offset ?`,
      [...params, limit, offset],
    );
    const items = rows.map((r) => toHolderDto({ id: r.id, kind: r.kind, name: r.name, drseCode: r.drse_code, schoolId: r.school_id, schoolDrseCode: r.school_drse_code }));
    return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async balances(actor: Actor, holderId: number): Promise<BalancesDto> {
    const holder = await holderInScope(this.em, actor, holderId);
    return this.balancesOf(holder);
  }

  async ledger(actor: Actor, holderId: number, query: LedgerQueryDto): Promise<Page<LedgerEntryDto>> {
    const holder = await holderInScope(this.em, actor, holderId);
    const where = ['holder_id = ?'];
    const params: unknown[] = [holder.id];
    if (query.item !== undefined) {
      where.push('item_code = ?');
      params.push(parseItemCode(query.item, 'item').code);
    }
    if (query.kind !== undefined) {
      where.push('kind = ?');
      params.push(query.kind);
    }
    const em = this.em.fork();
    const [{ total }] = await em.execute<Array<{ total: string }>>(`select count(*) as total from stock_entry where ${where.join(' and ')}`, params);
    const { limit, offset } = pageOptions(query);
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `select id, kind, item_code, quantity, on_hand_delta, reserved_delta, waste_reason, reason, cycle_code, actor_id, actor_role,
              request_id, print_run_id, ticket_id, shipment_id, reservation_id, counterpart_holder_id, created_at
         from stock_entry where ${where.join(' and ')} order by id desc limit ? offset ?`,
      [...params, limit, offset],
    );
    return { items: rows.map(toLedgerEntryDto), total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async justificationReport(actor: Actor, holderId: number, query: JustificationQueryDto): Promise<JustificationReport> {
    const holder = await holderInScope(this.em, actor, holderId);
    const cycleCode = await existingCycle(this.em.fork(), query.ciclo, 'ciclo');
    return this.justification.report({ holderId: holder.id, cycleCode });
  }

  /** Upserts the low-stock thresholds of several items (all validated before any is written). */
  async setThresholds(actor: Actor, holderId: number, dto: SetThresholdsDto): Promise<BalancesDto> {
    const holder = await holderInScope(this.em, actor, holderId);
    const em = this.em.fork();
    const seen = new Set<string>();
    for (const [i, line] of dto.thresholds.entries()) {
      const item = parseItemCode(line.item, `thresholds[${i}].item`);
      if (seen.has(item.code)) throw new DomainError(`El artículo ${item.code} aparece más de una vez.`, `thresholds[${i}].item`, 'ARTICULO_REPETIDO');
      seen.add(item.code);
      if (line.target <= line.minimum) {
        throw new DomainError('La existencia objetivo debe ser mayor que el mínimo.', `thresholds[${i}].target`);
      }
      if (item.kind === 'HOLOGRAMA') await existingCycle(em, item.cycleCode, `thresholds[${i}].item`);
    }
    for (const line of dto.thresholds) {
      await this.stock.setThreshold({ key: operationKey(actor, 'threshold', holder.id, undefined), actor, holderId: holder.id, item: line.item, minimum: line.minimum, target: line.target });
    }
    return this.balancesOf(holder);
  }

  async receive(actor: Actor, holderId: number, dto: ReceiptDto, idempotencyKey?: string): Promise<MovementDto> {
    const holder = await holderInScope(this.em, actor, holderId);
    assertCentralForRecursosMateriales(actor, holder, 'registrar entradas de material');
    const result = await this.stock.receive({
      key: operationKey(actor, 'receipt', holder.id, idempotencyKey),
      actor,
      holderId: holder.id,
      lines: dto.lines,
      cycleCode: dto.cycleCode,
      reason: dto.reason,
    });
    return { holderId: result.holderId, operation: result.operation, lines: result.lines };
  }

  async adjust(actor: Actor, holderId: number, dto: AdjustmentDto, idempotencyKey?: string): Promise<AdjustmentResultDto> {
    const holder = await holderInScope(this.em, actor, holderId);
    assertCentralForRecursosMateriales(actor, holder, 'ajustar existencias');
    const result = await this.stock.adjust({
      key: operationKey(actor, 'adjustment', holder.id, idempotencyKey),
      actor,
      holderId: holder.id,
      item: dto.item,
      delta: dto.delta,
      reason: dto.reason,
      cycleCode: dto.cycleCode,
    });
    return { holderId: result.holderId, operation: result.operation, lines: result.lines, delta: result.delta };
  }

  private async balancesOf(holder: HolderRow): Promise<BalancesDto> {
    const rows = await this.em.fork().execute<Array<{ item_code: string; on_hand: number; reserved: number; minimum: number | null; target: number | null }>>(
      `select b.item_code, b.on_hand, b.reserved, t.minimum, t.target
         from stock_balance b left join stock_threshold t on t.holder_id = b.holder_id and t.item_code = b.item_code
        where b.holder_id = ? order by b.item_code`,
      [holder.id],
    );
    const items = rows.map((r) => {
      const item = parseItemCode(r.item_code);
      const available = r.on_hand - r.reserved;
      const low = r.minimum !== null && available < r.minimum;
      const pack = unitsPerPack(item.kind, this.config.planillasPerInkSet);
      return {
        item: r.item_code,
        description: itemLabel(item),
        onHand: r.on_hand,
        reserved: r.reserved,
        available,
        availableText: describeQuantity(item, available, this.config.planillasPerInkSet),
        minimum: r.minimum,
        target: r.target,
        low,
        suggestedOrder: low && r.target !== null ? Math.ceil((r.target - available) / pack) * pack : null,
      };
    });
    return { holder: toHolderDto(holder), items, anyLow: items.some((i) => i.low) };
  }

  private async ensureOwnHolder(actor: Actor): Promise<void> {
    if (actor.role === 'RECURSOS_MATERIALES' || actor.role === 'ADMIN') await this.holders.centralHolder();
    else if (actor.role !== 'ESCUELA' && actor.role !== 'CONTROL_ESCOLAR_CENTRAL' && actor.drseCode) await this.holders.holderForDrse(actor.drseCode).catch(ignoreNotFound);
    else if (actor.role === 'ESCUELA' && actor.schoolId !== undefined) await this.ensureSchoolHolder(actor, actor.schoolId);
  }

  /** Only schools that print on site hold stock; others (and schools outside the scope) have none. */
  private async ensureSchoolHolder(actor: Actor, schoolId: number): Promise<void> {
    const [school] = await this.em.fork().execute<Array<{ id: number; drse_code: string; print_route: string }>>(
      'select id, drse_code, print_route from school where id = ?',
      [schoolId],
    );
    if (!school || school.print_route !== 'ESCUELA') return;
    const visible = holderVisible(actor, { id: 0, kind: 'ESCUELA', name: '', drseCode: null, schoolId: school.id, schoolDrseCode: school.drse_code });
    if (visible) await this.holders.holderForSchool(school.id);
  }
}

function ignoreNotFound(err: unknown): void {
  if (!(err instanceof NotFoundError)) throw err;
}

/** A registered cycle (the current one when omitted), refused naming `field`. */
export async function existingCycle(em: EntityManager, raw: string | undefined, field: string): Promise<string> {
  if (raw === undefined) {
    const current = await resolveCycle(em, undefined);
    if (!current) throw new DomainError('No hay ciclo escolar vigente: indique el ciclo.', field, 'CICLO_DESCONOCIDO');
    return current;
  }
  const code = parseCycleCode(raw, field);
  const rows = await em.execute<Array<{ code: string }>>('select code from school_cycle where code = ?', [code]);
  if (rows.length === 0) throw new DomainError(`El ciclo escolar ${code} no está registrado.`, field, 'CICLO_DESCONOCIDO');
  return code;
}

function toLedgerEntryDto(r: Record<string, unknown>): LedgerEntryDto {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    kind: String(r.kind),
    item: String(r.item_code),
    quantity: Number(r.quantity),
    onHandDelta: Number(r.on_hand_delta),
    reservedDelta: Number(r.reserved_delta),
    wasteReason: str(r.waste_reason),
    reason: str(r.reason),
    cycleCode: str(r.cycle_code),
    actorId: String(r.actor_id),
    actorRole: String(r.actor_role),
    requestId: str(r.request_id),
    printRunId: str(r.print_run_id),
    ticketId: num(r.ticket_id),
    shipmentId: num(r.shipment_id),
    reservationId: num(r.reservation_id),
    counterpartHolderId: num(r.counterpart_holder_id),
    createdAt: new Date(r.created_at as string).toISOString(),
  };
}
