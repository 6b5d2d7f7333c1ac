import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { ACUSE_KINDS } from '../vocabulary';
import { upper } from './item-line.dto';

export class AcuseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACUSE_KINDS })
  @IsOptional()
  @Transform(upper)
  @IsIn([...ACUSE_KINDS])
  kind?: string;

  @ApiPropertyOptional({ description: 'Acuses de los envíos de ese ticket de abastecimiento.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ticketId?: number;
}

export class AcuseLineDto {
  @ApiProperty() item!: string;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '16 ranuras (2 hojas)' }) quantityText!: string;
  @ApiPropertyOptional({ description: 'Acuse de envío: lo enviado (quantity es lo que llegó).' }) shipped?: number;
  @ApiPropertyOptional() shippedText?: string;
  @ApiPropertyOptional({ description: 'Acuse de envío: el faltante (enviado − recibido).' }) missing?: number;
  @ApiPropertyOptional() missingText?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Acuse de envío: la nota de quien recibió.' }) note?: string | null;
}

export class AcuseDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'AC-2026-000001' }) folio!: string;
  @ApiProperty({ enum: ACUSE_KINDS }) kind!: string;
  @ApiProperty({ example: '2026-09-01' }) issuedOn!: string;
  @ApiProperty() fromName!: string;
  @ApiProperty() toName!: string;
  @ApiProperty({ type: [AcuseLineDto] }) lines!: AcuseLineDto[];
  @ApiPropertyOptional({ nullable: true, type: [String], description: 'Folios de credenciales (acuse de credenciales); nunca nombres.' }) cardFolios!: string[] | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) cardCount!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) schoolId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) drseCode!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) ticketId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shipmentId!: number | null;
  @ApiProperty({ description: 'Ya se cargó la copia firmada y sellada.' }) signed!: boolean;
}

export class AcusePageDto {
  @ApiProperty({ type: [AcuseDto] }) items!: AcuseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
