import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RenderingModule } from '../rendering/rendering.module';
import { BlobStore } from '../storage/blob-store';
import { AcuseService, INVENTORY_BLOB_STORE } from './acuse.service';
import { EquipmentService } from './equipment.service';
import { HolderService } from './holder.service';
import { InitialKitsService } from './initial-kits.service';
import { INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { JustificationService } from './justification.service';
import { ReservationService } from './reservation.service';
import { StockService } from './stock.service';
import { SupplyTicketService } from './supply-ticket.service';

const SERVICES = [HolderService, InitialKitsService, StockService, ReservationService, JustificationService, SupplyTicketService, AcuseService, EquipmentService];

/** Inventory services for the API (controllers) and the worker. Needs ConfigModule and the ORM. */
@Module({
  imports: [RenderingModule],
  providers: [
    { provide: INVENTORY_CONFIG, useFactory: () => loadInventoryConfig() },
    { provide: INVENTORY_BLOB_STORE, useFactory: (config: AppConfig) => new BlobStore(path.join(config.dataDir, 'uploads')), inject: [APP_CONFIG] },
    ...SERVICES,
  ],
  exports: [INVENTORY_CONFIG, INVENTORY_BLOB_STORE, ...SERVICES],
})
export class InventoryModule {}
