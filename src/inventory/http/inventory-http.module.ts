import { Module } from '@nestjs/common';
import { HttpModule } from '../../http/http.module';
import { InventoryModule } from '../inventory.module';
import { AcusesController } from './acuses.controller';
import { AcusesHttpService } from './acuses-http.service';
import { EquipmentController } from './equipment.controller';
import { EquipmentHttpService } from './equipment-http.service';
import { HoldersController } from './holders.controller';
import { InitialKitsController } from './initial-kits.controller';
import { HoldersHttpService } from './holders-http.service';
import { SupplyTicketsController } from './supply-tickets.controller';
import { SupplyTicketsHttpService } from './supply-tickets-http.service';

/** The inventory part of the HTTP API (docs/api.md, "Inventario"). */
@Module({
  imports: [InventoryModule, HttpModule],
  controllers: [HoldersController, InitialKitsController, SupplyTicketsController, EquipmentController, AcusesController],
  providers: [HoldersHttpService, SupplyTicketsHttpService, EquipmentHttpService, AcusesHttpService],
})
export class InventoryHttpModule {}
