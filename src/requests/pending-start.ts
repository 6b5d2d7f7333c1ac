import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { WorkflowHandle } from '@temporalio/client';
import type { Role } from '../access';
import { ProcedureClient } from '../procedures';
import type { ProcedureName } from '../../statecharts/step-meta';
import { PROCEDURE_CLIENT } from './http/procedure-client.provider';

/**
 * The start arguments of a filed request's workflow, kept on its row (procedure_request.pending_start)
 * until the workflow records its first step: ids and codes only, no personal data.
 */
export interface PendingStart {
  input: object;
  /** `schoolId` absent: a DRSE's own work (a support ticket of its Control Escolar). */
  scope: { drseCode: string; schoolId?: number };
  submittedBy: { id: string; role: Role; onBehalfSchoolId?: number };
  comment?: string;
}

/** Starts (idempotently: the workflow id derives from the request) the workflow of a filed request. */
export function startPending(procedures: ProcedureClient, procedure: ProcedureName, requestId: number, args: PendingStart): Promise<WorkflowHandle> {
  return procedures.start(procedure, requestId, { ...args, input: { ...args.input, requestId } });
}

/** How often, and after how long a filed request without its workflow is started by the sweeper. */
export function pendingStartSweep(env: NodeJS.ProcessEnv = process.env): { everyMs: number; graceSeconds: number; batch: number } {
  return { everyMs: Number(env.PENDING_START_SWEEP_MS ?? 15_000), graceSeconds: Number(env.PENDING_START_GRACE_SECONDS ?? 30), batch: 50 };
}

/**
 * Finishes filings the engine could not take: a request row whose workflow never started (Temporal
 * was down, the API died between the row and the start) is started here, so no request is left
 * listed without a procedure behind it. Every API process sweeps; the start is idempotent.
 */
@Injectable()
export class PendingStartSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly logger = new Logger(PendingStartSweeper.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
  ) {}

  private readonly settings = pendingStartSweep();

  onApplicationBootstrap(): void {
    if (!(this.settings.everyMs > 0)) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.settings.everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; answers how many workflows it started. */
  sweep(graceSeconds = this.settings.graceSeconds): Promise<number> {
    this.running ??= this.pass(graceSeconds).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(graceSeconds: number): Promise<number> {
    const em = this.em.fork();
    const rows = await em.execute<Array<{ id: number; procedure: ProcedureName; pending_start: PendingStart }>>(
      `select id, procedure, pending_start from procedure_request
        where pending_start is not null and last_seq < 0 and created_at < now() - make_interval(secs => ?)
        order by created_at limit ?`,
      [graceSeconds, this.settings.batch],
    );
    let started = 0;
    for (const row of rows) {
      try {
        const handle = await startPending(this.procedures, row.procedure, Number(row.id), row.pending_start);
        await em.execute('update procedure_request set pending_start = null, workflow_id = coalesce(workflow_id, ?) where id = ?', [handle.workflowId, row.id]);
        started++;
      } catch (err) {
        this.logger.warn(`No se pudo iniciar el trámite de la solicitud ${row.id}: ${(err as Error).message}`);
        break;
      }
    }
    if (started) this.logger.log(`Iniciados ${started} trámites que habían quedado sin flujo.`);
    return started;
  }
}
