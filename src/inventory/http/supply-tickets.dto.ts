import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { TICKET_STATUSES } from '../vocabulary';
import { JustificationReportDto } from './holders.dto';
import { IsItemCode, ITEM_CODE_DESCRIPTION, ItemLineDto, ItemLineViewDto, MAX_QUANTITY, trim, upper } from './item-line.dto';

export class OpenSupplyTicketDto {
  @ApiPropertyOptional({ example: 'VALLES', description: 'DRSE que pide; Tecnologías la omite (es la suya); el administrador la indica.' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  drseCode?: string;

  @ApiProperty({ type: [ItemLineDto], description: 'Paquetes completos: Teslin en hojas (múltiplos de 8 ranuras), tinta en juegos.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ItemLineDto)
  lines!: ItemLineDto[];

  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Por qué se pide; el reporte de consumo (R6) se adjunta solo.' })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  justification!: string;

  @ApiPropertyOptional({ example: '2026-2027', description: 'Ciclo del ticket; por omisión el vigente. Los hologramas deben ser de este ciclo.' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\d{4}-\d{4}$/, { message: 'El ciclo escolar debe tener la forma AAAA-AAAA (ej. 2026-2027).' })
  cycleCode?: string;
}

export class SupplyTicketQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @Transform(upper)
  @IsIn([...TICKET_STATUSES])
  status?: string;

  @ApiPropertyOptional({ example: 'VALLES', description: 'Solo roles estatales; una DRSE ve siempre los suyos.' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  drseCode?: string;
}

export class ApproveLineDto {
  @ApiProperty({ example: 'MICA', description: ITEM_CODE_DESCRIPTION })
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  @IsItemCode()
  item!: string;

  @ApiProperty({ minimum: 0, description: 'Cantidad aprobada (≤ la pedida; 0 = no se surte ese artículo).' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class ApproveSupplyTicketDto {
  @ApiPropertyOptional({ type: [ApproveLineDto], description: 'Cantidades reducidas; los artículos omitidos se aprueban como se pidieron.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApproveLineDto)
  lines?: ApproveLineDto[];

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class ReasonDto {
  @ApiProperty({ minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class ShipDto {
  @ApiProperty({ type: [ItemLineDto], description: 'Lo que sale en este envío (parcial o total), a lo más lo pendiente de cada artículo.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ItemLineDto)
  lines!: ItemLineDto[];
}

export class ShipmentReceiptLineDto {
  @ApiProperty({ example: 'MICA', description: 'Un artículo del envío. ' + ITEM_CODE_DESCRIPTION })
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  @IsItemCode()
  item!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_QUANTITY, example: 32, description: 'Lo que llegó, en la unidad de existencia (Teslin en ranuras, hojas completas): de 0 a lo enviado.' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({ maxLength: 500, example: 'La caja de micas llegó abierta.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ShipmentReceiptDto {
  @ApiPropertyOptional({
    type: [ShipmentReceiptLineDto],
    description: 'Lo que llegó de cada artículo y una nota; los artículos omitidos (o sin cuerpo) llegaron completos. Lo que falta queda como faltante del envío y vuelve a lo pendiente de surtir.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ShipmentReceiptLineDto)
  lines?: ShipmentReceiptLineDto[];
}

export class TicketLineDto {
  @ApiProperty() item!: string;
  @ApiProperty() description!: string;
  @ApiProperty() requested!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) approved!: number | null;
  @ApiProperty() shipped!: number;
  @ApiProperty() received!: number;
  @ApiProperty({ description: 'Enviado que no llegó (faltante reportado al recibir); vuelve a lo pendiente.' }) missing!: number;
  @ApiProperty({ description: 'Aprobado − (enviado − faltante): pendiente por surtir.' }) backorder!: number;
}

export class ShipmentLineDto extends ItemLineViewDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Lo que llegó (null mientras está en tránsito).' }) received!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Enviado − recibido (null mientras está en tránsito).' }) missing!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
}

export class ShipmentDto {
  @ApiProperty() id!: number;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: ['IN_TRANSIT', 'RECEIVED'] }) status!: string;
  @ApiProperty({ type: [ShipmentLineDto] }) lines!: ShipmentLineDto[];
  @ApiPropertyOptional({ nullable: true, type: Number }) acuseId!: number | null;
  @ApiProperty() shippedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) receivedAt!: string | null;
}

export class SupplyTicketDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'AB-2026-000001' }) folio!: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: string;
  @ApiProperty() holderId!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) drseCode!: string | null;
  @ApiProperty({ enum: ['DRSE', 'PROCEDIMIENTO'], description: 'PROCEDIMIENTO: abierto por un trámite que espera el material.' }) origin!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty() cycleCode!: string;
  @ApiProperty() justification!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ type: [TicketLineDto] }) lines!: TicketLineDto[];
  @ApiProperty({ type: [ShipmentDto] }) shipments!: ShipmentDto[];
  @ApiProperty({ description: 'Ya no cambiará (cerrado, rechazado o cancelado).' }) finished!: boolean;
}

export class SupplyTicketDetailDto extends SupplyTicketDto {
  @ApiProperty({ type: JustificationReportDto, description: 'Reporte de consumo (R6) adjuntado al abrir el ticket.' })
  justificationReport!: JustificationReportDto;
}

export class SupplyTicketPageDto {
  @ApiProperty({ type: [SupplyTicketDto] }) items!: SupplyTicketDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ShipmentResultDto extends SupplyTicketDto {
  @ApiProperty({ description: 'El envío recién registrado.' }) shipmentId!: number;
}

export class ReceiptResultDto extends SupplyTicketDto {
  @ApiProperty({ description: 'Acuse de recibido del envío.' }) acuseId!: number;
  @ApiProperty({ example: 'AC-2026-000001' }) acuseFolio!: string;
}
