import { Body, Controller, Get, Headers, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../../http/auth.decorators';
import { Idempotent } from '../../http/idempotency.interceptor';
import { IdParam } from '../../http/params';
import type { JustificationReport } from '../justification.service';
import {
  AdjustmentDto,
  AdjustmentResultDto,
  BalancesDto,
  HolderPageDto,
  HolderQueryDto,
  JustificationQueryDto,
  JustificationReportDto,
  LedgerPageDto,
  LedgerQueryDto,
  MovementDto,
  ReceiptDto,
  SetThresholdsDto,
} from './holders.dto';
import { HoldersHttpService } from './holders-http.service';

/** Who sets low-stock thresholds: the DRSE's IT office (its DRSE's holders), the administrator. */
export const THRESHOLD_EDITORS: Role[] = ['DRSE_TECNOLOGIAS', 'ADMIN'];
/** Who records material arriving from outside (suppliers): central warehouse staff, the administrator. */
export const RECEIVERS: Role[] = ['RECURSOS_MATERIALES', 'ADMIN'];
/** Who corrects stock after a physical count: whoever holds it (school on site, DRSE IT, central), the administrator. */
export const ADJUSTERS: Role[] = ['ESCUELA', 'DRSE_TECNOLOGIAS', 'RECURSOS_MATERIALES', 'ADMIN'];

@ApiTags('inventario')
@Controller('inventory/holders')
export class HoldersController {
  constructor(private readonly holders: HoldersHttpService) {}

  @Get()
  @AnyRole()
  @ApiOperation({
    summary: 'Almacenes de su ámbito: el central (roles estatales), el de cada DRSE, el de cada escuela que imprime en sitio.',
    description: 'El almacén propio del usuario y el nombrado por `drseCode` o `schoolId` se crean al primer uso.',
  })
  @ApiOkResponse({ type: HolderPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: HolderQueryDto): Promise<HolderPageDto> {
    return this.holders.list(actor, query);
  }

  @Get(':id/balances')
  @AnyRole()
  @ApiOperation({ summary: 'Existencias por artículo (en mano, reservado, disponible) con la marca de existencia baja y la cantidad sugerida.' })
  @ApiOkResponse({ type: BalancesDto })
  @ApiProblems(404, 422)
  balances(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<BalancesDto> {
    return this.holders.balances(actor, id);
  }

  @Get(':id/ledger')
  @AnyRole()
  @ApiOperation({ summary: 'Movimientos del libro de existencias del almacén, del más reciente al más antiguo; filtros por artículo y tipo.' })
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiProblems(404, 422)
  ledger(@CurrentActor() actor: Actor, @IdParam() id: number, @Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    return this.holders.ledger(actor, id, query);
  }

  @Get(':id/justification')
  @AnyRole()
  @ApiOperation({
    summary: 'R6: justificación del uso del material en un ciclo (recibido, consumido, merma por motivo, existencia) con los tirajes detrás.',
  })
  @ApiOkResponse({ type: JustificationReportDto })
  @ApiProblems(404, 422)
  justification(@CurrentActor() actor: Actor, @IdParam() id: number, @Query() query: JustificationQueryDto): Promise<JustificationReport> {
    return this.holders.justificationReport(actor, id, query);
  }

  @Put(':id/thresholds')
  @Roles(...THRESHOLD_EDITORS)
  @ApiOperation({ summary: 'Fija los umbrales de existencia baja (mínimo y objetivo) de uno o varios artículos; el último valor gana.' })
  @ApiOkResponse({ type: BalancesDto })
  @ApiProblems(404, 422)
  setThresholds(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: SetThresholdsDto): Promise<BalancesDto> {
    return this.holders.setThresholds(actor, id, dto);
  }

  @Post(':id/receipts')
  @Roles(...RECEIVERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Registra material recibido de fuera (proveedor, kit inicial), en paquetes completos.',
    description: 'Recursos Materiales, solo en el almacén central (403 en otro); el administrador, en cualquiera.',
  })
  @ApiCreatedResponse({ type: MovementDto })
  @ApiProblems(404, 422)
  receive(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ReceiptDto, @Headers('idempotency-key') key?: string): Promise<MovementDto> {
    return this.holders.receive(actor, id, dto, key);
  }

  @Post(':id/adjustments')
  @Roles(...ADJUSTERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Ajusta la existencia tras un conteo físico; el motivo es obligatorio y el disponible nunca queda negativo.',
    description: 'La escuela ajusta el suyo; Tecnologías, los de su DRSE; Recursos Materiales, el central; el administrador, cualquiera.',
  })
  @ApiCreatedResponse({ type: AdjustmentResultDto })
  @ApiProblems(404, 409, 422)
  adjust(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: AdjustmentDto, @Headers('idempotency-key') key?: string): Promise<AdjustmentResultDto> {
    return this.holders.adjust(actor, id, dto, key);
  }
}
