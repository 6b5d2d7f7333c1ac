import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { ROLES } from '../access';

export class LoginDto {
  @ApiProperty({ example: 'escuela-drse' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  username!: string;

  @ApiProperty({ example: 'demo-sej-2026', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class ActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ example: 'VALLES' }) drseCode?: string;
  @ApiPropertyOptional({ example: 12 }) schoolId?: number;
}

export class TokensDto {
  @ApiProperty({ description: 'JWT de acceso; envíelo como «Authorization: Bearer …».' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Vigencia del token de acceso, en segundos.', example: 900 }) expiresIn!: number;
  @ApiProperty({ description: 'Vigencia del token de renovación (cookie «sej_refresh», HttpOnly), en segundos.' }) refreshExpiresIn!: number;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
}

export class MeSchoolDto {
  @ApiProperty() id!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty() name!: string;
}

export class MeDto {
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty() username!: string;
  @ApiPropertyOptional({ type: MeSchoolDto }) school?: MeSchoolDto;
  @ApiPropertyOptional({ example: 'DRSE Valles' }) drseName?: string;
}

export class UserSchoolDto {
  @ApiProperty() id!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty() name!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ example: 'VALLES' }) drseCode?: string;
  @ApiPropertyOptional({ type: UserSchoolDto }) school?: UserSchoolDto;
  @ApiProperty({ description: 'false: la cuenta está deshabilitada y no puede iniciar sesión.' }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Sesiones abiertas ahora.' }) openSessions!: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Último uso de alguna de sus sesiones.' }) lastSeenAt?: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: 'Al menos 12 caracteres; no una contraseña común ni que contenga el usuario.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  newPassword!: string;
}

export const SECURITY_EVENT_KINDS = [
  'INICIO_DE_SESION',
  'CUENTA_BLOQUEADA',
  'CIERRE_GLOBAL',
  'CUENTA_DESHABILITADA',
  'CUENTA_HABILITADA',
  'CAMBIO_DE_CONTRASENA',
  'CUENTA_CREADA',
  'CAMBIO_DE_ROL',
] as const;
export const SECURITY_OUTCOMES = ['EXITO', 'FALLO', 'BLOQUEADO'] as const;

export class SecurityEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Eventos de esta cuenta (o hechos por ella).' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  username?: string;

  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS })
  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: SECURITY_OUTCOMES })
  @IsOptional()
  @IsIn(SECURITY_OUTCOMES)
  outcome?: string;
}

export class SecurityEventDto {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: SECURITY_EVENT_KINDS }) kind!: string;
  @ApiProperty({ enum: SECURITY_OUTCOMES }) outcome!: string;
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional({ description: 'La cuenta (también el usuario tecleado en un intento fallido).' }) username?: string;
  @ApiPropertyOptional({ description: 'Quién actuó sobre la cuenta, si fue otra persona (ADMIN).' }) actorUsername?: string;
  @ApiPropertyOptional({ description: 'Dirección IP del cliente.' }) ip?: string;
  @ApiPropertyOptional() userAgent?: string;
  @ApiPropertyOptional() detail?: string;
}

export class SecurityEventPageDto {
  @ApiProperty({ type: [SecurityEventDto] }) items!: SecurityEventDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
