import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { InventoryModule } from './inventory/inventory.module';
import { WorkerMetricsModule } from './observability/database-metrics';
import { LoggingModule } from './observability/http-logging';
import { ProductionModule } from './production/production.module';
import { ProcedureActivities } from './procedures/procedure.activities';
import { ProceduresModule } from './procedures/procedures.module';
import { SystemActivities } from './system/system.activities';

/** The worker process's DI container: only what activities need, no HTTP. */
@Module({
  imports: [LoggingModule, WorkerMetricsModule, ConfigModule, DatabaseModule, InventoryModule, ProductionModule, ProceduresModule],
  providers: [SystemActivities],
})
export class WorkerModule {}

/** Activity classes whose methods the worker registers. */
export const ACTIVITY_CLASSES = [SystemActivities, ProcedureActivities];
