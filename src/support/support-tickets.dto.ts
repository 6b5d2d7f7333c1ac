import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto, queryBoolean } from '../http/pagination';
import { ActionDto, OpenTaskDto, SchoolRefDto, TimelineEntryDto } from '../requests';
import { PUBLIC_STATUSES } from '../../statecharts/step-meta';
import { SUPPORT_KINDS } from '../../statecharts/support.machine';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from './support-tickets.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OpenSupportTicketDto {
  @ApiProperty({ enum: SUPPORT_KINDS, description: 'EQUIPO: falla de un equipo; SISTEMA: problema con el sistema; DUDA: duda o comentario.' })
  @IsIn([...SUPPORT_KINDS], { message: 'El tipo debe ser EQUIPO (falla de equipo), SISTEMA (problema con el sistema) o DUDA.' })
  tipo!: (typeof SUPPORT_KINDS)[number];

  @ApiProperty({ minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX, description: 'Qué pasa (sin datos personales de alumnos).' })
  @Transform(trim)
  @IsString({ message: 'La descripción debe ser texto.' })
  @MinLength(DESCRIPTION_MIN, { message: `Describa el problema o la duda (al menos ${DESCRIPTION_MIN} caracteres).` })
  @MaxLength(DESCRIPTION_MAX, { message: `La descripción admite hasta ${DESCRIPTION_MAX} caracteres.` })
  descripcion!: string;

  @ApiPropertyOptional({ description: 'Personal de la DRSE: la escuela sin internet en cuyo nombre abre el ticket. Sin ella, Control Escolar de la DRSE lo abre para sí.' })
  @IsOptional()
  @IsInt({ message: 'La escuela debe indicarse por su número.' })
  @Min(1, { message: 'La escuela debe indicarse por su número.' })
  escuela?: number;
}

export class SupportTicketQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PUBLIC_STATUSES })
  @IsOptional()
  @IsIn([...PUBLIC_STATUSES], { message: 'El estado no es válido.' })
  estado?: string;

  @ApiPropertyOptional({ enum: SUPPORT_KINDS })
  @IsOptional()
  @IsIn([...SUPPORT_KINDS], { message: 'El tipo debe ser EQUIPO, SISTEMA o DUDA.' })
  tipo?: string;

  @ApiPropertyOptional({ description: 'true: sólo los que no están cerrados.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: '«abiertos» debe ser true o false.' })
  abiertos?: boolean;
}

export class SupportTicketSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: SUPPORT_KINDS }) tipo!: string;
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
  @ApiProperty() descripcion!: string;
  @ApiPropertyOptional({ type: SchoolRefDto, nullable: true, description: 'La escuela del ticket; null: de la propia DRSE.' }) escuela!: SchoolRefDto | null;
  @ApiProperty() drseCode!: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'El reporte de falla de equipo que originó el ticket.' }) reporteFalla!: number | null;
  @ApiProperty({ format: 'date-time' }) abierto!: string;
  @ApiProperty({ format: 'date-time' }) actualizado!: string;
}

export class SupportTicketPageDto {
  @ApiProperty({ type: [SupportTicketSummaryDto] }) items!: SupportTicketSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TicketOpenerDto {
  @ApiProperty() rol!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Nombre de usuario de quien lo abrió.' }) nombre!: string | null;
  @ApiProperty({ description: 'Lo abrió la DRSE en nombre de una escuela sin internet.' }) enNombreDeEscuela!: boolean;
}

export class SupportTicketDetailDto extends SupportTicketSummaryDto {
  @ApiProperty({ type: TicketOpenerDto }) abiertoPor!: TicketOpenerDto;
  @ApiPropertyOptional({ type: OpenTaskDto, nullable: true }) tareaAbierta!: OpenTaskDto | null;
  @ApiProperty({ type: [ActionDto], description: 'Decisiones que usted puede tomar ahora (POST /support-tickets/{id}/decisions).' }) acciones!: ActionDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) linea!: TimelineEntryDto[];
}

export class OpenedSupportTicketDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
}

