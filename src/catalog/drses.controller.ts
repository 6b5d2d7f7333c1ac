import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, Roles } from '../http/auth.decorators';
import { Idempotent } from '../http/idempotency.interceptor';
import { CreateDrseDto, DrseDto, DrseListDto, UpdateDrseDto } from './drses.dto';
import { DrsesService } from './drses.service';

@ApiTags('catálogo')
@Controller('drses')
export class DrsesController {
  constructor(private readonly drses: DrsesService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'DRSE y Sub-DRSE, con la DRSE a la que pertenece cada Sub-DRSE.' })
  @ApiOkResponse({ type: DrseListDto })
  list(): Promise<DrseListDto> {
    return this.drses.list();
  }

  @Post()
  @Roles('ADMIN')
  @Idempotent()
  @ApiOperation({ summary: 'Da de alta una Sub-DRSE (con la DRSE a la que pertenece) o una DRSE.' })
  @ApiCreatedResponse({ type: DrseDto })
  @ApiProblems(404, 409, 422)
  create(@Body() dto: CreateDrseDto): Promise<DrseDto> {
    return this.drses.create(dto);
  }

  @Patch(':code')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Cambia el nombre o la sede de una DRSE o Sub-DRSE.' })
  @ApiOkResponse({ type: DrseDto })
  @ApiProblems(404, 422)
  update(@Param('code') code: string, @Body() dto: UpdateDrseDto): Promise<DrseDto> {
    return this.drses.update(code, dto);
  }
}
