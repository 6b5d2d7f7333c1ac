import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { InventoryActivities } from './inventory/inventory.activities';
import { InventoryModule } from './inventory/inventory.module';
import { WorkerMetricsModule } from './observability/database-metrics';
import { LoggingModule } from './observability/http-logging';
import { ProductionActivities } from './production/production.activities';
import { ProductionModule } from './production/production.module';
import { ProcedureActivities } from './procedures/procedure.activities';
import { ProceduresModule } from './procedures/procedures.module';
import { SystemActivities } from './system/system.activities';

/** The worker process's DI container: only what activities need, no HTTP. */
@Module({
  imports: [LoggingModule, WorkerMetricsModule, ConfigModule, DatabaseModule, InventoryModule, ProductionModule, ProceduresModule],
  providers: [SystemActivities, InventoryActivities],
})
export class WorkerModule {}

/** Activity classes whose methods the worker registers. */
export const ACTIVITY_CLASSES = [SystemActivities, InventoryActivities, ProductionActivities, ProcedureActivities];
