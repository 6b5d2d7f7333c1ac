import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ComplaintsController } from './catalog/complaints.controller';
import { ComplaintsService } from './catalog/complaints.service';
import { CoverageController } from './catalog/coverage.controller';
import { CoverageService } from './catalog/coverage.service';
import { CyclesController } from './catalog/cycles.controller';
import { CyclesService } from './catalog/cycles.service';
import { DrsesController } from './catalog/drses.controller';
import { DrsesService } from './catalog/drses.service';
import { SchoolAdminService } from './catalog/school-admin.service';
import { SchoolsController } from './catalog/schools.controller';
import { SchoolsService } from './catalog/schools.service';
import { StudentsController } from './catalog/students.controller';
import { StudentsService } from './catalog/students.service';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { HttpModule } from './http/http.module';
import { InboxModule } from './inbox/inbox.module';
import { ApiMetricsModule } from './observability/database-metrics';
import { LoggingModule } from './observability/http-logging';
import { InventoryHttpModule } from './inventory/http/inventory-http.module';
import { ProductionModule } from './production/production.module';
import { ProductionHttpModule } from './production/http/production-http.module';
import { PrintConsumptionModule } from './procedures/adapters/inventory-consumption.recorder';
import { RequestsHttpModule } from './requests/http/requests-http.module';
import { TemporalCodecModule } from './temporal/codec.controller';
import { TemporalModule } from './temporal/temporal.module';
import { UploadsModule } from './uploads/upload-store.service';
import { SupportContactsController } from './support/support-contacts.controller';
import { SupportContactsService } from './support/support-contacts.service';
import { SupportTicketsModule } from './support/support-tickets.module';

/**
 * The API process. HttpModule brings the global guard (deny by default), the problem+json filter
 * and the validation pipe; each domain adds its own module to `imports`.
 */
@Module({
  imports: [LoggingModule, ApiMetricsModule, ConfigModule, DatabaseModule, TemporalModule, HttpModule, AuthModule, UploadsModule, ProductionModule, PrintConsumptionModule, InventoryHttpModule, ProductionHttpModule, RequestsHttpModule, SupportTicketsModule, InboxModule, TemporalCodecModule],
  controllers: [HealthController, SchoolsController, StudentsController, ComplaintsController, DrsesController, CyclesController, CoverageController, SupportContactsController],
  providers: [SchoolsService, StudentsService, ComplaintsService, SchoolAdminService, DrsesService, CyclesService, CoverageService, SupportContactsService],
  exports: [SchoolsService, StudentsService],
})
export class AppModule {}
