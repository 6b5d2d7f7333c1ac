import type { Procedure2Input } from '../statecharts/procedure2.machine';
import type { ProcedureResult, ProcedureWorkflowInput } from './messages';
import { runProcedure } from './procedure-runner';
import { supplyForShortage } from './supply-child';

/** Procedure 2: a school that prints on site asks for material (SPEC §4). */
export async function procedure2Workflow(input: ProcedureWorkflowInput<Procedure2Input>): Promise<ProcedureResult> {
  return runProcedure('PROCEDURE_2', input, { supplyWorkflow: supplyForShortage });
}
