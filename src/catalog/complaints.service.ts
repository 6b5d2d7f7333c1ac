import { Inject, Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { coveredDrseCodes, type Actor, assertCovers, isStateActor } from '../access';
import { NotFoundError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Page, pageOptions } from '../http/pagination';
import { cardsInForce, CardInForce } from '../production';
import { ComplaintDto, ComplaintQueryDto, CreateComplaintDto } from './catalog.dto';
import { auditSchoolWork } from './entities/school-work-audit.entity';
import { Student } from './entities/student.entity';
import { ComplaintOutcome, ComplaintUser, RefusalComplaint } from './refusal-complaint.entity';
import { SchoolsService } from './schools.service';

export function toComplaintDto(c: RefusalComplaint, card?: CardInForce, now = new Date()): ComplaintDto {
  const student = c.student;
  return {
    id: c.id,
    schoolId: c.school.id,
    schoolCct: c.school.cct,
    schoolName: c.school.name,
    drseCode: c.drse.code,
    studentId: c.student?.id,
    description: c.description,
    status: c.status,
    resolution: c.resolution ?? undefined,
    outcome: c.outcome ?? undefined,
    filedByRole: c.filedByRole,
    createdAt: c.createdAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    overdue: c.overdue(now),
    resolvedAt: c.resolvedAt?.toISOString(),
    studentName: student ? [student.nombres, student.primerApellido, student.segundoApellido].filter(Boolean).join(' ') : undefined,
    studentDeclined: student ? student.declined : undefined,
    studentFolio: card?.folio,
  };
}

/**
 * R4 refusal complaints: filed against a school by the school or its DRSE on the family's behalf,
 * routed to the school's DRSE, resolved by its Control Escolar within COMPLAINT_DUE_DAYS with
 * PROCEDE (the student becomes eligible: an opt-out is reversed, audited) or NO_PROCEDE.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly em: EntityManager,
    private readonly schools: SchoolsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async file(actor: Actor, dto: CreateComplaintDto): Promise<ComplaintDto> {
    const school = await this.schools.findInScope(actor, dto.schoolId, 'schoolId');
    let student: Student | undefined;
    if (dto.studentId !== undefined) {
      student = (await this.em.findOne(Student, { id: dto.studentId, school: school.id })) ?? undefined;
      if (!student) throw new NotFoundError('No existe ese alumno en la escuela indicada.', 'studentId');
    }
    const complaint = new RefusalComplaint({
      school,
      student,
      description: dto.description,
      filedBy: this.em.getReference<ComplaintUser>('User', actor.id),
      filedByRole: actor.role,
      dueDays: this.config.complaintDueDays,
    });
    await this.em.persistAndFlush(complaint);
    return this.dto([complaint]).then(([d]) => d);
  }

  async list(actor: Actor, query: ComplaintQueryDto): Promise<Page<ComplaintDto>> {
    const conditions: FilterQuery<RefusalComplaint>[] = [];
    if (actor.role === 'ESCUELA') conditions.push({ school: actor.schoolId ?? -1 });
    else if (!isStateActor(actor)) conditions.push({ drse: { $in: coveredDrseCodes(actor) } });
    if (query.status) conditions.push({ status: query.status as RefusalComplaint['status'] });
    if (query.schoolId !== undefined) conditions.push({ school: query.schoolId });
    const [rows, total] = await this.em.findAndCount(RefusalComplaint, { $and: conditions }, {
      populate: ['school', 'student'],
      orderBy: { createdAt: 'desc', id: 'desc' },
      ...pageOptions(query),
    });
    return { items: await this.dto(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async resolve(actor: Actor, id: number, resolution: string, outcome: ComplaintOutcome): Promise<ComplaintDto> {
    const complaint = await this.em.findOne(RefusalComplaint, { id }, { populate: ['school', 'student'] });
    if (!complaint) throw new NotFoundError('No existe la queja o no está en su ámbito.', 'id');
    assertCovers(actor, { drseCode: complaint.drse.code }, 'No existe la queja o no está en su ámbito.', 'id');
    complaint.resolve(this.em.getReference<ComplaintUser>('User', actor.id), resolution, outcome);
    const student = complaint.student;
    if (outcome === 'PROCEDE' && student?.declined) {
      student.reinstate();
      auditSchoolWork(this.em, {
        schoolId: complaint.school.id,
        studentId: student.id,
        act: 'DECLINACION_REVERTIDA',
        detail: `Queja ${complaint.id} procedente: ${complaint.resolution}`.slice(0, 500),
        actor,
        work: null,
      });
    }
    await this.em.flush();
    return this.dto([complaint]).then(([d]) => d);
  }

  private async dto(rows: RefusalComplaint[]): Promise<ComplaintDto[]> {
    const cards = await cardsInForce(this.em, rows.flatMap((c) => (c.student ? [c.student.id] : [])));
    const now = new Date();
    return rows.map((c) => toComplaintDto(c, c.student ? cards.get(c.student.id) : undefined, now));
  }
}
