import type { SupportInput } from '../statecharts/support.machine';
import type { ProcedureResult, ProcedureWorkflowInput } from './messages';
import { runProcedure } from './procedure-runner';

/** Support escalation (R10): a ticket from the opener to the DRSE's Tecnologías, DGTI or central Control Escolar, and back. */
export async function supportWorkflow(input: ProcedureWorkflowInput<SupportInput>): Promise<ProcedureResult> {
  return runProcedure('SUPPORT', input);
}
