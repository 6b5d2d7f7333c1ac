import type { EntityManager } from '@mikro-orm/postgresql';

/** A student's card in force: the folio and the cycle it was issued in. */
export interface CardInForce {
  folio: string;
  cycleCode: string;
}

/**
 * The card in force of each student who holds one: status EXPEDIDA, of any cycle (R3: a card serves
 * several cycles, validated each cycle by its hologram). A student holding one gets the cycle's
 * hologram, never a second card, unless it is a replacement (R5 revokes the old card first, so a
 * student with a pending replacement holds none). The newest, if several.
 */
export async function cardsInForce(em: EntityManager, studentIds: number[]): Promise<Map<number, CardInForce>> {
  const ids = [...new Set(studentIds.map((n) => Math.trunc(n)))];
  if (ids.length === 0) return new Map();
  const rows = await em.execute<Array<{ student_id: number; folio: string; cycle_code: string }>>(
    `select distinct on (student_id) student_id, folio, cycle_code from credential
      where student_id = any(?::int[]) and kind = 'TARJETA' and status = 'EXPEDIDA'
      order by student_id, issued_at desc, id desc`,
    [`{${ids.join(',')}}`],
  );
  return new Map(rows.map((r) => [Number(r.student_id), { folio: r.folio, cycleCode: r.cycle_code }]));
}
