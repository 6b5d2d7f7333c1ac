import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../access';
import { ApiProblems } from '../../http/api-docs.decorators';
import { AnyRole, CurrentActor } from '../../http/auth.decorators';
import { InboxPageDto, InboxQueryDto } from './requests.dto';
import { RequestQueriesService } from './request-queries.service';

@ApiTags('trámites')
@Controller('inbox')
export class InboxController {
  constructor(private readonly requests: RequestQueriesService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Sus tareas abiertas (su rol, su ámbito): vencidas primero, luego por fecha de vencimiento.' })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiProblems(422)
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<InboxPageDto> {
    return this.requests.inbox(actor, query);
  }
}
