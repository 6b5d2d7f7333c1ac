import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG, ConfigModule } from '../config/config.module';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { requestIdClientInterceptor } from '../observability/temporal-context';
import { tracing } from '../observability/tracing';
import { temporalDataConverter } from './payload-codec';

export interface TemporalClusterReport {
  almacen: string;
  shards: number;
}

/**
 * Holds the Temporal client of the API process. The connection is lazy, so the API starts (and
 * its health endpoint reports "down") even while Temporal is not reachable yet.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  /** The payload codec (encryption), when keys are configured; the codec endpoint uses it too. */
  readonly dataConverter = temporalDataConverter();

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.connection = Connection.lazy({ address: config.temporalAddress });
    this.client = new Client({
      connection: this.connection,
      namespace: config.temporalNamespace,
      dataConverter: this.dataConverter,
      interceptors: { workflow: tracing() ? [requestIdClientInterceptor, new OpenTelemetryWorkflowClientInterceptor()] : [requestIdClientInterceptor] },
    });
  }

  /**
   * The Temporal cluster as its frontend describes it (store and history shards: the dev server says
   * sqlite, the production profile postgres12), or undefined when it does not answer within `timeoutMs`.
   */
  async describe(timeoutMs = 2000): Promise<TemporalClusterReport | undefined> {
    try {
      const info = await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.workflowService.getClusterInfo({}));
      return { almacen: info.persistenceStore || 'desconocido', shards: info.historyShardCount ?? 0 };
    } catch {
      return undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({
  imports: [ConfigModule],
  providers: [TemporalClientService],
  exports: [TemporalClientService],
})
export class TemporalModule {}
