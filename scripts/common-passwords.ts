/**
 * Writes assets/common-passwords.txt, the list the password policy refuses (src/auth/password-policy.ts).
 * Generated, not fetched: well-known weak patterns (the words and number runs every public
 * "most common passwords" study tops with, keyboard walks, local words — Jalisco, SEJ, school terms —,
 * years and the usual suffixes and leetspeak), lower case, 12 characters or more (shorter ones the
 * length rule refuses anyway). Run: npx ts-node --transpile-only scripts/common-passwords.ts
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

const WORDS = [
  'password', 'passw0rd', 'contraseña', 'contrasena', 'contraseñas', 'clave', 'secreto', 'admin', 'administrador', 'usuario',
  'qwerty', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azerty', 'letmein', 'welcome', 'bienvenido', 'bienvenida', 'iloveyou',
  'teamo', 'tequiero', 'princess', 'princesa', 'dragon', 'monkey', 'sunshine', 'football', 'futbol', 'baseball', 'master',
  'shadow', 'superman', 'batman', 'trustno1', 'starwars', 'pokemon', 'naruto', 'hello', 'hola', 'holamundo', 'abc',
  'jalisco', 'guadalajara', 'zapopan', 'tlaquepaque', 'tonala', 'chivas', 'atlas', 'mexico', 'méxico', 'tapatio',
  'sej', 'sejalisco', 'educacion', 'educación', 'escuela', 'primaria', 'secundaria', 'maestro', 'maestra', 'profesor',
  'alumno', 'alumnos', 'credencial', 'credenciales', 'credencializacion', 'soporte', 'sistemas', 'control', 'escolar',
  'planeacion', 'tecnologias', 'recursos', 'drse', 'gobierno', 'jalisco2026', 'demo', 'prueba', 'pruebas', 'test', 'temporal',
];
const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '123456', '!', '1!', '123!', '01', '2024', '2025', '2026', '2027', '#1', '.', '_1', '00', '69', '666', '777', '987'];
const RUNS = ['123456789012', '1234567890123', '12345678901234', '123456789123', '098765432109', '111111111111', '000000000000', '121212121212', '123123123123', '112233445566', '147258369147', '987654321098', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qazwsxedcrfv', 'qwerty123456', 'qwertyuiop12', 'asdfghjkl123', 'zaq12wsxcde3', '!qaz@wsx#edc', 'q1w2e3r4t5y6', 'aaaaaaaaaaaa', 'abcdefghijkl', 'abcabcabcabc', 'abc123abc123', 'a1b2c3d4e5f6', 'iloveyou1234', 'password1234', 'contraseña123', 'demo-sej-2025', 'demo1234demo1234'];
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5' };

const out = new Set<string>();
const add = (p: string) => {
  const v = p.toLowerCase();
  if ([...v].length >= 12 && [...v].length <= 64) out.add(v);
};
for (const r of RUNS) add(r);
for (const w of WORDS) {
  const variants = new Set([w, w.replace(/[aeios]/g, (c) => LEET[c]), w + w]);
  for (const v of variants) {
    for (const s of SUFFIXES) {
      add(v + s);
      add(`${v}-${s.replace(/^[^0-9]+/, '')}`);
      add(`${v}.${s}`);
    }
  }
  for (const other of ['123456789', '1234567890', 'jalisco', 'mexico', 'sej', 'escuela', 'admin', '2026', '2025']) add(w + other);
}
for (let y = 1960; y <= 2030; y++) for (const w of ['jalisco', 'mexico', 'escuela', 'password', 'contrasena', 'guadalajara', 'maestro', 'maestra', 'chivas']) add(`${w}${y}`);

const file = path.join(__dirname, '..', 'assets', 'common-passwords.txt');
writeFileSync(file, `${[...out].sort().join('\n')}\n`);
console.log(`${out.size} contraseñas en ${file}`);
