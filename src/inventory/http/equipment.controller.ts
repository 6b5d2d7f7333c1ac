import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { IdParam } from '../../http/params';
import {
  EquipmentDto,
  EquipmentPageDto,
  EquipmentQueryDto,
  FailureQueryDto,
  FailureReportDto,
  FailureReportPageDto,
  RegisterEquipmentDto,
  ReportFailureDto,
  ResolveFailureDto,
} from './equipment.dto';
import { EquipmentHttpService } from './equipment-http.service';

/** Who registers kit equipment: the DRSE's IT office (its DRSE and its schools), central, the administrator. */
export const EQUIPMENT_REGISTRARS: Role[] = ['DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];
/** Who reports a failure: whoever uses the equipment (school on site, DRSE Control Escolar and IT, central). */
export const FAILURE_REPORTERS: Role[] = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];
/** Who reads the failure inbox: the DRSE's IT office (routed to its DRSE), central (all). */
export const FAILURE_READERS: Role[] = ['DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'];
/** Who attends a failure (R10): the DRSE's IT office, DGTI (and central Control Escolar, as before DGTI had its role), the administrator. */
export const FAILURE_RESOLVERS: Role[] = ['DRSE_TECNOLOGIAS', 'CONTROL_ESCOLAR_CENTRAL', 'DGTI', 'ADMIN'];

@ApiTags('equipo')
@Controller('equipment')
export class EquipmentController {
  constructor(private readonly equipment: EquipmentHttpService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Impresoras y enmicadoras de los almacenes de su ámbito (o de uno, con `holderId`).' })
  @ApiOkResponse({ type: EquipmentPageDto })
  @ApiProblems(404, 422)
  list(@CurrentActor() actor: Actor, @Query() query: EquipmentQueryDto): Promise<EquipmentPageDto> {
    return this.equipment.list(actor, query);
  }

  @Post()
  @Roles(...EQUIPMENT_REGISTRARS)
  @Idempotent()
  @ApiOperation({ summary: 'Registra una impresora o enmicadora del kit (R6) con su número de serie.' })
  @ApiCreatedResponse({ type: EquipmentDto })
  @ApiProblems(404, 409, 422)
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterEquipmentDto, @Headers('idempotency-key') key?: string): Promise<EquipmentDto> {
    return this.equipment.register(actor, dto, key);
  }

  @Get('failures')
  @Roles(...FAILURE_READERS)
  @ApiOperation({ summary: 'Reportes de falla: Tecnologías ve los turnados a su DRSE; los roles centrales, todos.' })
  @ApiOkResponse({ type: FailureReportPageDto })
  @ApiProblems(422)
  failures(@CurrentActor() actor: Actor, @Query() query: FailureQueryDto): Promise<FailureReportPageDto> {
    return this.equipment.failures(actor, query);
  }

  @Post('failures/:id/resolve')
  @HttpCode(200)
  @Roles(...FAILURE_RESOLVERS)
  @Idempotent()
  @ApiOperation({ summary: 'Cierra un reporte de falla con la solución; el equipo vuelve a estar operativo.' })
  @ApiOkResponse({ type: FailureReportDto })
  @ApiProblems(404, 409, 422)
  resolve(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ResolveFailureDto, @Headers('idempotency-key') key?: string): Promise<FailureReportDto> {
    return this.equipment.resolveFailure(actor, id, dto.resolution, key);
  }

  @Post(':id/failures')
  @Roles(...FAILURE_REPORTERS)
  @Idempotent()
  @ApiOperation({ summary: 'R10: reporta una falla del equipo; se turna a la Oficina de Tecnologías de la DRSE del almacén (central: DGTI) y abre un ticket de soporte EQUIPO (`ticketId`).' })
  @ApiCreatedResponse({ type: FailureReportDto })
  @ApiProblems(404, 409, 422)
  reportFailure(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ReportFailureDto, @Headers('idempotency-key') key?: string): Promise<FailureReportDto> {
    return this.equipment.reportFailure(actor, id, dto.description, key);
  }
}
