import { PendingStartSweeper } from '../pending-start';
import { Global, Module } from '@nestjs/common';
import { HttpModule } from '../../http/http.module';
import { registerConstraintProblem } from '../../http/problem';
import { SUPPLY_TICKET_WORKFLOW_ROUTE, InventoryModule } from '../../inventory';
import { ProductionModule, REPLACEMENT_PAYMENT_ROUTE, ReplacementPaymentRoute } from '../../production';
import { RequestsService } from '../requests.service';
import { DiagramsController } from './diagrams.controller';
import { InboxController } from './inbox.controller';
import { procedureClientProvider, PROCEDURE_CLIENT } from './procedure-client.provider';
import { RequestsController } from './requests.controller';
import { RequestAccess } from './request-access';
import { RequestFilingService } from './request-filing.service';
import { RequestQueriesService } from './request-queries.service';
import { RequestsHttpService } from './requests-http.service';
import { SupplyTicketWorkflowRouteService } from './supply-ticket-route';

registerConstraintProblem('procedure_request_oficio_unique', { field: 'oficio', message: 'Ese oficio ya se presentó en otra solicitud de la escuela.', status: 409 });

/**
 * The requests part of the API (docs/api.md, "Trámites"): filing, reading, decisions, inbox and
 * diagrams. Global so that the inventory API finds SUPPLY_TICKET_WORKFLOW_ROUTE (tickets a
 * procedure's supply workflow drives go to that workflow) and the production API finds
 * REPLACEMENT_PAYMENT_ROUTE (`POST /replacements` starts the replacement workflow).
 */
@Global()
@Module({
  imports: [HttpModule, InventoryModule, ProductionModule],
  controllers: [RequestsController, InboxController, DiagramsController],
  providers: [
    procedureClientProvider,
    RequestsService,
    RequestAccess,
    RequestQueriesService,
    RequestFilingService,
    RequestsHttpService,
    PendingStartSweeper,
    SupplyTicketWorkflowRouteService,
    { provide: SUPPLY_TICKET_WORKFLOW_ROUTE, useExisting: SupplyTicketWorkflowRouteService },
    {
      provide: REPLACEMENT_PAYMENT_ROUTE,
      useFactory: (filing: RequestFilingService): ReplacementPaymentRoute => ({ record: (actor, command, onBehalf) => filing.recordReplacementPayment(actor, command, onBehalf) }),
      inject: [RequestFilingService],
    },
  ],
  exports: [PROCEDURE_CLIENT, SUPPLY_TICKET_WORKFLOW_ROUTE, REPLACEMENT_PAYMENT_ROUTE, PendingStartSweeper, RequestsHttpService, RequestQueriesService],
})
export class RequestsHttpModule {}
