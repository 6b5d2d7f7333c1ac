import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ROLES } from '../access';
import { UsersService } from '../auth/users.service';
import { DomainError } from '../common/domain-error';
import { loadConfig } from '../config/app-config';
import { createOrmConfig } from '../database/mikro-orm.config';

const USAGE = `Uso: node dist/src/cli/create-user.js --username USUARIO --role ROL [--cct CCT --turno TURNO | --drse DRSE]
  La contraseña va en --password o, mejor (no queda en el historial), en la variable CREATE_USER_PASSWORD.
  Roles: ${ROLES.join(', ')}
  ESCUELA lleva --cct y --turno; DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR y DRSE_TECNOLOGIAS llevan --drse;
  RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI y ADMIN no llevan ámbito.
  --reset-password cambia la contraseña de un usuario existente.`;

export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new DomainError(`Argumento no reconocido: ${argv[i]}\n${USAGE}`);
    if (m[2] !== undefined) out[m[1]] = m[2];
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[m[1]] = argv[++i];
    else out[m[1]] = true;
  }
  return out;
}

/** `create-user`: a local account with a role and a scope (a school's CCT + turno, or a DRSE). */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || !args.username) {
    console.log(USAGE);
    process.exit(args.help ? 0 : 2);
  }
  const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
  const password = str('password') ?? process.env.CREATE_USER_PASSWORD;
  if (!password) throw new DomainError('Falta la contraseña (--password o CREATE_USER_PASSWORD).', 'password');
  const orm = await MikroORM.init(createOrmConfig(loadConfig().databaseUrl));
  try {
    const users = new UsersService(orm.em.fork());
    if (args['reset-password']) {
      await users.setPassword(str('username')!, password);
      console.log(`Contraseña de «${str('username')}» cambiada.`);
      return;
    }
    const user = await users.create({
      username: str('username')!,
      password,
      role: str('role') ?? '',
      cct: str('cct'),
      turno: str('turno'),
      drse: str('drse'),
    });
    const scope = user.school ? `escuela ${user.school.cct} ${user.school.turno}` : user.drse ? `DRSE ${user.drse.code}` : 'estatal';
    console.log(`Usuario «${user.username}» creado: rol ${user.role}, ámbito ${scope}.`);
  } finally {
    await orm.close(true);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof DomainError ? `Error: ${err.message}` : err);
    process.exit(1);
  });
}
