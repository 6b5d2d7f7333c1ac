import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { IdParam } from '../../http/params';
import {
  ApproveSupplyTicketDto,
  OpenSupplyTicketDto,
  ReasonDto,
  ShipmentReceiptDto,
  ReceiptResultDto,
  ShipDto,
  ShipmentResultDto,
  SupplyTicketDetailDto,
  SupplyTicketDto,
  SupplyTicketPageDto,
  SupplyTicketQueryDto,
} from './supply-tickets.dto';
import { SupplyTicketsHttpService } from './supply-tickets-http.service';

/** Who reads tickets: the DRSE's offices (their DRSE's) and central roles (all). */
export const TICKET_READERS: Role[] = ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** Who opens one: the DRSE's IT office (for its DRSE), the administrator (for any). */
export const TICKET_OPENERS: Role[] = ['DRSE_TECNOLOGIAS', 'ADMIN'];
/** Who reviews, approves, rejects and ships: central Recursos Materiales, the administrator. */
export const TICKET_FULFILLERS: Role[] = ['RECURSOS_MATERIALES', 'ADMIN'];
/** Who cancels before shipping: the DRSE's IT office (its own), central. */
export const TICKET_CANCELLERS: Role[] = ['DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];
/** Who confirms a shipment arrived: the DRSE's IT office of the ticket's DRSE, the administrator. */
export const TICKET_RECEIVERS: Role[] = ['DRSE_TECNOLOGIAS', 'ADMIN'];

@ApiTags('abastecimiento')
@Controller('supply-tickets')
export class SupplyTicketsController {
  constructor(private readonly tickets: SupplyTicketsHttpService) {}

  @Post()
  @Roles(...TICKET_OPENERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Abre un ticket de abastecimiento de una DRSE: artículos, cantidades y justificación; el reporte de consumo (R6) se adjunta solo.',
  })
  @ApiCreatedResponse({ type: SupplyTicketDetailDto })
  @ApiProblems(404, 422)
  open(@CurrentActor() actor: Actor, @Body() dto: OpenSupplyTicketDto, @Headers('idempotency-key') key?: string): Promise<SupplyTicketDetailDto> {
    return this.tickets.open(actor, dto, key);
  }

  @Get()
  @Roles(...TICKET_READERS)
  @ApiOperation({ summary: 'Tickets de su ámbito (una DRSE, los suyos; central, todos), del más reciente al más antiguo.' })
  @ApiOkResponse({ type: SupplyTicketPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: SupplyTicketQueryDto): Promise<SupplyTicketPageDto> {
    return this.tickets.list(actor, query);
  }

  @Get(':id')
  @Roles(...TICKET_READERS)
  @ApiOperation({ summary: 'Un ticket: renglones (pedido, aprobado, enviado, recibido, pendiente), envíos y el reporte de consumo adjunto.' })
  @ApiOkResponse({ type: SupplyTicketDetailDto })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SupplyTicketDetailDto> {
    return this.tickets.get(actor, id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles(...TICKET_FULFILLERS)
  @Idempotent()
  @ApiOperation({ summary: 'Recursos Materiales toma el ticket para revisión (OPEN → UNDER_REVIEW).' })
  @ApiOkResponse({ type: SupplyTicketDto })
  @ApiProblems(404, 409, 422)
  review(@CurrentActor() actor: Actor, @IdParam() id: number, @Headers('idempotency-key') key?: string): Promise<SupplyTicketDto> {
    return this.tickets.review(actor, id, key);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...TICKET_FULFILLERS)
  @Idempotent()
  @ApiOperation({ summary: 'Aprueba el ticket, quizá con cantidades reducidas (cada una ≤ la pedida).' })
  @ApiOkResponse({ type: SupplyTicketDto })
  @ApiProblems(404, 409, 422)
  approve(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ApproveSupplyTicketDto, @Headers('idempotency-key') key?: string): Promise<SupplyTicketDto> {
    return this.tickets.approve(actor, id, dto, key);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...TICKET_FULFILLERS)
  @Idempotent()
  @ApiOperation({ summary: 'Rechaza el ticket en revisión, con el motivo.' })
  @ApiOkResponse({ type: SupplyTicketDto })
  @ApiProblems(404, 409, 422)
  reject(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ReasonDto, @Headers('idempotency-key') key?: string): Promise<SupplyTicketDto> {
    return this.tickets.reject(actor, id, dto.reason, key);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...TICKET_CANCELLERS)
  @Idempotent()
  @ApiOperation({ summary: 'Cancela el ticket antes de cualquier envío (OPEN, UNDER_REVIEW o APPROVED), con el motivo.' })
  @ApiOkResponse({ type: SupplyTicketDto })
  @ApiProblems(404, 409, 422)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ReasonDto, @Headers('idempotency-key') key?: string): Promise<SupplyTicketDto> {
    return this.tickets.cancel(actor, id, dto.reason, key);
  }

  @Post(':id/shipments')
  @Roles(...TICKET_FULFILLERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Registra un envío (parcial o total) del ticket aprobado; el material queda reservado en el almacén central hasta que la DRSE confirma.',
  })
  @ApiCreatedResponse({ type: ShipmentResultDto })
  @ApiProblems(404, 409, 422)
  ship(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ShipDto, @Headers('idempotency-key') key?: string): Promise<ShipmentResultDto> {
    return this.tickets.ship(actor, id, dto, key);
  }

  @Post(':id/shipments/:shipmentId/receipt')
  @HttpCode(200)
  @Roles(...TICKET_RECEIVERS)
  @Idempotent()
  @ApiOperation({
    summary: 'La DRSE confirma lo que llegó del envío (por artículo, con nota): su existencia crece en eso y se genera el acuse de recibido.',
    description:
      'Sin cuerpo, llegó todo lo enviado. Lo que no llegó es el faltante del envío: se da de baja en el almacén central (merma «extravío en tránsito») y vuelve a lo pendiente del ticket para enviarse de nuevo. ' +
      'Confirmar de nuevo el mismo envío con lo mismo devuelve el mismo resultado; con otras cantidades, 409.',
  })
  @ApiOkResponse({ type: ReceiptResultDto })
  @ApiProblems(404, 409, 422)
  confirmReceipt(@CurrentActor() actor: Actor, @IdParam() id: number, @IdParam('shipmentId') shipmentId: number, @Body() dto: ShipmentReceiptDto): Promise<ReceiptResultDto> {
    return this.tickets.confirmReceipt(actor, id, shipmentId, dto?.lines);
  }
}
