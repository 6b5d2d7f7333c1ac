import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor } from '../http/auth.decorators';
import { InboxCountsDto, InboxEntriesPageDto, InboxEntriesQueryDto } from './inbox.dto';
import { InboxService } from './inbox.service';

/** The inbox of everything a user must act on (GET /inbox keeps listing only workflow tasks). */
@ApiTags('trámites')
@Controller('inbox')
export class InboxEntriesController {
  constructor(private readonly inbox: InboxService) {}

  @Get('items')
  @AnyRole()
  @ApiOperation({
    summary:
      'Todo lo que espera a su rol en su ámbito: tareas de trámites (incidentes primero), tickets de abastecimiento por revisar o surtir, envíos por recibir y acuses firmados por subir; vencidas primero, luego por vencimiento y antigüedad.',
  })
  @ApiOkResponse({ type: InboxEntriesPageDto })
  @ApiProblems(422)
  items(@CurrentActor() actor: Actor, @Query() query: InboxEntriesQueryDto): Promise<InboxEntriesPageDto> {
    return this.inbox.entries(actor, query);
  }

  @Get('counts')
  @AnyRole()
  @ApiOperation({ summary: 'Cuántos pendientes tiene, por tipo (para el menú).' })
  @ApiOkResponse({ type: InboxCountsDto })
  counts(@CurrentActor() actor: Actor): Promise<InboxCountsDto> {
    return this.inbox.counts(actor);
  }
}
