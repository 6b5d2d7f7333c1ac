import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from './actor';

export class LoginDto {
  @ApiProperty({ example: 'escuela-drse' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  username!: string;

  @ApiProperty({ example: 'demo1234', format: 'password' })
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
