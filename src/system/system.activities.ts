import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/** Activities that prove the worker's wiring: Temporal → worker → PostgreSQL. */
@Injectable()
export class SystemActivities {
  constructor(private readonly em: EntityManager) {}

  async checkDatabase(): Promise<{ database: string; drseCount: number }> {
    const em = this.em.fork();
    const [row] = await em.execute<Array<{ database: string; drse_count: string }>>(
      'select current_database() as database, (select count(*) from drse) as drse_count',
    );
    return { database: row.database, drseCount: Number(row.drse_count) };
  }
}
