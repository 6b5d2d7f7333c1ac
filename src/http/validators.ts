import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { normalizeCct, normalizeCurp } from '../catalog';
import { DomainError } from '../common/domain-error';

function fromNormalizer(name: string, normalize: (value: unknown, field: string) => string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol) => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          validate(value: unknown, args: ValidationArguments) {
            try {
              normalize(value, args.property);
              return true;
            } catch {
              return false;
            }
          },
          defaultMessage(args: ValidationArguments) {
            try {
              normalize(args.value, args.property);
              return `El campo «${args.property}» no es válido.`;
            } catch (err) {
              return err instanceof DomainError ? err.message : `El campo «${args.property}» no es válido.`;
            }
          },
        },
      });
    };
}

/** The value is a valid CURP (format + check digit); the message says what is wrong, in Spanish. */
export const IsCurp = fromNormalizer('isCurp', normalizeCurp);
/** The value is a valid Jalisco CCT (14 + 3 letters + 4 digits + 1 letter). */
export const IsCct = fromNormalizer('isCct', normalizeCct);
