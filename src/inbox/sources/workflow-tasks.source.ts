import { openTasksOf } from '../../requests';
import type { InboxSource } from '../inbox-source';

/** Open workflow tasks of the actor's role in its scope (incidents and escalations included). */
export const workflowTasksSource: InboxSource = {
  tipo: 'TAREA',
  etiqueta: 'Trámites',
  select(actor) {
    const { where, params } = openTasksOf(actor, 't');
    return {
      columns: {
        ref: 't.id',
        titulo: 't.title',
        detalle: 't.description',
        incidente: 't.incident',
        escalamiento: `t.kind = 'ESCALAMIENTO'`,
        vence: 't.due_at',
        vencida: 't.overdue',
        desde: 't.opened_at',
        solicitud_id: 'r.id',
        procedimiento: 'r.procedure',
        estado: 'r.public_status',
        school_id: 't.scope_school_id',
        drse_code: 't.scope_drse_code',
      },
      from: 'procedure_task t join procedure_request r on r.id = t.request_id',
      where,
      params,
    };
  },
};
