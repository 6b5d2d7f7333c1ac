import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../access';
import { DomainError } from '../common/domain-error';
import type { PendingStart } from '../requests';
import { SUPPORT_KINDS, SupportInput, SupportKind, SupportOpener } from '../../statecharts/support.machine';

type Row = Record<string, unknown>;

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;

/** A ticket to open, already checked for role and scope by the caller (HTTP, an equipment failure report). */
export interface NewSupportTicket {
  /** A second open with the same key returns the same ticket (Idempotency-Key, or the failure report). */
  operationKey: string;
  kind: SupportKind;
  description: string;
  drseCode: string;
  /** The school of the ticket; null: the DRSE's own (its Control Escolar). */
  schoolId: number | null;
  opener: SupportOpener;
  openedBy: { id: string; role: Role };
  /** DRSE staff opening it for a school without internet. */
  onBehalfSchoolId: number | null;
  /** An equipment failure report this ticket attends. */
  failureReportId?: number | null;
}

/**
 * Support tickets (R10) in PostgreSQL: the ticket's procedure_request row (the read model the
 * workflow records into: state, tasks, inbox, timeline) and its support_ticket row (kind, the
 * description, who opened it). The workflow's start arguments stay on the row until it starts
 * (PendingStartSweeper); they carry ids, codes and the kind, never the description.
 */
@Injectable()
export class SupportTicketsService {
  constructor(private readonly em: EntityManager) {}

  async create(t: NewSupportTicket): Promise<{ ticketId: number; created: boolean; start: PendingStart }> {
    if (!(SUPPORT_KINDS as readonly string[]).includes(t.kind)) throw new DomainError(`El tipo de ticket debe ser uno de: ${SUPPORT_KINDS.join(', ')}.`, 'tipo');
    const description = typeof t.description === 'string' ? t.description.trim() : '';
    if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX) {
      throw new DomainError(`Describa el problema o la duda (de ${DESCRIPTION_MIN} a ${DESCRIPTION_MAX} caracteres).`, 'descripcion');
    }
    const input: Omit<SupportInput, 'requestId'> = { kind: t.kind, drseCode: t.drseCode, schoolId: t.schoolId, opener: t.opener };
    const start: PendingStart = {
      input,
      scope: { drseCode: t.drseCode, ...(t.schoolId !== null ? { schoolId: t.schoolId } : {}) },
      submittedBy: { id: t.openedBy.id, role: t.openedBy.role, ...(t.onBehalfSchoolId !== null ? { onBehalfSchoolId: t.onBehalfSchoolId } : {}) },
    };
    return this.em.fork().transactional(async (em) => {
      const [existing] = await em.execute<Row[]>('select request_id from support_ticket where operation_key = ?', [t.operationKey]);
      if (existing) return { ticketId: Number(existing.request_id), created: false, start };
      const [row] = await em.execute<Row[]>(
        `insert into procedure_request (procedure, school_id, drse_code, public_status, state, pending_start)
         values ('SUPPORT', ?, ?, 'RECIBIDO', 'recepcion', ?) returning id`,
        [t.schoolId, t.drseCode, JSON.stringify(start)],
      );
      const ticketId = Number(row.id);
      await em.execute(
        `insert into support_ticket (request_id, operation_key, kind, description, opener, opened_by, opened_by_role, on_behalf_school_id, failure_report_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [ticketId, t.operationKey, t.kind, description, t.opener, t.openedBy.id, t.openedBy.role, t.onBehalfSchoolId, t.failureReportId ?? null],
      );
      return { ticketId, created: true, start };
    });
  }
}
