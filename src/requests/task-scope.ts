import { Actor, STATE_ROLES } from '../access';

/**
 * Which open workflow tasks (`procedure_task`, alias `t`) are the actor's: those of its role, in its
 * scope (a school its own; a DRSE role its DRSE and the DRSE's Sub-DRSEs; state roles all). The one
 * rule the task inbox (GET /inbox) and the inbox of everything (src/inbox) share.
 */
export function openTasksOf(actor: Actor, alias = 't'): { where: string[]; params: unknown[] } {
  const where = [`${alias}.status = 'ABIERTA'`, `${alias}.role = ?`];
  const params: unknown[] = [actor.role];
  if (!STATE_ROLES.includes(actor.role)) {
    if (actor.role === 'ESCUELA') {
      where.push(`${alias}.scope_school_id = ?`);
      params.push(actor.schoolId ?? -1);
    } else {
      where.push(`${alias}.scope_drse_code in (select code from drse where code = ? or parent_code = ?)`);
      params.push(actor.drseCode ?? '', actor.drseCode ?? '');
    }
  }
  return { where, params };
}

/**
 * The same scope as scope keys for keyset reads: one ordered index range scan per key (a school,
 * or each DRSE code of a DRSE and its Sub-DRSEs), merged by the caller (`cross join lateral`).
 * `null` for state roles: their scope is everything. `column` is without the table alias.
 */
export function scopeKeysOf(actor: Actor, columns: { school: string; drse: string }): { keys: string; params: unknown[]; column: string } | null {
  if (STATE_ROLES.includes(actor.role)) return null;
  if (actor.role === 'ESCUELA') return { keys: 'select ?::int as k', params: [actor.schoolId ?? -1], column: columns.school };
  return { keys: 'select code as k from drse where code = ? or parent_code = ?', params: [actor.drseCode ?? '', actor.drseCode ?? ''], column: columns.drse };
}
