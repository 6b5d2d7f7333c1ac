import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { parseCycleCode } from '../catalog';
import { InventoryConfig, INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { describeQuantity, itemLabel, parseItemCode } from './items';
import { WASTE_REASONS, WasteReason } from './vocabulary';
import { loadHolder, resolveCycle } from './stock-ledger';

export interface JustificationItem {
  item: string;
  description: string;
  /** Receipts + transfers in, during the cycle. */
  received: number;
  transferredOut: number;
  consumed: number;
  wasted: number;
  wastedByReason: Record<WasteReason, number>;
  /** Net of adjustments (signed). */
  adjusted: number;
  /** Current balance (at the time of the report). */
  onHand: number;
  reserved: number;
  available: number;
  onHandText: string;
}

export interface JustificationPrintRun {
  printRunId: string;
  requestIds: string[];
  items: Array<{ item: string; consumed: number; wasted: number }>;
}

/** R6 consumption justification of one holder for one school cycle. */
export interface JustificationReport {
  holderId: number;
  holderName: string;
  cycleCode: string;
  items: JustificationItem[];
  /** The print runs behind the consumed and wasted figures. */
  printRuns: JustificationPrintRun[];
  /** Consumption and waste recorded without a print run (e.g. damage), by item. */
  outsidePrintRuns: Array<{ item: string; consumed: number; wasted: number }>;
}

/**
 * Received vs consumed vs wasted vs on hand per item, with the print runs behind each figure.
 * The ledger entries of a cycle are those stamped with its code (the operation's cycle, or the
 * cycle current when they were written).
 */
@Injectable()
export class JustificationService {
  private readonly config: InventoryConfig;

  constructor(
    private readonly em: EntityManager,
    @Optional() @Inject(INVENTORY_CONFIG) config?: InventoryConfig,
  ) {
    this.config = config ?? loadInventoryConfig();
  }

  async report(input: { holderId: number; cycleCode: string }): Promise<JustificationReport> {
    return this.build(this.em.fork(), input.holderId, input.cycleCode);
  }

  async build(em: EntityManager, holderId: number, rawCycle: string): Promise<JustificationReport> {
    const cycleCode = (await resolveCycle(em, parseCycleCode(rawCycle, 'cycleCode'))) as string;
    const holder = await loadHolder(em, holderId);
    const sums = await em.execute<Array<{ item_code: string; kind: string; waste_reason: string | null; total: string; net: string }>>(
      `select item_code, kind, waste_reason, sum(quantity) as total, sum(on_hand_delta) as net
         from stock_entry where holder_id = ? and cycle_code = ? group by item_code, kind, waste_reason`,
      [holder.id, cycleCode],
    );
    const balances = await em.execute<Array<{ item_code: string; on_hand: number; reserved: number }>>(
      'select item_code, on_hand, reserved from stock_balance where holder_id = ?',
      [holder.id],
    );
    const codes = new Set<string>(sums.map((s) => s.item_code));
    for (const b of balances) {
      const item = parseItemCode(b.item_code);
      if (item.kind !== 'HOLOGRAMA' || item.cycleCode === cycleCode) codes.add(b.item_code);
    }
    const items: JustificationItem[] = [...codes].sort().map((code) => {
      const item = parseItemCode(code);
      const rows = sums.filter((s) => s.item_code === code);
      const total = (kinds: string[]) => rows.filter((r) => kinds.includes(r.kind)).reduce((acc, r) => acc + Number(r.total), 0);
      const wastedByReason = Object.fromEntries(WASTE_REASONS.map((w) => [w, 0])) as Record<WasteReason, number>;
      for (const r of rows) if (r.kind === 'WASTE' && r.waste_reason) wastedByReason[r.waste_reason as WasteReason] += Number(r.total);
      const b = balances.find((x) => x.item_code === code);
      const onHand = b?.on_hand ?? 0;
      return {
        item: code,
        description: itemLabel(item),
        received: total(['RECEIPT', 'TRANSFER_IN']),
        transferredOut: total(['TRANSFER_OUT']),
        consumed: total(['CONSUMPTION']),
        wasted: total(['WASTE']),
        wastedByReason,
        adjusted: rows.filter((r) => r.kind === 'ADJUSTMENT').reduce((acc, r) => acc + Number(r.net), 0),
        onHand,
        reserved: b?.reserved ?? 0,
        available: onHand - (b?.reserved ?? 0),
        onHandText: describeQuantity(item, onHand, this.config.planillasPerInkSet),
      };
    });
    const runs = await em.execute<Array<{ print_run_id: string | null; item_code: string; kind: string; total: string; request_ids: string[] | null }>>(
      `select print_run_id, item_code, kind, sum(quantity) as total, array_remove(array_agg(distinct request_id), null) as request_ids
         from stock_entry where holder_id = ? and cycle_code = ? and kind in ('CONSUMPTION','WASTE')
        group by print_run_id, item_code, kind order by print_run_id nulls last, item_code`,
      [holder.id, cycleCode],
    );
    const printRuns = new Map<string, JustificationPrintRun>();
    const outside = new Map<string, { item: string; consumed: number; wasted: number }>();
    for (const r of runs) {
      let line: { item: string; consumed: number; wasted: number } | undefined;
      if (r.print_run_id === null) {
        line = outside.get(r.item_code) ?? { item: r.item_code, consumed: 0, wasted: 0 };
        outside.set(r.item_code, line);
      } else {
        const run = printRuns.get(r.print_run_id) ?? { printRunId: r.print_run_id, requestIds: [], items: [] };
        printRuns.set(r.print_run_id, run);
        for (const id of r.request_ids ?? []) if (!run.requestIds.includes(id)) run.requestIds.push(id);
        line = run.items.find((i) => i.item === r.item_code);
        if (!line) {
          line = { item: r.item_code, consumed: 0, wasted: 0 };
          run.items.push(line);
        }
      }
      if (r.kind === 'CONSUMPTION') line.consumed += Number(r.total);
      else line.wasted += Number(r.total);
    }
    for (const run of printRuns.values()) run.requestIds.sort();
    return {
      holderId: holder.id,
      holderName: holder.name,
      cycleCode,
      items,
      printRuns: [...printRuns.values()],
      outsidePrintRuns: [...outside.values()],
    };
  }
}
