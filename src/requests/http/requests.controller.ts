import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, Role } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotency, IdempotencyContext, Idempotent } from '../../http/idempotency.interceptor';
import { IdParam } from '../../http/params';
import { SignedScanUpload } from '../../inventory';
import { FileUpload, type UploadRequest } from '../../uploads/file-upload.decorator';
import type { UploadedFile as Upload } from '../../uploads/upload-validation';
import {
  DecisionDto,
  DecisionResultDto,
  FiledRequestDto,
  FileRequestFormDto,
  MaterialCorrectionDto,
  RequestDetailDto,
  RequestPageDto,
  RequestQueryDto,
  StudentListsDto,
  WithdrawDto,
} from './requests.dto';
import { RequestFilingService } from './request-filing.service';
import { RequestQueriesService } from './request-queries.service';
import { RequestsHttpService } from './requests-http.service';

/** Who reads requests: everyone signed in, within scope (school: its own; DRSE roles: their DRSE's; central: all). */
const READERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

/** The school's own steps: the school, or its DRSE's Planeación / Control Escolar for a school without internet (assertSchoolWork). */
const SCHOOL_STEP_ROLES: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR'];

@ApiTags('trámites')
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly filing: RequestFilingService,
    private readonly queries: RequestQueriesService,
    private readonly requests: RequestsHttpService,
  ) {}

  @Post()
  @Roles(...SCHOOL_STEP_ROLES)
  @Idempotent()
  @FileUpload('oficio', 'pdf', {
    required: false,
    extraFields: { datos: { type: 'string', description: 'JSON: PROCEDURE_1 {nuevos, continuan}, PROCEDURE_2 {material, justificacion} o REPLACEMENT {alumno, recibo, motivo}.' } },
  })
  @ApiOperation({
    summary: 'Presenta un oficio (Procedimiento 1 o 2: PDF escaneado + listas) o una reposición (recibo de pago), e inicia su trámite.',
  })
  @ApiCreatedResponse({ type: FiledRequestDto })
  @ApiProblems(404, 409, 503)
  file(@CurrentActor() actor: Actor, @Body() form: FileRequestFormDto, @Idempotency() idem: IdempotencyContext, @UploadedFile() file?: Upload): Promise<FiledRequestDto> {
    return this.filing.file(actor, form.datos, file?.buffer, idem);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Solicitudes de su ámbito, de la más reciente a la más antigua.' })
  @ApiOkResponse({ type: RequestPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: RequestQueryDto): Promise<RequestPageDto> {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Detalle: estado público, tarea abierta, acciones que usted puede tomar ahora, línea de tiempo (bitácora) y documentos.' })
  @ApiOkResponse({ type: RequestDetailDto })
  @ApiProblems(404, 422)
  detail(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<RequestDetailDto> {
    return this.queries.detail(actor, id);
  }

  @Get(':id/oficio')
  @Roles(...READERS)
  @ApiOperation({ summary: 'El oficio escaneado (PDF).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF' })
  @ApiProblems(404, 422)
  async oficio(@CurrentActor() actor: Actor, @IdParam() id: number, @Res() res: Response): Promise<void> {
    const pdf = await this.queries.oficio(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="oficio-${id}.pdf"`);
    res.send(pdf);
  }

  @Post(':id/decisions')
  @AnyRole()
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Decide el paso abierto con un evento (p. ej. ACCEPT, RETURN, VALIDATE_PARTIAL con datos): 409 si el evento no procede ahora, 403 si su rol no atiende ese paso.',
  })
  @ApiOkResponse({ type: DecisionResultDto })
  @ApiProblems(404, 409, 422, 503)
  decide(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: DecisionDto, @Idempotency() idem: IdempotencyContext): Promise<DecisionResultDto> {
    return this.requests.decide(actor, id, dto, idem);
  }

  @Post(':id/signed-acuse')
  @AnyRole()
  @HttpCode(200)
  @Idempotent()
  @SignedScanUpload()
  @ApiOperation({
    summary:
      'Sube el acuse de entrega firmado y sellado (PDF, JPEG o PNG) y concluye la entrega: 409 si la solicitud no espera el acuse, 403 si su rol no lo recaba.',
  })
  @ApiOkResponse({ type: DecisionResultDto })
  @ApiProblems(403, 404, 409, 503)
  signedAcuse(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @UploadedFile() file: Upload,
    @Req() req: UploadRequest,
    @Idempotency() idem: IdempotencyContext,
  ): Promise<DecisionResultDto> {
    return this.requests.signedAcuse(actor, id, file.buffer, req.upload!.mediaType, idem);
  }

  @Post(':id/withdraw')
  @Roles(...SCHOOL_STEP_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'La escuela retira su solicitud (antes de la validación); después, 409.' })
  @ApiOkResponse({ type: DecisionResultDto })
  @ApiProblems(404, 409, 422, 503)
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: WithdrawDto): Promise<DecisionResultDto> {
    return this.requests.withdraw(actor, id, dto.comentario);
  }

  @Put(':id/students')
  @Roles(...SCHOOL_STEP_ROLES)
  @ApiOperation({ summary: 'Procedimiento 1 devuelto a la escuela: reemplaza las listas de alumnos (después envíe la decisión RESUBMIT).' })
  @ApiOkResponse({ type: RequestDetailDto })
  @ApiProblems(404, 409, 422)
  replaceStudents(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: StudentListsDto): Promise<RequestDetailDto> {
    return this.filing.replaceStudents(actor, id, dto);
  }

  @Put(':id/material')
  @Roles('ESCUELA')
  @ApiOperation({ summary: 'Procedimiento 2 devuelto a la escuela: corrige el material pedido (después envíe la decisión RESUBMIT).' })
  @ApiOkResponse({ type: RequestDetailDto })
  @ApiProblems(404, 409, 422)
  replaceMaterial(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: MaterialCorrectionDto): Promise<RequestDetailDto> {
    return this.filing.replaceMaterial(actor, id, dto);
  }

  @Put(':id/oficio')
  @Roles(...SCHOOL_STEP_ROLES)
  @FileUpload('oficio', 'pdf')
  @ApiOperation({ summary: 'Solicitud devuelta a la escuela: reemplaza el oficio escaneado (después envíe la decisión RESUBMIT).' })
  @ApiOkResponse({ type: RequestDetailDto })
  @ApiProblems(404, 409)
  replaceOficio(@CurrentActor() actor: Actor, @IdParam() id: number, @UploadedFile() file: Upload): Promise<RequestDetailDto> {
    return this.filing.replaceOficio(actor, id, file.buffer);
  }
}
