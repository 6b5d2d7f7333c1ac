import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  async pdf(): Promise<StreamableFile> {
    const content = await this.manual.pdf();
    return new StreamableFile(content, { type: 'application/pdf', length: content.length, disposition: 'attachment; filename="manual-impresion-credenciales.pdf"' });
  }
}
