import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { DomainError } from '../../common/domain-error';
import { parseItemCode } from '../items';

export const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const ITEM_CODE_DESCRIPTION = 'TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas).';
export const MAX_QUANTITY = 10_000_000;

/** An item code of the kit (TESLIN, MICA, TINTA, HOLOGRAMA:<ciclo>); the message says which are valid. */
export function IsItemCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isItemCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown) {
          try {
            parseItemCode(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage(args: ValidationArguments) {
          try {
            parseItemCode(args.value, args.property);
          } catch (err) {
            if (err instanceof DomainError) return err.message;
          }
          return `El artículo del campo «${args.property}» no es válido.`;
        },
      },
    });
  };
}

/** One item and a quantity in its stock unit. */
export class ItemLineDto {
  @ApiProperty({ example: 'MICA', description: ITEM_CODE_DESCRIPTION })
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  @IsItemCode()
  item!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_QUANTITY, example: 80, description: 'En la unidad de existencia del artículo.' })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class ItemLineViewDto {
  @ApiProperty({ example: 'MICA' }) item!: string;
  @ApiProperty() quantity!: number;
}
