import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../http/auth.decorators';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdParam } from '../http/params';
import {
  CreateCycleDto,
  CycleDto,
  CycleListDto,
  HologramConfirmationDto,
  HologramConfirmationResultDto,
  OpenCycleResultDto,
  SetTariffDto,
  TariffHistoryDto,
} from './cycles.dto';
import { CyclesService } from './cycles.service';

@ApiTags('catálogo')
@Controller()
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get('cycles')
  @AnyRole()
  @ApiOperation({ summary: 'Ciclos escolares, el vigente marcado, con su tarifa de reposición y su holograma.' })
  @ApiOkResponse({ type: CycleListDto })
  list(): Promise<CycleListDto> {
    return this.cycles.list();
  }

  @Post('cycles')
  @Roles('ADMIN')
  @Idempotent()
  @ApiOperation({ summary: 'Crea el siguiente ciclo escolar (todavía no vigente).' })
  @ApiCreatedResponse({ type: CycleDto })
  @ApiProblems(409, 422)
  create(@Body() dto: CreateCycleDto): Promise<CycleDto> {
    return this.cycles.create(dto);
  }

  @Post('cycles/:code/open')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Abre el ciclo: pasa a ser el vigente y el anterior se cierra.',
    description:
      'Los alumnos con credencial expedida pasan a «continúa» (su credencial sigue valiendo con el holograma del nuevo ciclo); ' +
      'solicitudes y tiradas usan desde ese momento el holograma del nuevo ciclo. Abrir el ciclo vigente no cambia nada.',
  })
  @ApiOkResponse({ type: OpenCycleResultDto })
  @ApiProblems(404, 409)
  open(@Param('code') code: string): Promise<OpenCycleResultDto> {
    return this.cycles.open(code);
  }

  @Get('cycles/:code/tariffs')
  @AnyRole()
  @ApiOperation({ summary: 'Tarifa de reposición del ciclo (R5) y su historial.' })
  @ApiOkResponse({ type: TariffHistoryDto })
  @ApiProblems(404)
  tariffs(@Param('code') code: string): Promise<TariffHistoryDto> {
    return this.cycles.tariffs(code);
  }

  @Post('cycles/:code/tariffs')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Cambia la tarifa de reposición del ciclo desde ahora (queda en el historial).' })
  @ApiOkResponse({ type: TariffHistoryDto })
  @ApiProblems(404, 422)
  setTariff(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: SetTariffDto): Promise<TariffHistoryDto> {
    return this.cycles.setTariff(actor, code, dto);
  }

  @Post('schools/:id/holograms')
  @HttpCode(200)
  @Roles('ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN')
  @ApiOperation({ summary: 'La escuela confirma que colocó el holograma del ciclo vigente a estos alumnos (uno por alumno y ciclo).' })
  @ApiOkResponse({ type: HologramConfirmationResultDto })
  @ApiProblems(404, 409, 422)
  confirmHolograms(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: HologramConfirmationDto): Promise<HologramConfirmationResultDto> {
    return this.cycles.confirmHolograms(actor, id, dto.alumnos);
  }
}
