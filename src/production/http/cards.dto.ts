import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CREDENTIAL_EVENTS, CREDENTIAL_KINDS, CREDENTIAL_STATUSES } from '../entities';
import { trim } from './print-runs.dto';

export class CorrectionDto {
  @ApiProperty({ minLength: 10, maxLength: 500, description: 'Por qué se desmarca la credencial (p. ej. se imprimió por error, en una prueba).' })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}

export class CorrectionResultDto {
  @ApiProperty({ example: '2627-0000123-9' }) folio!: string;
  @ApiProperty({ enum: ['ANULADA'] }) status!: string;
  @ApiProperty() correctedAt!: Date;
  @ApiProperty({ description: 'Usuario que corrigió.' }) correctedById!: string;
  @ApiProperty() reason!: string;
}

export class CardEventDto {
  @ApiProperty({ enum: CREDENTIAL_EVENTS }) event!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ description: 'Usuario (id) que lo hizo.' }) actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() reason!: string;
}

export class CardHistoryDto {
  @ApiProperty({ example: '2627-0000123-9' }) folio!: string;
  @ApiProperty({ enum: CREDENTIAL_KINDS, description: 'TARJETA, o BLANCO: espacio de planilla anulado (R7).' }) kind!: string;
  @ApiProperty({ enum: CREDENTIAL_STATUSES }) status!: string;
  @ApiProperty() cycleCode!: string;
  @ApiProperty() runId!: number;
  @ApiProperty() issuedAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Number }) studentId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) studentName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) schoolId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) voidReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) replacedByFolio!: string | null;
  @ApiProperty({ type: [CardEventDto], description: 'Lo que le pasó después de expedirse: corrección (R9), revocación y reemplazo (R5).' }) events!: CardEventDto[];
}
