import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadSecurityConfig } from '../security/security-config';
import { KEY_ID_PATTERN } from './qr-payload';

export interface PublishedKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo, PEM. */
  publicKeyPem: string;
  /** The raw 32-byte public key, base64url (for verifiers that take raw keys). */
  publicKeyRaw: string;
  current: boolean;
  /** Revoked (compromised): cards it signed are not to be trusted and need re-issue. */
  revoked: boolean;
}

export interface QrKeyStoreOptions {
  /** Generate the current pair when it is missing (development); in production keys come from `qr-keys rotate`. */
  generateMissing?: boolean;
}

/** The file naming the current key id, written by `npm run qr-keys -- rotate`. */
export const CURRENT_KEY_FILE = 'current';

/**
 * Ed25519 keys for the card QR codes, as files in one folder (QR_KEYS_DIR, by default
 * `<DATA_DIR>/keys`; in production a mounted secret): `<KID>.private.pem` (mode 0600) and
 * `<KID>.public.pem`. The current key signs new cards; every public key in the folder still
 * verifies older cards by their key id (rotation). The current key id is QR_KEY_ID when set, else
 * the one named in the `current` file (`qr-keys rotate` writes it), else K1. Revocation lives in
 * the database (`qr_key_revocation`, VerificationService), not here.
 */
export class QrKeyStore {
  private privateKeys = new Map<string, Promise<KeyObject>>();
  private publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly dir: string,
    private readonly fixedKeyId?: string,
    private readonly options: QrKeyStoreOptions = { generateMissing: true },
  ) {
    if (fixedKeyId !== undefined && !KEY_ID_PATTERN.test(fixedKeyId)) {
      throw new Error(`QR_KEY_ID debe tener de 1 a 8 letras mayúsculas o dígitos (recibido: ${fixedKeyId}).`);
    }
  }

  private file(keyId: string, kind: 'private' | 'public'): string {
    return path.join(this.dir, `${keyId}.${kind}.pem`);
  }

  /** The id of the key that signs new cards (read at each call: a rotation applies without a restart). */
  async currentKeyId(): Promise<string> {
    if (this.fixedKeyId) return this.fixedKeyId;
    try {
      const named = (await fs.readFile(path.join(this.dir, CURRENT_KEY_FILE), 'utf8')).trim();
      if (KEY_ID_PATTERN.test(named)) return named;
      throw new Error(`El archivo ${path.join(this.dir, CURRENT_KEY_FILE)} no nombra una clave válida (${named}).`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return 'K1';
  }

  /** The current signing key; in development generated (exclusively, race-safe) when missing. */
  async currentSigningKey(): Promise<{ keyId: string; privateKey: KeyObject }> {
    const keyId = await this.currentKeyId();
    let key = this.privateKeys.get(keyId);
    if (!key) {
      key = this.loadOrCreate(keyId, !!this.options.generateMissing);
      this.privateKeys.set(keyId, key);
      key.catch(() => this.privateKeys.delete(keyId));
    }
    return { keyId, privateKey: await key };
  }

  private async loadOrCreate(keyId: string, create: boolean): Promise<KeyObject> {
    try {
      const privateKey = createPrivateKey(await fs.readFile(this.file(keyId, 'private'), 'utf8'));
      await this.ensurePublic(keyId, privateKey);
      return privateKey;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (!create) throw new Error(`No existe la clave de firma ${keyId} en ${this.dir}: genérela con «npm run qr-keys -- rotate».`);
    }
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      await fs.writeFile(this.file(keyId, 'private'), pem, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return this.loadOrCreate(keyId, false);
      throw err;
    }
    await this.ensurePublic(keyId, pair.privateKey);
    return pair.privateKey;
  }

  private async ensurePublic(keyId: string, privateKey: KeyObject): Promise<void> {
    const publicKey = createPublicKey(privateKey);
    this.publicKeys.set(keyId, publicKey);
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    try {
      await fs.writeFile(this.file(keyId, 'public'), pem, { flag: 'wx', mode: 0o644 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' && (err as NodeJS.ErrnoException).code !== 'EROFS') throw err;
    }
  }

  async publicKey(keyId: string): Promise<KeyObject | undefined> {
    if (!KEY_ID_PATTERN.test(keyId)) return undefined;
    const cached = this.publicKeys.get(keyId);
    if (cached) return cached;
    if (keyId === (await this.currentKeyId())) return createPublicKey((await this.currentSigningKey()).privateKey);
    try {
      const key = createPublicKey(await fs.readFile(this.file(keyId, 'public'), 'utf8'));
      this.publicKeys.set(keyId, key);
      return key;
    } catch {
      return undefined;
    }
  }

  /** The key ids in the folder, oldest first (K1, K2, …, K10). */
  async keyIds(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const ids = names.map((n) => /^([A-Z0-9]{1,8})\.public\.pem$/.exec(n)?.[1]).filter((id): id is string => !!id);
    return ids.sort((a, b) => a.length - b.length || a.localeCompare(b));
  }

  /**
   * Rotation: a new pair with the next key id (K<n+1>) becomes the current key; the old public keys
   * stay, so cards already printed keep verifying. Answers the new key id.
   */
  async rotate(): Promise<string> {
    if (this.fixedKeyId) throw new Error(`QR_KEY_ID=${this.fixedKeyId} fija la clave vigente: quítela del entorno para rotar con este comando.`);
    const numbers = (await this.keyIds()).map((id) => /^K(\d+)$/.exec(id)?.[1]).filter(Boolean).map(Number);
    const keyId = `K${Math.max(0, ...numbers) + 1}`;
    await this.loadOrCreate(keyId, true);
    const tmp = path.join(this.dir, `.${CURRENT_KEY_FILE}.${process.pid}`);
    await fs.writeFile(tmp, `${keyId}\n`, { mode: 0o644 });
    await fs.rename(tmp, path.join(this.dir, CURRENT_KEY_FILE));
    return keyId;
  }

  /** Every public key (current and retired), for offline verifiers; `revoked` lists revoked key ids. */
  async published(revoked: ReadonlySet<string> = new Set()): Promise<PublishedKey[]> {
    const current = (await this.currentSigningKey()).keyId;
    const out: PublishedKey[] = [];
    for (const keyId of await this.keyIds()) {
      const key = await this.publicKey(keyId);
      if (!key) continue;
      const jwk = key.export({ format: 'jwk' });
      out.push({
        keyId,
        algorithm: 'Ed25519',
        publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
        publicKeyRaw: String(jwk.x),
        current: keyId === current,
        revoked: revoked.has(keyId),
      });
    }
    return out;
  }
}

/** The store the system uses: QR_KEYS_DIR (default `<DATA_DIR>/keys`), QR_KEY_ID; no generation in production. */
export function qrKeyStoreFor(dataDir: string, env: NodeJS.ProcessEnv = process.env): QrKeyStore {
  const dir = env.QR_KEYS_DIR ? path.resolve(env.QR_KEYS_DIR) : path.join(dataDir, 'keys');
  return new QrKeyStore(dir, env.QR_KEY_ID || undefined, { generateMissing: !loadSecurityConfig(env).production });
}
