import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { actorCovers, type Actor, assertSchoolWork, SchoolWork, schoolWork } from '../access';
import { studentsInScope, workSchoolOf } from './catalog-scope';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { Page, pageOptions } from '../http/pagination';
import { FieldProblem, InvalidInputError } from '../http/problem';
import { normalizePhoto } from '../uploads/photo-normalize';
import { readPhotoZip } from '../uploads/photo-zip';
import { UPLOAD_LIMITS } from '../uploads/upload-limits';
import { UploadStore } from '../uploads/upload-store.service';
import { CreateStudentDto, ImportReportDto, PhotoZipReportDto, StudentDto, StudentQueryDto } from './catalog.dto';
import { School } from './entities/school.entity';
import { Student } from './entities/student.entity';
import { auditSchoolWork, SchoolWorkAct } from './entities/school-work-audit.entity';
import { normalizeCct, normalizeCurp, parseTurno } from './identifiers';
import { nameSearchKey } from './person-name';
import { parseYesNo, readCsvTable } from './csv-table';
import { SchoolsService } from './schools.service';
import { cardsInForce } from '../production';

export function toStudentDto(s: Student): StudentDto {
  return {
    id: s.id,
    curp: s.curp,
    nombres: s.nombres,
    primerApellido: s.primerApellido,
    segundoApellido: s.segundoApellido ?? undefined,
    schoolId: s.school.id,
    primerIngreso: s.primerIngreso,
    hasPhoto: !!s.photoHash,
    declined: s.declined,
    declinedAt: s.declinedAt ? s.declinedAt.toISOString() : undefined,
    declinedReason: s.declinedReason ?? undefined,
    hologramThisCycle: false,
  };
}

const BULK_ROWS = 5000;

/** A PostgreSQL array literal (elements quoted; null as NULL) for `?::type[]` parameters. */
function pgArray(values: Array<string | number | boolean | null>): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"` : String(v))).join(',')}}`;
}

/** Adds, per student, the card in force (folio, cycle) and whether they hold the current cycle's hologram. */
async function withCardsAndHolograms(em: EntityManager, students: StudentDto[]): Promise<StudentDto[]> {
  if (!students.length) return students;
  const ids = `{${students.map((s) => s.id).join(',')}}`;
  const card = await cardsInForce(em, students.map((s) => s.id));
  const holograms = await em.execute<Array<{ student_id: number }>>(
    `select student_id from student_hologram where student_id = any(?::int[]) and cycle_code = (select code from school_cycle where is_current)`,
    [ids],
  );
  const hologram = new Set(holograms.map((h) => Number(h.student_id)));
  return students.map((s) => ({ ...s, currentCard: card.get(s.id), hologramThisCycle: hologram.has(s.id) }));
}

/** CSV columns (SCEJAL-style export) and the header spellings accepted for each. */
const COLUMNS = {
  CURP: ['CURP'],
  NOMBRES: ['NOMBRES', 'NOMBRE', 'NOMBRE_S'],
  PRIMER_APELLIDO: ['PRIMER_APELLIDO', 'APELLIDO_PATERNO', 'PATERNO'],
  SEGUNDO_APELLIDO: ['SEGUNDO_APELLIDO', 'APELLIDO_MATERNO', 'MATERNO'],
  PRIMER_INGRESO: ['PRIMER_INGRESO', 'NUEVO_INGRESO'],
  CCT: ['CCT', 'CLAVE_CT', 'CLAVE_CCT', 'CLAVE_CENTRO_TRABAJO'],
  TURNO: ['TURNO'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED_COLUMNS: Column[] = ['CURP', 'NOMBRES', 'PRIMER_APELLIDO'];
/** Entity field → CSV column, to report an entity's refusal against the column the clerk sees. */
const FIELD_COLUMN: Record<string, Column> = { curp: 'CURP', nombres: 'NOMBRES', primerApellido: 'PRIMER_APELLIDO', segundoApellido: 'SEGUNDO_APELLIDO' };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface PlannedLine {
  line: number;
  student: Student;
  existing?: { id: number; schoolId: number };
}

@Injectable()
export class StudentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly schools: SchoolsService,
    private readonly uploads: UploadStore,
  ) {}

  async list(actor: Actor, query: StudentQueryDto): Promise<Page<StudentDto>> {
    const conditions: FilterQuery<Student>[] = [studentsInScope(actor)];
    if (query.schoolId !== undefined) conditions.push({ school: query.schoolId });
    if (query.curp) conditions.push({ curp: query.curp });
    if (query.declined !== undefined) conditions.push({ declined: query.declined });
    if (query.primerIngreso !== undefined) conditions.push({ primerIngreso: query.primerIngreso });
    if (query.hasPhoto !== undefined) conditions.push({ photoHash: query.hasPhoto ? { $ne: null } : null });
    // Names: insensitive to case, accents and Unicode composition ("MÉNDEZ" finds "Méndez" imported decomposed).
    if (query.q && nameSearchKey(query.q)) conditions.push({ searchName: { $like: likePattern(nameSearchKey(query.q)) } });
    const [rows, total] = await this.em.findAndCount(Student, { $and: conditions }, {
      orderBy: { primerApellido: 'asc', segundoApellido: 'asc', nombres: 'asc', id: 'asc' },
      ...pageOptions(query),
    });
    return { items: await withCardsAndHolograms(this.em, rows.map(toStudentDto)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<StudentDto> {
    return (await withCardsAndHolograms(this.em, [toStudentDto(await this.findInScope(actor, id))]))[0];
  }

  /** The student, if the actor's scope covers them; otherwise 404 as if they did not exist. */
  async findInScope(actor: Actor, id: number, field = 'id'): Promise<Student> {
    const student = await this.em.findOne(Student, { $and: [{ id }, studentsInScope(actor)] });
    if (!student) throw new NotFoundError('No existe el alumno o no está en su ámbito.', field);
    return student;
  }

  async create(actor: Actor, dto: CreateStudentDto): Promise<StudentDto> {
    const { school, work } = await this.targetSchool(actor, dto.schoolId);
    const curp = normalizeCurp(dto.curp);
    if (await this.em.count(Student, { curp })) throw new ConflictError(`Ya existe un alumno registrado con la CURP ${curp}.`, 'curp');
    const student = new Student({ ...dto, curp, school });
    await this.em.persistAndFlush(student);
    auditSchoolWork(this.em, { schoolId: school.id, studentId: student.id, act: 'ALUMNO_ALTA', actor, work });
    await this.em.flush();
    return toStudentDto(student);
  }

  async photo(actor: Actor, id: number): Promise<{ data: Buffer; mediaType: string }> {
    const student = await this.findInScope(actor, id);
    if (!student.photoHash) throw new NotFoundError('El alumno todavía no tiene fotografía.', 'foto');
    const data = await this.uploads.get(student.photoHash);
    return { data, mediaType: data[0] === 0x89 ? 'image/png' : 'image/jpeg' };
  }

  /** `data` was already checked by `@FileUpload('foto', 'photo')`; what is stored is its normalised copy. */
  async setPhoto(actor: Actor, id: number, data: Buffer, name = 'foto'): Promise<StudentDto> {
    const { student, work } = await this.forSchoolWork(actor, id);
    student.setPhoto(await this.uploads.put(await normalizePhoto(data, name, 'foto')));
    auditSchoolWork(this.em, { schoolId: student.school.id, studentId: student.id, act: 'FOTOGRAFIA', actor, work });
    await this.em.flush();
    return toStudentDto(student);
  }

  async optOut(actor: Actor, id: number, reason: string | undefined): Promise<StudentDto> {
    const { student, work } = await this.forSchoolWork(actor, id);
    if (!student.declined) {
      student.decline(new Date(), reason);
      auditSchoolWork(this.em, { schoolId: student.school.id, studentId: student.id, act: 'DECLINACION', detail: student.declinedReason ?? null, actor, work });
      await this.em.flush();
    }
    return toStudentDto(student);
  }

  /** A student in scope (else 404) whose school's work the actor may do (assertSchoolWork). */
  private async forSchoolWork(actor: Actor, id: number): Promise<{ student: Student; work: SchoolWork }> {
    const student = await this.findInScope(actor, id);
    await this.em.populate(student, ['school']);
    return { student, work: assertSchoolWork(actor, workSchoolOf(student.school), 'id') };
  }

  /** R4 reversed when the family asks for the card after all: audited; the student is eligible again. */
  async reverseOptOut(actor: Actor, id: number, reason: string): Promise<StudentDto> {
    const { student, work } = await this.forSchoolWork(actor, id);
    if (!student.declined) throw new ConflictError('La familia de este alumno no ha declinado la credencial: no hay nada que revertir.', 'id');
    const declinedOn = student.declinedAt?.toISOString().slice(0, 10);
    student.reinstate();
    auditSchoolWork(this.em, {
      schoolId: student.school.id,
      studentId: student.id,
      act: 'DECLINACION_REVERTIDA',
      detail: `${reason.trim()} (había declinado el ${declinedOn ?? 'día no registrado'}).`.slice(0, 500),
      actor,
      work,
    });
    await this.em.flush();
    return toStudentDto(student);
  }

  async importCsv(actor: Actor, data: Buffer, options: { parcial?: boolean; schoolId?: number }): Promise<ImportReportDto> {
    const fixedSchool = actor.role === 'ESCUELA' || options.schoolId !== undefined ? (await this.targetSchool(actor, options.schoolId)).school : undefined;
    const table = readCsvTable(data, COLUMNS, REQUIRED_COLUMNS, UPLOAD_LIMITS.csvMaxRows, 'alumnos');
    const { index, cell } = table;
    if (!fixedSchool && !(index.has('CCT') && index.has('TURNO'))) {
      throw new DomainError('Indique la escuela con ?schoolId= o incluya las columnas CCT y TURNO en el CSV.', 'schoolId');
    }
    const body = table.rows;

    const problems: FieldProblem[] = [];
    const planned: PlannedLine[] = [];
    const seen = new Map<string, number>();
    // A named school the actor may not load students for: why (out of scope, or it has internet).
    const schoolCache = new Map<string, School | 'FUERA' | 'CON_INTERNET'>();
    if (!fixedSchool && index.has('CCT')) {
      // The schools named by the file, in one query per 1,000 CCTs (a statewide file names hundreds).
      const ccts = [...new Set(body.map(({ record }) => cell(record, 'CCT').trim().toUpperCase()).filter(Boolean))];
      for (let i = 0; i < ccts.length; i += 1000) {
        for (const found of await this.em.find(School, { cct: { $in: ccts.slice(i, i + 1000) } })) {
          const covered = actorCovers(actor, { schoolId: found.id, drseCode: found.drse.code });
          schoolCache.set(
            `${found.cct}-${found.turno}`,
            !covered ? 'FUERA' : schoolWork(actor, workSchoolOf(found)) ? found : 'CON_INTERNET',
          );
        }
      }
    }
    for (const { record, line } of body) {
      const lineProblems: FieldProblem[] = [];
      const refuse = (field: string, message: string) => lineProblems.push({ line, field, message: `Línea ${line}: ${message}` });

      let school = fixedSchool;
      if (index.has('CCT') && index.has('TURNO') && (cell(record, 'CCT') || !fixedSchool)) {
        try {
          const cct = normalizeCct(cell(record, 'CCT'), 'CCT');
          const turno = parseTurno(cell(record, 'TURNO'), 'TURNO');
          if (fixedSchool && (fixedSchool.cct !== cct || fixedSchool.turno !== turno)) {
            refuse('CCT', `la CCT y el turno (${cct} ${turno}) no son los de la escuela destino (${fixedSchool.cct} ${fixedSchool.turno}).`);
          } else if (!fixedSchool) {
            const key = `${cct}-${turno}`;

            const cached = schoolCache.get(key) ?? 'FUERA';
            if (cached === 'FUERA') refuse('CCT', `no existe la escuela ${cct} ${turno} o no está en su ámbito.`);
            else if (cached === 'CON_INTERNET') refuse('CCT', `la escuela ${cct} ${turno} cuenta con internet: carga sus alumnos ella misma.`);
            else school = cached;
          }
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          refuse(err.field ?? 'CCT', err.message);
        }
      }

      let primerIngreso = false;
      if (index.has('PRIMER_INGRESO')) {
        const yes = parseYesNo(cell(record, 'PRIMER_INGRESO'));
        if (yes !== undefined) primerIngreso = yes;
        else refuse('PRIMER_INGRESO', `PRIMER_INGRESO debe ser SI o NO (se leyó «${cell(record, 'PRIMER_INGRESO')}»).`);
      }

      let student: Student | undefined;
      try {
        student = new Student({
          curp: cell(record, 'CURP'),
          nombres: cell(record, 'NOMBRES'),
          primerApellido: cell(record, 'PRIMER_APELLIDO'),
          segundoApellido: cell(record, 'SEGUNDO_APELLIDO') || undefined,
          primerIngreso,
          school: school ?? (null as unknown as School),
        });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        refuse(FIELD_COLUMN[err.field ?? ''] ?? err.field ?? 'archivo', err.message);
      }
      if (student) {
        const earlier = seen.get(student.curp);
        if (earlier) refuse('CURP', `la CURP ${student.curp} ya venía en la línea ${earlier}.`);
        else seen.set(student.curp, line);
      }
      if (lineProblems.length || !student || !school) problems.push(...lineProblems);
      else planned.push({ line, student });
    }

    // CURPs already registered: same school → update; another school → refused.
    const curps = planned.map((p) => p.student.curp);
    const existing = new Map<string, { id: number; schoolId: number }>();
    for (let i = 0; i < curps.length; i += BULK_ROWS) {
      const rows = await this.em.execute<Array<{ id: number; curp: string; school_id: number }>>(
        'select id, curp, school_id from student where curp = any(?::varchar[])',
        [pgArray(curps.slice(i, i + BULK_ROWS))],
      );
      for (const r of rows) existing.set(r.curp, { id: r.id, schoolId: r.school_id });
    }
    const accepted: PlannedLine[] = [];
    for (const p of planned) {
      const found = existing.get(p.student.curp);
      if (found && found.schoolId !== p.student.school.id) {
        problems.push({ line: p.line, field: 'CURP', message: `Línea ${p.line}: la CURP ${p.student.curp} ya está registrada en otra escuela; el cambio de escuela lo hace Control Escolar.` });
      } else {
        accepted.push({ ...p, existing: found });
      }
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

    if (problems.length && !options.parcial) {
      const lines = new Set(problems.map((p) => p.line)).size;
      throw new InvalidInputError(
        `El CSV tiene ${lines} línea(s) con errores; no se importó nada. Corríjalas o use ?parcial=true para importar sólo las correctas.`,
        problems,
      );
    }
    // Bulk statements (a few per 5,000 rows): a statewide import is 1.2 M rows in files of 20,000.
    const fresh = accepted.filter((p) => !p.existing);
    const known = accepted.filter((p) => p.existing);
    await this.em.transactional(async (tx) => {
      for (let i = 0; i < fresh.length; i += BULK_ROWS) {
        const part = fresh.slice(i, i + BULK_ROWS).map((p) => p.student);
        await tx.execute(
          `insert into student (curp, nombres, primer_apellido, segundo_apellido, school_id, primer_ingreso)
           select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::boolean[])`,
          [
            pgArray(part.map((x) => x.curp)),
            pgArray(part.map((x) => x.nombres)),
            pgArray(part.map((x) => x.primerApellido)),
            pgArray(part.map((x) => x.segundoApellido ?? null)),
            pgArray(part.map((x) => x.school.id)),
            pgArray(part.map((x) => x.primerIngreso)),
          ],
        );
      }
      for (let i = 0; i < known.length; i += BULK_ROWS) {
        const part = known.slice(i, i + BULK_ROWS);
        await tx.execute(
          `update student s set nombres = u.nombres, primer_apellido = u.primer_apellido, segundo_apellido = u.segundo_apellido, primer_ingreso = u.primer_ingreso
             from unnest(?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[]) as u(id, nombres, primer_apellido, segundo_apellido, primer_ingreso)
            where s.id = u.id`,
          [
            pgArray(part.map((p) => p.existing!.id)),
            pgArray(part.map((p) => p.student.nombres)),
            pgArray(part.map((p) => p.student.primerApellido)),
            pgArray(part.map((p) => p.student.segundoApellido ?? null)),
            pgArray(part.map((p) => p.student.primerIngreso)),
          ],
        );
      }
    });
    const created = fresh.length;
    const updated = known.length;
    this.auditPerSchool(actor, [...fresh, ...known].map((p) => p.student.school), 'ALUMNOS_IMPORTACION', (n) => `${n} alumno(s) dados de alta o actualizados por CSV.`);
    await this.em.flush();
    return { lines: body.length, created, updated, refused: problems.map((p) => ({ line: p.line ?? 0, field: p.field, message: p.message })), ignoredColumns: table.ignoredColumns };
  }

  async importPhotoZip(actor: Actor, data: Buffer, options: { parcial?: boolean }): Promise<PhotoZipReportDto> {
    const { photos, problems, entries } = readPhotoZip(data, 'archivo');
    const curps = photos.map((p) => p.curp);
    const students = new Map<string, Student>();
    for (let i = 0; i < curps.length; i += 1000) {
      const found = await this.em.find(Student, { $and: [{ curp: { $in: curps.slice(i, i + 1000) } }, studentsInScope(actor)] }, { populate: ['school'] });
      for (const s of found) students.set(s.curp, s);
    }
    const accepted = photos.filter((p) => {
      const student = students.get(p.curp);
      if (student && schoolWork(actor, workSchoolOf(student.school))) return true;
      problems.push({
        field: 'archivo',
        line: p.index,
        message: student
          ? `Entrada ${p.index} («${p.entry}»): la escuela del alumno cuenta con internet: carga sus fotografías ella misma.`
          : `Entrada ${p.index} («${p.entry}»): no hay alumno con la CURP ${p.curp} en su ámbito.`,
      });
      return false;
    });
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (problems.length && !options.parcial) {
      throw new InvalidInputError(
        `El ZIP tiene ${problems.length} entrada(s) rechazada(s); no se cargó ninguna fotografía. Corríjalas o use ?parcial=true.`,
        problems,
      );
    }
    // Normalised files first (content-addressed, harmless if the transaction then fails), rows after.
    // One photo at a time: memory holds one original, whatever the ZIP's size.
    const hashes = new Map<string, string>();
    const unreadable: FieldProblem[] = [];
    for (const p of accepted) {
      try {
        hashes.set(p.curp, await this.uploads.put(await normalizePhoto(p.data, p.entry, 'archivo')));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        unreadable.push({ field: 'archivo', line: p.index, message: `Entrada ${p.index} («${p.entry}»): ${err.message}` });
      }
      p.data = Buffer.alloc(0);
    }
    if (unreadable.length && !options.parcial) {
      throw new InvalidInputError(
        `El ZIP tiene ${unreadable.length} entrada(s) rechazada(s); no se cargó ninguna fotografía. Corríjalas o use ?parcial=true.`,
        unreadable,
      );
    }
    problems.push(...unreadable);
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const stored = accepted.filter((p) => hashes.has(p.curp));
    await this.em.transactional(async (tx) => {
      for (const p of stored) {
        const s = await tx.findOneOrFail(Student, { id: students.get(p.curp)!.id });
        s.setPhoto(hashes.get(p.curp)!);
      }
    });
    this.auditPerSchool(actor, stored.map((p) => students.get(p.curp)!.school), 'FOTOGRAFIAS_ZIP', (n) => `${n} fotografía(s) cargadas por ZIP.`);
    await this.em.flush();
    return {
      entries,
      updated: stored.length,
      refused: problems.map((p) => ({ line: p.line ?? 0, field: p.field, message: p.message })),
    };
  }

  /** One audit row per school touched by a batch (CSV, ZIP), saying how many students. */
  private auditPerSchool(actor: Actor, schools: School[], act: SchoolWorkAct, detail: (n: number) => string): void {
    const counts = new Map<number, { school: School; n: number }>();
    for (const school of schools) counts.set(school.id, { school, n: (counts.get(school.id)?.n ?? 0) + 1 });
    for (const { school, n } of counts.values()) {
      auditSchoolWork(this.em, { schoolId: school.id, act, detail: detail(n), actor, work: schoolWork(actor, workSchoolOf(school)) });
    }
  }

  /** The school a new student goes to: an ESCUELA's own; for others the given one, in scope. */
  private async targetSchool(actor: Actor, schoolId: number | undefined): Promise<{ school: School; work: SchoolWork }> {
    if (actor.role === 'ESCUELA' && schoolId !== undefined && schoolId !== actor.schoolId) throw new NotFoundError('No existe la escuela o no está en su ámbito.', 'schoolId');
    const school = await this.schools.findInScope(actor, actor.role === 'ESCUELA' ? actor.schoolId : schoolId, 'schoolId');
    return { school, work: assertSchoolWork(actor, workSchoolOf(school), 'schoolId') };
  }
}
