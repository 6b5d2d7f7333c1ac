import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PdfRenderer } from './pdf-renderer';

/** The process's single Chromium, as a Nest provider that closes the browser on shutdown. */
@Injectable()
export class PdfRendererService extends PdfRenderer implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ executablePath: config.chromiumPath, pages: Number(process.env.RENDER_PAGES || 2) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}

@Global()
@Module({ providers: [PdfRendererService], exports: [PdfRendererService] })
export class RenderingModule {}
