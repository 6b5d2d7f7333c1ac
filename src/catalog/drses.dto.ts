import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class DrseDto {
  @ApiProperty({ example: 'VALLES' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Sede.' }) seat!: string;
  @ApiPropertyOptional({ description: 'Para una Sub-DRSE: la DRSE a la que pertenece.' }) parentCode?: string;
  @ApiProperty({ type: [String], description: 'Sus Sub-DRSE.' }) subDrseCodes!: string[];
  @ApiProperty({ description: 'Escuelas asignadas directamente.' }) schools!: number;
}

export class DrseListDto {
  @ApiProperty({ type: [DrseDto] }) items!: DrseDto[];
}

export class CreateDrseDto {
  @ApiProperty({ example: 'VALLES_TALA', description: 'Clave: letras mayúsculas, dígitos y guiones bajos.' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: 'La clave debe tener de 2 a 40 letras mayúsculas, dígitos o guiones bajos.' })
  code!: string;

  @ApiProperty({ example: 'Sub DRSE Tala' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ example: 'Tala' }) @IsString() @MinLength(1) @MaxLength(120) seat!: string;

  @ApiPropertyOptional({ example: 'VALLES', description: 'La DRSE a la que pertenece (una Sub-DRSE); sin ella es una DRSE.' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  parentCode?: string;
}

export class UpdateDrseDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(120) seat?: string;
}
