import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { queryBoolean } from '../http/pagination';
import { SchoolRefDto } from '../requests';
import { PROCEDURES, PUBLIC_STATUSES } from '../../statecharts/step-meta';
import { INBOX_SOURCES } from './sources';

export const INBOX_KINDS = INBOX_SOURCES.map((s) => s.tipo);

export class InboxEntriesQueryDto {
  @ApiPropertyOptional({ enum: INBOX_KINDS, description: 'Sólo un tipo de pendiente.' })
  @IsOptional()
  @IsIn(INBOX_KINDS, { message: `El campo «tipo» debe ser uno de: ${INBOX_KINDS.join(', ')}.` })
  tipo?: string;

  @ApiPropertyOptional({ description: 'true: sólo vencidas; false: sólo en plazo o sin plazo.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  vencidas?: boolean;

  @ApiPropertyOptional({ enum: PROCEDURES, description: 'Sólo pendientes de solicitudes de ese procedimiento.' })
  @IsOptional()
  @IsIn(PROCEDURES)
  procedimiento?: (typeof PROCEDURES)[number];

  @ApiPropertyOptional({ enum: PUBLIC_STATUSES, description: 'Sólo pendientes de solicitudes en ese estado.' })
  @IsOptional()
  @IsIn(PUBLIC_STATUSES)
  estado?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 25;
}

export class InboxDrseDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'Nombre de la DRSE («Valles»).' }) nombre!: string;
}

export class InboxEntryDto {
  @ApiProperty({ enum: INBOX_KINDS, description: 'TAREA (paso de un trámite), ABASTECIMIENTO (ticket por revisar o surtir), ENVIO (envío por recibir), ACUSE (acuse firmado por subir).' })
  tipo!: string;
  @ApiProperty({ description: 'Identificador único en la bandeja (tipo y número).' }) clave!: string;
  @ApiProperty({ description: 'Qué hacer, en español.' }) titulo!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Motivo o contexto, en español.' }) detalle!: string | null;
  @ApiProperty({ description: 'Incidente de un paso automático: va primero.' }) incidente!: boolean;
  @ApiProperty() escalamiento!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) vence!: string | null;
  @ApiProperty() vencida!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Desde cuándo espera.' }) desde!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) solicitudId!: number | null;
  @ApiPropertyOptional({ nullable: true, enum: PROCEDURES }) procedimiento!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: PUBLIC_STATUSES }) estado!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Ticket de abastecimiento.' }) ticketId!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Envío de un ticket.' }) envioId!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) acuseId!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Folio del ticket o del acuse.' }) folio!: string | null;
  @ApiPropertyOptional({ type: SchoolRefDto, nullable: true }) escuela!: SchoolRefDto | null;
  @ApiPropertyOptional({ type: InboxDrseDto, nullable: true }) drse!: InboxDrseDto | null;
}

export class InboxEntriesPageDto {
  @ApiProperty({ type: [InboxEntryDto] }) items!: InboxEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class InboxKindCountDto {
  @ApiProperty({ enum: INBOX_KINDS }) tipo!: string;
  @ApiProperty({ description: 'Nombre del tipo en español.' }) etiqueta!: string;
  @ApiProperty() cantidad!: number;
  @ApiProperty() vencidas!: number;
}

export class InboxCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty() vencidas!: number;
  @ApiProperty() incidentes!: number;
  @ApiProperty({ type: [InboxKindCountDto], description: 'Los tipos que pueden esperar a su rol, también en cero.' }) tipos!: InboxKindCountDto[];
}
