import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { CardHistoryDto, CorrectionDto, CorrectionResultDto } from './cards.dto';
import { CardsHttpService } from './cards-http.service';
import { CORRECTORS, PRODUCTION_READERS } from './production-scope';

const folioParam = ApiParam({ name: 'folio', example: '2627-0000123-9', description: 'Folio impreso CCCC-NNNNNNN-D (guiones opcionales).' });

@ApiTags('producción')
@Controller('cards')
export class CardsController {
  constructor(private readonly cards: CardsHttpService) {}

  @Post(':folio/correction')
  @HttpCode(200)
  @Roles(...CORRECTORS)
  @Idempotent()
  @folioParam
  @ApiOperation({
    summary: 'Desmarca una credencial expedida por error (R9): queda ANULADA, con el motivo, auditado.',
    description: 'Solo Control Escolar central. Repetirla devuelve la primera corrección. El alumno puede imprimirse de nuevo con un folio nuevo.',
  })
  @ApiOkResponse({ type: CorrectionResultDto })
  @ApiProblems(404, 422)
  correct(@CurrentActor() actor: Actor, @Param('folio') folio: string, @Body() dto: CorrectionDto): Promise<CorrectionResultDto> {
    return this.cards.correct(actor, folio, dto.reason);
  }

  @Get(':folio/events')
  @Roles(...PRODUCTION_READERS)
  @folioParam
  @ApiOperation({ summary: 'La credencial y su bitácora: quién, cuándo y por qué se corrigió, revocó o reemplazó.' })
  @ApiOkResponse({ type: CardHistoryDto })
  @ApiProblems(404, 422)
  events(@CurrentActor() actor: Actor, @Param('folio') folio: string): Promise<CardHistoryDto> {
    return this.cards.history(actor, folio);
  }
}
