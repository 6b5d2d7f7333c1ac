import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access';
import { ConflictError } from '../common/domain-error';
import { HolderService } from './holder.service';
import { InventoryConfig, INVENTORY_CONFIG } from './inventory-config';
import { ItemLine } from './items';
import { computeInitialKit } from './material-requirement';
import { StockService } from './stock.service';
import { resolveCycle } from './stock-ledger';

/** Who receives an initial kit (R6): a school that prints on site, or a DRSE / Sub-DRSE for the schools R1 routes to it. */
export interface KitRecipient {
  type: 'ESCUELA' | 'DRSE';
  /** DRSE code: the DRSE itself, or the school's DRSE. */
  drseCode: string;
  schoolId: number | null;
  cct: string | null;
  turno: string | null;
  name: string;
  /** Matrícula the kit covers: the school's own, or the sum of the DRSE's routed schools. */
  matricula: number;
  /** Cards the kit is for: matrícula plus the configured margin. */
  cards: number;
  lines: ItemLine[];
  /** REGISTRADO: this cycle's initial kit is already in the holder's ledger. */
  status: 'POR_REGISTRAR' | 'REGISTRADO';
}

export interface KitPlan {
  cycleCode: string;
  marginPercent: number;
  recipients: KitRecipient[];
  totals: {
    recipients: number;
    toRecord: number;
    alreadyRecorded: number;
    /** Material of every kit of the cycle. */
    lines: ItemLine[];
    /** Material of the kits still to record. */
    pendingLines: ItemLine[];
  };
}

export interface KitApplyResult extends KitPlan {
  /** Receipts written by this call (0 when it ran before: nothing new is recorded). */
  recorded: number;
}

/** The ledger operation key of a holder's initial kit for a cycle: one per holder and cycle. */
export function initialKitKey(r: Pick<KitRecipient, 'type' | 'drseCode' | 'schoolId'>, cycleCode: string): string {
  return r.type === 'ESCUELA' ? `kit-inicial:escuela:${r.schoolId}:${cycleCode}` : `kit-inicial:drse:${r.drseCode}:${cycleCode}`;
}

/** The key the demo seeder (demo-stock.ts) used for the same kit: a kit loaded by it counts as recorded. */
function demoKitKey(r: Pick<KitRecipient, 'type' | 'drseCode' | 'schoolId'>, cycleCode: string): string {
  return r.type === 'ESCUELA' ? `demo-stock:school:${r.schoolId}:${cycleCode}` : `demo-stock:drse:${r.drseCode}:${cycleCode}`;
}

const APPLY_CONCURRENCY = 4;

/**
 * Initial kits (R6) for the whole state: every school that prints on site (R1 route ESCUELA) gets
 * the kit of its matrícula; every DRSE and Sub-DRSE the kit of the matrícula of the schools R1
 * routes to it. `plan` only reads; `apply` records each missing kit as a receipt on the holder's
 * ledger with the key `kit-inicial:<holder>:<cycle>`, so running it again records nothing new.
 * Printers and laminators are not counted here: they are registered one by one with their serial
 * numbers (`POST /equipment`).
 */
@Injectable()
export class InitialKitsService {
  constructor(
    private readonly em: EntityManager,
    private readonly holders: HolderService,
    private readonly stock: StockService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  async plan(cycleCode?: string): Promise<KitPlan> {
    const em = this.em.fork();
    const cycle = await resolveCycle(em, cycleCode, 'ciclo');
    if (!cycle) throw new ConflictError('No hay un ciclo escolar vigente: cree y abra uno antes de calcular los kits iniciales.', 'ciclo');
    const schools = await em.execute<Array<{ id: number; cct: string; turno: string; name: string; drse_code: string; matricula: number }>>(
      `select id, cct, turno, name, drse_code, matricula from school where print_route = 'ESCUELA' and matricula > 0 order by drse_code, cct, turno`,
    );
    const drses = await em.execute<Array<{ code: string; name: string; matricula: string }>>(
      `select d.code, d.name, sum(s.matricula) as matricula
         from drse d join school s on s.drse_code = d.code and s.print_route = 'DRSE'
        group by d.code, d.name having sum(s.matricula) > 0 order by d.code`,
    );
    const base: Array<Omit<KitRecipient, 'cards' | 'lines' | 'status'>> = [
      ...drses.map((d) => ({ type: 'DRSE' as const, drseCode: d.code, schoolId: null, cct: null, turno: null, name: d.name, matricula: Number(d.matricula) })),
      ...schools.map((s) => ({ type: 'ESCUELA' as const, drseCode: s.drse_code, schoolId: s.id, cct: s.cct, turno: s.turno, name: s.name, matricula: s.matricula })),
    ];
    const keys = base.flatMap((r) => [initialKitKey(r, cycle), demoKitKey(r, cycle)]);
    const done = new Set(
      (await em.execute<Array<{ key: string }>>('select key from inventory_operation where key = any(?::varchar[])', [`{${keys.map((k) => `"${k}"`).join(',')}}`])).map((r) => r.key),
    );
    const recipients = base.map((r): KitRecipient => {
      const kit = computeInitialKit({ matricula: r.matricula, cycleCode: cycle, config: this.config });
      const recorded = done.has(initialKitKey(r, cycle)) || done.has(demoKitKey(r, cycle));
      return { ...r, cards: kit.cards, lines: kit.lines, status: recorded ? 'REGISTRADO' : 'POR_REGISTRAR' };
    });
    return { cycleCode: cycle, marginPercent: this.config.kitMarginPercent, recipients, totals: totalsOf(recipients) };
  }

  /** Records every kit still missing, each in its own transaction (a failure leaves the others recorded; run again to finish). */
  async apply(actor: Actor, cycleCode?: string): Promise<KitApplyResult> {
    const plan = await this.plan(cycleCode);
    const pending = plan.recipients.filter((r) => r.status === 'POR_REGISTRAR');
    let recorded = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pending.length) {
        const r = pending[next++];
        const holder = r.type === 'ESCUELA' ? await this.holders.holderForSchool(r.schoolId!) : await this.holders.holderForDrse(r.drseCode);
        try {
          await this.stock.receive({
            key: initialKitKey(r, plan.cycleCode),
            actor,
            holderId: holder.id,
            lines: r.lines,
            cycleCode: plan.cycleCode,
            reason: `Kit inicial del ciclo ${plan.cycleCode} por matrícula de ${r.matricula} alumnos (margen ${plan.marginPercent}%)`,
          });
          recorded++;
        } catch (err) {
          // Another call recorded this kit meanwhile (with the figures it saw): it is recorded.
          if (!(err instanceof ConflictError)) throw err;
        }
        r.status = 'REGISTRADO';
      }
    };
    await Promise.all(Array.from({ length: Math.min(APPLY_CONCURRENCY, pending.length) }, worker));
    return { ...plan, totals: totalsOf(plan.recipients), recorded };
  }
}

function sumLines(recipients: KitRecipient[]): ItemLine[] {
  const sum = new Map<string, number>();
  for (const r of recipients) for (const l of r.lines) sum.set(l.item, (sum.get(l.item) ?? 0) + l.quantity);
  return [...sum.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([item, quantity]) => ({ item, quantity }));
}

function totalsOf(recipients: KitRecipient[]): KitPlan['totals'] {
  const pending = recipients.filter((r) => r.status === 'POR_REGISTRAR');
  return {
    recipients: recipients.length,
    toRecord: pending.length,
    alreadyRecorded: recipients.length - pending.length,
    lines: sumLines(recipients),
    pendingLines: sumLines(pending),
  };
}
