import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class CycleDto {
  @ApiProperty({ example: '2027-2028' }) code!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ description: 'El ciclo vigente (uno solo).' }) isCurrent!: boolean;
  @ApiPropertyOptional() openedAt?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiProperty({ description: 'Tarifa de reposición vigente, en centavos (R5).' }) tariffCents!: number;
  @ApiProperty({ example: 'HOLOGRAMA:2027-2028', description: 'El artículo de holograma de este ciclo.' }) hologramItem!: string;
}

export class CycleListDto {
  @ApiProperty({ type: [CycleDto] }) items!: CycleDto[];
}

export class CreateCycleDto {
  @ApiProperty({ example: '2027-2028' }) @IsString() @Matches(/^\d{4}-\d{4}$/, { message: 'El ciclo se escribe AAAA-AAAA, p. ej. 2027-2028.' }) code!: string;
  @ApiProperty({ example: '2027-08-23' }) @IsDateString({ strict: true }) startsOn!: string;
  @ApiProperty({ example: '2028-07-07' }) @IsDateString({ strict: true }) endsOn!: string;
  @ApiPropertyOptional({ example: 2800, description: 'Tarifa inicial de reposición en centavos (por omisión $28.00).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000000)
  replacementTariffCents?: number;
}

export class OpenCycleResultDto {
  @ApiProperty({ type: CycleDto }) cycle!: CycleDto;
  @ApiPropertyOptional({ description: 'El ciclo que se cerró.' }) closed?: string;
  @ApiProperty({ description: 'Alumnos con credencial expedida que pasan a «continúa» (sólo necesitan holograma).' }) nowContinuing!: number;
}

export class TariffDto {
  @ApiProperty() cents!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Desde cuándo rige (null: desde el inicio del ciclo).' }) effectiveAt!: string | null;
  @ApiProperty() setBy!: string;
  @ApiPropertyOptional() reason?: string;
}

export class TariffHistoryDto {
  @ApiProperty() cycleCode!: string;
  @ApiProperty({ description: 'Tarifa vigente en centavos.' }) currentCents!: number;
  @ApiProperty({ type: [TariffDto], description: 'Historial, la más reciente primero.' }) history!: TariffDto[];
}

export class SetTariffDto {
  @ApiProperty({ example: 3000 }) @IsInt() @Min(1) @Max(1000000) cents!: number;
  @ApiProperty({ example: 'Actualización de la Ley de Ingresos.' }) @IsString() @MaxLength(300) reason!: string;
}

export class HologramConfirmationDto {
  @ApiProperty({ type: [Number], description: 'Alumnos de la escuela a quienes se les colocó el holograma del ciclo vigente.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @Type(() => Number)
  @IsInt({ each: true })
  alumnos!: number[];
}

export class HologramConfirmationResultDto {
  @ApiProperty() cycleCode!: string;
  @ApiProperty() recorded!: number;
}
