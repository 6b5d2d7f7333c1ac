import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { trim, upper } from './item-line.dto';

export const EQUIPMENT_KINDS = ['PRINTER', 'LAMINATOR'] as const;
export const EQUIPMENT_STATUSES = ['OPERATIVE', 'FAILED', 'RETIRED'] as const;
export const FAILURE_STATUSES = ['OPEN', 'RESOLVED'] as const;

export class EquipmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Solo el equipo de ese almacén.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  holderId?: number;

  @ApiPropertyOptional({ enum: EQUIPMENT_KINDS })
  @IsOptional()
  @Transform(upper)
  @IsIn([...EQUIPMENT_KINDS])
  kind?: string;

  @ApiPropertyOptional({ enum: EQUIPMENT_STATUSES })
  @IsOptional()
  @Transform(upper)
  @IsIn([...EQUIPMENT_STATUSES])
  status?: string;
}

export class RegisterEquipmentDto {
  @ApiProperty({ description: 'Almacén (DRSE, escuela que imprime en sitio o central) al que pertenece.' })
  @IsInt()
  @Min(1)
  holderId!: number;

  @ApiProperty({ enum: EQUIPMENT_KINDS, description: 'PRINTER: impresora de inyección a color; LAMINATOR: enmicadora.' })
  @Transform(upper)
  @IsIn([...EQUIPMENT_KINDS])
  kind!: 'PRINTER' | 'LAMINATOR';

  @ApiProperty({ minLength: 3, maxLength: 80, example: 'EPS-L8050-00042' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(80)
  serialNumber!: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  model?: string;
}

export class ReportFailureDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  description!: string;
}

export class ResolveFailureDto {
  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  resolution!: string;
}

export class FailureQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FAILURE_STATUSES })
  @IsOptional()
  @Transform(upper)
  @IsIn([...FAILURE_STATUSES])
  status?: string;
}

export class EquipmentDto {
  @ApiProperty() id!: number;
  @ApiProperty() holderId!: number;
  @ApiProperty({ enum: EQUIPMENT_KINDS }) kind!: string;
  @ApiProperty() serialNumber!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) model!: string | null;
  @ApiProperty({ enum: EQUIPMENT_STATUSES }) status!: string;
}

export class EquipmentPageDto {
  @ApiProperty({ type: [EquipmentDto] }) items!: EquipmentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class FailureReportDto {
  @ApiProperty() id!: number;
  @ApiProperty() equipmentId!: number;
  @ApiProperty({ enum: EQUIPMENT_KINDS }) equipmentKind!: string;
  @ApiProperty() serialNumber!: string;
  @ApiProperty() holderId!: number;
  @ApiProperty() holderName!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'DRSE cuya Oficina de Tecnologías la atiende (R10); null: almacén central (DGTI).' })
  routedDrseCode!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: FAILURE_STATUSES }) status!: string;
  @ApiProperty() reportedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) resolution!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'El ticket de soporte (EQUIPO) que el reporte abrió (GET /support-tickets/{id}); null: equipo del almacén central.' })
  ticketId!: number | null;
}

export class FailureReportPageDto {
  @ApiProperty({ type: [FailureReportDto] }) items!: FailureReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
