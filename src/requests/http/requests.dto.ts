import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ROLES } from '../../access';
import { queryBoolean } from '../../http/pagination';
import { RECEIPT_NUMBER_PATTERN } from '../../production';
import { PROCEDURES, PUBLIC_STATUSES } from '../../../statecharts/step-meta';

export const FILED_PROCEDURES = ['PROCEDURE_1', 'PROCEDURE_2', 'REPLACEMENT'] as const;
export type FiledProcedure = (typeof FILED_PROCEDURES)[number];
export const REPLACEMENT_MOTIVOS = ['PERDIDA', 'DANO', 'ROBO'] as const;
const MAX_STUDENTS = 5000;
const MAX_QUANTITY = 100_000;

// ------------------------------------------------------------------ filing (`datos` of the form)

/** The multipart form of `POST /requests`: `oficio` (file) and `datos` (a JSON string). */
export class FileRequestFormDto {
  @ApiProperty({ description: 'JSON de la solicitud (ver docs/api-requests-contract.md).' })
  @IsString()
  datos!: string;
}

export class StudentListsDto {
  @ApiProperty({ type: [Number], description: 'Alumnos de primer ingreso: credencial nueva.' })
  @IsArray()
  @ArrayMaxSize(MAX_STUDENTS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  nuevos!: number[];

  @ApiProperty({ type: [Number], description: 'Alumnos que continúan y ya tienen credencial: holograma del ciclo.' })
  @IsArray()
  @ArrayMaxSize(MAX_STUDENTS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  continuan!: number[];
}

export class Procedure1DatosDto extends StudentListsDto {
  @IsIn(['PROCEDURE_1'])
  procedimiento!: 'PROCEDURE_1';

  /** DRSE staff filing for a school without internet (its scanned paper oficio): the school's id. */
  @IsOptional()
  @IsInt()
  @Min(1)
  escuela?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comentario?: string;
}

export class MaterialDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) teslinSheets!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) micas!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(MAX_QUANTITY) holograms!: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Juegos de cartuchos de tinta (cada juego imprime las planillas que indique la configuración; 50 por omisión).' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_QUANTITY) inkSets?: number;
}

export const EQUIPMENT_KINDS = ['IMPRESORA', 'ENMICADORA', 'COMPUTADORA', 'ESCANER', 'OTRO'] as const;

/** Equipment a school that prints on site reports it needs (shown to the DRSE with the oficio; not stock). */
export class EquipmentNeedDto {
  @ApiProperty({ enum: EQUIPMENT_KINDS }) @IsIn(EQUIPMENT_KINDS as unknown as string[], { message: 'El tipo de equipo debe ser impresora, enmicadora, computadora, escáner u otro.' })
  tipo!: (typeof EQUIPMENT_KINDS)[number];
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) cantidad!: number;
  @ApiPropertyOptional({ maxLength: 300, description: 'Para qué o qué falla (p. ej. «la impresora actual no imprime a doble cara»).' })
  @IsOptional() @IsString() @MaxLength(300) detalle?: string;
}

export class Procedure2DatosDto {
  @IsIn(['PROCEDURE_2'])
  procedimiento!: 'PROCEDURE_2';

  @IsObject()
  @ValidateNested()
  @Type(() => MaterialDto)
  material!: MaterialDto;

  @IsString()
  @MinLength(10, { message: 'La justificación de uso («justificacion») debe tener al menos 10 caracteres.' })
  @MaxLength(2000)
  justificacion!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EquipmentNeedDto)
  equipo?: EquipmentNeedDto[];

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comentario?: string;
}

export class ReciboDto {
  @IsString()
  @Matches(new RegExp(RECEIPT_NUMBER_PATTERN.source, 'i'), { message: 'El número de recibo («recibo.numero») debe tener de 3 a 40 letras, dígitos, guiones o diagonales.' })
  numero!: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'La fecha de pago («recibo.fecha») debe tener el formato AAAA-MM-DD.' })
  fecha!: string;

  @IsInt()
  @Min(1)
  @Max(10_000_000)
  importeCentavos!: number;
}

export class ReplacementDatosDto {
  @IsIn(['REPLACEMENT'])
  procedimiento!: 'REPLACEMENT';

  @IsInt()
  @Min(1)
  alumno!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => ReciboDto)
  recibo!: ReciboDto;

  @IsIn(REPLACEMENT_MOTIVOS)
  motivo!: (typeof REPLACEMENT_MOTIVOS)[number];

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comentario?: string;
}

export type FileRequestDatos = Procedure1DatosDto | Procedure2DatosDto | ReplacementDatosDto;

// ------------------------------------------------------------------ queries and commands

export class RequestQueryDto {
  @ApiPropertyOptional({ enum: PROCEDURES }) @IsOptional() @IsIn(PROCEDURES) procedimiento?: (typeof PROCEDURES)[number];
  @ApiPropertyOptional({ enum: PUBLIC_STATUSES }) @IsOptional() @IsIn(PUBLIC_STATUSES) estado?: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
  @ApiPropertyOptional({ maxLength: 200, description: 'Paginación por cursor: la página que sigue a este cursor (el `nextCursor` de la página anterior, con los mismos filtros); `page` se ignora.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class InboxQueryDto extends RequestQueryDto {
  @ApiPropertyOptional({ description: 'true: sólo vencidas; false: sólo en plazo.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  vencidas?: boolean;
}

export class DecisionDto {
  @ApiProperty({ example: 'ACCEPT', description: 'Evento del paso abierto (ver `acciones` del detalle).' })
  @IsString()
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { message: 'El campo «evento» debe ser un código de evento en mayúsculas (p. ej. ACCEPT).' })
  evento!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comentario?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Números que pide el evento (p. ej. cantidades ajustadas).' })
  @IsOptional()
  @IsObject()
  datos?: Record<string, unknown>;
}

export class WithdrawDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comentario?: string;
}

export class MaterialCorrectionDto {
  @ApiProperty({ type: MaterialDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MaterialDto)
  material!: MaterialDto;
}

export class DiagramQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Versión del diagrama; la vigente si se omite.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

// ------------------------------------------------------------------ responses (OpenAPI shapes)

export class SchoolRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty() nombre!: string;
}

export class FiledRequestDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: FILED_PROCEDURES }) procedimiento!: string;
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
  @ApiProperty() workflowId!: string;
}

export class RequestSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: PROCEDURES }) procedimiento!: string;
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
  @ApiPropertyOptional({ type: SchoolRefDto, nullable: true }) escuela!: SchoolRefDto | null;
  @ApiProperty() drseCode!: string;
  @ApiPropertyOptional({ nullable: true, enum: ['DRSE', 'ESCUELA'] }) ruta!: string | null;
  @ApiProperty() creada!: string;
  @ApiProperty() actualizada!: string;
}

export class RequestPageDto {
  @ApiProperty({ type: [RequestSummaryDto] }) items!: RequestSummaryDto[];
  @ApiProperty({ description: 'Cuántos hay, contados hasta 1000 (ver `totalCapped`).' }) total!: number;
  @ApiProperty({ description: 'true: hay más de `total` (el conteo se detiene en 1000).' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Cursor de la página siguiente (parámetro `cursor`); null en la última.' }) nextCursor!: string | null;
}

/** A number an action carries (statecharts/decisions.ts describes it; decision-catalog.ts `actionOf`). */
export class DecisionFieldDto {
  @ApiProperty({ description: 'Nombre del dato en `datos` de la decisión.' }) campo!: string;
  @ApiProperty({ enum: ['entero', 'numero'], description: 'entero: número sin decimales; numero: cualquier número finito.' }) tipo!: 'entero' | 'numero';
  @ApiProperty() etiqueta!: string;
  @ApiPropertyOptional({ description: 'Valor mínimo.' }) minimo?: number;
  @ApiPropertyOptional({ description: 'Valor máximo que conoce el flujo (alumnos que cumplen, material pedido), cuando lo conoce.' }) maximo?: number;
  @ApiPropertyOptional({ description: 'Puede omitirse (cuenta como cero).' }) opcional?: boolean;
}

export class ActionDto {
  @ApiProperty() evento!: string;
  @ApiProperty() etiqueta!: string;
  @ApiProperty() requiereComentario!: boolean;
  @ApiProperty({ description: 'Máximo de caracteres del comentario.' }) comentarioMaximo!: number;
  @ApiPropertyOptional({ type: [DecisionFieldDto], description: 'Los números que lleva la decisión (en `datos`), y sólo ésos.' }) datos?: DecisionFieldDto[];
}

export class OpenTaskDto {
  @ApiProperty() key!: string;
  @ApiProperty() titulo!: string;
  @ApiProperty({ enum: ROLES }) rol!: string;
  @ApiPropertyOptional({ nullable: true }) vence!: string | null;
  @ApiProperty() vencida!: boolean;
  @ApiPropertyOptional({ nullable: true, enum: ROLES }) escaladaA!: string | null;
  @ApiProperty({ description: 'La tarea atiende un incidente (un paso automático que falló).' }) incidente!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Qué falló, en español.' }) descripcion!: string | null;
}

export class TimelineActorDto {
  @ApiProperty() id!: string;
  @ApiProperty() rol!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Nombre de usuario de quien decidió; null en pasos automáticos o si la cuenta ya no existe.' }) nombre!: string | null;
}

export class TimelineEntryDto {
  @ApiProperty() seq!: number;
  @ApiPropertyOptional({ nullable: true }) de!: string | null;
  @ApiProperty() a!: string;
  @ApiProperty() evento!: string;
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
  @ApiProperty({ type: TimelineActorDto }) actor!: TimelineActorDto;
  @ApiPropertyOptional({ nullable: true }) comentario!: string | null;
  @ApiProperty() fecha!: string;
}

export class ChartRefDto {
  @ApiProperty({ enum: PROCEDURES }) procedure!: string;
  @ApiProperty() version!: number;
  @ApiProperty() state!: string;
}

export class DocumentRefDto {
  @ApiProperty({ enum: ['OFICIO', 'ACUSE', 'PLANILLAS'] }) tipo!: string;
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ description: 'Oficio: 1 el presentado; aumenta cada vez que la escuela, con la solicitud devuelta, lo reemplaza por otro archivo.' }) version?: number;
  @ApiPropertyOptional({ description: 'Oficio: cuándo se subió el archivo vigente (ISO 8601).' }) fecha?: string;
  @ApiPropertyOptional({ description: 'Acuse: ya tiene adjunta su copia firmada y sellada.' }) firmado?: boolean;
}

export class StudentVerdictDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['NUEVO', 'CONTINUO'] }) tipo!: string;
  @ApiPropertyOptional({ nullable: true }) elegible!: boolean | null;
  @ApiPropertyOptional({ nullable: true }) motivo!: string | null;
  @ApiPropertyOptional({ nullable: true }) aprobado!: boolean | null;
}

export class VerificationDto {
  @ApiProperty() matricula!: number;
  @ApiProperty() nuevosElegibles!: number;
  @ApiProperty() continuanElegibles!: number;
  @ApiProperty({ type: [StudentVerdictDto] }) alumnos!: StudentVerdictDto[];
}

export class RequestDetailDto extends RequestSummaryDto {
  @ApiPropertyOptional({ nullable: true }) rutaMotivo!: string | null;
  @ApiProperty({ type: ChartRefDto }) chart!: ChartRefDto;
  @ApiPropertyOptional({ type: OpenTaskDto, nullable: true }) tareaAbierta!: OpenTaskDto | null;
  @ApiProperty({ type: [ActionDto] }) acciones!: ActionDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) linea!: TimelineEntryDto[];
  @ApiPropertyOptional({ type: StudentListsDto }) alumnos?: StudentListsDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) material?: Record<string, unknown>;
  @ApiPropertyOptional({ type: VerificationDto }) verificacion?: VerificationDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Reposición: alumno, folio anterior y nuevo.' }) reposicion?: Record<string, unknown>;
  @ApiProperty({ type: [DocumentRefDto] }) documentos!: DocumentRefDto[];
  @ApiProperty({ description: 'De dónde salen estado y acciones: FLUJO, lo que el flujo registró con su contexto en su último paso (o, para registros anteriores, su consulta a Temporal); REGISTRO, sólo el registro, sin el contexto del flujo (el motor no respondió).', enum: ['FLUJO', 'REGISTRO'] })
  fuente!: 'FLUJO' | 'REGISTRO';
}

export class DecisionResultDto {
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
  @ApiProperty() state!: string;
  @ApiProperty() seq!: number;
}

export class InboxItemDto {
  @ApiProperty() taskId!: number;
  @ApiProperty() requestId!: number;
  @ApiProperty({ enum: PROCEDURES }) procedimiento!: string;
  @ApiProperty({ enum: PUBLIC_STATUSES }) estado!: string;
  @ApiProperty() titulo!: string;
  @ApiProperty({ enum: ROLES }) rol!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) vence!: string | null;
  @ApiProperty() vencida!: boolean;
  @ApiProperty() escalamiento!: boolean;
  @ApiProperty({ description: 'La tarea atiende un incidente; los incidentes van primero.' }) incidente!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Qué falló, en español.' }) descripcion!: string | null;
  @ApiPropertyOptional({ type: SchoolRefDto, nullable: true }) escuela!: SchoolRefDto | null;
  @ApiProperty() drseCode!: string;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty({ description: 'Cuántos hay, contados hasta 1000 (ver `totalCapped`).' }) total!: number;
  @ApiProperty({ description: 'true: hay más de `total` (el conteo se detiene en 1000).' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Cursor de la página siguiente (parámetro `cursor`); null en la última.' }) nextCursor!: string | null;
}

export class DiagramStateDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PUBLIC_STATUSES }) status!: string;
  @ApiProperty({ enum: ['task', 'auto', 'child', 'final'] }) kind!: string;
  @ApiProperty({ description: 'Título del paso en español (todos los pasos).' }) titulo!: string;
  @ApiProperty({ description: 'Quién actúa, como lo nombra el personal («Planeación de la DRSE»; «El sistema» en los pasos automáticos).' }) area!: string;
  @ApiPropertyOptional({ enum: ROLES, description: 'Rol de la tarea (solo pasos humanos).' }) rol?: string;
  @ApiPropertyOptional({ description: 'Plazo por omisión de la tarea, en español («3 días»).' }) plazo?: string;
  @ApiProperty({ description: 'Paso del curso habitual (del primer paso al primer fin); los demás ocurren solo si hace falta.' }) principal!: boolean;
}

export class DiagramDto {
  @ApiProperty({ enum: PROCEDURES }) procedure!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Diagrama Mermaid (stateDiagram-v2).' }) mermaid!: string;
  @ApiProperty({ type: [DiagramStateDto] }) states!: DiagramStateDto[];
}
