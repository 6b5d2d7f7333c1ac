import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { CurrentActor, Roles } from '../http/auth.decorators';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdParam } from '../http/params';
import { ComplaintDto, ComplaintPageDto, ComplaintQueryDto, CreateComplaintDto, ResolveComplaintDto } from './catalog.dto';
import { ComplaintsService } from './complaints.service';
import type { ComplaintOutcome } from './refusal-complaint.entity';

/** Who records a refusal complaint: the school itself, its DRSE's Planeación or Control Escolar, central. */
export const COMPLAINT_FILERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** Who resolves it: the Control Escolar of the DRSE it was routed to, or central. */
export const COMPLAINT_RESOLVERS: Role[] = ['DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

@ApiTags('quejas (R4)')
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Roles(...COMPLAINT_FILERS)
  @Idempotent()
  @ApiOperation({
    summary: 'R4: una familia pidió la credencial y el director se negó. La presenta la escuela o la DRSE en nombre de la familia; se turna a la DRSE de la escuela.',
    description: 'Control Escolar de la DRSE debe atenderla antes de `dueAt` (COMPLAINT_DUE_DAYS días); después aparece como vencida (`overdue`).',
  })
  @ApiCreatedResponse({ type: ComplaintDto })
  @ApiProblems(404, 422)
  file(@CurrentActor() actor: Actor, @Body() dto: CreateComplaintDto): Promise<ComplaintDto> {
    return this.complaints.file(actor, dto);
  }

  @Get()
  @Roles(...COMPLAINT_FILERS)
  @ApiOperation({ summary: 'Quejas de su ámbito: una DRSE ve las turnadas a ella; una escuela, las suyas; los roles centrales, todas.' })
  @ApiOkResponse({ type: ComplaintPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ComplaintQueryDto): Promise<ComplaintPageDto> {
    return this.complaints.list(actor, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...COMPLAINT_RESOLVERS)
  @ApiOperation({
    summary: 'Control Escolar de la DRSE (o central) resuelve la queja: PROCEDE o NO_PROCEDE, con la resolución.',
    description: 'PROCEDE: si la familia había declinado la credencial, la declinación se revierte (queda en la bitácora de la escuela) y el alumno sale en la siguiente corrida. Ya atendida → 409.',
  })
  @ApiOkResponse({ type: ComplaintDto })
  @ApiProblems(404, 409, 422)
  resolve(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ResolveComplaintDto): Promise<ComplaintDto> {
    return this.complaints.resolve(actor, id, dto.resolution, dto.outcome as ComplaintOutcome);
  }
}
