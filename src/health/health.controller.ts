import { Controller, Get, HttpStatus, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Public } from '../http/auth.decorators';
import { TemporalClientService, TemporalClusterReport } from '../temporal/temporal.module';
import { DatabaseProbe } from './database-probe';

/** Each check answers within this, so `/health` does too (both run at once). */
const CHECK_TIMEOUT_MS = 1000;

export interface HealthReport {
  status: 'ok' | 'degradado';
  database: 'up' | 'down';
  temporal: 'up' | 'down';
  /** Where Temporal keeps its state, when it answers (no versions: the endpoint is public). */
  temporalCluster?: TemporalClusterReport;
}

@ApiTags('salud')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly database: DatabaseProbe;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly temporal: TemporalClientService,
  ) {
    this.database = new DatabaseProbe(config.databaseUrl, CHECK_TIMEOUT_MS);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Estado del sistema: base de datos y Temporal (público).' })
  @ApiResponse({ status: 200, description: 'Todo disponible.' })
  @ApiResponse({ status: 503, description: 'Algún componente no responde.' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const [database, cluster] = await Promise.all([this.database.isUp(), this.temporal.describe(CHECK_TIMEOUT_MS)]);
    const report: HealthReport = {
      status: database && cluster ? 'ok' : 'degradado',
      database: database ? 'up' : 'down',
      temporal: cluster ? 'up' : 'down',
      ...(cluster ? { temporalCluster: cluster } : {}),
    };
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    if (report.status !== 'ok') res.setHeader('Retry-After', '5');
    return report;
  }

  async onModuleDestroy(): Promise<void> {
    await this.database.close();
  }
}
