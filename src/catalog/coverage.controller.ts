import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, Role } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../http/auth.decorators';
import { IdParam } from '../http/params';
import { drseCsv, summaryCsv } from './coverage-csv';
import { CoverageSummaryDto, DrseCoverageDto, SchoolCoverageDto } from './coverage.dto';
import { CoverageService } from './coverage.service';
import { Expensive } from '../security/rate-limit';

/** Who reads coverage beyond one school: DRSE staff (their DRSE and Sub-DRSEs) and central roles (the state). */
const COVERAGE_READERS: Role[] = ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
const csvContent = { 'text/csv': { schema: { type: 'string' } } };

function csvFile(res: Response, content: Buffer, name: string): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(content, { type: 'text/csv; charset=utf-8', length: content.length, disposition: `attachment; filename="${name}"` });
}

@ApiTags('reportes')
@Controller('reports/coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get()
  @Roles(...COVERAGE_READERS)
  @ApiOperation({
    summary: 'Cobertura del ciclo vigente: roles centrales, el estado con una fila por DRSE; el personal de una DRSE, la suya y sus Sub-DRSE.',
    description: 'Alumnos, con foto, declinaron, credenciales, hologramas, pendientes, solicitudes por estado y vencidas, material disponible contra lo que necesitan los pendientes.',
  })
  @ApiOkResponse({ type: CoverageSummaryDto })
  @ApiProblems(409)
  summary(@CurrentActor() actor: Actor): Promise<CoverageSummaryDto> {
    return this.coverage.summary(actor);
  }

  @Get('csv')
  @Expensive()
  @Roles(...COVERAGE_READERS)
  @ApiOperation({ summary: 'La cobertura (una fila por DRSE y el total) como CSV.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV en UTF-8.', content: csvContent })
  @ApiProblems(409)
  async summaryCsv(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const s = await this.coverage.summary(actor);
    return csvFile(res, summaryCsv(s), `cobertura-${s.cycleCode}.csv`);
  }

  @Get('drses/:code')
  @Roles(...COVERAGE_READERS)
  @ApiOperation({ summary: 'Cobertura de una DRSE o Sub-DRSE, con una fila por escuela.' })
  @ApiOkResponse({ type: DrseCoverageDto })
  @ApiProblems(404, 409)
  drse(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DrseCoverageDto> {
    return this.coverage.drse(actor, code);
  }

  @Get('drses/:code/csv')
  @Expensive()
  @Roles(...COVERAGE_READERS)
  @ApiOperation({ summary: 'La cobertura de una DRSE (una fila por escuela y el total) como CSV.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV en UTF-8.', content: csvContent })
  @ApiProblems(404, 409)
  async drseCsv(@CurrentActor() actor: Actor, @Param('code') code: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const d = await this.coverage.drse(actor, code);
    return csvFile(res, drseCsv(d), `cobertura-${d.drse.code}-${d.cycleCode}.csv`);
  }

  @Get('schools/:id')
  @AnyRole()
  @ApiOperation({ summary: 'Cobertura de una escuela de su ámbito (la escuela ve la suya).' })
  @ApiOkResponse({ type: SchoolCoverageDto })
  @ApiProblems(404, 409, 422)
  school(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SchoolCoverageDto> {
    return this.coverage.school(actor, id);
  }
}
