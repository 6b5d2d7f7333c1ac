import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { CARD_REPORTERS, PRODUCTION_READERS, REPLACEMENT_RECORDERS } from './production-scope';
import { CardReportDto, CardReportPageDto, CardReportQueryDto, RecordReplacementDto, ReplacementDto, ReplacementPageDto, ReplacementQueryDto, ReportCardDto } from './replacements.dto';
import { ReplacementsHttpService } from './replacements-http.service';

@ApiTags('producción')
@Controller('replacements')
export class ReplacementsController {
  constructor(private readonly replacements: ReplacementsHttpService) {}

  @Post()
  @Roles(...REPLACEMENT_RECORDERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Registra el recibo de pago de una reposición (R5) e inicia su trámite: revoca el folio vigente; el trámite genera la credencial nueva, la tarea de impresión de quien imprime para la escuela, la entrega y el acuse.',
    description:
      'La escuela, para sus alumnos; Control Escolar o Planeación de la DRSE en nombre de una escuela sin internet (403 si la escuela tiene internet); central. El importe debe ser la tarifa del ciclo vigente (422 si no). Un recibo ya registrado → 409. Sin motor de trámites → 503.',
  })
  @ApiCreatedResponse({ type: ReplacementDto })
  @ApiProblems(404, 409, 422, 503)
  record(@CurrentActor() actor: Actor, @Body() dto: RecordReplacementDto): Promise<ReplacementDto> {
    return this.replacements.record(actor, dto);
  }

  @Post('reports')
  @Roles(...CARD_REPORTERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Reporta la credencial vigente de un alumno como extraviada, robada o dañada: desde ese momento la verificación pública la da por no válida («reportada», con la fecha), antes de cualquier pago.',
    description:
      'La escuela, para sus alumnos; Control Escolar o Planeación de la DRSE, en nombre de una escuela de su ámbito sin internet (403 si la escuela tiene internet: lo hace ella); central, cualquiera. La reposición sigue pidiendo el recibo de pago. Una credencial ya reportada → 409.',
  })
  @ApiCreatedResponse({ type: CardReportDto })
  @ApiProblems(404, 409, 422)
  report(@CurrentActor() actor: Actor, @Body() dto: ReportCardDto, @Headers('idempotency-key') key?: string): Promise<CardReportDto> {
    return this.replacements.report(actor, dto, key);
  }

  @Get('reports')
  @Roles(...PRODUCTION_READERS)
  @ApiOperation({ summary: 'Credenciales reportadas (extraviadas, robadas o dañadas) de su ámbito, de la más reciente, con el estado de su reposición.' })
  @ApiOkResponse({ type: CardReportPageDto })
  @ApiProblems(422)
  reports(@CurrentActor() actor: Actor, @Query() query: CardReportQueryDto): Promise<CardReportPageDto> {
    return this.replacements.reports(actor, query);
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
