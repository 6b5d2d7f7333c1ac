import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsCct, IsCurp } from '../http/validators';
import { PageQueryDto, queryBoolean } from '../http/pagination';
import { NIVELES, TURNOS } from './identifiers';
import { COMPLAINT_OUTCOMES, COMPLAINT_STATUSES } from './refusal-complaint.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

// ---- schools --------------------------------------------------------------------------------

export class SchoolQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Clave de la DRSE (sólo roles estatales la necesitan).', example: 'VALLES' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  drse?: string;

  @ApiPropertyOptional({ example: '14EPR0123X' })
  @IsOptional()
  @Transform(upper)
  @IsCct()
  cct?: string;

  @ApiPropertyOptional({ enum: TURNOS })
  @IsOptional()
  @Transform(upper)
  @IsIn([...TURNOS])
  turno?: string;

  @ApiPropertyOptional({ enum: NIVELES })
  @IsOptional()
  @Transform(upper)
  @IsIn([...NIVELES])
  nivel?: string;

  @ApiPropertyOptional({ enum: ['DRSE', 'ESCUELA'], description: 'Quién imprime (R1).' })
  @IsOptional()
  @Transform(upper)
  @IsIn(['DRSE', 'ESCUELA'])
  printRoute?: string;

  @ApiPropertyOptional({ description: 'Texto a buscar en el nombre.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SchoolDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '14EPR0123X' }) cct!: string;
  @ApiProperty({ enum: TURNOS }) turno!: string;
  @ApiProperty({ enum: NIVELES }) nivel!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() phone!: string;
  @ApiPropertyOptional() municipality?: string;
  @ApiProperty() matricula!: number;
  @ApiProperty() hasInternet!: boolean;
  @ApiProperty({ example: 'VALLES' }) drseCode!: string;
  @ApiProperty({ enum: ['DRSE', 'ESCUELA'] }) printRoute!: string;
  @ApiProperty() printRouteReason!: string;
}

export class SchoolPageDto {
  @ApiProperty({ type: [SchoolDto] }) items!: SchoolDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

// ---- students -------------------------------------------------------------------------------

export class StudentQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  schoolId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(upper)
  @IsCurp()
  curp?: string;

  @ApiPropertyOptional({ description: 'Texto a buscar en nombres y apellidos.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Sólo alumnos cuya familia declinó (true) o no (false) la credencial.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  declined?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  hasPhoto?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  primerIngreso?: boolean;
}

export class CreateStudentDto {
  @ApiProperty({ example: 'HEGG560427MVZRRL04' })
  @Transform(upper)
  @IsCurp()
  curp!: string;

  @ApiProperty({ example: 'María Guadalupe' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  nombres!: string;

  @ApiProperty({ example: 'Hernández' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  primerApellido!: string;

  @ApiPropertyOptional({ example: 'García' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  segundoApellido?: string;

  @ApiProperty({ description: 'Primer ingreso (necesita credencial nueva) o continuo (sólo holograma).' })
  @IsBoolean()
  primerIngreso!: boolean;

  @ApiPropertyOptional({ description: 'Escuela del alumno. Una ESCUELA sólo puede usar la suya (y puede omitirla).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  schoolId?: number;
}

export class CurrentCardDto {
  @ApiProperty() folio!: string;
  @ApiProperty({ description: 'Ciclo en que se expidió.' }) cycleCode!: string;
}

export class StudentDto {
  @ApiProperty() id!: number;
  @ApiProperty() curp!: string;
  @ApiProperty() nombres!: string;
  @ApiProperty() primerApellido!: string;
  @ApiPropertyOptional() segundoApellido?: string;
  @ApiProperty() schoolId!: number;
  @ApiProperty() primerIngreso!: boolean;
  @ApiProperty() hasPhoto!: boolean;
  @ApiProperty() declined!: boolean;
  @ApiPropertyOptional() declinedAt?: string;
  @ApiPropertyOptional() declinedReason?: string;
  @ApiPropertyOptional({ type: CurrentCardDto, description: 'Credencial vigente (folio, ciclo de expedición).' }) currentCard?: CurrentCardDto;
  @ApiProperty({ description: 'Recibió el holograma del ciclo vigente.' }) hologramThisCycle!: boolean;
}

export class StudentPageDto {
  @ApiProperty({ type: [StudentDto] }) items!: StudentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BatchQueryDto {
  @ApiPropertyOptional({ description: 'true: importa lo correcto y reporta lo rechazado. Por omisión, si algo falla no se importa nada.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  parcial?: boolean;
}

export class ImportQueryDto extends BatchQueryDto {
  @ApiPropertyOptional({ description: 'Escuela destino (roles centrales), si el CSV no trae columnas CCT y TURNO.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  schoolId?: number;
}

export class RefusedLineDto {
  @ApiProperty({ description: 'Línea del CSV o número de entrada del ZIP.' }) line!: number;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class ImportReportDto {
  @ApiProperty({ description: 'Líneas de datos leídas.' }) lines!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ type: [RefusedLineDto] }) refused!: RefusedLineDto[];
  @ApiProperty({ type: [String], description: 'Columnas del CSV que no se usan.' }) ignoredColumns!: string[];
}

export class PhotoZipReportDto {
  @ApiProperty() entries!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ type: [RefusedLineDto] }) refused!: RefusedLineDto[];
}

export class OptOutDto {
  @ApiPropertyOptional({ description: 'Motivo que dio la familia (opcional).', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

// ---- complaints (R4) ------------------------------------------------------------------------

export class CreateComplaintDto {
  @ApiProperty({ description: 'La escuela cuyo director se negó.' })
  @IsInt()
  @Min(1)
  schoolId!: number;

  @ApiPropertyOptional({ description: 'El alumno para quien la familia pidió la credencial.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  studentId?: number;

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  description!: string;
}

export class ResolveComplaintDto {
  @ApiProperty({ enum: COMPLAINT_OUTCOMES, description: 'PROCEDE: el alumno vuelve a ser elegible (si la familia había declinado, se revierte) y su credencial sale en la siguiente corrida. NO_PROCEDE: nada cambia.' })
  @Transform(upper)
  @IsIn([...COMPLAINT_OUTCOMES])
  outcome!: string;

  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  resolution!: string;
}

export class OptOutReversalDto {
  @ApiProperty({ description: 'Por qué se revierte (p. ej., la familia ahora pide la credencial).', minLength: 5, maxLength: 500 })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}

export class ComplaintQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @Transform(upper)
  @IsIn([...COMPLAINT_STATUSES])
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  schoolId?: number;
}

export class ComplaintDto {
  @ApiProperty() id!: number;
  @ApiProperty() schoolId!: number;
  @ApiProperty() schoolCct!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty() drseCode!: string;
  @ApiPropertyOptional() studentId?: number;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiPropertyOptional() resolution?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_OUTCOMES, description: 'Resultado, una vez atendida.' }) outcome?: string;
  @ApiProperty() filedByRole!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Fecha límite para atenderla (COMPLAINT_DUE_DAYS días después de presentarla).' }) dueAt!: string;
  @ApiProperty({ description: 'Sigue abierta después de la fecha límite.' }) overdue!: boolean;
  @ApiPropertyOptional() resolvedAt?: string;
  @ApiPropertyOptional({ description: 'Nombre del alumno, si la queja es por un alumno.' }) studentName?: string;
  @ApiPropertyOptional({ description: 'La familia declinó la credencial (y no se ha revertido).' }) studentDeclined?: boolean;
  @ApiPropertyOptional({ description: 'Folio de la credencial vigente del alumno, cuando ya se expidió.' }) studentFolio?: string;
}

export class ComplaintPageDto {
  @ApiProperty({ type: [ComplaintDto] }) items!: ComplaintDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
