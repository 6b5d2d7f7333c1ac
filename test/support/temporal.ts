import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';

export interface TestTemporal {
  client: Client;
  nativeConnection: NativeConnection;
  address: string;
  /** A task queue of its own, so test files never steal each other's tasks. */
  taskQueue: string;
  close(): Promise<void>;
}

/**
 * The real Temporal dev server: the one scripts/test.sh started (TEST_TEMPORAL_ADDRESS), or, when a
 * test file is run on its own, a fresh one from the same CLI binary (TEMPORAL_CLI_PATH).
 */
export async function connectTestTemporal(): Promise<TestTemporal> {
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const address = process.env.TEST_TEMPORAL_ADDRESS;
  if (address) {
    const connection = await Connection.connect({ address });
    const nativeConnection = await NativeConnection.connect({ address });
    return {
      client: new Client({ connection }),
      nativeConnection,
      address,
      taskQueue,
      async close() {
        await nativeConnection.close();
        await connection.close();
      },
    };
  }
  const path = process.env.TEMPORAL_CLI_PATH;
  if (!path) throw new Error('Set TEST_TEMPORAL_ADDRESS or TEMPORAL_CLI_PATH (scripts/test.sh does both).');
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path } } });
  return {
    client: env.client,
    nativeConnection: env.nativeConnection,
    address: env.address,
    taskQueue,
    close: () => env.teardown(),
  };
}
