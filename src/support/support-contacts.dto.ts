import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

/** An office's contact: the area, never a person (R10). */
export class SupportContactDto {
  @ApiProperty({ description: 'Área (p. ej. «Tecnologías de la DRSE», «Control Escolar»).', minLength: 3, maxLength: 100 })
  @IsString()
  @MinLength(3, { message: 'El área debe tener al menos 3 caracteres.' })
  @MaxLength(100)
  area!: string;

  @ApiProperty({ description: 'Teléfono institucional (10 dígitos; se admiten espacios y guiones).', example: '33 3030 7500' })
  @IsString()
  @Matches(/^\d[\d -]{8,18}\d$/, { message: 'El teléfono debe tener 10 dígitos (se admiten espacios y guiones).' })
  telefono!: string;

  @ApiPropertyOptional({ description: 'Extensión (hasta 6 dígitos).', example: '55123' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,6}$/, { message: 'La extensión debe ser de 1 a 6 dígitos.' })
  extension?: string;

  @ApiProperty({ description: 'Buzón institucional del área (dominio .gob.mx).', example: 'tecnologias.drse.valles@jalisco.gob.mx' })
  @IsString()
  @MaxLength(120)
  @Matches(/^[a-z0-9][a-z0-9._-]*@([a-z0-9-]+\.)*gob\.mx$/i, { message: 'El correo debe ser el buzón institucional del área (dominio .gob.mx).' })
  correo!: string;
}

export class SetSupportContactsDto {
  @ApiProperty({ type: [SupportContactDto], maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SupportContactDto)
  contactos!: SupportContactDto[];
}

export class OfficeContactsDto {
  @ApiProperty({ nullable: true, type: String, description: 'La DRSE; null para las oficinas centrales.' }) drseCode!: string | null;
  @ApiProperty({ description: 'Nombre de la DRSE, u «Oficinas centrales».' }) nombre!: string;
  @ApiProperty({ type: [SupportContactDto] }) contactos!: SupportContactDto[];
}

export class SupportContactsDto {
  @ApiProperty({ type: [OfficeContactsDto] }) items!: OfficeContactsDto[];
}
