import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../http/auth.decorators';
import { PrintingManualService } from '../printing-manual';

/** The printing and lamination manual: no personal data, so it needs no session (a plain link downloads it). */
@ApiTags('producción')
@Public()
@Controller('manual')
export class ManualController {
  constructor(private readonly manual: PrintingManualService) {}

  @Get('impresion.pdf')
  @ApiOperation({ summary: 'Manual para la impresión y el enmicado de credenciales (PDF), generado del texto de docs/manual-impresion.md.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'El PDF.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async pdf(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const content = await this.manual.pdf();
    res.setHeader('Cache-Control', 'public, max-age=3600');
    return new StreamableFile(content, { type: 'application/pdf', length: content.length, disposition: 'attachment; filename="manual-impresion-credenciales.pdf"' });
  }
}
