import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, NotEquals, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { ENTRY_KINDS, WASTE_REASONS } from '../vocabulary';
import { HOLDER_KINDS } from '../vocabulary';
import { IsItemCode, ITEM_CODE_DESCRIPTION, ItemLineDto, ItemLineViewDto, MAX_QUANTITY, trim, upper } from './item-line.dto';

const CYCLE_PATTERN = /^\d{4}-\d{4}$/;
const CYCLE_MESSAGE = 'El ciclo escolar debe tener la forma AAAA-AAAA (ej. 2026-2027).';

// ---- holders --------------------------------------------------------------------------------

export class HolderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HOLDER_KINDS })
  @IsOptional()
  @Transform(upper)
  @IsIn([...HOLDER_KINDS])
  kind?: string;

  @ApiPropertyOptional({ example: 'VALLES', description: 'Almacén de esa DRSE (se crea al primer uso si está en su ámbito).' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  drseCode?: string;

  @ApiPropertyOptional({ description: 'Almacén de esa escuela (solo si imprime en sitio; se crea al primer uso si está en su ámbito).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  schoolId?: number;
}

export class HolderDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: HOLDER_KINDS }) kind!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'DRSE del almacén (o de la escuela).' }) drseCode!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) schoolId!: number | null;
}

export class HolderPageDto {
  @ApiProperty({ type: [HolderDto] }) items!: HolderDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

// ---- balances and thresholds -----------------------------------------------------------------

export class BalanceDto {
  @ApiProperty({ example: 'MICA' }) item!: string;
  @ApiProperty({ example: 'Micas' }) description!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty({ description: 'onHand − reserved; nunca negativo.' }) available!: number;
  @ApiProperty({ example: '16 ranuras (2 hojas)' }) availableText!: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Umbral mínimo configurado.' }) minimum!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Existencia objetivo al reabastecer.' }) target!: number | null;
  @ApiProperty({ description: 'Existencia disponible por debajo del mínimo.' }) low!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Cantidad sugerida para un ticket (objetivo − disponible, en paquetes completos).' })
  suggestedOrder!: number | null;
}

export class BalancesDto {
  @ApiProperty({ type: HolderDto }) holder!: HolderDto;
  @ApiProperty({ type: [BalanceDto] }) items!: BalanceDto[];
  @ApiProperty({ description: 'Algún artículo está por debajo de su mínimo.' }) anyLow!: boolean;
}

export class ThresholdLineDto {
  @ApiProperty({ example: 'MICA', description: ITEM_CODE_DESCRIPTION })
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  @IsItemCode()
  item!: string;

  @ApiProperty({ minimum: 0, description: 'Por debajo de este disponible el artículo se marca bajo.' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  minimum!: number;

  @ApiProperty({ minimum: 1, description: 'Existencia a la que se sugiere reabastecer (mayor que el mínimo).' })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  target!: number;
}

export class SetThresholdsDto {
  @ApiProperty({ type: [ThresholdLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ThresholdLineDto)
  thresholds!: ThresholdLineDto[];
}

// ---- receipts and adjustments ----------------------------------------------------------------

export class ReceiptDto {
  @ApiProperty({ type: [ItemLineDto], description: 'Paquetes completos: Teslin en hojas (múltiplos de 8 ranuras), tinta en juegos.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ItemLineDto)
  lines!: ItemLineDto[];

  @ApiPropertyOptional({ example: '2026-2027', description: 'Ciclo al que se imputa; por omisión el vigente.' })
  @IsOptional()
  @Transform(trim)
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  cycleCode?: string;

  @ApiPropertyOptional({ description: 'Proveedor, remisión, factura…', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class MovementDto {
  @ApiProperty() holderId!: number;
  @ApiProperty({ description: 'Clave de la operación en el libro de existencias.' }) operation!: string;
  @ApiProperty({ type: [ItemLineViewDto] }) lines!: ItemLineViewDto[];
}

export class AdjustmentDto {
  @ApiProperty({ example: 'MICA', description: ITEM_CODE_DESCRIPTION })
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  @IsItemCode()
  item!: string;

  @ApiProperty({ example: -3, description: 'Positivo suma, negativo resta; nunca deja el disponible bajo cero.' })
  @IsInt()
  @NotEquals(0, { message: 'El ajuste «delta» debe ser distinto de cero (positivo suma, negativo resta).' })
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  delta!: number;

  @ApiProperty({ minLength: 5, maxLength: 500, description: 'Motivo del ajuste (obligatorio): conteo físico, merma detectada…' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @Transform(trim)
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  cycleCode?: string;
}

export class AdjustmentResultDto extends MovementDto {
  @ApiProperty() delta!: number;
}

// ---- ledger -----------------------------------------------------------------------------------

export class LedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'MICA', description: ITEM_CODE_DESCRIPTION })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  @IsItemCode()
  item?: string;

  @ApiPropertyOptional({ enum: ENTRY_KINDS })
  @IsOptional()
  @Transform(upper)
  @IsIn([...ENTRY_KINDS])
  kind?: string;
}

export class LedgerEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ENTRY_KINDS }) kind!: string;
  @ApiProperty() item!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() onHandDelta!: number;
  @ApiProperty() reservedDelta!: number;
  @ApiPropertyOptional({ nullable: true, enum: WASTE_REASONS }) wasteReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cycleCode!: string | null;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) printRunId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) ticketId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shipmentId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) reservationId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) counterpartHolderId!: number | null;
  @ApiProperty() createdAt!: string;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items!: LedgerEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

// ---- justification (R6) -------------------------------------------------------------------------

export class JustificationQueryDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'Ciclo escolar; por omisión el vigente.' })
  @IsOptional()
  @Transform(trim)
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  ciclo?: string;
}

export class WastedByReasonDto {
  @ApiProperty() VOIDED_BLANK!: number;
  @ApiProperty() MISPRINT!: number;
  @ApiProperty() DAMAGED!: number;
  @ApiProperty() OTHER!: number;
  @ApiProperty({ description: 'Faltante de envíos de abastecimiento, dado de baja en el almacén que envió.' }) LOST_IN_TRANSIT!: number;
}

export class JustificationItemDto {
  @ApiProperty() item!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Entradas y traspasos recibidos en el ciclo.' }) received!: number;
  @ApiProperty() transferredOut!: number;
  @ApiProperty() consumed!: number;
  @ApiProperty() wasted!: number;
  @ApiProperty({ type: WastedByReasonDto }) wastedByReason!: WastedByReasonDto;
  @ApiProperty({ description: 'Neto de ajustes (con signo).' }) adjusted!: number;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() available!: number;
  @ApiProperty() onHandText!: string;
}

export class JustificationUsageDto {
  @ApiProperty() item!: string;
  @ApiProperty() consumed!: number;
  @ApiProperty() wasted!: number;
}

export class JustificationPrintRunDto {
  @ApiProperty() printRunId!: string;
  @ApiProperty({ type: [String] }) requestIds!: string[];
  @ApiProperty({ type: [JustificationUsageDto] }) items!: JustificationUsageDto[];
}

export class JustificationReportDto {
  @ApiProperty() holderId!: number;
  @ApiProperty() holderName!: string;
  @ApiProperty() cycleCode!: string;
  @ApiProperty({ type: [JustificationItemDto] }) items!: JustificationItemDto[];
  @ApiProperty({ type: [JustificationPrintRunDto] }) printRuns!: JustificationPrintRunDto[];
  @ApiProperty({ type: [JustificationUsageDto], description: 'Consumo y merma registrados fuera de tirajes.' }) outsidePrintRuns!: JustificationUsageDto[];
}
