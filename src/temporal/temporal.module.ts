import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG, ConfigModule } from '../config/config.module';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { requestIdClientInterceptor } from '../observability/temporal-context';
import { tracing } from '../observability/tracing';

/**
 * Holds the Temporal client of the API process. The connection is lazy, so the API starts (and
 * its health endpoint reports "down") even while Temporal is not reachable yet.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.connection = Connection.lazy({ address: config.temporalAddress });
    this.client = new Client({
      connection: this.connection,
      namespace: config.temporalNamespace,
      interceptors: { workflow: tracing() ? [requestIdClientInterceptor, new OpenTelemetryWorkflowClientInterceptor()] : [requestIdClientInterceptor] },
    });
  }

  /** True when the Temporal frontend answers within `timeoutMs`. */
  async isReachable(timeoutMs = 2000): Promise<boolean> {
    try {
      await this.connection.withDeadline(Date.now() + timeoutMs, () =>
        this.connection.workflowService.getSystemInfo({}),
      );
      return true;
    } catch {
      return false;
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
