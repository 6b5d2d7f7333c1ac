import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** First key of the advisory locks that mark a live API process (the second is its instance id). */
export const API_INSTANCE_LOCK_CLASS = 0x53454a;

/**
 * This API process, as PostgreSQL sees it: while it lives it holds a session advisory lock
 * (API_INSTANCE_LOCK_CLASS, instanceId) on a connection of its own, outside the pool. When the
 * process dies, even by SIGKILL, its connection closes and the lock disappears, so another process
 * can tell at once that work this one left "in progress" (an idempotent request) will never finish.
 * The connection is re-opened and the lock taken again after a PostgreSQL restart.
 */
@Injectable()
export class ApiInstance implements OnModuleInit, OnApplicationShutdown {
  readonly instanceId = randomInt(1, 2 ** 31 - 1);
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly logger = new Logger(ApiInstance.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.connect().catch(() => this.scheduleReconnect());
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const c = new Client({ connectionString: this.config.databaseUrl, connectionTimeoutMillis: 5000, application_name: `api-instance-${this.instanceId}` });
    c.on('error', () => this.lost(c));
    c.on('end', () => this.lost(c));
    await c.connect();
    await c.query('select pg_advisory_lock($1, $2)', [API_INSTANCE_LOCK_CLASS, this.instanceId]);
    this.client = c;
  }

  private lost(c: Client): void {
    if (this.client !== c) return;
    this.client = null;
    c.end().catch(() => undefined);
    if (!this.closed) {
      this.logger.warn('Se perdió la conexión que marca este proceso como vivo; se reintenta.');
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch(() => this.scheduleReconnect());
    }, 2000);
    this.retry.unref();
  }
}

/** SQL true when the API process `owner` (an idempotency record's owner_instance) is no longer alive. */
export const OWNER_GONE_SQL = `not exists (
  select 1 from pg_locks l
   where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
     and l.classid = ${API_INSTANCE_LOCK_CLASS} and l.objid = owner_instance and l.objsubid = 2)`;
