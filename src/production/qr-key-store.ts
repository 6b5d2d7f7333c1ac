import { createPublicKey, generateKeyPairSync, KeyObject, createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KEY_ID_PATTERN } from './qr-payload';

export interface PublishedKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo, PEM. */
  publicKeyPem: string;
  /** The raw 32-byte public key, base64url (for verifiers that take raw keys). */
  publicKeyRaw: string;
  current: boolean;
}

/**
 * Ed25519 keys for the card QR codes, as files under `<DATA_DIR>/keys/`:
 * `<KID>.private.pem` (mode 0600) and `<KID>.public.pem`. The current key id (QR_KEY_ID) signs new
 * cards; every public key found in the folder still verifies older cards (rotation by key id).
 * The current pair is generated on first use when missing.
 */
export class QrKeyStore {
  private signing?: Promise<{ keyId: string; privateKey: KeyObject }>;
  private publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly dir: string,
    readonly currentKeyId: string,
  ) {
    if (!KEY_ID_PATTERN.test(currentKeyId)) {
      throw new Error(`QR_KEY_ID debe tener de 1 a 8 letras mayúsculas o dígitos (recibido: ${currentKeyId}).`);
    }
  }

  private file(keyId: string, kind: 'private' | 'public'): string {
    return path.join(this.dir, `${keyId}.${kind}.pem`);
  }

  /** The current signing key, generated (exclusively, race-safe) when missing. */
  currentSigningKey(): Promise<{ keyId: string; privateKey: KeyObject }> {
    if (!this.signing) {
      this.signing = this.loadOrCreate(this.currentKeyId);
      this.signing.catch(() => (this.signing = undefined));
    }
    return this.signing;
  }

  private async loadOrCreate(keyId: string): Promise<{ keyId: string; privateKey: KeyObject }> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const privatePath = this.file(keyId, 'private');
    try {
      const pem = await fs.readFile(privatePath, 'utf8');
      const privateKey = createPrivateKey(pem);
      await this.ensurePublic(keyId, privateKey);
      return { keyId, privateKey };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      await fs.writeFile(privatePath, pem, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return this.loadOrCreate(keyId);
      throw err;
    }
    await this.ensurePublic(keyId, pair.privateKey);
    return { keyId, privateKey: pair.privateKey };
  }

  private async ensurePublic(keyId: string, privateKey: KeyObject): Promise<void> {
    const publicKey = createPublicKey(privateKey);
    this.publicKeys.set(keyId, publicKey);
    const publicPath = this.file(keyId, 'public');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    try {
      await fs.writeFile(publicPath, pem, { flag: 'wx', mode: 0o644 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }

  async publicKey(keyId: string): Promise<KeyObject | undefined> {
    if (!KEY_ID_PATTERN.test(keyId)) return undefined;
    const cached = this.publicKeys.get(keyId);
    if (cached) return cached;
    if (keyId === this.currentKeyId) return createPublicKey((await this.currentSigningKey()).privateKey);
    try {
      const key = createPublicKey(await fs.readFile(this.file(keyId, 'public'), 'utf8'));
      this.publicKeys.set(keyId, key);
      return key;
    } catch {
      return undefined;
    }
  }

  /** Every public key (current and retired), for offline verifiers. */
  async published(): Promise<PublishedKey[]> {
    await this.currentSigningKey();
    const names = await fs.readdir(this.dir);
    const out: PublishedKey[] = [];
    for (const name of names.sort()) {
      const m = /^([A-Z0-9]{1,8})\.public\.pem$/.exec(name);
      if (!m) continue;
      const key = await this.publicKey(m[1]);
      if (!key) continue;
      const jwk = key.export({ format: 'jwk' });
      out.push({
        keyId: m[1],
        algorithm: 'Ed25519',
        publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
        publicKeyRaw: String(jwk.x),
        current: m[1] === this.currentKeyId,
      });
    }
    return out;
  }
}
