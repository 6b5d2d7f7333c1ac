import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { assertJsonShape } from './json-shape';
import { FieldProblem, InvalidInputError } from './problem';

type Translator = (field: string, english: string) => string;

const num = (english: string): string => english.match(/-?\d+(\.\d+)?/)?.[0] ?? '';
const after = (english: string, marker: string): string => english.slice(english.indexOf(marker) + marker.length).trim();

/** class-validator's constraint names → Spanish sentences that name the field. */
const SPANISH: Record<string, Translator> = {
  whitelistValidation: (f) => `El campo «${f}» no está permitido en esta solicitud.`,
  isDefined: (f) => `El campo «${f}» es obligatorio.`,
  isNotEmpty: (f) => `El campo «${f}» es obligatorio.`,
  isString: (f) => `El campo «${f}» debe ser texto.`,
  isInt: (f) => `El campo «${f}» debe ser un número entero.`,
  isNumber: (f) => `El campo «${f}» debe ser un número.`,
  isPositive: (f) => `El campo «${f}» debe ser un número positivo.`,
  isBoolean: (f) => `El campo «${f}» debe ser verdadero o falso.`,
  isBooleanString: (f) => `El campo «${f}» debe ser true o false.`,
  isUUID: (f) => `El campo «${f}» debe ser un identificador UUID.`,
  isDateString: (f) => `El campo «${f}» debe ser una fecha ISO 8601 (AAAA-MM-DD).`,
  isISO8601: (f) => `El campo «${f}» debe ser una fecha ISO 8601 (AAAA-MM-DD).`,
  isArray: (f) => `El campo «${f}» debe ser una lista.`,
  isObject: (f) => `El campo «${f}» debe ser un objeto.`,
  isEmail: (f) => `El campo «${f}» debe ser un correo electrónico.`,
  isEnum: (f, e) => `El campo «${f}» debe ser uno de: ${after(e, 'following values:')}.`,
  isIn: (f, e) => `El campo «${f}» debe ser uno de: ${after(e, 'following values:')}.`,
  min: (f, e) => `El campo «${f}» debe ser al menos ${num(e)}.`,
  max: (f, e) => `El campo «${f}» debe ser a lo más ${num(e)}.`,
  minLength: (f, e) => `El campo «${f}» debe tener al menos ${num(e)} caracteres.`,
  maxLength: (f, e) => `El campo «${f}» admite a lo más ${num(e)} caracteres.`,
  length: (f) => `El campo «${f}» no tiene la longitud permitida.`,
  arrayMinSize: (f, e) => `La lista «${f}» debe tener al menos ${num(e)} elementos.`,
  arrayMaxSize: (f, e) => `La lista «${f}» admite a lo más ${num(e)} elementos.`,
  arrayUnique: (f) => `La lista «${f}» tiene elementos repetidos.`,
  matches: (f) => `El campo «${f}» no tiene el formato esperado.`,
  nestedValidation: (f) => `El campo «${f}» debe ser un objeto válido.`,
};

/** An English default message of class-validator (a DTO author's own message is kept as is). */
function isEnglishDefault(message: string): boolean {
  return /\b(must|should|each value)\b/.test(message);
}

export function translateConstraint(constraint: string, field: string, message: string): string {
  if (!isEnglishDefault(message)) return message;
  return (SPANISH[constraint] ?? ((f: string) => `El campo «${f}» no es válido.`))(field, message);
}

/** Flattens nested validation errors into `{ field: 'alumnos[2].curp', message }`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (error.value === undefined && constraints.length && !error.constraints?.whitelistValidation) {
      // A missing field gets one sentence, not one per rule it would have had to meet.
      out.push({ field, message: `El campo «${field}» es obligatorio.` });
    } else {
      for (const [constraint, message] of constraints) out.push({ field, message: translateConstraint(constraint, field, message) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * The global pipe: DTO validation with whitelist + forbidNonWhitelisted (an unknown field is an
 * error, not silently dropped) and transformation into DTO class instances.
 */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: true },
    exceptionFactory: (errors: ValidationError[]) => {
      const problems = flattenValidationErrors(errors);
      const detail = problems.length === 1 ? problems[0].message : `La solicitud tiene ${problems.length} datos no válidos: ${problems.map((p) => p.field).join(', ')}.`;
      return new InvalidInputError(detail, problems);
    },
  });
}

/** Checks the shape bounds of bodies and queries before class-transformer walks them. */
class BoundedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') assertJsonShape(value);
    return super.transform(value, metadata);
  }
}
