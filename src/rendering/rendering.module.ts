import { join } from 'node:path';
import { Global, Inject, Injectable, Logger, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { sweepOrphanChromium } from './chromium-sweep';
import { PdfRenderer } from './pdf-renderer';

/**
 * The process's single Chromium, as a Nest provider: at start-up it sweeps away browsers that dead
 * processes of the same data folder left behind, and it closes its own browser on shutdown.
 */
@Injectable()
export class PdfRendererService extends PdfRenderer implements OnModuleInit, OnModuleDestroy {
  private readonly profileRoot: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const profileRoot = join(config.dataDir, 'chromium');
    super({ executablePath: config.chromiumPath, pages: Number(process.env.RENDER_PAGES || 2), profileRoot });
    this.profileRoot = profileRoot;
  }

  onModuleInit(): void {
    const swept = sweepOrphanChromium(this.profileRoot);
    if (swept.killed.length > 0 || swept.profiles.length > 0) {
      new Logger('Rendering').warn(`Chromium huérfano eliminado: ${swept.killed.length} procesos, ${swept.profiles.length} perfiles`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}

@Global()
@Module({ providers: [PdfRendererService], exports: [PdfRendererService] })
export class RenderingModule {}
