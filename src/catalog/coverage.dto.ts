import { ApiProperty } from '@nestjs/swagger';

export class CoverageStatusCountDto {
  @ApiProperty({ description: 'Estado público de la solicitud.' }) status!: string;
  @ApiProperty() count!: number;
}

export class CoverageRequestsDto {
  @ApiProperty({ type: [CoverageStatusCountDto] }) byStatus!: CoverageStatusCountDto[];
  @ApiProperty({ description: 'Solicitudes abiertas.' }) open!: number;
  @ApiProperty({ description: 'Abiertas con una tarea vencida.' }) overdue!: number;
}

export class CoveragePendingDto {
  @ApiProperty({ description: 'Alumnos que no declinaron y aún no tienen credencial vigente u holograma del ciclo.' }) students!: number;
  @ApiProperty({ description: 'Sin credencial vigente.' }) newCards!: number;
  @ApiProperty({ description: 'Sin holograma del ciclo.' }) holograms!: number;
  @ApiProperty({ description: 'Sin credencial vigente y sin foto (R8: no se puede producir).' }) withoutPhoto!: number;
}

export class CoverageMaterialDto {
  @ApiProperty({ example: 'MICA' }) item!: string;
  @ApiProperty({ description: 'Disponible (en mano − reservado) en los almacenes de la unidad.' }) available!: number;
  @ApiProperty({ description: 'Lo que necesitan los alumnos pendientes.' }) needed!: number;
  @ApiProperty() missing!: number;
}

export class CoverageMetricsDto {
  @ApiProperty() schools!: number;
  @ApiProperty() students!: number;
  @ApiProperty() withPhoto!: number;
  @ApiProperty() declined!: number;
  @ApiProperty({ description: 'Alumnos con credencial expedida vigente (de cualquier ciclo).' }) cardsInForce!: number;
  @ApiProperty({ description: 'Credenciales expedidas en el ciclo vigente.' }) cardsIssuedThisCycle!: number;
  @ApiProperty({ description: 'Alumnos con el holograma del ciclo vigente.' }) hologramsDelivered!: number;
  @ApiProperty({ type: CoveragePendingDto }) pending!: CoveragePendingDto;
  @ApiProperty({ type: CoverageRequestsDto }) requests!: CoverageRequestsDto;
  @ApiProperty({ type: [CoverageMaterialDto], nullable: true, description: 'null: la escuela no imprime (la atiende su DRSE).' })
  material!: CoverageMaterialDto[] | null;
}

export class DrseCoverageRowDto extends CoverageMetricsDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
}

export class SchoolCoverageRowDto extends CoverageMetricsDto {
  @ApiProperty() id!: number;
  @ApiProperty() cct!: string;
  @ApiProperty() turno!: string;
  @ApiProperty() nivel!: string;
  @ApiProperty() name!: string;
  @ApiProperty() drseCode!: string;
  @ApiProperty({ enum: ['DRSE', 'ESCUELA'] }) printRoute!: string;
}

export class CentralStockDto {
  @ApiProperty() item!: string;
  @ApiProperty() available!: number;
}

export class CoverageSummaryDto {
  @ApiProperty() cycleCode!: string;
  @ApiProperty({ enum: ['ESTADO', 'DRSE'] }) scope!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ description: 'Cuándo se contaron alumnos, credenciales y hologramas (estado y DRSE: el último recálculo, a lo más unos minutos; una escuela: al momento).' })
  countsAsOf!: string;
  @ApiProperty({ type: CoverageMetricsDto }) totals!: CoverageMetricsDto;
  @ApiProperty({ type: [DrseCoverageRowDto] }) drses!: DrseCoverageRowDto[];
  @ApiProperty({ type: [CentralStockDto], nullable: true }) centralWarehouse!: CentralStockDto[] | null;
}

export class DrseRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
}

export class DrseCoverageDto {
  @ApiProperty() cycleCode!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ description: 'Cuándo se contaron alumnos, credenciales y hologramas (estado y DRSE: el último recálculo, a lo más unos minutos; una escuela: al momento).' })
  countsAsOf!: string;
  @ApiProperty({ type: DrseRefDto }) drse!: DrseRefDto;
  @ApiProperty({ type: CoverageMetricsDto }) totals!: CoverageMetricsDto;
  @ApiProperty({ type: [SchoolCoverageRowDto] }) schools!: SchoolCoverageRowDto[];
}

export class SchoolCoverageDto {
  @ApiProperty() cycleCode!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ description: 'Cuándo se contaron alumnos, credenciales y hologramas (estado y DRSE: el último recálculo, a lo más unos minutos; una escuela: al momento).' })
  countsAsOf!: string;
  @ApiProperty({ type: SchoolCoverageRowDto }) school!: SchoolCoverageRowDto;
}
