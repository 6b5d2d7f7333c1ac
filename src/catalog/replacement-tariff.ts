import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../common/domain-error';

/** The R5 replacement tariff of a cycle, as its history says it was at a moment. */
export interface Tariff {
  cycleCode: string;
  cents: number;
}

export const money = (cents: number): string => `$${(cents / 100).toFixed(2)}`;

/**
 * The one place the replacement tariff is read (R5): the latest `replacement_tariff` row of the
 * cycle (the current one when `cycleCode` is not given) effective at `at` (now by default).
 * Uses the caller's connection, so it runs inside the caller's transaction.
 */
export async function replacementTariff(em: EntityManager, cycleCode?: string, at?: Date): Promise<Tariff> {
  const rows = await em.execute<Array<{ cycle_code: string; cents: number }>>(
    `select t.cycle_code, t.cents from replacement_tariff t
     where t.cycle_code = coalesce(?::varchar, (select code from school_cycle where is_current))
       and t.effective_at <= coalesce(?::timestamptz, now())
     order by t.effective_at desc, t.id desc limit 1`,
    [cycleCode ?? null, at ?? null],
  );
  if (!rows[0]) throw new DomainError(cycleCode ? `El ciclo escolar ${cycleCode} no tiene tarifa de reposición.` : 'No hay un ciclo escolar vigente con tarifa de reposición.', 'cycleCode');
  return { cycleCode: rows[0].cycle_code, cents: Number(rows[0].cents) };
}

/** Refuses an amount that is not the tariff; the message names both. */
export function assertTariffAmount(amountCents: number, tariff: Tariff, field: string): void {
  if (amountCents !== tariff.cents) throw new DomainError(tariffMismatch(amountCents, tariff), field);
}

export function tariffMismatch(amountCents: number, tariff: Tariff): string {
  return `El importe del recibo (${money(amountCents)}) no coincide con la tarifa de reposición del ciclo ${tariff.cycleCode} (${money(tariff.cents)}).`;
}
