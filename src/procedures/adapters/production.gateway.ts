import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../common/domain-error';
import { ReservationService } from '../../inventory';
import { cardsInForce, credentialStatus, printRunIdsOfReservation, ProductionService, replacementById, studentsIssuedInCycle } from '../../production';
import type { ProductionGateway } from '../ports';
import { asActivity, workflowActor } from './system-actor';

type Input<K extends keyof ProductionGateway> = Parameters<ProductionGateway[K]>[0];

/** ProductionGateway over ProductionService: real folios, planillas of 8, R7 voiding, R9 issue, R5 replacement. */
@Injectable()
export class ProductionServiceGateway implements ProductionGateway {
  constructor(
    private readonly em: EntityManager,
    private readonly production: ProductionService,
    private readonly reservations: ReservationService,
  ) {}

  async issuedThisCycle({ studentIds }: Input<'issuedThisCycle'>): Promise<number[]> {
    return [...(await studentsIssuedInCycle(this.em.fork(), studentIds))];
  }

  async cardsInForce({ studentIds }: Input<'cardsInForce'>): Promise<Array<{ studentId: number; folio: string; cycleCode: string }>> {
    const cards = await cardsInForce(this.em.fork(), studentIds);
    return [...cards].map(([studentId, c]) => ({ studentId, folio: c.folio, cycleCode: c.cycleCode }));
  }

  /** Control Escolar of the DRSE generates the file: folios, voided blanks and issue before the PDF, consumption against the reservation. */
  generatePrintRun({ key, workflowId, requestId, drseCode, reservationId, studentIds }: Input<'generatePrintRun'>) {
    return asActivity(async () => {
      const actor = workflowActor(workflowId, 'DRSE_CONTROL_ESCOLAR', { drseCode });
      const run =
        studentIds.length === 0
          ? null
          : await this.production.createPrintRun({ key, holder: { type: 'DRSE', drseCode }, studentIds, reservationId: reservationId ?? undefined, actor });
      if (!run || run.runId === null) {
        // Nothing printed (holograms only, or every student excluded at print time): the reservation is
        // settled here — its holograms are delivered; card material not printed goes back.
        if (reservationId !== null) {
          const res = await this.reservations.get(reservationId);
          if (res.status === 'ACTIVE' && res.continuingStudents > 0) {
            const hologram = res.lines.find((l) => l.item.startsWith('HOLOGRAMA:'))!;
            await this.reservations.consume({ key: `${key}:hologramas`, actor, reservationId, printRunId: `solicitud-${requestId}`, usage: [{ item: hologram.item, consumed: res.continuingStudents }] });
          } else if (res.status === 'ACTIVE') {
            await this.reservations.release({ key: `${key}:liberar`, actor, reservationId, reason: 'Ningún alumno pudo imprimirse.' });
          }
        }
        return { printRunId: null, cards: 0, voidedSlots: 0 };
      }
      if (!run.consumptionRecorded) await this.production.recordConsumption(run.runId, actor);
      await this.production.renderRun(run.runId);
      return { printRunId: run.runId, cards: run.cards, voidedSlots: run.voided };
    });
  }

  /** R5: the pending replacement is printed by the next run of whoever prints for the school — this one. */
  produceReplacement({ key, workflowId, drseCode, schoolId, paymentId, printRoute }: Input<'produceReplacement'>) {
    return asActivity(async () => {
      const actor = printRoute === 'DRSE' ? workflowActor(workflowId, 'DRSE_CONTROL_ESCOLAR', { drseCode }) : workflowActor(workflowId, 'ESCUELA', { drseCode, schoolId });
      const holder = printRoute === 'DRSE' ? { type: 'DRSE' as const, drseCode } : { type: 'ESCUELA' as const, schoolId };
      const run = await this.production.createPrintRun({ key, holder, studentIds: [], includePendingReplacements: true, actor });
      if (run.runId !== null && !run.consumptionRecorded) await this.production.recordConsumption(run.runId, actor);
      const row = await replacementById(this.em.fork(), paymentId);
      if (!row || row.status !== 'EMITIDA' || !row.newFolio || row.newRunId === null) {
        throw new DomainError('La credencial de reposición no se pudo imprimir (revise la fotografía del alumno y la ruta de impresión).', 'paymentId');
      }
      await this.production.renderRun(row.newRunId);
      return { printRunId: row.newRunId, newFolio: row.newFolio };
    });
  }

  /** Control Escolar of the DRSE voids the cards of a cancelled request's runs (never printed: production was not confirmed). */
  voidUnprintedCards({ workflowId, drseCode, reservationId, reason }: Input<'voidUnprintedCards'>) {
    return asActivity(async () => {
      const actor = workflowActor(workflowId, 'DRSE_CONTROL_ESCOLAR', { drseCode });
      const runIds = await printRunIdsOfReservation(this.em.fork(), reservationId);
      const folios: string[] = [];
      for (const runId of runIds) folios.push(...(await this.production.voidUnprintedRun({ runId, reason, actor })));
      return { printRunIds: runIds, folios };
    });
  }

  confirmFolioReplaced({ folio, replacedByFolio }: Input<'confirmFolioReplaced'>): Promise<void> {
    return asActivity(async () => {
      const row = await credentialStatus(this.em.fork(), folio);
      if (!row || row.status !== 'REEMPLAZADA' || row.replacedByFolio !== replacedByFolio) {
        throw new DomainError(`El folio ${folio} no consta como reemplazado por ${replacedByFolio} (estado: ${row?.status ?? 'inexistente'}).`, 'folio');
      }
    });
  }
}
