import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ItemLineViewDto } from './item-line.dto';

const CYCLE_PATTERN = /^\d{4}-\d{4}$/;
const CYCLE_MESSAGE = 'El ciclo escolar debe tener la forma AAAA-AAAA (ej. 2026-2027).';

export class InitialKitsQueryDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'Ciclo de los kits; el vigente si se omite.' })
  @IsOptional()
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  ciclo?: string;
}

export class ApplyInitialKitsDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'Ciclo de los kits; el vigente si se omite.' })
  @IsOptional()
  @Matches(CYCLE_PATTERN, { message: CYCLE_MESSAGE })
  ciclo?: string;
}

export class KitRecipientDto {
  @ApiProperty({ enum: ['ESCUELA', 'DRSE'], description: 'Escuela que imprime en sitio, o DRSE/Sub-DRSE por las escuelas que R1 le asigna.' })
  type!: string;
  @ApiProperty({ example: 'VALLES' }) drseCode!: string;
  @ApiProperty({ nullable: true, type: Number }) schoolId!: number | null;
  @ApiProperty({ nullable: true, type: String }) cct!: string | null;
  @ApiProperty({ nullable: true, type: String }) turno!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Matrícula que cubre el kit.' }) matricula!: number;
  @ApiProperty({ description: 'Credenciales del kit: matrícula más el margen configurado.' }) cards!: number;
  @ApiProperty({ type: [ItemLineViewDto], description: 'En unidades de existencia (Teslin en ranuras, tinta en planillas).' }) lines!: ItemLineViewDto[];
  @ApiProperty({ enum: ['POR_REGISTRAR', 'REGISTRADO'] }) status!: string;
}

export class KitTotalsDto {
  @ApiProperty() recipients!: number;
  @ApiProperty() toRecord!: number;
  @ApiProperty() alreadyRecorded!: number;
  @ApiProperty({ type: [ItemLineViewDto], description: 'Material de todos los kits del ciclo.' }) lines!: ItemLineViewDto[];
  @ApiProperty({ type: [ItemLineViewDto], description: 'Material de los kits aún por registrar.' }) pendingLines!: ItemLineViewDto[];
}

export class KitPlanDto {
  @ApiProperty({ example: '2026-2027' }) cycleCode!: string;
  @ApiProperty({ description: 'Margen sobre la matrícula, en por ciento.' }) marginPercent!: number;
  @ApiProperty({ type: KitTotalsDto }) totals!: KitTotalsDto;
  @ApiProperty({ type: [KitRecipientDto] }) recipients!: KitRecipientDto[];
}

export class KitApplyResultDto extends KitPlanDto {
  @ApiProperty({ description: 'Recepciones registradas por esta llamada (0 si ya se había aplicado).' }) recorded!: number;
}
