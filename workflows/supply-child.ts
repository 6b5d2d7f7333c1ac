import type { MaterialQuantities } from '../statecharts/step-meta';
import type { SupplyInput } from '../statecharts/supply.machine';
import type { ProcedureWorkflowInput } from './messages';

/** The supply a procedure waits on: the shortage its reservation reported, for the request's DRSE. */
export function supplyForShortage(
  context: Record<string, unknown>,
  parent: { requestId: number; input: ProcedureWorkflowInput<unknown> },
): ProcedureWorkflowInput<SupplyInput> {
  const shortage = context.shortage as MaterialQuantities | null;
  if (!shortage) throw new Error('No shortage recorded before waiting on supply');
  const drseCode = parent.input.scope.drseCode;
  return {
    input: { drseCode, requested: { ...shortage }, parentRequestId: parent.requestId },
    scope: { drseCode },
    slaOverrides: parent.input.slaOverrides,
    maxHistoryEvents: parent.input.maxHistoryEvents,
    activityTimeout: parent.input.activityTimeout,
    heartbeatTimeout: parent.input.heartbeatTimeout,
    maxStepAttempts: parent.input.maxStepAttempts,
    submittedBy: { id: 'sistema', role: 'SISTEMA' },
  };
}
