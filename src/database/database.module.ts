import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { loadConfig } from '../config/app-config';
import { QueryTracing } from '../observability/query-tracing';
import { createOrmConfig } from './mikro-orm.config';

@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      useFactory: () => ({ ...createOrmConfig(loadConfig().databaseUrl), registerRequestContext: true }),
    }),
  ],
  providers: [QueryTracing],
})
export class DatabaseModule {}
