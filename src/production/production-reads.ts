import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReplacementReason } from './entities';

/**
 * What other modules may read of production's tables (`credential`, `card_replacement`, `print_run`):
 * requests and procedures ask here instead of querying them. Each function uses the caller's
 * connection, so it runs inside the caller's transaction.
 */

const intArray = (ids: number[]): string => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

/** The students of `studentIds` with a card issued (EXPEDIDA) in the cycle (the current one when not given). */
export async function studentsIssuedInCycle(em: EntityManager, studentIds: number[], cycleCode?: string): Promise<Set<number>> {
  if (studentIds.length === 0) return new Set();
  const rows = await em.execute<Array<{ student_id: number }>>(
    `select distinct c.student_id from credential c
      where c.status = 'EXPEDIDA' and c.student_id = any(?::int[])
        and c.cycle_code = coalesce(?::varchar, (select code from school_cycle where is_current))`,
    [intArray(studentIds), cycleCode ?? null],
  );
  return new Set(rows.map((r) => Number(r.student_id)));
}

/** The folio of the student's newest issued (EXPEDIDA) credential, or null. */
export async function latestIssuedFolio(em: EntityManager, studentId: number): Promise<string | null> {
  const [card] = await em.execute<Array<{ folio: string }>>(
    `select folio from credential where student_id = ? and status = 'EXPEDIDA' order by issued_at desc, id desc limit 1`,
    [studentId],
  );
  return card ? card.folio : null;
}

/** A credential's status and the folio that replaced it (R5), or null when the folio does not exist. */
export async function credentialStatus(em: EntityManager, folio: string): Promise<{ status: string; replacedByFolio: string | null } | null> {
  const [row] = await em.execute<Array<{ status: string; replaced_by_folio: string | null }>>('select status, replaced_by_folio from credential where folio = ?', [folio]);
  return row ? { status: row.status, replacedByFolio: row.replaced_by_folio } : null;
}

/** The folios of the cards a print run issued for a school, in folio order (no names). */
export async function cardFoliosOfRun(em: EntityManager, printRunId: number, schoolId: number): Promise<string[]> {
  const rows = await em.execute<Array<{ folio: string }>>(
    `select folio from credential where run_id = ? and kind = 'TARJETA' and school_id = ? order by folio_number`,
    [printRunId, schoolId],
  );
  return rows.map((r) => r.folio);
}

/** The print runs that consumed a reservation, oldest first. */
export async function printRunIdsOfReservation(em: EntityManager, reservationId: number): Promise<number[]> {
  const rows = await em.execute<Array<{ id: number }>>('select id from print_run where reservation_id = ? order by id', [reservationId]);
  return rows.map((r) => Number(r.id));
}

/** A recorded replacement (R5): its payment receipt, the card it revoked and the card that replaced it. */
export interface RecordedReplacement {
  id: number;
  studentId: number;
  receiptNumber: string;
  /** AAAA-MM-DD. */
  paidOn: string;
  amountCents: number;
  reason: ReplacementReason;
  cycleCode: string;
  recordedAt: Date;
  status: string;
  revokedFolio: string | null;
  newFolio: string | null;
  newRunId: number | null;
}

type ReplacementRow = {
  id: number;
  student_id: number;
  receipt_number: string;
  paid_on: unknown;
  amount_cents: number;
  reason: ReplacementReason;
  cycle_code: string;
  recorded_at: string | Date;
  status: string;
  revoked_folio: string | null;
  new_folio: string | null;
  new_run_id: number | null;
};

const REPLACEMENT_SELECT = `select r.id, r.student_id, r.receipt_number, r.paid_on, r.amount_cents, r.reason, r.cycle_code, r.recorded_at, r.status,
    old.folio as revoked_folio, neu.folio as new_folio, neu.run_id as new_run_id
  from card_replacement r
  left join credential old on old.id = r.revoked_credential_id
  left join credential neu on neu.id = r.new_credential_id`;

function recorded(row: ReplacementRow | undefined): RecordedReplacement | null {
  if (!row) return null;
  return {
    id: Number(row.id),
    studentId: Number(row.student_id),
    receiptNumber: row.receipt_number,
    paidOn: String(row.paid_on).slice(0, 10),
    amountCents: Number(row.amount_cents),
    reason: row.reason,
    cycleCode: row.cycle_code,
    recordedAt: new Date(row.recorded_at),
    status: row.status,
    revokedFolio: row.revoked_folio,
    newFolio: row.new_folio,
    newRunId: row.new_run_id === null ? null : Number(row.new_run_id),
  };
}

export async function replacementById(em: EntityManager, id: number): Promise<RecordedReplacement | null> {
  const [row] = await em.execute<ReplacementRow[]>(`${REPLACEMENT_SELECT} where r.id = ?`, [id]);
  return recorded(row);
}

/** The replacement a receipt paid, if any (the number as the receipt rule reads it). */
export async function replacementByReceipt(em: EntityManager, receiptNumber: string): Promise<RecordedReplacement | null> {
  const [row] = await em.execute<ReplacementRow[]>(`${REPLACEMENT_SELECT} where r.receipt_number = ?`, [receiptNumber]);
  return recorded(row);
}
