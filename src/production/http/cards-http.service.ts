import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor } from '../../access';
import { NotFoundError } from '../../common/domain-error';
import { Credential, PrintRun } from '../entities';
import { parseFolio } from '../folio';
import { ProductionService } from '../production.service';
import { CardHistoryDto, CorrectionResultDto } from './cards.dto';
import { coversSchool, isState, loadSchools } from './production-scope';

const CARD_NOT_FOUND = 'No existe el folio o no está en su ámbito.';

/** One card by folio: its audit trail (central, the card's DRSE and school) and the R9 correction (central). */
@Injectable()
export class CardsHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly production: ProductionService,
  ) {}

  async correct(actor: Actor, folio: string, reason: string): Promise<CorrectionResultDto> {
    const card = await this.visibleCard(actor, folio);
    return this.production.correctIssuedCard({ folio: card.folio, reason, actor });
  }

  async history(actor: Actor, folio: string): Promise<CardHistoryDto> {
    const card = await this.visibleCard(actor, folio);
    const events = await this.production.cardEvents(card.folio);
    return {
      folio: card.folio,
      kind: card.kind,
      status: card.status,
      cycleCode: card.cycleCode,
      runId: card.runId,
      issuedAt: card.issuedAt,
      studentId: card.studentId ?? null,
      studentName: card.studentName ?? null,
      schoolId: card.schoolId ?? null,
      voidReason: card.voidReason ?? null,
      replacedByFolio: card.replacedByFolio ?? null,
      events: events.map((e) => ({ event: e.event, at: e.at, actorId: e.actorId, actorRole: e.actorRole, reason: e.reason })),
    };
  }

  /** The card, if its school (a blank slot: its run's holder) is in the caller's scope; 404 otherwise. */
  private async visibleCard(actor: Actor, raw: string): Promise<Credential> {
    const { folio } = parseFolio(raw);
    const em = this.em.fork();
    const card = await em.findOne(Credential, { folio });
    if (!card) throw new NotFoundError(CARD_NOT_FOUND, 'folio');
    if (isState(actor)) return card;
    let schoolId = card.schoolId;
    if (schoolId === undefined || schoolId === null) {
      const run = await em.findOneOrFail(PrintRun, { id: card.runId });
      if (run.holderType === 'DRSE') {
        if (actor.role !== 'ESCUELA' && actor.drseCode === run.holderDrseCode) return card;
        throw new NotFoundError(CARD_NOT_FOUND, 'folio');
      }
      schoolId = run.holderSchoolId;
    }
    const school = (await loadSchools(em, [schoolId!])).get(schoolId!);
    if (!school || !coversSchool(actor, school)) throw new NotFoundError(CARD_NOT_FOUND, 'folio');
    return card;
  }
}
