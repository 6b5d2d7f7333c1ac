import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the public verification (SPEC §6): no more than the school and the cycle. */
export class VerifiedSchoolDto {
  @ApiProperty() name!: string;
  @ApiProperty({ example: '14EPR0123X' }) cct!: string;
  @ApiProperty({ example: 'MATUTINO' }) turno!: string;
}

export class VerificationResultDto {
  @ApiProperty({ description: 'La firma Ed25519 del código es auténtica (comprobable sin conexión con las claves públicas).' }) signatureValid!: boolean;
  @ApiPropertyOptional({
    enum: ['VIGENTE', 'REPORTADA', 'REVOCADA', 'REEMPLAZADA', 'ANULADA', 'DESCONOCIDA', 'NECESITA_REPOSICION'],
    description: 'Estado del folio; ausente si la firma no es válida. NECESITA_REPOSICION: firmada con una clave revocada.',
  })
  status?: string;
  @ApiPropertyOptional({ example: '2627-0000123-9' }) folio?: string;
  @ApiPropertyOptional({ type: VerifiedSchoolDto }) school?: VerifiedSchoolDto;
  @ApiPropertyOptional({ example: '2026-2027', description: 'Ciclo de expedición.' }) cycleCode?: string;
  @ApiPropertyOptional({ example: '2026-10-02', description: 'Fecha en que la credencial se reportó extraviada, robada o dañada, si se reportó.' }) reportedOn?: string;
  @ApiProperty({ description: 'El resultado, en español.' }) message!: string;
}

export class PublishedKeyDto {
  @ApiProperty({ example: 'K1' }) keyId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: string;
  @ApiProperty({ description: 'SubjectPublicKeyInfo, PEM.' }) publicKeyPem!: string;
  @ApiProperty({ description: 'Los 32 bytes de la clave, base64url.' }) publicKeyRaw!: string;
  @ApiProperty({ description: 'La clave con la que se firman las credenciales nuevas.' }) current!: boolean;
  @ApiProperty({ description: 'Clave revocada (comprometida): lo firmado con ella no es confiable y necesita reposición.' }) revoked!: boolean;
}
