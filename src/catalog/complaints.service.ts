import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { coveredDrseCodes, type Actor } from '../auth/actor';
import { assertCovers, isStateActor } from '../auth/scope';
import { User } from '../auth/user.entity';
import { NotFoundError } from '../common/domain-error';
import { Page, pageOptions } from '../http/pagination';
import { ComplaintDto, ComplaintQueryDto, CreateComplaintDto } from './catalog.dto';
import { Student } from './entities/student.entity';
import { RefusalComplaint } from './refusal-complaint.entity';
import { SchoolsService } from './schools.service';

export function toComplaintDto(c: RefusalComplaint): ComplaintDto {
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
    filedByRole: c.filedByRole,
    createdAt: c.createdAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString(),
  };
}

/** R4 refusal complaints: filed against a school, routed to (and seen by) the school's DRSE. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly em: EntityManager,
    private readonly schools: SchoolsService,
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
      filedBy: this.em.getReference(User, actor.id),
      filedByRole: actor.role,
    });
    await this.em.persistAndFlush(complaint);
    return toComplaintDto(complaint);
  }

  async list(actor: Actor, query: ComplaintQueryDto): Promise<Page<ComplaintDto>> {
    const conditions: FilterQuery<RefusalComplaint>[] = [];
    if (actor.role === 'ESCUELA') conditions.push({ school: actor.schoolId ?? -1 });
    else if (!isStateActor(actor)) conditions.push({ drse: { $in: coveredDrseCodes(actor) } });
    if (query.status) conditions.push({ status: query.status as RefusalComplaint['status'] });
    if (query.schoolId !== undefined) conditions.push({ school: query.schoolId });
    const [rows, total] = await this.em.findAndCount(RefusalComplaint, { $and: conditions }, {
      populate: ['school'],
      orderBy: { createdAt: 'desc', id: 'desc' },
      ...pageOptions(query),
    });
    return { items: rows.map(toComplaintDto), total, page: query.page, pageSize: query.pageSize };
  }

  async resolve(actor: Actor, id: number, resolution: string): Promise<ComplaintDto> {
    const complaint = await this.em.findOne(RefusalComplaint, { id }, { populate: ['school'] });
    if (!complaint) throw new NotFoundError('No existe la queja o no está en su ámbito.', 'id');
    assertCovers(actor, { drseCode: complaint.drse.code }, 'No existe la queja o no está en su ámbito.', 'id');
    complaint.resolve(this.em.getReference(User, actor.id), resolution);
    await this.em.flush();
    return toComplaintDto(complaint);
  }
}
