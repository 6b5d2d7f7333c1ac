import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '../../common/domain-error';
import { ApiProblems } from '../../http/api-docs.decorators';
import { AnyRole } from '../../http/auth.decorators';
import { diagramStates, mermaid } from '../../procedures';
import { CHARTS, LATEST_CHART_VERSION } from '../../../statecharts/registry';
import { ProcedureName, PROCEDURES } from '../../../statecharts/step-meta';
import { DiagramDto, DiagramQueryDto } from './requests.dto';

@ApiTags('trámites')
@Controller('procedures')
export class DiagramsController {
  @Get(':procedure/diagram')
  @AnyRole()
  @ApiParam({ name: 'procedure', enum: PROCEDURES })
  @ApiOperation({ summary: 'Diagrama Mermaid de un procedimiento, generado de su statechart, con sus estados (para resaltar `chart.state` de una solicitud).' })
  @ApiOkResponse({ type: DiagramDto })
  @ApiProblems(404, 422)
  diagram(@Param('procedure') procedure: string, @Query() query: DiagramQueryDto): DiagramDto {
    if (!(PROCEDURES as readonly string[]).includes(procedure)) {
      throw new NotFoundError(`No existe el procedimiento «${procedure}»; use uno de: ${PROCEDURES.join(', ')}.`, 'procedure');
    }
    const name = procedure as ProcedureName;
    const version = query.version ?? LATEST_CHART_VERSION[name];
    const machine = CHARTS[name][version];
    if (!machine) throw new NotFoundError(`El procedimiento ${name} no tiene versión ${version}.`, 'version');
    return { procedure: name, version, mermaid: mermaid(machine), states: diagramStates(machine) };
  }
}
