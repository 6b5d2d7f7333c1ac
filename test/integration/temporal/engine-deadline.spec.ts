import { Client, Connection } from '@temporalio/client';
import { ProcedureClient } from '../../../src/procedures/procedure-client';
import { EngineUnavailableError, withinTime } from '../../../src/requests/http/decision-errors';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';

/**
 * A call to the engine is bounded by the Temporal client's deadline (Client.withDeadline), not by a
 * race: with no worker on the queue a decision fails with gRPC DEADLINE_EXCEEDED and answers 503.
 */
describe('withinTime: the client deadline', () => {
  let temporal: TestTemporal;
  let procedures: ProcedureClient;
  beforeAll(async () => {
    temporal = await connectTestTemporal();
    procedures = new ProcedureClient(temporal.client, `${temporal.taskQueue}-sin-worker`, {}, `${temporal.taskQueue}-`);
  });
  afterAll(async () => temporal?.close());

  it('a decision nobody takes gives up at the deadline as EngineUnavailableError (503)', async () => {
    const handle = await procedures.start('PROCEDURE_1', 1, { input: {}, scope: { drseCode: 'VALLES', schoolId: 1 } });
    const started = Date.now();
    const decide = withinTime(procedures, 1_500, () => procedures.decideWorkflow(handle.workflowId, { event: { type: 'ACCEPT' }, actor: { id: 'u', role: 'DRSE_PLANEACION', drseCode: 'VALLES' } }));
    await expect(decide).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(decide).rejects.toMatchObject({ status: 503, code: 'MOTOR_NO_DISPONIBLE' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(Date.now() - started).toBeLessThan(8_000);
    await handle.terminate('prueba');
  }, 30_000);

  it('a server that does not answer gives up at the deadline too; other failures pass as they are', async () => {
    // A port nothing listens on: the connection is lazy, every attempt fails until the deadline.
    const connection = Connection.lazy({ address: '127.0.0.1:1' });
    const absent = new ProcedureClient(new Client({ connection }), 'q');
    await expect(withinTime(absent, 1_000, () => absent.viewWorkflow('nadie'))).rejects.toBeInstanceOf(EngineUnavailableError);
    await connection.close();
    const other = new Error('otra cosa');
    await expect(withinTime(procedures, 1_000, () => Promise.reject(other))).rejects.toBe(other);
  }, 30_000);
});
