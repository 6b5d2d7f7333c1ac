import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { stopTracing, traceQueries } from './tracing';

/**
 * In every process that opens the database (API and worker): its queries become spans of the active
 * trace, and the spans still queued are exported before the process ends (Nest's shutdown hooks).
 */
@Injectable()
export class QueryTracing implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    traceQueries(this.orm.em.getKnex() as never);
  }

  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
