import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, assertSchoolWork } from '../../access';
import { workSchoolOf, auditSchoolWork, SchoolWorkAudit, Student } from '../../catalog';
import { NotFoundError, ServiceUnavailableError } from '../../common/domain-error';
import { pageOptions, PageQueryDto } from '../../http/pagination';
import { operationKey } from '../../inventory';
import { ReplacementReason } from '../entities';
import { ProductionService } from '../production.service';
import { coversSchool, schoolScopeSql } from './production-scope';
import { REPLACEMENT_PAYMENT_ROUTE, ReplacementPaymentCommand, ReplacementPaymentRoute } from './replacement-intake';
import {
  CardReportDto,
  CardReportPageDto,
  CardReportQueryDto,
  RecordReplacementDto,
  ReplacementDto,
  ReplacementPageDto,
  ReplacementQueryDto,
  ReportCardDto,
} from './replacements.dto';

interface ReplacementRow {
  id: number;
  student_id: number;
  student_name: string;
  school_id: number;
  cct: string;
  turno: string;
  receipt_number: string;
  paid_on: string;
  amount_cents: number;
  cycle_code: string;
  reason: string;
  status: string;
  revoked_folio: string;
  new_folio: string | null;
  print_route: 'DRSE' | 'ESCUELA';
  drse_code: string;
  recorded_at: Date;
}

const SELECT = `
  select rp.id, rp.student_id,
         concat_ws(' ', s.nombres, s.primer_apellido, nullif(s.segundo_apellido, '')) as student_name,
         sc.id as school_id, sc.cct, sc.turno, rp.receipt_number, rp.paid_on::text as paid_on, rp.amount_cents,
         rp.cycle_code, rp.reason, rp.status, old.folio as revoked_folio, new.folio as new_folio,
         sc.print_route, sc.drse_code, rp.recorded_at
    from card_replacement rp
    join student s on s.id = rp.student_id
    join school sc on sc.id = s.school_id
    left join drse d on d.code = sc.drse_code
    join credential old on old.id = rp.revoked_credential_id
    left join credential new on new.id = rp.new_credential_id`;

/** The student and school columns every replacement and card-report row carries (student_name, school_id, cct, turno). */
interface StudentSchoolRow {
  student_id: number;
  student_name: string;
  school_id: number;
  cct: string;
  turno: string;
}

function studentAndSchool(r: StudentSchoolRow): { studentId: number; studentName: string; schoolId: number; cct: string; turno: string } {
  return { studentId: Number(r.student_id), studentName: r.student_name, schoolId: Number(r.school_id), cct: r.cct, turno: r.turno };
}

function toDto(r: ReplacementRow): ReplacementDto {
  return {
    id: Number(r.id),
    ...studentAndSchool(r),
    receiptNumber: r.receipt_number,
    paidOn: r.paid_on,
    amountCents: Number(r.amount_cents),
    cycleCode: r.cycle_code,
    reason: r.reason,
    status: r.status,
    revokedFolio: r.revoked_folio,
    newFolio: r.new_folio,
    printedBy: r.print_route === 'DRSE' ? { type: 'DRSE', drseCode: r.drse_code, schoolId: null } : { type: 'ESCUELA', drseCode: null, schoolId: Number(r.school_id) },
    recordedAt: r.recorded_at,
  };
}

interface ReportRow {
  id: number;
  student_id: number;
  student_name: string;
  school_id: number;
  cct: string;
  turno: string;
  folio: string;
  kind: string;
  reported_on: string;
  actor_role: string;
  on_behalf_school_id: number | null;
  replacement_status: string | null;
  recorded_at: Date;
}

/** A listing's optional filter: its condition and the query's value (left out when not given). */
type Filter = [condition: string, value: unknown];

const REPORT_FROM = `
    from card_report cr
    join student s on s.id = cr.student_id
    join school sc on sc.id = s.school_id
    left join drse d on d.code = sc.drse_code`;

const REPORT_SELECT = `
  select cr.id, cr.student_id,
         concat_ws(' ', s.nombres, s.primer_apellido, nullif(s.segundo_apellido, '')) as student_name,
         sc.id as school_id, sc.cct, sc.turno, c.folio, cr.kind, cr.reported_on::text as reported_on, cr.actor_role,
         cr.on_behalf_school_id, rp.status as replacement_status, cr.recorded_at
  ${REPORT_FROM}
    join credential c on c.id = cr.credential_id
    left join card_replacement rp on rp.revoked_credential_id = cr.credential_id`;

function toReportDto(r: ReportRow): CardReportDto {
  return {
    id: Number(r.id),
    ...studentAndSchool(r),
    folio: r.folio,
    kind: r.kind,
    reportedOn: r.reported_on,
    actorRole: r.actor_role,
    onBehalfOfSchool: r.on_behalf_school_id !== null,
    replacementStatus: r.replacement_status,
    recordedAt: r.recorded_at,
  };
}

/**
 * Replacements (R5) over HTTP. `record` hands the receipt to the replacement workflow through
 * REPLACEMENT_PAYMENT_ROUTE (replacement-intake.ts): no direct write bypasses the procedure.
 */
@Injectable()
export class ReplacementsHttpService {
  constructor(
    private readonly em: EntityManager,
    private readonly production: ProductionService,
    @Optional() @Inject(REPLACEMENT_PAYMENT_ROUTE) private readonly route?: ReplacementPaymentRoute,
  ) {}

  /** The receipt starts the replacement workflow (the one path): school work, so DRSE staff record it for an offline school. */
  async record(actor: Actor, dto: RecordReplacementDto): Promise<ReplacementDto> {
    const student = await this.em.fork().findOne(Student, { id: dto.studentId }, { populate: ['school', 'school.drse', 'school.drse.parent'] });
    if (!student || !coversSchool(actor, student.school)) throw new NotFoundError(`No existe el alumno ${dto.studentId} o no está en su ámbito.`, 'studentId');
    const work = assertSchoolWork(actor, workSchoolOf(student.school), 'studentId');
    const command: ReplacementPaymentCommand = {
      studentId: student.id,
      receiptNumber: dto.receiptNumber,
      paidOn: dto.paidOn,
      amountCents: dto.amountCents,
      reason: dto.reason as ReplacementReason,
    };
    if (!this.route) throw new ServiceUnavailableError('El trámite de reposición no está disponible en este proceso.');
    const { replacementId } = await this.route.record(actor, command, work.onBehalfSchoolId);
    return this.get(replacementId);
  }

  async list(actor: Actor, query: ReplacementQueryDto): Promise<ReplacementPageDto> {
    const filters: Filter[] = [
      ['rp.status = ?', query.status],
      ['sc.id = ?', query.schoolId],
    ];
    const from = 'from card_replacement rp join student s on s.id = rp.student_id join school sc on sc.id = s.school_id left join drse d on d.code = sc.drse_code';
    return this.page(actor, query, filters, { from, select: SELECT, order: 'rp.id desc' }, toDto);
  }

  /** A card reported lost, stolen or damaged: by the school, or its DRSE when the school has no internet. */
  async report(actor: Actor, dto: ReportCardDto, idempotencyKey?: string): Promise<CardReportDto> {
    const student = await this.em.fork().findOne(Student, { id: dto.studentId }, { populate: ['school', 'school.drse', 'school.drse.parent'] });
    if (!student || !coversSchool(actor, student.school)) throw new NotFoundError(`No existe el alumno ${dto.studentId} o no está en su ámbito.`, 'studentId');
    const work = assertSchoolWork(actor, workSchoolOf(student.school), 'studentId');
    const result = await this.production.reportCard({
      key: operationKey(actor, 'card-report', student.id, idempotencyKey),
      studentId: student.id,
      kind: dto.kind as ReplacementReason,
      reportedOn: dto.reportedOn,
      actor,
      onBehalfSchoolId: work.onBehalfSchoolId,
    });
    const em = this.em.fork();
    if (!(await em.count(SchoolWorkAudit, { act: 'REPORTE_CREDENCIAL', studentId: student.id, detail: { $like: `${result.folio}%` } }))) {
      auditSchoolWork(em, { schoolId: student.school.id, studentId: student.id, act: 'REPORTE_CREDENCIAL', detail: `${result.folio}: ${dto.kind} el ${dto.reportedOn}.`, actor, work });
      await em.flush();
    }
    const [row] = await em.execute<ReportRow[]>(`${REPORT_SELECT} where cr.id = ?`, [result.reportId]);
    return toReportDto(row);
  }

  async reports(actor: Actor, query: CardReportQueryDto): Promise<CardReportPageDto> {
    return this.page(actor, query, [['sc.id = ?', query.schoolId]], { from: REPORT_FROM, select: REPORT_SELECT, order: 'cr.id desc' }, toReportDto);
  }

  /** One page of rows in the actor's school scope, newest first, with the optional filters that have a value. */
  private async page<Row, Dto>(
    actor: Actor,
    query: PageQueryDto,
    filters: Filter[],
    sql: { from: string; select: string; order: string },
    map: (r: Row) => Dto,
  ): Promise<{ items: Dto[]; total: number; page: number; pageSize: number }> {
    const scope = schoolScopeSql(actor);
    const given = filters.filter(([, value]) => value !== undefined && value !== null && value !== '');
    const filter = `where ${[scope.sql, ...given.map(([cond]) => cond)].join(' and ')}`;
    const params = [...scope.params, ...given.map(([, value]) => value)];
    const { limit, offset } = pageOptions(query);
    const em = this.em.fork();
    const [{ n }] = await em.execute<Array<{ n: string }>>(`select count(*)::text as n ${sql.from} ${filter}`, params);
    const rows = await em.execute<Row[]>(`${sql.select} ${filter} order by ${sql.order} limit ? offset ?`, [...params, limit, offset]);
    return { items: rows.map(map), total: Number(n), page: query.page, pageSize: query.pageSize };
  }

  private async get(id: number): Promise<ReplacementDto> {
    const [row] = await this.em.fork().execute<ReplacementRow[]>(`${SELECT} where rp.id = ?`, [id]);
    return toDto(row);
  }
}
