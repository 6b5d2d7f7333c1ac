import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { DomainError } from '../../common/domain-error';
import { normalizeCurp } from '../identifiers';
import { School } from './school.entity';

export interface StudentProps {
  curp: string;
  nombres: string;
  primerApellido: string;
  segundoApellido?: string;
  school: School;
  primerIngreso: boolean;
  photoHash?: string;
}

const NAME_MAX = 80;

@Entity({ tableName: 'student' })
export class Student {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 18, unique: 'student_curp_unique' })
  curp: string;

  @Property({ type: 'string', length: NAME_MAX })
  nombres: string;

  @Property({ type: 'string', length: NAME_MAX })
  primerApellido: string;

  @Property({ type: 'string', length: NAME_MAX, nullable: true })
  segundoApellido?: string;

  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school: School;

  /** First entry (needs a new card) or continuing (needs only the cycle's hologram). */
  @Property({ type: 'boolean' })
  primerIngreso: boolean;

  /** SHA-256 of the photo in the upload store (R8: no photo, no card). */
  @Property({ type: 'string', length: 64, nullable: true })
  photoHash?: string;

  /** R4: the family declined the card. */
  @Property({ type: 'boolean', default: false })
  declined = false;

  @Property({ type: 'datetime', nullable: true })
  declinedAt?: Date;

  @Property({ type: 'string', length: 500, nullable: true })
  declinedReason?: string;

  constructor(props: StudentProps) {
    this.curp = normalizeCurp(props.curp);
    this.nombres = personName(props.nombres, 'nombres', true)!;
    this.primerApellido = personName(props.primerApellido, 'primerApellido', true)!;
    this.segundoApellido = personName(props.segundoApellido, 'segundoApellido', false);
    this.school = props.school;
    this.primerIngreso = props.primerIngreso;
    if (props.photoHash !== undefined) this.setPhoto(props.photoHash);
  }

  get fullName(): string {
    return [this.nombres, this.primerApellido, this.segundoApellido].filter(Boolean).join(' ');
  }

  setPhoto(hash: string): void {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new DomainError('La referencia de la fotografía no es válida.', 'foto');
    this.photoHash = hash;
  }

  decline(at: Date, reason?: string): void {
    this.declined = true;
    this.declinedAt = at;
    this.declinedReason = reason?.trim() || undefined;
  }
}

/**
 * Names are stored as given (accents and Ñ are part of them). Control characters are refused;
 * anything that looks like markup is harmless here because every renderer escapes text.
 */
function personName(raw: string | undefined, field: string, requiredField: boolean): string | undefined {
  const value = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (!value) {
    if (requiredField) throw new DomainError(`El campo ${field} es obligatorio.`, field);
    return undefined;
  }
  if (value.length > NAME_MAX) throw new DomainError(`El campo ${field} admite a lo más ${NAME_MAX} caracteres.`, field);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new DomainError(`El campo ${field} contiene caracteres de control.`, field);
  return value;
}
