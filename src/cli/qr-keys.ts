import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config/app-config';
import { createOrmConfig } from '../database/mikro-orm.config';
import { assertQrFitsCard } from '../production/card-views';
import { KEY_ID_PATTERN } from '../production/qr-payload';
import { qrKeyStoreFor, QrKeyStore } from '../production/qr-key-store';

const USAGE = `Uso: npm run qr-keys -- list | rotate | revoke <KID> [motivo]
  list     las claves de firma de los QR (QR_KEYS_DIR), cuál firma las credenciales nuevas y cuáles están revocadas
  rotate   genera la clave siguiente (K<n+1>) y la hace vigente; las credenciales ya impresas siguen verificándose con la suya
  revoke   revoca una clave comprometida: lo firmado con ella se verifica como «necesita reposición».
           Para revocar la vigente, rote primero.`;

interface Db {
  execute(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface KeyLine {
  keyId: string;
  current: boolean;
  revokedAt?: Date;
  reason?: string;
}

export async function listKeys(store: QrKeyStore, db: Db): Promise<KeyLine[]> {
  const current = await store.currentKeyId();
  const revoked = new Map(((await db.execute('select key_id, revoked_at, reason from qr_key_revocation')) as { key_id: string; revoked_at: Date; reason: string | null }[]).map((r) => [r.key_id, r]));
  const ids = new Set([...(await store.keyIds()), ...revoked.keys()]);
  return [...ids].map((keyId) => ({ keyId, current: keyId === current, revokedAt: revoked.get(keyId)?.revoked_at, reason: revoked.get(keyId)?.reason ?? undefined }));
}

export async function rotateKey(store: QrKeyStore, publicBaseUrl: string): Promise<string> {
  const keyId = await store.rotate();
  assertQrFitsCard(publicBaseUrl, keyId);
  return keyId;
}

export async function revokeKey(store: QrKeyStore, db: Db, keyId: string, reason?: string): Promise<void> {
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error(`«${keyId}» no es un identificador de clave (1 a 8 letras mayúsculas o dígitos).`);
  if (keyId === (await store.currentKeyId())) throw new Error(`${keyId} es la clave vigente: rote primero («npm run qr-keys -- rotate») y luego revóquela.`);
  if (!(await store.keyIds()).includes(keyId)) throw new Error(`No existe la clave ${keyId} en el almacén de claves.`);
  await db.execute('insert into qr_key_revocation (key_id, reason) values (?, ?) on conflict (key_id) do nothing', [keyId, reason ?? null]);
}

async function main(): Promise<void> {
  const [command, arg, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || !['list', 'rotate', 'revoke'].includes(command)) {
    console.log(USAGE);
    process.exit(command === '--help' ? 0 : 2);
  }
  const config = loadConfig();
  const store = qrKeyStoreFor(config.dataDir);
  if (command === 'rotate') {
    const keyId = await rotateKey(store, config.publicBaseUrl);
    console.log(`Clave ${keyId} generada y vigente: firma las credenciales nuevas desde ahora (sin reiniciar). Las anteriores siguen verificándose.`);
    return;
  }
  const orm = await MikroORM.init(createOrmConfig(config.databaseUrl));
  try {
    const db = orm.em.getConnection();
    if (command === 'revoke') {
      if (!arg) throw new Error(USAGE);
      await revokeKey(store, db, arg, rest.join(' ') || undefined);
      console.log(`Clave ${arg} revocada: las credenciales firmadas con ella se verifican como «necesita reposición».`);
      return;
    }
    for (const k of await listKeys(store, db)) {
      console.log(`${k.keyId.padEnd(9)}${k.current ? 'vigente ' : '        '}${k.revokedAt ? `REVOCADA ${k.revokedAt.toISOString()}${k.reason ? ` (${k.reason})` : ''}` : ''}`);
    }
  } finally {
    await orm.close(true);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`Error: ${(err as Error).message}`);
    process.exit(1);
  });
}
