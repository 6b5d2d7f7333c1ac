import { Global, Injectable, Module } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { HolderService } from '../../inventory/holder.service';
import { hologramCode } from '../../inventory/items';
import { InventoryModule } from '../../inventory/inventory.module';
import { ReservationService } from '../../inventory/reservation.service';
import { StockService, UsageLine } from '../../inventory/stock.service';
import { CONSUMPTION_RECORDER, ConsumptionRecorder, PrintRunConsumption } from '../../production/consumption-recorder';

/**
 * Production's ConsumptionRecorder backed by the inventory ledger, idempotent on the run's key
 * (`print-run:<runId>` is the inventory operation key). Every printed card uses one Teslin slot,
 * one mica and one hologram of the run's cycle; the voided blanks are WASTE VOIDED_BLANK; ink is
 * counted in planillas.
 * - A run linked to a reservation (a DRSE run for a request) consumes it: the reservation's
 *   holograms for continuing students are consumed with it; what was not printed is released;
 *   anything beyond the reservation (e.g. pending replacements printed in the same run) comes from
 *   available stock.
 * - A run without one (a school printing on site, a replacement) consumes from its holder's
 *   available stock.
 */
@Injectable()
export class InventoryConsumptionRecorder implements ConsumptionRecorder {
  constructor(
    private readonly holders: HolderService,
    private readonly stock: StockService,
    private readonly reservations: ReservationService,
  ) {}

  async recordPrintRunConsumption(c: PrintRunConsumption, actor: Actor): Promise<void> {
    const usage = (holograms: number): UsageLine[] =>
      [
        { item: hologramCode(c.cycleCode), consumed: holograms, wasted: 0 },
        { item: 'MICA', consumed: c.micas, wasted: 0 },
        { item: 'TESLIN', consumed: c.cardsPrinted, wasted: c.voidedSlots, ...(c.voidedSlots > 0 ? { wasteReason: 'VOIDED_BLANK' as const } : {}) },
        { item: 'TINTA', consumed: c.inkPlanillas, wasted: 0 },
      ].filter((u) => u.consumed + u.wasted > 0);
    if (c.reservationId !== null) {
      const reservation = await this.reservations.get(c.reservationId);
      await this.reservations.consume({
        key: c.key, actor, reservationId: c.reservationId, printRunId: c.runId, usage: usage(reservation.continuingStudents + c.cardsPrinted),
      });
      return;
    }
    const holder = c.holder.type === 'DRSE' ? await this.holders.holderForDrse(c.holder.drseCode) : await this.holders.holderForSchool(c.holder.schoolId);
    await this.stock.consume({ key: c.key, actor, holderId: holder.id, cycleCode: c.cycleCode, printRunId: c.runId, usage: usage(c.cardsPrinted) });
  }
}

/** Global, so ProductionService (in ProductionModule) finds CONSUMPTION_RECORDER in the API and the worker. */
@Global()
@Module({
  imports: [InventoryModule],
  providers: [{ provide: CONSUMPTION_RECORDER, useClass: InventoryConsumptionRecorder }],
  exports: [CONSUMPTION_RECORDER],
})
export class PrintConsumptionModule {}
