import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, SchoolWork } from '../../access';
import { ConflictError, DomainError } from '../../common/domain-error';
import { AcuseService, operationKey } from '../../inventory';
import { FieldProblem } from '../../http/problem';
import { ProcedureClient } from '../../procedures';
import { decisions } from '../../observability/metrics';
import type { ProcedureName, StepMeta } from '../../../statecharts/step-meta';
import { ACUSE_SIGNED } from '../../../statecharts/incidents';
import { DecisionSpec, fieldExpectation, fieldProblems } from '../../../statecharts/decisions';
import { decisionOf, refusalReason } from './decision-catalog';
import { decisionProblem, refusedAsNotThisStep, withinTime } from './decision-errors';
import { PROCEDURE_CLIENT } from './procedure-client.provider';
import { DECIDE_MS, RequestAccess } from './request-access';
import { invalid } from './request-input';
import { acuseCollectors, metaOf, RequestRow, Row, workflowActor } from './request-mapping';
import { IdempotencyContext, NO_IDEMPOTENCY } from '../../http/idempotency.interceptor';
import { DecisionDto, DecisionResultDto } from './requests.dto';

/**
 * Requests over HTTP, decisions: the workflow's `decide` Update (the decision catalogue checks the
 * comment and the numbers), the signed acuse, withdrawal. Scope first (404 outside it); the
 * workflow's validator is the judge of what may happen now. Filing and corrections:
 * request-filing.service.ts; reading and the inbox: request-queries.service.ts.
 */
@Injectable()
export class RequestsHttpService {
  constructor(
    private readonly em: EntityManager,
    @Inject(PROCEDURE_CLIENT) private readonly procedures: ProcedureClient,
    private readonly acuses: AcuseService,
    private readonly access: RequestAccess,
  ) {}

  // ---------------------------------------------------------------- decisions

  async decide(actor: Actor, id: number, dto: DecisionDto, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<DecisionResultDto> {
    const row = await this.load(actor, id);
    if (dto.evento === ACUSE_SIGNED) {
      throw new DomainError(
        'Para concluir la entrega suba el acuse firmado y sellado escaneado (PDF, JPEG o PNG) con «Subir el acuse firmado» en la solicitud.',
        'evento',
        'ACUSE_FIRMADO_REQUERIDO',
      );
    }
    return this.send(actor, row, dto, idem);
  }

  /**
   * The signed and sealed acuse of a delivered request: stored with the acuse (the same checks and
   * storage as any signed scan), then ACUSE_SIGNED is sent to the workflow, which only then marks
   * the request delivered. 409 if the request does not wait for it, 403 if the caller's role does
   * not collect it. An acuse already signed (a retry after the upload) is not stored again.
   */
  async signedAcuse(actor: Actor, id: number, content: Buffer, contentType: string, idem: IdempotencyContext = NO_IDEMPOTENCY): Promise<DecisionResultDto> {
    const row = await this.load(actor, id);
    const notYours = () => new DomainError('Su rol no recaba el acuse firmado de esta solicitud.', 'estado', 'NO_PUEDE_ACTUAR', 403);
    if (!this.acuseCollectors(row.procedure, row.chartVersion).has(actor.role)) throw notYours();
    const meta = this.metaOf(row.procedure, row.chartVersion, row.state);
    const roles = meta?.kind === 'task' ? meta.decisions[ACUSE_SIGNED] : undefined;
    if (row.publicStatus !== 'ESPERANDO_ACUSE' || !roles) {
      throw new DomainError('La solicitud no espera el acuse firmado en este momento.', 'estado', 'NO_ESPERA_ACUSE', 409);
    }
    if (!roles.includes(actor.role)) throw notYours();
    const [r] = await this.em.fork().execute<Row[]>('select context from procedure_request where id = ?', [row.id]);
    const acuseId = (r?.context as Record<string, unknown> | null)?.acuseId;
    if (typeof acuseId !== 'number') throw new DomainError('La solicitud aún no tiene acuse de entrega.', 'estado', 'NO_ESPERA_ACUSE', 409);
    const acuse = await this.acuses.get(acuseId);
    if (acuse.signedScanHash === null) {
      await this.acuses
        .attachSignedScan({ key: operationKey(actor, 'acuse.signed', acuseId, idem.operationId ?? undefined), actor, acuseId, content, contentType })
        .catch((err: unknown) => {
          if (!(err instanceof ConflictError)) throw err; // signed meanwhile by another upload: the delivery still closes
        });
    }
    return this.send(actor, row, { evento: ACUSE_SIGNED }, idem);
  }

  private async send(actor: Actor, row: RequestRow, dto: DecisionDto, idem: IdempotencyContext): Promise<DecisionResultDto> {
    const spec = decisionOf(row.procedure, dto.evento);
    const comment = dto.comentario?.trim() || undefined;
    if (spec.commentRequired && !comment) {
      throw invalid([{ field: 'comentario', message: `La decisión «${spec.label}» requiere un comentario que explique el motivo.` }]);
    }
    const data = this.decisionData(spec, dto.datos ?? {});
    const workflowId = row.workflowId ?? this.procedures.workflowId(row.procedure, row.id);
    const onBehalfSchoolId = await this.onBehalfOf(actor, row);
    const send = () =>
      withinTime(this.procedures, DECIDE_MS, () =>
        this.procedures.decideWorkflow(workflowId, { event: { type: dto.evento, ...data }, actor: { ...this.workflowActor(actor), ...(onBehalfSchoolId ? { onBehalfSchoolId } : {}) }, comment }, idem.operationId ?? undefined),
      );
    try {
      const r = await this.whenWorkflowCatchesUp(row, dto.evento, send);
      decisions.inc({ procedure: row.procedure, event: dto.evento, outcome: 'applied' });
      return { estado: r.status, state: r.state, seq: r.seq };
    } catch (err) {
      const problem = decisionProblem(err, { procedure: row.procedure, event: dto.evento, reason: await this.refusalReasonOf(row, dto.evento) });
      decisions.inc({ procedure: row.procedure, event: dto.evento, outcome: problem instanceof DomainError && problem.status < 500 ? 'refused' : 'failed' });
      throw problem;
    }
  }

  /** Why the chart would refuse `evento` now, from the context the read model recorded (null if unknown). */
  private async refusalReasonOf(row: RequestRow, evento: string): Promise<string | null> {
    const [r] = await this.em.fork().execute<Row[]>('select context from procedure_request where id = ?', [row.id]).catch(() => [] as Row[]);
    return refusalReason(row.procedure, evento, (r?.context as Record<string, unknown> | null) ?? null);
  }

  /**
   * The workflow records a transition (the read model, which the detail shows) before it moves its
   * own snapshot there, so for a few milliseconds a step the page offers is not yet the workflow's.
   * A decision refused as "not now" while the read model's current step takes it is sent again.
   */
  private async whenWorkflowCatchesUp<T>(row: RequestRow, evento: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (err) {
        // A guard's refusal of the numbers is final; only "not this step" may be the read model being ahead.
        if (!refusedAsNotThisStep(err) || attempt >= 10 || !(await this.recordedStepTakes(row.id, evento))) throw err;
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      }
    }
  }

  private async recordedStepTakes(requestId: number, evento: string): Promise<boolean> {
    const [r] = await this.em.fork().execute<Row[]>('select procedure, chart_version, state from procedure_request where id = ?', [requestId]);
    if (!r) return false;
    const meta = this.metaOf(r.procedure as ProcedureName, Number(r.chart_version), String(r.state));
    return meta?.kind === 'task' && meta.decisions[evento] !== undefined;
  }

  async withdraw(actor: Actor, id: number, comentario?: string): Promise<DecisionResultDto> {
    await this.schoolStepWork(actor, await this.load(actor, id));
    try {
      return await this.decide(actor, id, { evento: 'WITHDRAW', comentario });
    } catch (err) {
      if (err instanceof DomainError && err.status === 409) {
        throw new DomainError('La solicitud ya no puede retirarse: sólo antes de su validación.', 'evento', err.code, 409);
      }
      throw err;
    }
  }

  /** The event's numbers, named in messages by their labels (never `datos.<campo>`; the path stays in `field`). */
  private decisionData(spec: DecisionSpec, datos: Record<string, unknown>): Record<string, number> {
    const problems: FieldProblem[] = fieldProblems(spec.fields, datos).map(({ field, problem, spec: f }) => ({
      field: `datos.${field}`,
      message:
        problem === 'unknown'
          ? `La decisión «${spec.label}» no lleva el dato «${field}».`
          : problem === 'invalid'
            ? `«${f!.label}» debe ser ${fieldExpectation(f!)}.`
            : `Falta «${f!.label}» para la decisión «${spec.label}».`,
    }));
    if (problems.length) throw invalid(problems);
    return datos as Record<string, number>;
  }

  // ---------------------------------------------------------------- helpers

  private load(actor: Actor, id: number): Promise<RequestRow> {
    return this.access.load(actor, id);
  }

  private schoolStepWork(actor: Actor, row: RequestRow): Promise<SchoolWork | null> {
    return this.access.schoolStepWork(actor, row);
  }

  private onBehalfOf(actor: Actor, row: RequestRow): Promise<number | undefined> {
    return this.access.onBehalfOf(actor, row);
  }

  private acuseCollectors(procedure: ProcedureName, version: number): Set<string> {
    return acuseCollectors(procedure, version);
  }

  private metaOf(procedure: ProcedureName, version: number, state: string): StepMeta | null {
    return metaOf(procedure, version, state);
  }

  private workflowActor(actor: Actor): Actor {
    return workflowActor(actor);
  }
}
