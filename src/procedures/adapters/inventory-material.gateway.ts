import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../../common/domain-error';
import { cardFoliosOfRun } from '../../production';
import {
  AcuseService,
  HolderService,
  InsufficientStockError,
  loadInventoryConfig,
  JustificationService,
  ReservationService,
  StockService,
} from '../../inventory';
import type { MaterialGateway, ReserveResult } from '../ports';
import { linesToQuantities, quantitiesToLines } from './material-units';
import { asActivity, currentCycle, workflowActor } from './system-actor';

type Input<K extends keyof MaterialGateway> = Parameters<MaterialGateway[K]>[0];

/** MaterialGateway over the inventory services: reservations at the DRSE, deliveries and acuses, R6 consumption. */
@Injectable()
export class InventoryMaterialGateway implements MaterialGateway {
  constructor(
    private readonly em: EntityManager,
    private readonly holders: HolderService,
    private readonly reservations: ReservationService,
    private readonly acuses: AcuseService,
    private readonly justification: JustificationService,
    private readonly stock: StockService,
  ) {}

  private readonly planillasPerInkSet = loadInventoryConfig().planillasPerInkSet;

  /** Tecnologías of the DRSE sets the material aside (SPEC §4 step 5). A shortage is an outcome, not an error. */
  reserve({ key, workflowId, requestId, drseCode, need }: Input<'reserve'>): Promise<ReserveResult> {
    return asActivity(async () => {
      const cycleCode = await currentCycle(this.em);
      const holder = await this.holders.holderForDrse(drseCode);
      const actor = workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode });
      try {
        const r =
          need.kind === 'CARDS'
            ? await this.reservations.reserve({ key, actor, holderId: holder.id, requestId, cycleCode, newCards: need.newCards, continuingStudents: need.continuingStudents })
            : await this.reservations.reserveLines({ key, actor, holderId: holder.id, requestId, cycleCode, lines: quantitiesToLines(need.quantities, cycleCode, this.planillasPerInkSet) });
        return { reserved: true as const, reservationId: r.reservationId };
      } catch (err) {
        if (!(err instanceof InsufficientStockError)) throw err;
        const shortage = linesToQuantities(err.shortfall.map((l) => ({ item: l.item, quantity: l.missing })), cycleCode);
        if (shortage.teslinSheets + shortage.micas + shortage.holograms === 0) {
          // Only ink is missing: not a chart quantity. The step retries until the DRSE's ink is replenished.
          throw ApplicationFailure.retryable(`${err.message} Reponga la tinta de la DRSE (ticket de abastecimiento de TINTA) para que la reserva se repita.`, 'TintaInsuficiente');
        }
        return { reserved: false as const, shortage };
      }
    });
  }

  recordDelivery(input: Input<'recordDelivery'>): Promise<{ acuseId: number }> {
    return asActivity(async () => {
      const { key, workflowId, requestId, procedure, drseCode, schoolId } = input;
      if (procedure === 'PROCEDURE_2') {
        // Tecnologías hands the reserved material over: DRSE stock → school stock, then the school's acuse.
        const actor = workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode });
        if (input.reservationId === null) throw new DomainError('La solicitud no tiene material reservado que entregar.', 'reservationId');
        const from = await this.holders.holderForDrse(drseCode);
        const to = await this.holders.holderForSchool(schoolId);
        const delivered = await this.reservations.deliver({ key: `${key}:entrega`, actor, reservationId: input.reservationId, toHolderId: to.id });
        const acuse = await this.acuses.create({
          key: `${key}:acuse`, actor, kind: 'MATERIAL_ESCUELA', fromHolderId: from.id, schoolId, requestId,
          lines: delivered.lines.map((l) => ({ item: l.item, quantity: l.quantity })),
        });
        return { acuseId: acuse.acuseId };
      }
      const actor =
        input.deliveredBy === 'ESCUELA'
          ? workflowActor(workflowId, 'ESCUELA', { drseCode, schoolId })
          : workflowActor(workflowId, 'DRSE_CONTROL_ESCOLAR', { drseCode });
      const folios = procedure === 'REPLACEMENT' ? (input.cardFolio ? [input.cardFolio] : []) : await this.cardFolios(input.printRunId, schoolId);
      // Procedure 1 delivers the cycle's holograms too: on the new cards and loose for continuing students.
      const holograms = procedure === 'PROCEDURE_1' && input.reservationId !== null ? await this.hologramsOf(input.reservationId) : [];
      if (folios.length > 0) {
        const acuse = await this.acuses.create({ key: `${key}:acuse`, actor, kind: 'CREDENCIALES', schoolId, cardFolios: folios, cardCount: folios.length, holograms, requestId });
        return { acuseId: acuse.acuseId };
      }
      // Procedure 1 with holograms only (continuing students): the acuse lists the holograms delivered.
      if (procedure !== 'PROCEDURE_1' || input.reservationId === null) throw new DomainError('No hay credenciales que entregar.', 'printRunId');
      const from = await this.holders.holderForDrse(drseCode);
      const acuse = await this.acuses.create({ key: `${key}:acuse`, actor, kind: 'MATERIAL_ESCUELA', fromHolderId: from.id, schoolId, lines: holograms, requestId });
      return { acuseId: acuse.acuseId };
    });
  }

  /** Tecnologías of the DRSE gives back what a cancelled request held reserved there. */
  releaseReservations({ workflowId, requestId, drseCode, reason }: Input<'releaseReservations'>): Promise<{ lines: Array<{ item: string; quantity: number }> }> {
    return asActivity(async () => {
      const holder = await this.holders.holderForDrse(drseCode);
      const actor = workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode });
      const lines: Array<{ item: string; quantity: number }> = [];
      for (const r of await this.reservations.findByRequest(String(requestId))) {
        if (r.status !== 'ACTIVE' || r.holderId !== holder.id) continue;
        // Keyed by workflow and reservation, not by step: a repeated compensation finds the same operation.
        const released = await this.reservations.release({ key: `${workflowId}:cancelacion:liberar:${r.reservationId}`, actor, reservationId: r.reservationId, reason });
        lines.push(...released.lines.filter((l) => l.released > 0).map((l) => ({ item: l.item, quantity: l.released })));
      }
      return { lines };
    });
  }

  /** Tecnologías of the DRSE takes back the material of print runs whose cards were never printed (adjustments with the reason). */
  returnPrintRunMaterial({ workflowId, drseCode, printRunRefs, reason }: Input<'returnPrintRunMaterial'>): Promise<{ lines: Array<{ item: string; quantity: number }> }> {
    return asActivity(async () => {
      if (printRunRefs.length === 0) return { lines: [] };
      const holder = await this.holders.holderForDrse(drseCode);
      const actor = workflowActor(workflowId, 'DRSE_TECNOLOGIAS', { drseCode });
      const used = await this.em.fork().execute<Array<{ print_run_id: string; item_code: string; cycle_code: string | null; quantity: number }>>(
        `select print_run_id, item_code, cycle_code, sum(quantity)::int as quantity from stock_entry
         where holder_id = ? and print_run_id = any(?::text[]) and kind in ('CONSUMPTION', 'WASTE')
         group by print_run_id, item_code, cycle_code order by print_run_id, item_code`,
        [holder.id, `{${printRunRefs.map((r) => `"${r.replace(/["\\]/g, '')}"`).join(',')}}`],
      );
      for (const u of used) {
        await this.stock.adjust({
          key: `${workflowId}:cancelacion:devolver:${u.print_run_id}:${u.item_code}`, actor, holderId: holder.id, item: u.item_code,
          delta: Number(u.quantity), reason, cycleCode: u.cycle_code ?? undefined,
        });
      }
      return { lines: used.map((u) => ({ item: u.item_code, quantity: Number(u.quantity) })) };
    });
  }

  async consumptionSummary({ schoolId }: Input<'consumptionSummary'>): Promise<{ printedCards: number; voidedSlots: number; wastedSlots: number }> {
    return asActivity(async () => {
      const none = { printedCards: 0, voidedSlots: 0, wastedSlots: 0 };
      let holderId: number;
      try {
        holderId = (await this.holders.holderForSchool(schoolId)).id;
      } catch (err) {
        // A school its DRSE prints for holds no stock: nothing to justify.
        if (err instanceof DomainError && err.code === 'ESCUELA_SIN_ALMACEN') return none;
        throw err;
      }
      const report = await this.justification.report({ holderId, cycleCode: await currentCycle(this.em) });
      const teslin = report.items.find((i) => i.item === 'TESLIN');
      if (!teslin) return none;
      const voided = teslin.wastedByReason.VOIDED_BLANK ?? 0;
      return { printedCards: teslin.consumed, voidedSlots: voided, wastedSlots: teslin.wasted - voided };
    });
  }

  /** The holograms a request's reservation delivers (what its run consumed, else what was reserved). */
  private async hologramsOf(reservationId: number): Promise<Array<{ item: string; quantity: number }>> {
    const reservation = await this.reservations.get(reservationId);
    return reservation.lines.filter((l) => l.item.startsWith('HOLOGRAMA:')).map((l) => ({ item: l.item, quantity: l.consumed || l.quantity })).filter((l) => l.quantity > 0);
  }

  /** The folios of the cards a request's print run issued for the school (no names). */
  private async cardFolios(printRunId: number | null, schoolId: number): Promise<string[]> {
    if (printRunId === null) return [];
    return cardFoliosOfRun(this.em.fork(), printRunId, schoolId);
  }
}
