import { Controller, Get, Headers, Post, Query, Req, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, Role } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { IdParam } from '../../http/params';
import type { UploadRequest } from '../../uploads/file-upload.decorator';
import type { UploadedFile as Upload } from '../../uploads/upload-validation';
import { AcuseDto, AcusePageDto, AcuseQueryDto } from './acuses.dto';
import { AcusesHttpService } from './acuses-http.service';
import { SignedScanUpload } from './signed-scan-upload';
import { Expensive } from '../../security/rate-limit';

/** Who uploads the signed copy: the parties of the delivery (school, DRSE Control Escolar and IT, central). */
export const SIGNED_SCAN_UPLOADERS: Role[] = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];

const binary = (type: string) => ({ [type]: { schema: { type: 'string', format: 'binary' } } });

@ApiTags('acuses')
@Controller('acuses')
export class AcusesController {
  constructor(private readonly acuses: AcusesHttpService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Acuses de recibido de su ámbito (escuela: los suyos; DRSE: los de su DRSE; central: todos), del más reciente.' })
  @ApiOkResponse({ type: AcusePageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: AcuseQueryDto): Promise<AcusePageDto> {
    return this.acuses.list(actor, query);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'Un acuse de recibido.' })
  @ApiOkResponse({ type: AcuseDto })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<AcuseDto> {
    return this.acuses.get(actor, id);
  }

  @Get(':id/pdf')
  @Expensive()
  @AnyRole()
  @ApiOperation({ summary: 'El acuse en PDF para imprimir, firmar y sellar (su QR lleva solo el folio).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'El PDF.', content: binary('application/pdf') })
  @ApiProblems(404, 422)
  async pdf(@CurrentActor() actor: Actor, @IdParam() id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { folio, content } = await this.acuses.pdf(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, { type: 'application/pdf', length: content.length, disposition: `attachment; filename="acuse-${folio}.pdf"` });
  }

  @Post(':id/signed-scan')
  @Roles(...SIGNED_SCAN_UPLOADERS)
  @Idempotent()
  @SignedScanUpload()
  @ApiOperation({ summary: 'Carga la copia firmada y sellada del acuse (PDF, JPEG o PNG); una vez cargada no se reemplaza.' })
  @ApiCreatedResponse({ type: AcuseDto })
  @ApiProblems(404, 409)
  attachSignedScan(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @UploadedFile() file: Upload,
    @Req() req: UploadRequest,
    @Headers('idempotency-key') key?: string,
  ): Promise<AcuseDto> {
    return this.acuses.attachSignedScan(actor, id, file.buffer, req.upload!.mediaType, key);
  }

  @Get(':id/signed-scan')
  @AnyRole()
  @ApiOperation({ summary: 'La copia firmada y sellada del acuse, tal como se cargó.' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'El archivo.', content: { ...binary('application/pdf'), ...binary('image/jpeg'), ...binary('image/png') } })
  @ApiProblems(404, 422)
  async signedScan(@CurrentActor() actor: Actor, @IdParam() id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { folio, contentType, content } = await this.acuses.signedScan(actor, id);
    const ext = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg';
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, { type: contentType, length: content.length, disposition: `attachment; filename="acuse-${folio}-firmado.${ext}"` });
  }
}
