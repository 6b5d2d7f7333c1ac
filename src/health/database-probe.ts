import { Client } from 'pg';

/**
 * Answers "is PostgreSQL up?" within `timeoutMs`, on a connection of its own: a pool exhausted by a
 * burst of work, or a server that does not answer, never makes `/health` wait.
 */
export class DatabaseProbe {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async isUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    const check = this.connection()
      .then((c) => c.query({ text: 'select 1', query_timeout: this.timeoutMs } as never))
      .then(() => true)
      .catch(() => {
        this.reset();
        return false;
      });
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    this.connecting = null;
    await c?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const c = new Client({ connectionString: this.url, connectionTimeoutMillis: this.timeoutMs, application_name: 'health-probe' });
      c.on('error', () => this.reset());
      await c.connect();
      this.client = c;
      return c;
    })().catch((err: unknown) => {
      this.connecting = null;
      throw err;
    });
    return this.connecting;
  }

  private reset(): void {
    const c = this.client;
    this.client = null;
    this.connecting = null;
    c?.end().catch(() => undefined);
  }
}
