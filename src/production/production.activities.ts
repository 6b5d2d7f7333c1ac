import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../access';
import { DomainError } from '../common/domain-error';
import { PrintHolder } from './print-holder';
import { ProductionService } from './production.service';

export interface CreatePrintRunActivityInput {
  /** Idempotency key, e.g. `${workflowId}:print-run`. */
  key: string;
  holder: PrintHolder;
  studentIds: number[];
  cycleCode?: string;
  newPlanillaPerSchool?: boolean;
  actor: Actor;
}

/** Ids and counts only: no names in Temporal payloads. */
export interface CreatePrintRunActivityResult {
  runId: number | null;
  planillas: number;
  cards: number;
  voided: number;
  excluded: Array<{ studentId: number; reason: string }>;
}

export interface RenderPrintRunActivityResult {
  runId: number;
  pdfHash: string;
  planillas: number;
  cards: number;
}

/** Temporal activities of credential production. Business refusals are non-retryable failures. */
@Injectable()
export class ProductionActivities {
  constructor(private readonly production: ProductionService) {}

  async createPrintRun(input: CreatePrintRunActivityInput): Promise<CreatePrintRunActivityResult> {
    const run = await refusalsAsFailures(() => this.production.createPrintRun(input));
    return {
      runId: run.runId,
      planillas: run.planillas,
      cards: run.cards,
      voided: run.voided,
      excluded: run.excluded.map((e) => ({ studentId: e.studentId, reason: e.reason })),
    };
  }

  /** Idempotent: renders the stored cards once, then returns the stored file's hash. */
  async renderPrintRun(input: { runId: number }): Promise<RenderPrintRunActivityResult> {
    const r = await refusalsAsFailures(() => this.production.renderRun(input.runId));
    return { runId: r.runId, pdfHash: r.pdfHash, planillas: r.planillas, cards: r.cards };
  }
}

async function refusalsAsFailures<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) {
      throw ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: true, details: [{ field: err.field, status: err.status }] });
    }
    throw err;
  }
}
