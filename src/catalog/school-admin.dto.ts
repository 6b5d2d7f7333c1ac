import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { queryBoolean } from '../http/pagination';
import { BatchQueryDto, RefusedLineDto, SchoolDto } from './catalog.dto';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class SchoolImportQueryDto extends BatchQueryDto {
  @ApiPropertyOptional({ description: 'true: sólo informa qué se crearía, cambiaría o rechazaría; no escribe nada.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  simular?: boolean;
}

/** One school as a JSON row: the same fields as the CSV's columns. */
export class SchoolImportRowDto {
  @ApiProperty({ example: '14EPR0123X' }) @IsString() @MaxLength(20) cct!: string;
  @ApiProperty({ example: 'MATUTINO' }) @IsString() @MaxLength(20) turno!: string;
  @ApiProperty({ example: 'PRIMARIA' }) @IsString() @MaxLength(20) nivel!: string;
  @ApiProperty() @IsString() @MaxLength(300) nombre!: string;
  @ApiProperty() @IsString() @MaxLength(400) domicilio!: string;
  @ApiProperty() @IsString() @MaxLength(40) telefono!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) municipio?: string;
  @ApiProperty({ example: 'VALLES', description: 'Clave de la DRSE o Sub-DRSE.' }) @IsString() @MaxLength(40) drse!: string;
  @ApiProperty({ example: 480 }) @IsInt() @Min(0) @Max(20000) matricula!: number;
  @ApiProperty({ description: 'Acceso a internet para SCEJAL.' }) @IsBoolean() internet!: boolean;
  @ApiPropertyOptional({ example: 'ESTATAL', description: 'Sólo escuelas oficiales; PARTICULAR se rechaza.' }) @IsOptional() @IsString() @MaxLength(40) sostenimiento?: string;
}

export class SchoolImportJsonDto {
  @ApiProperty({ type: [SchoolImportRowDto], description: 'A lo más 5000 escuelas por envío (para más, use el CSV).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => SchoolImportRowDto)
  escuelas!: SchoolImportRowDto[];
}

export class FieldChangeDto {
  @ApiProperty({ example: 'matrícula' }) field!: string;
  @ApiProperty({ nullable: true, type: String }) old!: string | null;
  @ApiProperty({ nullable: true, type: String }) new!: string | null;
}

export class ImportedSchoolDto {
  @ApiProperty() line!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['DRSE', 'ESCUELA'] }) printRoute!: string;
}

export class ChangedSchoolDto {
  @ApiProperty() line!: number;
  @ApiProperty() schoolId!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
}

export class RouteChangeDto {
  @ApiProperty() line!: number;
  @ApiProperty() schoolId!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty({ enum: ['DRSE', 'ESCUELA'] }) oldRoute!: string;
  @ApiProperty({ enum: ['DRSE', 'ESCUELA'] }) newRoute!: string;
  @ApiProperty() reason!: string;
}

export class SchoolImportReportDto {
  @ApiProperty({ description: 'true: simulación, no se escribió nada.' }) dryRun!: boolean;
  @ApiProperty({ description: 'Renglones leídos.' }) lines!: number;
  @ApiProperty({ type: [ImportedSchoolDto] }) created!: ImportedSchoolDto[];
  @ApiProperty({ type: [ChangedSchoolDto] }) changed!: ChangedSchoolDto[];
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [RefusedLineDto] }) refused!: RefusedLineDto[];
  @ApiProperty({ type: [RouteChangeDto], description: 'Escuelas existentes que cambian de ruta de impresión (R1).' }) routeChanges!: RouteChangeDto[];
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
}

export class UpdateSchoolDto {
  @ApiPropertyOptional({ example: 480 }) @IsOptional() @IsInt() @Min(0) @Max(20000) matricula?: number;
  @ApiPropertyOptional({ description: 'Acceso a internet para SCEJAL.' }) @IsOptional() @IsBoolean() hasInternet?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({ example: 'VALLES', description: 'Clave de la DRSE o Sub-DRSE.' }) @IsOptional() @Transform(upper) @IsString() @MaxLength(40) drseCode?: string;
}

export class OpenRequestDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['PROCEDURE_1', 'PROCEDURE_2', 'SUPPLY', 'REPLACEMENT'] }) procedure!: string;
  @ApiProperty() publicStatus!: string;
  @ApiProperty({ enum: ['DRSE', 'ESCUELA'], nullable: true, type: String, description: 'La ruta con la que inició; la conserva.' }) printRoute!: string | null;
  @ApiProperty() createdAt!: string;
}

export class SchoolEditResultDto {
  @ApiProperty({ type: SchoolDto }) school!: SchoolDto;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
  @ApiProperty({ description: 'R1 dio otra ruta: las solicitudes nuevas la usarán; las abiertas conservan la suya.' }) routeChanged!: boolean;
  @ApiProperty({ type: [OpenRequestDto] }) openRequests!: OpenRequestDto[];
}

export class SchoolChangeDto {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Usuario que hizo el cambio.' }) actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ enum: ['EDICION', 'IMPORTACION'] }) source!: string;
  @ApiProperty() field!: string;
  @ApiProperty({ nullable: true, type: String }) old!: string | null;
  @ApiProperty({ nullable: true, type: String }) new!: string | null;
}

export class SchoolChangeListDto {
  @ApiProperty({ type: [SchoolChangeDto] }) items!: SchoolChangeDto[];
}

export class SchoolWorkEntryDto {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Qué se hizo, en palabras («Alta de alumno», «Oficio del Procedimiento 1»…).' }) act!: string;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
  @ApiProperty({ nullable: true, type: Number }) studentId!: number | null;
  @ApiProperty({ description: 'Usuario que lo hizo (el real, también cuando la DRSE actúa en nombre de la escuela).' }) actorId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Nombre de usuario de quien lo hizo.' }) actorUsername!: string | null;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ description: 'Lo hizo la DRSE en nombre de la escuela (sin internet).' }) onBehalf!: boolean;
}

export class SchoolWorkLogDto {
  @ApiProperty({ type: [SchoolWorkEntryDto] }) items!: SchoolWorkEntryDto[];
}
