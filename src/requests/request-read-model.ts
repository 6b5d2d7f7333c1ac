import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { TransitionRecord } from '../procedures';

type Row = Record<string, unknown>;

/**
 * Writes one transition into the read model in one transaction: the audit row (idempotent on
 * workflow id + sequence number: a retried activity finds it and changes nothing), the request's
 * state and public status, the tasks it closes, the task it opens, and an SLA escalation.
 */
@Injectable()
export class RequestReadModel {
  constructor(private readonly em: EntityManager) {}

  async recordTransition(r: TransitionRecord): Promise<{ requestId: number; applied: boolean }> {
    return this.em.fork().transactional(async (em) => {
      const requestId = await this.ensureRequest(em, r);
      const inserted = await em.execute<Row[]>(
        `insert into procedure_audit (request_id, workflow_id, seq, from_state, to_state, event, public_status, actor_id, actor_role, comment, at, on_behalf_school_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (workflow_id, seq) do nothing returning id`,
        [requestId, r.workflowId, r.seq, r.fromState, r.toState, r.event, r.status, r.actor.id, r.actor.role, r.comment, r.at, r.actor.onBehalfSchoolId ?? null],
      );
      if (inserted.length === 0) return { requestId, applied: false };

      await em.execute(
        `update procedure_request set state = ?, public_status = ?, last_seq = ?, chart_version = ?, workflow_id = ?,
           updated_at = ?, closed_at = ?, pending_start = null, context = coalesce(?::jsonb, context)
         where id = ? and last_seq < ?`,
        [r.toState, r.status, r.seq, r.chartVersion, r.workflowId, r.at, r.final ? r.at : null, r.context ? JSON.stringify(r.context) : null, requestId, r.seq],
      );
      if (r.fromState !== null && r.fromState !== r.toState) {
        await em.execute(
          `update procedure_task set status = 'CERRADA', closed_at = ?, closed_by = ?, closed_by_role = ?, closed_event = ?
           where request_id = ? and status = 'ABIERTA'`,
          [r.at, r.actor.id, r.actor.role, r.event, requestId],
        );
      }
      if (r.openTask) {
        await em.execute(
          `insert into procedure_task (request_id, workflow_id, seq, kind, step, task_key, title, role, scope_drse_code, scope_school_id, due_at, opened_at, incident, description)
           values (?, ?, ?, 'PASO', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            requestId, r.workflowId, r.seq, r.toState, r.openTask.key, r.openTask.title, r.openTask.role, r.scope.drseCode, r.scope.schoolId ?? null,
            r.openTask.dueAt, r.at, r.openTask.incident === true, r.openTask.description?.slice(0, 500) ?? null,
          ],
        );
      }
      if (r.escalation) {
        const open = await em.execute<Row[]>(
          `update procedure_task set overdue = true where request_id = ? and status = 'ABIERTA' and kind = 'PASO' returning id, task_key, step`,
          [requestId],
        );
        const original = open[0];
        await em.execute(
          `insert into procedure_task (request_id, workflow_id, seq, kind, step, task_key, title, role, scope_drse_code, scope_school_id, due_at, opened_at, escalates_task_id)
           values (?, ?, ?, 'ESCALAMIENTO', ?, ?, ?, ?, ?, ?, null, ?, ?)`,
          [requestId, r.workflowId, r.seq, r.toState, original?.task_key ?? r.toState, r.escalation.title, r.escalation.role, r.scope.drseCode, r.scope.schoolId ?? null, r.at, original?.id ?? null],
        );
      }
      return { requestId, applied: true };
    });
  }

  private async ensureRequest(em: EntityManager, r: TransitionRecord): Promise<number> {
    if (r.requestId !== null) {
      const rows = await em.execute<Row[]>('select id from procedure_request where id = ? for update', [r.requestId]);
      if (rows.length === 0) throw new Error(`procedure_request ${r.requestId} does not exist`);
      return r.requestId;
    }
    // A request the workflow itself creates (a supply started by a procedure): keyed by workflow id.
    await em.execute(
      `insert into procedure_request (procedure, workflow_id, school_id, drse_code, parent_request_id, chart_version, state, public_status, created_at, updated_at)
       values (?, ?, ?, ?, (select id from procedure_request where workflow_id = ?), ?, ?, ?, ?, ?)
       on conflict (workflow_id) do nothing`,
      [r.procedure, r.workflowId, r.scope.schoolId ?? null, r.scope.drseCode, r.parentWorkflowId, r.chartVersion, r.toState, r.status, r.at, r.at],
    );
    const rows = await em.execute<Row[]>('select id from procedure_request where workflow_id = ? for update', [r.workflowId]);
    return Number(rows[0].id);
  }
}
