import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../auth/actor';
import { ApiProblems } from '../http/api-docs.decorators';
import { CurrentActor, Roles } from '../http/auth.decorators';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdParam } from '../http/params';
import { ComplaintDto, ComplaintPageDto, ComplaintQueryDto, CreateComplaintDto, ResolveComplaintDto } from './catalog.dto';
import { ComplaintsService } from './complaints.service';

/** Who records a refusal complaint: the school itself, its DRSE's Planeación or Control Escolar, central. */
export const COMPLAINT_FILERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** Who attends it: the DRSE it was routed to, or central. */
export const COMPLAINT_RESOLVERS: Role[] = ['DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

@ApiTags('quejas (R4)')
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Roles(...COMPLAINT_FILERS)
  @Idempotent()
  @ApiOperation({ summary: 'R4: una familia pidió la credencial y el director se negó. La queja se turna a la DRSE de la escuela.' })
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
  @ApiOperation({ summary: 'Marca la queja como atendida, con la resolución.' })
  @ApiOkResponse({ type: ComplaintDto })
  @ApiProblems(404, 409, 422)
  resolve(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: ResolveComplaintDto): Promise<ComplaintDto> {
    return this.complaints.resolve(actor, id, dto.resolution);
  }
}
