import 'reflect-metadata';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '../access';
import { verifyPassword } from '../auth/password';
import { NewUser, UsersService } from '../auth/users.service';
import { School } from '../catalog/entities/school.entity';
import { loadConfig } from '../config/app-config';
import { createOrmConfig } from '../database/mikro-orm.config';

/** The documented demo password (demo only; change or remove these users anywhere real). */
export const DEMO_PASSWORD = 'demo-sej-2026';
/** The demo password before the policy of issue 18 (12 characters at least). */
const PREVIOUS_DEMO_PASSWORD = 'demo1234';

export interface DemoUser {
  username: string;
  role: Role;
  scope: string;
  created: boolean;
}

/**
 * The demo DRSE and schools: the first DRSE (by code) that has both a school the DRSE prints for
 * because of its size (R1, with internet) and a school that prints on site. Deterministic for a
 * given demo catalogue.
 */
export async function pickDemoSchools(em: EntityManager): Promise<{ drseCode: string; drseRouted: School; onSite: School }> {
  const schools = await em.find(School, {}, { orderBy: { drse: 'asc', matricula: 'asc', id: 'asc' } });
  const byDrse = new Map<string, School[]>();
  for (const s of schools) byDrse.set(s.drse.code, [...(byDrse.get(s.drse.code) ?? []), s]);
  for (const [drseCode, list] of byDrse) {
    const drseRouted = list.find((s) => s.printRoute === 'DRSE' && s.hasInternet && s.nivel === 'PRIMARIA');
    const onSite = [...list].reverse().find((s) => s.printRoute === 'ESCUELA');
    if (drseRouted && onSite) return { drseCode, drseRouted, onSite };
  }
  throw new Error('El catálogo no tiene una DRSE con una escuela atendida por la DRSE y otra que imprime en sitio; cargue los datos de demostración (seed).');
}

/** Creates (idempotently) one demo user per role against the demo catalogue. */
export async function ensureDemoUsers(em: EntityManager): Promise<DemoUser[]> {
  const { drseCode, drseRouted, onSite } = await pickDemoSchools(em);
  const specs: (Omit<NewUser, 'password'> & { scope: string })[] = [
    { username: 'escuela-drse', role: 'ESCUELA', schoolId: drseRouted.id, scope: `${drseRouted.cct} ${drseRouted.turno} (${drseRouted.name}, matrícula ${drseRouted.matricula}: imprime la DRSE)` },
    { username: 'escuela-sitio', role: 'ESCUELA', schoolId: onSite.id, scope: `${onSite.cct} ${onSite.turno} (${onSite.name}, matrícula ${onSite.matricula}: imprime en sitio)` },
    { username: 'planeacion', role: 'DRSE_PLANEACION', drse: drseCode, scope: `DRSE ${drseCode}` },
    { username: 'control-escolar', role: 'DRSE_CONTROL_ESCOLAR', drse: drseCode, scope: `DRSE ${drseCode}` },
    { username: 'tecnologias', role: 'DRSE_TECNOLOGIAS', drse: drseCode, scope: `DRSE ${drseCode}` },
    { username: 'recursos-materiales', role: 'RECURSOS_MATERIALES', scope: 'estatal' },
    { username: 'control-central', role: 'CONTROL_ESCOLAR_CENTRAL', scope: 'estatal' },
    { username: 'dgti', role: 'DGTI', scope: 'estatal' },
    { username: 'admin', role: 'ADMIN', scope: 'estatal' },
  ];
  const out: DemoUser[] = [];
  for (const { scope, ...spec } of specs) {
    const users = new UsersService(em.fork());
    const { user, created } = await users.ensure({ ...spec, password: DEMO_PASSWORD });
    // Demo databases made before the password policy still have the old, too short demo password.
    if (!created && (await verifyPassword(user.passwordHash, PREVIOUS_DEMO_PASSWORD))) await users.setPassword(user.username, DEMO_PASSWORD);
    out.push({ username: spec.username, role: spec.role as Role, scope, created });
  }
  return out;
}

async function main(): Promise<void> {
  const orm = await MikroORM.init(createOrmConfig(loadConfig().databaseUrl));
  try {
    const users = await ensureDemoUsers(orm.em.fork());
    console.log(`Usuarios de demostración (contraseña de todos: ${DEMO_PASSWORD}; sólo para la demostración):`);
    for (const u of users) console.log(`  ${u.username.padEnd(20)} ${u.role.padEnd(24)} ${u.scope}${u.created ? '' : ' [ya existía]'}`);
  } finally {
    await orm.close(true);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
