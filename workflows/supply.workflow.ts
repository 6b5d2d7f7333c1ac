import type { SupplyInput } from '../statecharts/supply.machine';
import type { ProcedureResult, ProcedureWorkflowInput } from './messages';
import { runProcedure } from './procedure-runner';

/** Supply replenishment (abastecimiento): the workflow side of a supply ticket (SPEC §4). */
export async function supplyWorkflow(input: ProcedureWorkflowInput<SupplyInput>): Promise<ProcedureResult> {
  return runProcedure('SUPPLY', input);
}
