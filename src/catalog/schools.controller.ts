import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor } from '../http/auth.decorators';
import { IdParam } from '../http/params';
import { SchoolDto, SchoolPageDto, SchoolQueryDto } from './catalog.dto';
import { SchoolsService } from './schools.service';

@ApiTags('catálogo')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Escuelas de su ámbito (la suya, las de su DRSE o todas), con filtros y paginación.' })
  @ApiOkResponse({ type: SchoolPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: SchoolQueryDto): Promise<SchoolPageDto> {
    return this.schools.list(actor, query);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'Una escuela, con su ruta de impresión (R1) y el motivo.' })
  @ApiOkResponse({ type: SchoolDto })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SchoolDto> {
    return this.schools.get(actor, id);
  }
}
