import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../../common/domain-error';
import { AcuseService } from '../../inventory/acuse.service';
import { HolderService } from '../../inventory/holder.service';
import { InsufficientStockError } from '../../inventory/inventory-errors';
import { JustificationService } from '../../inventory/justification.service';
import { ReservationService } from '../../inventory/reservation.service';
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
  ) {}

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
            : await this.reservations.reserveLines({ key, actor, holderId: holder.id, requestId, cycleCode, lines: quantitiesToLines(need.quantities, cycleCode) });
        return { reserved: true as const, reservationId: r.reservationId };
      } catch (err) {
        if (!(err instanceof InsufficientStockError)) throw err;
        const shortage = linesToQuantities(err.shortfall.map((l) => ({ item: l.item, quantity: l.missing })), cycleCode);
        if (shortage.teslinSheets + shortage.micas + shortage.holograms === 0) {
          // Only ink is missing: not a chart quantity. The step retries until the DRSE's ink is replenished.
          throw ApplicationFailure.retryable(`${err.message} Reponga la tinta de la DRSE (ticket de abastecimiento de TINTA); el paso se reintenta solo.`, 'TintaInsuficiente');
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
      if (folios.length > 0) {
        const acuse = await this.acuses.create({ key: `${key}:acuse`, actor, kind: 'CREDENCIALES', schoolId, cardFolios: folios, cardCount: folios.length, requestId });
        return { acuseId: acuse.acuseId };
      }
      // Procedure 1 with holograms only (continuing students): the acuse lists the holograms delivered.
      if (procedure !== 'PROCEDURE_1' || input.reservationId === null) throw new DomainError('No hay credenciales que entregar.', 'printRunId');
      const reservation = await this.reservations.get(input.reservationId);
      const lines = reservation.lines.filter((l) => l.item.startsWith('HOLOGRAMA:')).map((l) => ({ item: l.item, quantity: l.consumed || l.quantity }));
      const from = await this.holders.holderForDrse(drseCode);
      const acuse = await this.acuses.create({ key: `${key}:acuse`, actor, kind: 'MATERIAL_ESCUELA', fromHolderId: from.id, schoolId, lines, requestId });
      return { acuseId: acuse.acuseId };
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

  /** The folios of the cards a request's print run issued for the school (no names). */
  private async cardFolios(printRunId: number | null, schoolId: number): Promise<string[]> {
    if (printRunId === null) return [];
    const rows = await this.em.fork().execute<Array<{ folio: string }>>(
      `select folio from credential where run_id = ? and kind = 'TARJETA' and school_id = ? order by folio_number`,
      [printRunId, schoolId],
    );
    return rows.map((r) => r.folio);
  }
}
