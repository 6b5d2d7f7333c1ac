import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, actorCovers, STATE_ROLES } from '../../access';
import { NotFoundError } from '../../common/domain-error';
import { ForbiddenError } from '../inventory-errors';
import { HolderRow, loadHolder } from '../stock-ledger';

/** The central warehouse is seen by state roles only; a DRSE's and a school's stock by whoever covers them. */
export function holderVisible(actor: Actor, holder: HolderRow): boolean {
  if (holder.kind === 'CENTRAL') return STATE_ROLES.includes(actor.role);
  return actorCovers(actor, { drseCode: holder.drseCode ?? holder.schoolDrseCode ?? undefined, schoolId: holder.schoolId ?? undefined });
}

/** The holder, if the actor's scope covers it; otherwise 404 exactly as if it did not exist. */
export async function holderInScope(em: EntityManager, actor: Actor, holderId: number, field = 'id'): Promise<HolderRow> {
  const holder = await loadHolder(em.fork(), holderId, field).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new NotFoundError('No existe el almacén o no está en su ámbito.', field);
    throw err;
  });
  if (!holderVisible(actor, holder)) throw new NotFoundError('No existe el almacén o no está en su ámbito.', field);
  return holder;
}

/** Recursos Materiales operates the central warehouse only; a DRSE gets material through supply tickets. */
export function assertCentralForRecursosMateriales(actor: Actor, holder: HolderRow, action: string): void {
  if (actor.role === 'RECURSOS_MATERIALES' && holder.kind !== 'CENTRAL') {
    throw new ForbiddenError(
      `Recursos Materiales solo puede ${action} en el almacén central; a una DRSE el material llega por ticket de abastecimiento.`,
      'id',
    );
  }
}

/** SQL condition (on `h` = stock_holder and `s` = its school) limiting holders to the actor's scope. */
export function holderScopeSql(actor: Actor): { sql: string; params: unknown[] } {
  if (STATE_ROLES.includes(actor.role)) return { sql: 'true', params: [] };
  if (actor.role === 'ESCUELA') return { sql: 'h.school_id = ?', params: [actor.schoolId ?? -1] };
  return { sql: `(h.drse_code = ? or s.drse_code = ?)`, params: [actor.drseCode ?? '', actor.drseCode ?? ''] };
}
