import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { EXCLUSION_REASONS, HOLDER_TYPES } from '../entities';
import { CREDENTIAL_STATUSES } from '../entities/credential.entity';

export const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
export const CYCLE_PATTERN = /^\d{4}-\d{4}$/;
export const CYCLE_MESSAGE = 'El ciclo escolar debe tener la forma AAAA-AAAA (ej. 2026-2027).';
/** Upper bound of ids in one request (the service also caps students per run, PRINT_RUN_MAX_STUDENTS). */
export const MAX_IDS = 4000;

/** Who prints the run: only central roles name it; a DRSE's Control Escolar prints as its DRSE, a school as itself. */
export class PrintHolderDto {
  @ApiProperty({ enum: HOLDER_TYPES })
  @Transform(upper)
  @IsIn([...HOLDER_TYPES])
  type!: 'DRSE' | 'ESCUELA';

  @ApiPropertyOptional({ example: 'VALLES', description: 'Con type DRSE.' })
  @ValidateIf((o: PrintHolderDto) => o.type === 'DRSE' || o.drseCode !== undefined)
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'La clave de la DRSE debe tener de 2 a 40 letras mayúsculas, dígitos o guiones bajos.' })
  drseCode?: string;

  @ApiPropertyOptional({ description: 'Con type ESCUELA: una escuela que imprime en sitio (R1).' })
  @ValidateIf((o: PrintHolderDto) => o.type === 'ESCUELA' || o.schoolId !== undefined)
  @IsInt()
  @Min(1)
  schoolId?: number;
}

class PrintSelectionDto {
  @ApiPropertyOptional({ type: [Number], description: 'Alumnos a imprimir (ids). Con `schoolIds`, se suman.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  studentIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Todos los alumnos pendientes de credencial en el ciclo de estas escuelas.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  schoolIds?: number[];

  @ApiPropertyOptional({ example: '2026-2027', description: 'Por omisión, el ciclo vigente.' })
  @IsOptional()
  @Transform(trim)
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  cycleCode?: string;

  @ApiPropertyOptional({ default: false, description: 'Cada escuela empieza planilla nueva (una corrida de DRSE puede llevar varias escuelas).' })
  @IsOptional()
  @IsBoolean()
  newPlanillaPerSchool?: boolean;

  @ApiPropertyOptional({ type: PrintHolderDto, description: 'Solo roles centrales (obligatorio para ellos): por quién se imprime.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrintHolderDto)
  holder?: PrintHolderDto;
}

export class CreatePrintRunDto extends PrintSelectionDto {}
export class PreviewPrintRunDto extends PrintSelectionDto {}

export class PrintRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @Transform(trim)
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  cycleCode?: string;

  @ApiPropertyOptional({ enum: HOLDER_TYPES })
  @IsOptional()
  @Transform(upper)
  @IsIn([...HOLDER_TYPES])
  holderType?: string;
}

export class PrintHolderViewDto {
  @ApiProperty({ enum: HOLDER_TYPES }) type!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) drseCode!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) schoolId!: number | null;
  @ApiProperty({ description: 'Nombre de la DRSE, o de la escuela con su CCT y turno.' }) name!: string;
}

export class ExcludedStudentDto {
  @ApiProperty() studentId!: number;
  @ApiProperty({ enum: EXCLUSION_REASONS }) reason!: string;
  @ApiProperty({ description: 'El motivo, en español.' }) detail!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Nombre del alumno (solo si está en su ámbito).' }) studentName!: string | null;
}

export class HologramOnlyDto {
  @ApiProperty() studentId!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Nombre del alumno (solo si está en su ámbito).' }) studentName!: string | null;
  @ApiProperty({ example: '2526-0000123-1', description: 'Folio de la credencial vigente del alumno.' }) folio!: string;
  @ApiProperty({ example: '2025-2026', description: 'Ciclo en que se expidió esa credencial.' }) cardCycleCode!: string;
}

export class PrintedCardDto {
  @ApiProperty({ example: '2627-0000123-7' }) folio!: string;
  @ApiProperty({ description: 'Planilla (desde 1).' }) planilla!: number;
  @ApiProperty({ description: 'Lugar en la planilla (1 a 8).' }) slot!: number;
  @ApiProperty({ enum: CREDENTIAL_STATUSES }) status!: string;
  @ApiProperty() studentId!: number;
  @ApiProperty() studentName!: string;
  @ApiProperty() schoolId!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) replacedByFolio!: string | null;
}

export class VoidedFolioDto {
  @ApiProperty({ example: '2627-0000130-4' }) folio!: string;
  @ApiProperty() planilla!: number;
  @ApiProperty() slot!: number;
  @ApiProperty() reason!: string;
}

export class PrintRunSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ type: PrintHolderViewDto }) holder!: PrintHolderViewDto;
  @ApiProperty({ example: '2026-2027' }) cycleCode!: string;
  @ApiProperty() newPlanillaPerSchool!: boolean;
  @ApiProperty({ description: 'Planillas de 8.' }) planillas!: number;
  @ApiProperty({ description: 'Credenciales expedidas (R9: marcadas al generar).' }) cards!: number;
  @ApiProperty({ description: 'Espacios en blanco cuyos folios se anularon antes de generar el archivo (R7).' }) voided!: number;
  @ApiProperty() excludedCount!: number;
  @ApiProperty({ description: 'Alumnos con credencial vigente que reciben sólo el holograma del ciclo (R3), sin credencial nueva.' }) hologramOnlyCount!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) firstFolio!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastFolio!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() createdByRole!: string;
  @ApiProperty({ description: 'El PDF ya se generó (si no, se genera al descargarlo).' }) pdfReady!: boolean;
  @ApiProperty({ description: 'El consumo de material ya se registró en el inventario.' }) consumptionRecorded!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'La solicitud (Procedimiento 1 o reposición) cuyo trámite generó la corrida; null en una corrida hecha a mano.' })
  requestId!: number | null;
}

export class PrintRunDto extends PrintRunSummaryDto {
  @ApiProperty({ type: [PrintedCardDto] }) issued!: PrintedCardDto[];
  @ApiProperty({ type: [VoidedFolioDto] }) voidedFolios!: VoidedFolioDto[];
  @ApiProperty({ type: [ExcludedStudentDto] }) excluded!: ExcludedStudentDto[];
  @ApiProperty({ type: [HologramOnlyDto], description: 'En una corrida de escuela en sitio, su holograma del ciclo quedó registrado.' }) hologramOnly!: HologramOnlyDto[];
}

export class PrintRunPageDto {
  @ApiProperty({ type: [PrintRunSummaryDto] }) items!: PrintRunSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
