import { Body, Controller, Get, HttpCode, Patch, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { AnyRole, CurrentActor, Roles } from '../http/auth.decorators';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdParam } from '../http/params';
import { FileUpload } from '../uploads/file-upload.decorator';
import type { UploadedFile as Upload } from '../uploads/upload-validation';
import { SchoolDto, SchoolPageDto, SchoolQueryDto } from './catalog.dto';
import { SchoolChangeListDto, SchoolEditResultDto, SchoolWorkLogDto, SchoolImportJsonDto, SchoolImportQueryDto, SchoolImportReportDto, UpdateSchoolDto } from './school-admin.dto';
import { SchoolAdminService } from './school-admin.service';
import { SchoolsService } from './schools.service';
import { Expensive } from '../security/rate-limit';

/** Who loads SCEJAL school exports: central roles. */
const SCHOOL_IMPORTERS: Role[] = ['ADMIN', 'CONTROL_ESCOLAR_CENTRAL'];
/** Who edits a school: central roles statewide; a DRSE's Control Escolar its own schools' matrícula and internet. */
const SCHOOL_EDITORS: Role[] = ['ADMIN', 'CONTROL_ESCOLAR_CENTRAL', 'DRSE_CONTROL_ESCOLAR'];
/** Who reads a school's work log (it names students by id): the readers of minors' data. */
const WORK_LOG_READERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

@ApiTags('catálogo')
@Controller('schools')
export class SchoolsController {
  constructor(
    private readonly schools: SchoolsService,
    private readonly admin: SchoolAdminService,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Escuelas de su ámbito (la suya, las de su DRSE o todas), con filtros y paginación.' })
  @ApiOkResponse({ type: SchoolPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: SchoolQueryDto): Promise<SchoolPageDto> {
    return this.schools.list(actor, query);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'Una escuela, con su ruta de impresión (R1) y el motivo.' })
  @ApiOkResponse({ type: SchoolDto })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SchoolDto> {
    return this.schools.get(actor, id);
  }

  @Post('import')
  @Expensive()
  @HttpCode(200)
  @Roles(...SCHOOL_IMPORTERS)
  @Idempotent()
  @FileUpload('archivo', 'csv')
  @ApiOperation({
    summary: 'Importa escuelas de un CSV de SCEJAL (CCT, TURNO, NIVEL, NOMBRE, DOMICILIO, TELEFONO, MUNICIPIO, DRSE, MATRICULA, INTERNET, SOSTENIMIENTO).',
    description:
      'Alta o actualización por CCT + turno; cada cambio queda auditado y recalcula R1. Con `?simular=true` sólo informa qué se crearía, ' +
      'cambiaría (anterior → nuevo) o rechazaría y qué escuelas cambiarían de ruta de impresión. Escuelas particulares se rechazan. ' +
      'Si algún renglón está mal no se importa nada (422), salvo con `?parcial=true`.',
  })
  @ApiOkResponse({ type: SchoolImportReportDto })
  @ApiProblems(409, 422)
  importCsv(@CurrentActor() actor: Actor, @UploadedFile() file: Upload, @Query() query: SchoolImportQueryDto): Promise<SchoolImportReportDto> {
    return this.admin.importCsv(actor, file.buffer, query);
  }

  @Post('import.json')
  @Expensive()
  @HttpCode(200)
  @Roles(...SCHOOL_IMPORTERS)
  @Idempotent()
  @ApiOperation({ summary: 'Importa escuelas dadas como renglones JSON (los mismos campos y reglas que el CSV).' })
  @ApiOkResponse({ type: SchoolImportReportDto })
  @ApiProblems(409, 422)
  importJson(@CurrentActor() actor: Actor, @Body() dto: SchoolImportJsonDto, @Query() query: SchoolImportQueryDto): Promise<SchoolImportReportDto> {
    return this.admin.importJson(actor, dto.escuelas, query);
  }

  @Patch(':id')
  @Roles(...SCHOOL_EDITORS)
  @ApiOperation({
    summary: 'Cambia datos de una escuela (matrícula, internet, domicilio, teléfono, DRSE); auditado, recalcula R1.',
    description: 'Las solicitudes en curso conservan la ruta con la que iniciaron; la respuesta las lista.',
  })
  @ApiOkResponse({ type: SchoolEditResultDto })
  @ApiProblems(403, 404, 422)
  edit(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: UpdateSchoolDto): Promise<SchoolEditResultDto> {
    return this.admin.edit(actor, id, dto);
  }

  @Get(':id/changes')
  @AnyRole()
  @ApiOperation({ summary: 'Historial de cambios de la escuela: quién, cuándo, dato, anterior → nuevo.' })
  @ApiOkResponse({ type: SchoolChangeListDto })
  @ApiProblems(404, 422)
  changes(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SchoolChangeListDto> {
    return this.admin.changes(actor, id);
  }

  @Get(':id/work-log')
  @Roles(...WORK_LOG_READERS)
  @ApiOperation({
    summary: 'Bitácora del trabajo de la escuela: alumnos, fotografías, declinaciones, oficios, reposiciones y reportes; quién lo hizo y si fue la DRSE en nombre de la escuela (sin internet).',
  })
  @ApiOkResponse({ type: SchoolWorkLogDto })
  @ApiProblems(404, 422)
  workLog(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SchoolWorkLogDto> {
    return this.admin.workLog(actor, id);
  }
}
