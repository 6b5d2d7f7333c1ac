import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { IdParam } from '../../http/params';
import { CreatePrintRunDto, PreviewPrintRunDto, PrintRunDto, PrintRunPageDto, PrintRunQueryDto } from './print-runs.dto';
import { PrintRunsHttpService } from './print-runs-http.service';
import { PRINTERS, PRODUCTION_READERS } from './production-scope';
import { Expensive } from '../../security/rate-limit';

const pdfContent = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };

@ApiTags('producción')
@Controller('print-runs')
export class PrintRunsController {
  constructor(private readonly runs: PrintRunsHttpService) {}

  @Post()
  @Expensive()
  @Roles(...PRINTERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Genera una corrida de impresión: planillas de 8, folios, anulación de los espacios en blanco (R7) y credenciales marcadas como expedidas (R9).',
    description:
      'Control Escolar de una DRSE imprime como su DRSE (escuelas que R1 le asigna); una escuela que imprime en sitio, para sí misma; ' +
      'los roles centrales indican `holder`. Una escuela cuya DRSE imprime recibe 422 `RUTA_DE_IMPRESION`. Incluye solas las reposiciones pendientes (R5). ' +
      'Los alumnos que no pueden imprimirse se listan en `excluded` con su motivo. Un alumno con credencial vigente (de cualquier ciclo, salvo reposición) no recibe otra: ' +
      'se cuenta en `hologramOnly` (sólo el holograma del ciclo; una escuela en sitio lo registra, y una corrida suya con sólo hologramas no tiene planillas). ' +
      'Si nadie necesita credencial nueva (ni, en sitio, holograma), 422 `NADA_QUE_IMPRIMIR`.',
  })
  @ApiCreatedResponse({ type: PrintRunDto })
  @ApiProblems(404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePrintRunDto, @Headers('idempotency-key') key?: string): Promise<PrintRunDto> {
    return this.runs.create(actor, dto, key);
  }

  @Post('preview')
  @Expensive()
  @HttpCode(200)
  @Roles(...PRINTERS)
  @ApiOperation({
    summary: 'Muestra en PDF con marca de agua «MUESTRA — SIN VALIDEZ»: no usa folios ni marca nada como expedido.',
    description: 'Mismo cuerpo y mismas reglas que la corrida. Encabezados `X-Planillas`, `X-Tarjetas`, `X-Excluidos`, `X-Solo-Holograma` (cuántos; los últimos: alumnos con credencial vigente que reciben sólo el holograma del ciclo).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'El PDF de muestra.', content: pdfContent })
  @ApiProblems(404, 422)
  async preview(@CurrentActor() actor: Actor, @Body() dto: PreviewPrintRunDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.runs.preview(actor, dto);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Planillas', String(file.planillas));
    res.setHeader('X-Tarjetas', String(file.cards));
    res.setHeader('X-Excluidos', String(file.excluded));
    res.setHeader('X-Solo-Holograma', String(file.hologramOnly));
    return new StreamableFile(file.pdf, { type: 'application/pdf', length: file.pdf.length, disposition: 'inline; filename="muestra.pdf"' });
  }

  @Get()
  @Roles(...PRODUCTION_READERS)
  @ApiOperation({ summary: 'Corridas de impresión de su ámbito (una DRSE: las suyas y las de sus escuelas en sitio; una escuela: las suyas), de la más reciente.' })
  @ApiOkResponse({ type: PrintRunPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: PrintRunQueryDto): Promise<PrintRunPageDto> {
    return this.runs.list(actor, query);
  }

  @Get(':id')
  @Roles(...PRODUCTION_READERS)
  @ApiOperation({ summary: 'Una corrida: credenciales expedidas (folio, planilla, lugar), folios anulados (R7) y alumnos excluidos con su motivo.' })
  @ApiOkResponse({ type: PrintRunDto })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<PrintRunDto> {
    return this.runs.get(actor, id);
  }

  @Get(':id/pdf')
  @Expensive()
  @Roles(...PRINTERS)
  @ApiOperation({ summary: 'El PDF de la corrida para imprimir (se genera la primera vez desde los folios guardados; nunca asigna folios).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'El PDF.', content: pdfContent })
  @ApiProblems(404, 422)
  async pdf(@CurrentActor() actor: Actor, @IdParam() id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { runId, content } = await this.runs.pdf(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, { type: 'application/pdf', length: content.length, disposition: `attachment; filename="corrida-${runId}.pdf"` });
  }
}
