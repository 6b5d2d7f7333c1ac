import { Runtime } from '@temporalio/worker';
import { installNestedConnectionGuard } from '../../src/database/nested-connection-guard';
import { initLogging, TemporalJsonLogger } from '../../src/observability/logger';

// Tests only want warnings and errors (JSON lines, as in production); a test may lower the level.
// Not through the environment: processes the tests spawn (test/faults) log as in production.
initLogging('test').level = process.env.LOG_LEVEL || 'warn';

// Temporal's logs (worker, workflows, activities) through this test file's JSON logger.
try {
  Runtime.install({ logger: new TemporalJsonLogger() });
} catch {
  // Installed by an earlier test file in this jest worker: point it at this file's logger.
  (Runtime.instance() as { logger: unknown }).logger = new TemporalJsonLogger();
}

// Every test fails where code takes a second connection inside an open transaction.
installNestedConnectionGuard();
