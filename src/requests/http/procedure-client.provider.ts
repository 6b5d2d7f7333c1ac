import { Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ProcedureClient } from '../../procedures';
import { TemporalClientService } from '../../temporal/temporal.module';

/** The API's ProcedureClient (start / decide / view procedure workflows). */
export const PROCEDURE_CLIENT = Symbol('PROCEDURE_CLIENT');

const DEFAULT_TASK_QUEUE = 'credencializacion';

/**
 * Prefix of every workflow id the API starts: `WORKFLOW_ID_PREFIX` when set (also to ''); else none
 * on the default task queue and `<task queue>-` on any other one, so several databases sharing one
 * Temporal namespace (tests, benchmarks: one task queue each) never reuse each other's workflows.
 */
export function workflowIdPrefix(config: Pick<AppConfig, 'taskQueue'>, env: NodeJS.ProcessEnv = process.env): string {
  if (env.WORKFLOW_ID_PREFIX !== undefined) return env.WORKFLOW_ID_PREFIX;
  return config.taskQueue === DEFAULT_TASK_QUEUE ? '' : `${config.taskQueue}-`;
}

export const procedureClientProvider: Provider = {
  provide: PROCEDURE_CLIENT,
  inject: [TemporalClientService, APP_CONFIG],
  useFactory: (temporal: TemporalClientService, config: AppConfig) =>
    new ProcedureClient(temporal.client, config.taskQueue, undefined, workflowIdPrefix(config)),
};
