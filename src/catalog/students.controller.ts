import { Body, Controller, Get, HttpCode, Post, Put, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, type Role, SCHOOL_WORKERS } from '../access';
import { ApiProblems } from '../http/api-docs.decorators';
import { CurrentActor, Roles } from '../http/auth.decorators';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdParam } from '../http/params';
import { FileUpload } from '../uploads/file-upload.decorator';
import { displayName, type UploadedFile as Upload } from '../uploads/upload-validation';
import {
  BatchQueryDto,
  CreateStudentDto,
  ImportQueryDto,
  ImportReportDto,
  OptOutDto,
  OptOutReversalDto,
  PhotoZipReportDto,
  StudentDto,
  StudentPageDto,
  StudentQueryDto,
} from './catalog.dto';
import { StudentsService } from './students.service';
import { Expensive } from '../security/rate-limit';

/** Who sees minors' data: the school, its DRSE's Planeación and Control Escolar, central Control Escolar. */
export const STUDENT_READERS: Role[] = ['ESCUELA', 'DRSE_PLANEACION', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];
/** Who changes them: the school (its own students), its DRSE for a school without internet, central (assertSchoolWork). */
export const STUDENT_EDITORS: Role[] = SCHOOL_WORKERS;

@ApiTags('catálogo')
@Controller('students')
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @Get()
  @Roles(...STUDENT_READERS)
  @ApiOperation({ summary: 'Alumnos de su ámbito, con filtros y paginación.' })
  @ApiOkResponse({ type: StudentPageDto })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: StudentQueryDto): Promise<StudentPageDto> {
    return this.students.list(actor, query);
  }

  @Get(':id')
  @Roles(...STUDENT_READERS)
  @ApiOperation({ summary: 'Un alumno.' })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<StudentDto> {
    return this.students.get(actor, id);
  }

  @Post()
  @Roles(...STUDENT_EDITORS)
  @Idempotent()
  @ApiOperation({ summary: 'Registra un alumno (una ESCUELA, en su escuela; Control Escolar central, en cualquiera).' })
  @ApiCreatedResponse({ type: StudentDto })
  @ApiProblems(404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStudentDto): Promise<StudentDto> {
    return this.students.create(actor, dto);
  }

  @Post('import')
  @Expensive()
  @HttpCode(200)
  @Roles(...STUDENT_EDITORS)
  @Idempotent()
  @FileUpload('archivo', 'csv')
  @ApiOperation({
    summary: 'Importa alumnos de un CSV estilo SCEJAL (CURP, NOMBRES, PRIMER_APELLIDO, SEGUNDO_APELLIDO, PRIMER_INGRESO[, CCT, TURNO]).',
    description:
      'Reporta cada línea rechazada y por qué. Si alguna línea está mal no se importa nada (422), salvo con `?parcial=true`. ' +
      'Una CURP ya registrada en la misma escuela se actualiza.',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiProblems(404, 422)
  importCsv(@CurrentActor() actor: Actor, @UploadedFile() file: Upload, @Query() query: ImportQueryDto): Promise<ImportReportDto> {
    return this.students.importCsv(actor, file.buffer, query);
  }

  @Post('photos.zip')
  @Expensive()
  @HttpCode(200)
  @Roles(...STUDENT_EDITORS)
  @Idempotent()
  @FileUpload('archivo', 'zip')
  @ApiOperation({
    summary: 'Carga fotografías de un ZIP con archivos <CURP>.jpg|.png en la raíz.',
    description:
      'Se rechazan entradas con carpetas o «..», contenido que no es JPEG/PNG, CURP desconocida o fuera de su ámbito. ' +
      'Si alguna falla no se carga ninguna (422), salvo con `?parcial=true`.',
  })
  @ApiOkResponse({ type: PhotoZipReportDto })
  @ApiProblems(422)
  importPhotos(@CurrentActor() actor: Actor, @UploadedFile() file: Upload, @Query() query: BatchQueryDto): Promise<PhotoZipReportDto> {
    return this.students.importPhotoZip(actor, file.buffer, query);
  }

  @Put(':id/photo')
  @Roles(...STUDENT_EDITORS)
  @FileUpload('foto', 'photo')
  @ApiOperation({
    summary: 'Carga o reemplaza la fotografía de un alumno (JPEG o PNG; R8).',
    description: 'Se guarda una copia normalizada: orientada, recortada a 240 × 300 px (el recuadro de la credencial a 300 ppp), JPEG sin metadatos (sin ubicación GPS, equipo ni fecha).',
  })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(404)
  setPhoto(@CurrentActor() actor: Actor, @IdParam() id: number, @UploadedFile() file: Upload): Promise<StudentDto> {
    return this.students.setPhoto(actor, id, file.buffer, displayName(file.originalname));
  }

  @Get(':id/photo')
  @Roles(...STUDENT_READERS)
  @ApiOperation({ summary: 'La fotografía del alumno.' })
  @ApiProduces('image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'La imagen.', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(404, 422)
  async photo(@CurrentActor() actor: Actor, @IdParam() id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { data, mediaType } = await this.students.photo(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(data, { type: mediaType, length: data.length });
  }

  @Post(':id/opt-out')
  @HttpCode(200)
  @Roles(...STUDENT_EDITORS)
  @Idempotent()
  @ApiOperation({ summary: 'R4: registra que la familia declinó la credencial (no se expedirá). Repetirlo no cambia nada.' })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(404, 422)
  optOut(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: OptOutDto): Promise<StudentDto> {
    return this.students.optOut(actor, id, dto.reason);
  }

  @Post(':id/opt-out/reversal')
  @HttpCode(200)
  @Roles(...STUDENT_EDITORS)
  @Idempotent()
  @ApiOperation({
    summary: 'R4: revierte la declinación cuando la familia pide después la credencial; el alumno vuelve a ser elegible. Queda en la bitácora de la escuela.',
    description:
      'La escuela, para sus alumnos; Control Escolar o Planeación de la DRSE, en nombre de una escuela de su ámbito sin internet (403 si la escuela tiene internet); central. Si el alumno no había declinado → 409.',
  })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(404, 409, 422)
  reverseOptOut(@CurrentActor() actor: Actor, @IdParam() id: number, @Body() dto: OptOutReversalDto): Promise<StudentDto> {
    return this.students.reverseOptOut(actor, id, dto.reason);
  }
}
