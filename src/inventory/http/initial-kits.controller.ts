import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { CurrentActor, Roles } from '../../http/auth.decorators';
import { InitialKitsService } from '../initial-kits.service';
import { ApplyInitialKitsDto, InitialKitsQueryDto, KitApplyResultDto, KitPlanDto } from './initial-kits.dto';

@ApiTags('inventario')
@Controller('inventory/initial-kits')
export class InitialKitsController {
  constructor(private readonly kits: InitialKitsService) {}

  @Get()
  @Roles('RECURSOS_MATERIALES', 'ADMIN')
  @ApiOperation({
    summary: 'Vista previa de los kits iniciales (R6) del ciclo: cada escuela que imprime en sitio y cada DRSE por sus escuelas asignadas por R1.',
    description: 'Sólo lee. Cada kit dice si ya está registrado en el almacén de su destinatario.',
  })
  @ApiOkResponse({ type: KitPlanDto })
  @ApiProblems(409, 422)
  preview(@Query() query: InitialKitsQueryDto): Promise<KitPlanDto> {
    return this.kits.plan(query.ciclo);
  }

  @Post()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Registra como recepción cada kit inicial del ciclo que falta; aplicarlo otra vez no registra nada nuevo.',
    description: 'Impresoras y enmicadoras se registran aparte, con su número de serie (POST /equipment).',
  })
  @ApiOkResponse({ type: KitApplyResultDto })
  @ApiProblems(409, 422)
  apply(@CurrentActor() actor: Actor, @Body() dto: ApplyInitialKitsDto): Promise<KitApplyResultDto> {
    return this.kits.apply(actor, dto.ciclo);
  }
}
