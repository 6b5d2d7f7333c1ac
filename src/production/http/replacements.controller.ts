import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { ApiProblems } from '../../http/api-docs.decorators';
import { CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { PRODUCTION_READERS, REPLACEMENT_RECORDERS } from './production-scope';
import { RecordReplacementDto, ReplacementDto, ReplacementPageDto, ReplacementQueryDto } from './replacements.dto';
import { ReplacementsHttpService } from './replacements-http.service';

@ApiTags('producción')
@Controller('replacements')
export class ReplacementsController {
  constructor(private readonly replacements: ReplacementsHttpService) {}

  @Post()
  @Roles(...REPLACEMENT_RECORDERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Registra el recibo de pago de una reposición (R5): revoca el folio vigente; la siguiente corrida de quien imprime para la escuela imprime la credencial nueva.',
    description: 'El importe debe ser la tarifa del ciclo vigente (422 si no). Un recibo ya registrado → 409.',
  })
  @ApiCreatedResponse({ type: ReplacementDto })
  @ApiProblems(404, 409, 422)
  record(@CurrentActor() actor: Actor, @Body() dto: RecordReplacementDto, @Headers('idempotency-key') key?: string): Promise<ReplacementDto> {
    return this.replacements.record(actor, dto, key);
  }

  @Get()
  @Roles(...PRODUCTION_READERS)
  @ApiOperation({ summary: 'Reposiciones de su ámbito (`?status=PENDIENTE`: las que esperan la siguiente corrida), de la más reciente.' })
  @ApiOkResponse({ type: ReplacementPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ReplacementQueryDto): Promise<ReplacementPageDto> {
    return this.replacements.list(actor, query);
  }
}
