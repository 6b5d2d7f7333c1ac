import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../http/auth.decorators';
import { Idempotency, IdempotencyContext, Idempotent } from '../http/idempotency.interceptor';
import { IdParam } from '../http/params';
import { DecisionDto, DecisionResultDto } from '../requests';
import { OpenedSupportTicketDto, OpenSupportTicketDto, SupportTicketDetailDto, SupportTicketPageDto, SupportTicketQueryDto } from './support-tickets.dto';
import { SupportTicketsHttpService } from './support-tickets-http.service';

/** Who opens a ticket: the school; DRSE Control Escolar / Planeación for a school without internet; Control Escolar also for its DRSE. */
const OPENERS: Role[] = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'DRSE_PLANEACION'];

@ApiTags('soporte')
@Controller('support-tickets')
export class SupportTicketsController {
  constructor(private readonly tickets: SupportTicketsHttpService) {}

  @Post()
  @Roles(...OPENERS)
  @Idempotent()
  @ApiOperation({
    summary:
      'Abre un ticket de soporte (EQUIPO, SISTEMA o DUDA): lo atiende Tecnologías de la DRSE (que puede derivarlo a DGTI); una duda de Control Escolar de la DRSE, Control Escolar central.',
  })
  @ApiCreatedResponse({ type: OpenedSupportTicketDto })
  @ApiProblems(403, 404, 422, 503)
  open(@CurrentActor() actor: Actor, @Body() dto: OpenSupportTicketDto, @Idempotency() idem: IdempotencyContext): Promise<OpenedSupportTicketDto> {
    return this.tickets.open(actor, dto, idem);
  }

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Tickets de soporte de su ámbito (escuela: los suyos; DRSE: los de su DRSE; roles centrales: todos), del más reciente al más antiguo.' })
  @ApiOkResponse({ type: SupportTicketPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: SupportTicketQueryDto): Promise<SupportTicketPageDto> {
    return this.tickets.list(actor, query);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'Detalle del ticket: descripción, estado, tarea abierta, acciones que usted puede tomar ahora y línea de tiempo.' })
  @ApiOkResponse({ type: SupportTicketDetailDto })
  @ApiProblems(404, 422)
  detail(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SupportTicketDetailDto> {
    return this.tickets.detail(actor, id);
  }

  @Post(':id/decisions')
  @AnyRole()
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Decide el paso abierto del ticket (RESOLVE, DERIVE_TO_DGTI, CONFIRM, REOPEN; ver `acciones` del detalle): 409 si no procede ahora, 403 si su rol no atiende ese paso.',
  })
  @ApiOkResponse({ type: DecisionResultDto })
  @ApiProblems(403, 404, 409, 422, 503)
  decide(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: DecisionDto, @Idempotency() idem: IdempotencyContext): Promise<DecisionResultDto> {
    return this.tickets.decide(actor, id, dto, idem);
  }
}
