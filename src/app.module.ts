import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { TemporalModule } from './temporal/temporal.module';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule],
  controllers: [HealthController],
})
export class AppModule {}
