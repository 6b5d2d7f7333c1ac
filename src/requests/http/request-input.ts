import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldProblem, InvalidInputError } from '../../http/problem';
import { flattenValidationErrors } from '../../http/validation';
import { humanizeProblem, problemsDetail } from './field-names';
import type { StudentListsDto } from './requests.dto';

/** Validates a class-validator DTO from plain data; field names are prefixed (e.g. `datos.nuevos`). */
export async function validated<T extends object>(cls: new () => T, plain: unknown, prefix: string): Promise<T> {
  const instance = plainToInstance(cls, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: true } });
  if (errors.length) throw invalid(flattenValidationErrors(errors, prefix));
  return instance;
}

/** 422 with each problem; messages name fields as people do («Justificación»), the paths stay in `field`. */
export function invalid(problems: FieldProblem[]): InvalidInputError {
  const named = problems.map(humanizeProblem);
  return new InvalidInputError(problemsDetail(named), named);
}

/** The list field of a student in a filed oficio (`datos.nuevos[i]` / `datos.continuan[i]`). */
export function studentField(lists: StudentListsDto, prefix: string): (studentId: number) => string {
  return (studentId) => {
    const n = lists.nuevos.indexOf(studentId);
    if (n >= 0) return `${prefix}nuevos[${n}]`;
    const c = lists.continuan.indexOf(studentId);
    return c >= 0 ? `${prefix}continuan[${c}]` : `${prefix}nuevos`;
  };
}
