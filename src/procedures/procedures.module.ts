import { Module, Provider } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { RequestReadModel } from '../requests/request-read-model';
import { RequestsService } from '../requests/requests.service';
import { ProcedureActivities } from './procedure.activities';
import { MATERIAL_GATEWAY, PRODUCTION_GATEWAY, SUPPLY_GATEWAY } from './ports';

/**
 * Ports not yet bound to the inventory and production modules: every call fails, not retried, with a
 * clear message, so a procedure stops at its first material/production step instead of pretending.
 * The integration replaces these three providers with adapters over InventoryActivities'/
 * ProductionActivities' services (docs/procedures.md, "Ports").
 */
function unbound(port: string): Provider {
  const fail = () => {
    throw ApplicationFailure.nonRetryable(`El puerto ${port} aún no está integrado con su módulo.`, 'PuertoNoIntegrado');
  };
  return { provide: port, useValue: new Proxy({}, { get: () => fail }) };
}

@Module({
  providers: [
    RequestReadModel,
    RequestsService,
    ProcedureActivities,
    unbound(MATERIAL_GATEWAY),
    unbound(PRODUCTION_GATEWAY),
    unbound(SUPPLY_GATEWAY),
  ],
  exports: [RequestReadModel, RequestsService, ProcedureActivities],
})
export class ProceduresModule {}
