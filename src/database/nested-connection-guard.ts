import { EntityManager, TransactionContext, TransactionManager } from '@mikro-orm/core';
import { knex } from '@mikro-orm/postgresql';

/**
 * One connection per unit of work. Inside an open transaction, code must use the transaction's
 * EntityManager: `em.fork()` or a query on the pool would take a second connection, and with as many
 * concurrent transactions as pooled connections every one of them waits for another (the pool
 * deadlock of concurrent print runs). Installed by the test setup, it turns both into an error at
 * the line that does it; MikroORM's own forks (nested transactions, savepoints) are allowed.
 */
export class NestedConnectionError extends Error {
  constructor(what: string) {
    super(`${what} inside an open transaction takes a second connection: pass the transaction's EntityManager down instead`);
    this.name = 'NestedConnectionError';
  }
}

let installed = false;
let internalForks = 0;

function inTransaction(): boolean {
  return TransactionContext.currentTransactionContext()?.em.isInTransaction() ?? false;
}

export function installNestedConnectionGuard(): void {
  if (installed) return;
  installed = true;

  const createFork = TransactionManager.prototype['createFork' as keyof TransactionManager] as unknown as (...args: unknown[]) => EntityManager;
  Object.defineProperty(TransactionManager.prototype, 'createFork', {
    configurable: true,
    value(this: TransactionManager, ...args: unknown[]) {
      internalForks++;
      try {
        return createFork.apply(this, args);
      } finally {
        internalForks--;
      }
    },
  });

  const fork = EntityManager.prototype.fork;
  EntityManager.prototype.fork = function guardedFork(this: EntityManager, options?: Parameters<EntityManager['fork']>[0]) {
    if (internalForks === 0 && !options?.keepTransactionContext && inTransaction()) throw new NestedConnectionError('em.fork()');
    return fork.call(this, options);
  } as EntityManager['fork'];

  const proto = knex.Client.prototype as unknown as { acquireConnection: () => Promise<unknown> };
  const acquire = proto.acquireConnection;
  proto.acquireConnection = function guardedAcquire(this: unknown) {
    if (inTransaction()) return Promise.reject(new NestedConnectionError('A query on the pool'));
    return acquire.call(this);
  };
}
