import type { ScopeWorld, TestApp } from '../../support/app';
import { ensureWorker, eventually } from './requests-fixtures';

/** The ids the matrix's `sees` checks read. */
export const supportIds = { ticketId: 0 };

/** A SISTEMA ticket the target school opens, once Tecnologías of its DRSE has it (its workflow runs on the app's worker). */
export async function openTicket(w: ScopeWorld, t: TestApp): Promise<number> {
  await ensureWorker(t);
  const opened = await t.http('POST', '/support-tickets', { token: w.tokens.ESCUELA_DENTRO, json: { tipo: 'SISTEMA', descripcion: 'El sistema no abre la lista de alumnos (matriz).' } });
  if (opened.status !== 201) throw new Error(`ticket not opened: ${opened.status} ${JSON.stringify(opened.body)}`);
  const id = opened.body.id as number;
  await eventually(
    () => t.http('GET', `/support-tickets/${id}`, { token: w.tokens.ADMIN }),
    (r) => r.status === 200 && r.body.estado === 'EN_ATENCION_DRSE' && r.body.tareaAbierta?.rol === 'DRSE_TECNOLOGIAS',
  );
  supportIds.ticketId = id;
  return id;
}

const worlds = new WeakMap<TestApp, Promise<number>>();

/** One ticket of the target school for the read rows (made once per app). */
export function ticketWorld(w: ScopeWorld, t: TestApp): Promise<number> {
  let world = worlds.get(t);
  if (!world) {
    world = openTicket(w, t);
    worlds.set(t, world);
  }
  return world;
}
