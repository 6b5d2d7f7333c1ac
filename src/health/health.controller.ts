import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { Public } from '../http/auth.decorators';
import { TemporalClientService } from '../temporal/temporal.module';

export interface HealthReport {
  status: 'ok' | 'degradado';
  database: 'up' | 'down';
  temporal: 'up' | 'down';
}

@ApiTags('salud')
@Controller('health')
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClientService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Estado del sistema: base de datos y Temporal (público).' })
  @ApiResponse({ status: 200, description: 'Todo disponible.' })
  @ApiResponse({ status: 503, description: 'Algún componente no responde.' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([this.databaseUp(), this.temporal.isReachable()]);
    const report: HealthReport = {
      status: database && temporal ? 'ok' : 'degradado',
      database: database ? 'up' : 'down',
      temporal: temporal ? 'up' : 'down',
    };
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.em.fork().execute('select 1');
      return true;
    } catch {
      return false;
    }
  }
}
