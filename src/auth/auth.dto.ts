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

export class RefreshDto {
  @ApiProperty({ description: 'El token de renovación recibido al iniciar sesión o en la última renovación.' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken!: string;
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
  @ApiProperty({ description: 'Token de renovación de un solo uso (rota en cada renovación).' }) refreshToken!: string;
  @ApiProperty({ description: 'Vigencia del token de renovación, en segundos.' }) refreshExpiresIn!: number;
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
