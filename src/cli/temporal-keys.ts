import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newPayloadKeyLine, parsePayloadKeys } from '../temporal/payload-codec';

const USAGE = 'Uso: temporal-keys init <archivo> | rotate <archivo> <id-nuevo> | list <archivo>';

/**
 * The key file of the Temporal payload codec (TEMPORAL_PAYLOAD_KEYS_FILE). `init` creates it with
 * one key when missing (npm run up does this); `rotate` puts a new key first — it encrypts from the
 * next start of each API and worker, the older ones keep decrypting; `list` shows the ids only.
 */
function main(args: string[]): void {
  const [command, file, id] = args;
  if (!file) throw new Error(USAGE);
  const today = new Date().toISOString().slice(0, 10);
  if (command === 'init') {
    if (existsSync(file)) return;
    writeFileSync(file, `${newPayloadKeyLine(`k-${today}`)}\n`, { mode: 0o600 });
    console.log(`Clave de cifrado de Temporal creada en ${file}`);
  } else if (command === 'rotate') {
    const current = readFileSync(file, 'utf8');
    const keys = parsePayloadKeys(current, file);
    const newId = id ?? `k-${today}-${keys.length + 1}`;
    writeFileSync(file, `${newPayloadKeyLine(newId)}\n${current}`, { mode: 0o600 });
    console.log(`Nueva clave "${newId}" al frente de ${file}; reinicie API y workers. Las anteriores (${keys.map((k) => k.id).join(', ')}) siguen descifrando.`);
  } else if (command === 'list') {
    parsePayloadKeys(readFileSync(file, 'utf8'), file).forEach((k, i) => console.log(`${k.id}${i === 0 ? ' (cifra)' : ''}`));
  } else {
    throw new Error(USAGE);
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
