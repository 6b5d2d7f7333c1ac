import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Content-addressed file store for uploads (photos, oficio scans, signed acuses) and generated
 * documents. A file is named by the SHA-256 of its bytes, never by anything a client sends, so a
 * path like `../../x` can never escape the folder and the same bytes are stored once.
 */
export class BlobStore {
  constructor(private readonly root: string) {}

  static hash(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Referencia de archivo no válida: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  async put(data: Buffer): Promise<string> {
    const hash = BlobStore.hash(data);
    const target = this.pathOf(hash);
    try {
      await fs.access(target);
      return hash;
    } catch {
      // not stored yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write to a temporary name and rename, so a reader never sees a half-written file.
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
    return hash;
  }

  async get(hash: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(hash));
  }

  async has(hash: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(hash));
      return true;
    } catch {
      return false;
    }
  }
}
