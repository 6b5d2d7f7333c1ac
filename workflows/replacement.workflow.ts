import type { ReplacementInput } from '../statecharts/replacement.machine';
import type { ProcedureResult, ProcedureWorkflowInput } from './messages';
import { runProcedure } from './procedure-runner';

/** Replacement (reposición) of a lost, damaged or stolen card (SPEC §4, R5). */
export async function replacementWorkflow(input: ProcedureWorkflowInput<ReplacementInput>): Promise<ProcedureResult> {
  return runProcedure('REPLACEMENT', input);
}
