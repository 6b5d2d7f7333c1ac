import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../http/auth.decorators';
import { OfficeContactsDto, SetSupportContactsDto, SupportContactsDto } from './support-contacts.dto';
import { SupportContactsService } from './support-contacts.service';

@ApiTags('soporte')
@Controller('support/contacts')
export class SupportContactsController {
  constructor(private readonly contacts: SupportContactsService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'A quién pedir ayuda: áreas, teléfonos institucionales y buzones de su DRSE y de las oficinas centrales (sin nombres de personas).' })
  @ApiOkResponse({ type: SupportContactsDto })
  async list(@CurrentActor() actor: Actor): Promise<SupportContactsDto> {
    return { items: await this.contacts.forActor(actor) };
  }

  @Put(':drseCode')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Reemplaza los contactos de una DRSE (o de las oficinas centrales: CENTRAL), en el orden dado.' })
  @ApiOkResponse({ type: OfficeContactsDto })
  @ApiProblems(404, 422)
  set(@CurrentActor() actor: Actor, @Param('drseCode') drseCode: string, @Body() dto: SetSupportContactsDto): Promise<OfficeContactsDto> {
    return this.contacts.set(actor, drseCode, dto);
  }
}
