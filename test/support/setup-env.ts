import { DefaultLogger, Runtime } from '@temporalio/worker';
import { installNestedConnectionGuard } from '../../src/database/nested-connection-guard';

// Temporal's worker logs every state change at INFO; tests only want warnings and errors.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier test file in this jest worker.
}

// Every test fails where code takes a second connection inside an open transaction.
installNestedConnectionGuard();
