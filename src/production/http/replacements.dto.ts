import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { HOLDER_TYPES, REPLACEMENT_REASONS } from '../entities';
import { RECEIPT_NUMBER_PATTERN } from '../replacement-receipt';
import { upper } from './print-runs.dto';

export const REPLACEMENT_STATUSES = ['PENDIENTE', 'EMITIDA'] as const;

export class RecordReplacementDto {
  @ApiProperty({ description: 'El alumno cuya credencial se repone (debe tener una expedida vigente).' })
  @IsInt()
  @Min(1)
  studentId!: number;

  @ApiProperty({ example: 'R-2026-000123', description: 'Número del recibo original de la recaudadora; cada recibo sirve una sola vez.' })
  @Transform(upper)
  @IsString()
  @Matches(RECEIPT_NUMBER_PATTERN, { message: 'El número de recibo debe tener de 3 a 40 letras, dígitos, guiones o diagonales.' })
  receiptNumber!: string;

  @ApiProperty({ example: '2026-09-15', description: 'Fecha de pago (AAAA-MM-DD), no futura.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'La fecha de pago debe tener la forma AAAA-MM-DD.' })
  paidOn!: string;

  @ApiProperty({ example: 2800, description: 'Importe en centavos; debe ser la tarifa de reposición del ciclo vigente (R5).' })
  @IsInt()
  @Min(1)
  @Max(100_000_00)
  amountCents!: number;

  @ApiProperty({ enum: REPLACEMENT_REASONS, description: 'PERDIDA, DANO (daño) o ROBO.' })
  @Transform(upper)
  @IsIn([...REPLACEMENT_REASONS])
  reason!: string;
}

export class ReplacementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPLACEMENT_STATUSES, description: 'PENDIENTE: pagada, espera la siguiente corrida de quien imprime; EMITIDA: ya tiene folio nuevo. Sin filtro: todas.' })
  @IsOptional()
  @Transform(upper)
  @IsIn([...REPLACEMENT_STATUSES])
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  schoolId?: number;
}

export class ReplacementPrinterDto {
  @ApiProperty({ enum: HOLDER_TYPES }) type!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) drseCode!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) schoolId!: number | null;
}

export class ReplacementDto {
  @ApiProperty() id!: number;
  @ApiProperty() studentId!: number;
  @ApiProperty() studentName!: string;
  @ApiProperty() schoolId!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty() receiptNumber!: string;
  @ApiProperty({ example: '2026-09-15' }) paidOn!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty() cycleCode!: string;
  @ApiProperty({ enum: REPLACEMENT_REASONS }) reason!: string;
  @ApiProperty({ enum: REPLACEMENT_STATUSES }) status!: string;
  @ApiProperty({ description: 'Folio revocado (R5).' }) revokedFolio!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Folio de la credencial nueva, cuando ya se imprimió.' }) newFolio!: string | null;
  @ApiProperty({ type: ReplacementPrinterDto, description: 'Quién imprimirá (o imprimió) la credencial nueva: la DRSE o la escuela (R1).' }) printedBy!: ReplacementPrinterDto;
  @ApiProperty() recordedAt!: Date;
}

export class ReplacementPageDto {
  @ApiProperty({ type: [ReplacementDto] }) items!: ReplacementDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ReportCardDto {
  @ApiProperty({ description: 'El alumno cuya credencial vigente se reporta.' })
  @IsInt()
  @Min(1)
  studentId!: number;

  @ApiProperty({ enum: REPLACEMENT_REASONS, description: 'PERDIDA, ROBO o DANO (daño): los motivos de reposición (R5).' })
  @Transform(upper)
  @IsIn([...REPLACEMENT_REASONS])
  kind!: string;

  @ApiProperty({ example: '2026-10-02', description: 'Fecha en que la familia reportó (AAAA-MM-DD), no futura.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'La fecha del reporte debe tener la forma AAAA-MM-DD.' })
  reportedOn!: string;
}

export class CardReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  schoolId?: number;
}

export class CardReportDto {
  @ApiProperty() id!: number;
  @ApiProperty() studentId!: number;
  @ApiProperty() studentName!: string;
  @ApiProperty() schoolId!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty({ description: 'Folio de la credencial reportada: la verificación pública la da por no válida desde el reporte.' }) folio!: string;
  @ApiProperty({ enum: REPLACEMENT_REASONS }) kind!: string;
  @ApiProperty({ example: '2026-10-02' }) reportedOn!: string;
  @ApiProperty({ description: 'Rol de quien registró el reporte.' }) actorRole!: string;
  @ApiProperty({ description: 'Lo registró la DRSE en nombre de una escuela sin internet.' }) onBehalfOfSchool!: boolean;
  @ApiPropertyOptional({ enum: REPLACEMENT_STATUSES, nullable: true, type: String, description: 'Estado de la reposición pagada de esta credencial; null si aún no se paga.' })
  replacementStatus!: string | null;
  @ApiProperty() recordedAt!: Date;
}

export class CardReportPageDto {
  @ApiProperty({ type: [CardReportDto] }) items!: CardReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
