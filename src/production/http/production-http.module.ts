import { Module } from '@nestjs/common';
import { HttpModule } from '../../http/http.module';
import { ProductionModule } from '../production.module';
import { CardsController } from './cards.controller';
import { CardsHttpService } from './cards-http.service';
import { ManualController } from './manual.controller';
import { PrintingManualService } from '../printing-manual';
import { PrintRunsController } from './print-runs.controller';
import { PrintRunsHttpService } from './print-runs-http.service';
import { ReplacementsController } from './replacements.controller';
import { ReplacementsHttpService } from './replacements-http.service';

/** The production part of the HTTP API (docs/api.md, "Producción"). The public `/verificar` stays in ProductionModule. */
@Module({
  imports: [ProductionModule, HttpModule],
  controllers: [PrintRunsController, CardsController, ReplacementsController, ManualController],
  providers: [PrintRunsHttpService, CardsHttpService, ReplacementsHttpService, PrintingManualService],
})
export class ProductionHttpModule {}
