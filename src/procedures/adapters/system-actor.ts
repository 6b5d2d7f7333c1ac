import { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { WORKFLOW_ACTOR_PREFIX, type Actor, type Role } from '../../access';
import { DomainError } from '../../common/domain-error';
import { InsufficientStockError } from '../../inventory';

/**
 * The actor of an automatic step: `workflow:<workflowId>` (no person, no personal data) with the
 * role the inventory/production rule requires for that step and the request's scope. The people who
 * decided are in the procedure's audit trail; the ledger, folios and acuses name the workflow.
 */
export function workflowActor(workflowId: string, role: Role, scope: { drseCode?: string; schoolId?: number } = {}): Actor {
  return { id: `${WORKFLOW_ACTOR_PREFIX}${workflowId}`.slice(0, 100), role, ...scope };
}

/**
 * A business refusal (DomainError) is not retried: Temporal gets a non-retryable failure with the
 * Spanish message. `waitOnShortage`: a lack of stock is retried instead (the step waits for stock).
 */
export async function asActivity<T>(work: () => Promise<T>, opts: { waitOnShortage?: boolean } = {}): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) {
      const retry = opts.waitOnShortage === true && err instanceof InsufficientStockError;
      throw ApplicationFailure.create({ message: err.message, type: err.code ?? 'DomainError', nonRetryable: !retry, details: [{ field: err.field ?? null, status: err.status }] });
    }
    throw err;
  }
}

/** The current school cycle (its holograms are the ones a request uses). */
export async function currentCycle(em: EntityManager): Promise<string> {
  const [row] = await em.fork().execute<Array<{ code: string }>>('select code from school_cycle where is_current');
  if (!row) throw new DomainError('No hay un ciclo escolar vigente.', 'cycleCode', 'CICLO_DESCONOCIDO');
  return row.code;
}
