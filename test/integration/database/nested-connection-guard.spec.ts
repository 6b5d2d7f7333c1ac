import { NestedConnectionError } from '../../../src/database/nested-connection-guard';
import { createTestDatabase, TestDatabase } from '../../support/db';

/** The guard every test runs under (test/support/setup-env.ts): a second connection inside a transaction fails at once. */
describe('nested connection guard', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('refuses em.fork() inside an open transaction', async () => {
    const em = db.orm.em.fork();
    await expect(em.transactional(async () => em.fork().execute('select 1'))).rejects.toThrow(NestedConnectionError);
    await expect(em.transactional(async (tx) => tx.fork().execute('select 1'))).rejects.toThrow(NestedConnectionError);
  });

  it('refuses a query on the pool (not the transaction) inside an open transaction', async () => {
    const em = db.orm.em.fork();
    await expect(em.transactional(async () => em.getConnection().execute('select 1'))).rejects.toThrow(NestedConnectionError);
  });

  it('lets the transaction use its own connection, nested transactions (savepoints) and work after it', async () => {
    const em = db.orm.em.fork();
    const out = await em.transactional(async (tx) => {
      const [a] = await tx.execute<Array<{ n: number }>>('select 1 as n');
      const b = await tx.transactional(async (inner) => (await inner.execute<Array<{ n: number }>>('select 2 as n'))[0].n);
      return a.n + b;
    });
    expect(out).toBe(3);
    expect(await em.fork().execute('select 1 as n')).toEqual([{ n: 1 }]);
  });
});
