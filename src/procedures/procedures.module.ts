import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory';
import { ProductionModule } from '../production';
import { RequestReadModel, RequestsService } from '../requests';
import { PrintConsumptionModule } from './adapters/inventory-consumption.recorder';
import { InventoryMaterialGateway } from './adapters/inventory-material.gateway';
import { InventorySupplyGateway } from './adapters/inventory-supply.gateway';
import { ProductionServiceGateway } from './adapters/production.gateway';
import { ProcedureActivities } from './procedure.activities';
import { MATERIAL_GATEWAY, PRODUCTION_GATEWAY, SUPPLY_GATEWAY } from './ports';

/**
 * The procedures' activities, read model and requests service, with their ports bound to the real
 * inventory and production modules (docs/procedures.md, "Ports and adapters"). Importing it also
 * registers the global CONSUMPTION_RECORDER (print runs consume inventory). Needs ConfigModule and the ORM.
 */
@Module({
  imports: [InventoryModule, ProductionModule, PrintConsumptionModule],
  providers: [
    RequestReadModel,
    RequestsService,
    ProcedureActivities,
    InventoryMaterialGateway,
    ProductionServiceGateway,
    InventorySupplyGateway,
    { provide: MATERIAL_GATEWAY, useExisting: InventoryMaterialGateway },
    { provide: PRODUCTION_GATEWAY, useExisting: ProductionServiceGateway },
    { provide: SUPPLY_GATEWAY, useExisting: InventorySupplyGateway },
  ],
  exports: [RequestReadModel, RequestsService, ProcedureActivities],
})
export class ProceduresModule {}
