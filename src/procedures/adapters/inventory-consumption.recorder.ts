import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../access';
import {
  HolderService,
  INVENTORY_CONFIG,
  InventoryConfig,
  InsufficientStockError,
  describeQuantity,
  hologramCode,
  itemLabel,
  parseItemCode,
  InventoryModule,
  ReservationService,
  StockService,
  UsageLine,
} from '../../inventory';
import { CONSUMPTION_RECORDER, ConsumptionRecorder, MaterialShortageError, PrintRunConsumption } from '../../production';

/**
 * Production's ConsumptionRecorder backed by the inventory ledger, idempotent on the run's key
 * (`print-run:<runId>` is the inventory operation key). Every printed card uses one Teslin slot,
 * one mica and one hologram of the run's cycle; the voided blanks are WASTE VOIDED_BLANK; ink is
 * counted in planillas; a school's on-site run also uses one hologram per continuing student it
 * gave only the hologram (`hologramsOnly`).
 * - A run linked to a reservation (a DRSE run for a request) consumes it: the reservation's
 *   holograms for continuing students are consumed with it; what was not printed is released;
 *   anything beyond the reservation (e.g. pending replacements printed in the same run) comes from
 *   available stock.
 * - A run without one (a school printing on site, a replacement) consumes from its holder's
 *   available stock; given the run's transaction (`within`) it does so inside it, and a shortage
 *   becomes `MaterialShortageError` (409 MATERIAL_INSUFICIENTE) naming every missing item.
 */
@Injectable()
export class InventoryConsumptionRecorder implements ConsumptionRecorder {
  constructor(
    private readonly holders: HolderService,
    private readonly stock: StockService,
    private readonly reservations: ReservationService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  async recordPrintRunConsumption(c: PrintRunConsumption, actor: Actor, within?: EntityManager): Promise<void> {
    const usage = (holograms: number): UsageLine[] =>
      [
        { item: hologramCode(c.cycleCode), consumed: holograms, wasted: 0 },
        { item: 'MICA', consumed: c.micas, wasted: 0 },
        { item: 'TESLIN', consumed: c.cardsPrinted, wasted: c.voidedSlots, ...(c.voidedSlots > 0 ? { wasteReason: 'VOIDED_BLANK' as const } : {}) },
        { item: 'TINTA', consumed: c.inkPlanillas, wasted: 0 },
      ].filter((u) => u.consumed + u.wasted > 0);
    if (c.reservationId !== null) {
      if (within) throw new Error('a run linked to a reservation records its consumption after its commit');
      const reservation = await this.reservations.get(c.reservationId);
      await this.reservations.consume({
        key: c.key, actor, reservationId: c.reservationId, printRunId: c.runId, usage: usage(reservation.continuingStudents + c.cardsPrinted),
      });
      return;
    }
    const holder = c.holder.type === 'DRSE' ? await this.holders.holderForDrse(c.holder.drseCode, within) : await this.holders.holderForSchool(c.holder.schoolId, within);
    try {
      await this.stock.consume({ key: c.key, actor, holderId: holder.id, cycleCode: c.cycleCode, printRunId: c.runId, usage: usage(c.cardsPrinted + (c.hologramsOnly ?? 0)) }, within);
    } catch (err) {
      if (!(err instanceof InsufficientStockError)) throw err;
      const lines = err.shortfall.map((l) => {
        const item = parseItemCode(l.item);
        const q = (n: number) => describeQuantity(item, n, this.config.planillasPerInkSet);
        return { shortage: { item: l.item, required: l.required, available: l.available, missing: l.missing }, text: `${itemLabel(item)} (${l.item}): faltan ${q(l.missing)} (se requieren ${q(l.required)}, hay ${q(l.available)} disponibles)` };
      });
      throw new MaterialShortageError(
        `Material insuficiente en ${holder.name} para ${c.cardsPrinted > 0 ? `imprimir ${c.cardsPrinted} ${c.cardsPrinted === 1 ? 'credencial' : 'credenciales'} en ${c.planillas} ${c.planillas === 1 ? 'planilla' : 'planillas'}` : 'la corrida'}${c.hologramsOnly ? ` y dar ${c.hologramsOnly} ${c.hologramsOnly === 1 ? 'holograma' : 'hologramas'} a alumnos con credencial vigente` : ''}; no se generó la corrida. ${lines.map((l) => l.text).join('; ')}.${c.holder.type === 'DRSE' ? '' : ` ${onSiteRemedy(lines.some((l) => l.shortage.item === 'TINTA'))}`}`,
        lines.map((l) => l.shortage),
      );
    }
  }
}

/**
 * What a school that prints on site does about a shortage: ask its DRSE with Procedure 2 (material
 * for printing at the school), which since issue 11 asks for ink sets too.
 */
export function onSiteRemedy(inkShort: boolean): string {
  return inkShort
    ? 'Para conseguir tinta, presente a su DRSE un oficio del Procedimiento 2 (Nuevo oficio → material para imprimir en la escuela) pidiendo juegos de tinta.'
    : 'Pida el material que falta a su DRSE con un oficio del Procedimiento 2 (Nuevo oficio → material para imprimir en la escuela).';
}

/** Global, so ProductionService (in ProductionModule) finds CONSUMPTION_RECORDER in the API and the worker. */
@Global()
@Module({
  imports: [InventoryModule],
  providers: [{ provide: CONSUMPTION_RECORDER, useClass: InventoryConsumptionRecorder }],
  exports: [CONSUMPTION_RECORDER],
})
export class PrintConsumptionModule {}
