import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PdfRendererService, RenderingModule } from '../rendering/rendering.module';
import { BlobStore } from '../storage/blob-store';
import { loadCardArtwork } from './artwork';
import { CardSheetRenderer } from './card-renderer';
import { assertQrFitsCard } from './card-views';
import { ProductionService } from './production.service';
import { PRODUCTION_BLOBS, PRODUCTION_OPTIONS, ProductionOptions } from './production.tokens';
import { qrKeyStoreFor, QrKeyStore } from './qr-key-store';
import { sheetLayoutFromEnv } from './sheet-layout';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

/**
 * Credential production. Configuration (environment): QR_KEY_ID (default K1), SHEET_LAYOUT (JSON),
 * CARD_ART_* (artwork files), CARD_BACKGROUND_DPI (default 600), PRINT_RUN_MAX_STUDENTS (default 4000).
 * The inventory module may provide CONSUMPTION_RECORDER; without it runs record nothing there.
 */
@Module({
  imports: [RenderingModule],
  controllers: [VerificationController],
  providers: [
    {
      provide: PRODUCTION_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ProductionOptions => {
        assertQrFitsCard(config.publicBaseUrl, process.env.QR_KEY_ID || 'K1');
        return { publicBaseUrl: config.publicBaseUrl, maxStudentsPerRun: Number(process.env.PRINT_RUN_MAX_STUDENTS || 4000) };
      },
    },
    {
      provide: PRODUCTION_BLOBS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new BlobStore(path.join(config.dataDir, 'uploads')),
    },
    {
      provide: QrKeyStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => qrKeyStoreFor(config.dataDir),
    },
    {
      provide: CardSheetRenderer,
      inject: [PdfRendererService],
      useFactory: (pdf: PdfRendererService) =>
        new CardSheetRenderer(pdf, loadCardArtwork(), sheetLayoutFromEnv(), Number(process.env.CARD_BACKGROUND_DPI || 600)),
    },
    ProductionService,
    VerificationService,
  ],
  exports: [ProductionService, VerificationService, QrKeyStore],
})
export class ProductionModule {}
