import * as path from 'node:path';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BlobStore } from '../storage/blob-store';

/**
 * Where uploads live: `<DATA_DIR>/uploads`, content-addressed (SHA-256), never by a client-given
 * name. Validate first (`checkUpload`), store after, so refused input leaves nothing behind.
 */
@Injectable()
export class UploadStore {
  readonly blobs: BlobStore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.blobs = new BlobStore(path.join(config.dataDir, 'uploads'));
  }

  put(data: Buffer): Promise<string> {
    return this.blobs.put(data);
  }

  get(hash: string): Promise<Buffer> {
    return this.blobs.get(hash);
  }

  has(hash: string): Promise<boolean> {
    return this.blobs.has(hash);
  }
}

@Global()
@Module({ providers: [UploadStore], exports: [UploadStore] })
export class UploadsModule {}
