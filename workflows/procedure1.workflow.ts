import type { Procedure1Input } from '../statecharts/procedure1.machine';
import type { ProcedureResult, ProcedureWorkflowInput } from './messages';
import { runProcedure } from './procedure-runner';
import { supplyForShortage } from './supply-child';

/** Procedure 1: the DRSE makes the credentials (SPEC §4). */
export async function procedure1Workflow(input: ProcedureWorkflowInput<Procedure1Input>): Promise<ProcedureResult> {
  return runProcedure('PROCEDURE_1', input, { supplyWorkflow: supplyForShortage });
}
