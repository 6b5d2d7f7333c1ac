import { DefaultLogger, Runtime } from '@temporalio/worker';

// Temporal's worker logs every state change at INFO; tests only want warnings and errors.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier test file in this jest worker.
}
