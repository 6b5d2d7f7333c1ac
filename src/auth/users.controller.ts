import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-docs.decorators';
import { CurrentActor, Roles } from '../http/auth.decorators';
import { pageOptions, PageQueryDto } from '../http/pagination';
import type { Actor } from '../access';
import { AccountsService } from './accounts.service';
import { UserDto, UserPageDto } from './auth.dto';
import { originOf } from './security-events';

@ApiTags('cuentas')
@Controller('users')
@Roles('ADMIN')
export class UsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Las cuentas: rol, ámbito, si está habilitada, sesiones abiertas y último uso.' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: PageQueryDto): Promise<UserPageDto> {
    const { limit, offset } = pageOptions(query);
    return this.accounts.list(limit, offset, query.page, query.pageSize);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deshabilita una cuenta: no puede iniciar sesión y sus sesiones abiertas terminan de inmediato.' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(404, 422)
  disable(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request): Promise<UserDto> {
    return this.accounts.setActive(actor, id, false, originOf(req));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vuelve a habilitar una cuenta deshabilitada.' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(404)
  enable(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request): Promise<UserDto> {
    return this.accounts.setActive(actor, id, true, originOf(req));
  }
}
