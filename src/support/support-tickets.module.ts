import { Global, Module } from '@nestjs/common';
import { HttpModule } from '../http/http.module';
import { registerConstraintProblem } from '../http/problem';
import { FAILURE_TICKET_ROUTE } from '../inventory';
import { SupportTicketsController } from './support-tickets.controller';
import { SupportTicketsHttpService } from './support-tickets-http.service';
import { SupportTicketsService } from './support-tickets.service';

registerConstraintProblem('support_ticket_operation_unique', { field: 'Idempotency-Key', message: 'Ese ticket se está abriendo en otra solicitud; reintente.', status: 409 });

/**
 * Support tickets (R10, docs/support.md). Global so that the inventory API finds
 * FAILURE_TICKET_ROUTE: an equipment failure report opens an EQUIPO ticket.
 */
@Global()
@Module({
  imports: [HttpModule],
  controllers: [SupportTicketsController],
  providers: [SupportTicketsService, SupportTicketsHttpService, { provide: FAILURE_TICKET_ROUTE, useExisting: SupportTicketsHttpService }],
  exports: [FAILURE_TICKET_ROUTE],
})
export class SupportTicketsModule {}
