import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../http/auth.decorators';
import { pageOptions } from '../http/pagination';
import { SecurityEventPageDto, SecurityEventQueryDto } from './auth.dto';
import { SecurityEvents } from './security-events';

@ApiTags('cuentas')
@Controller('security')
@Roles('ADMIN')
export class SecurityEventsController {
  constructor(private readonly events: SecurityEvents) {}

  @Get('events')
  @ApiOperation({
    summary:
      'La bitácora de seguridad (solo se anexa): inicios de sesión y sus fallos, bloqueos, cierres globales, cuentas deshabilitadas y habilitadas, cambios de contraseña y de rol. Lo más reciente primero.',
  })
  @ApiOkResponse({ type: SecurityEventPageDto })
  list(@Query() query: SecurityEventQueryDto): Promise<SecurityEventPageDto> {
    const { limit, offset } = pageOptions(query);
    return this.events.list(query, limit, offset, query.page, query.pageSize);
  }
}
