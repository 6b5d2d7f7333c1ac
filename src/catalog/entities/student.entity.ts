import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { DomainError } from '../../common/domain-error';
import { normalizeCurp } from '../identifiers';
import { NAME_MAX, normalizePersonName } from '../person-name';
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

  /**
   * The names as searched (`nameSearchKey`), computed by PostgreSQL from the stored names
   * (migrations/Migration202612051100_student_names.ts): never written, not loaded unless asked.
   */
  @Property({
    type: 'text',
    lazy: true,
    nullable: true,
    generated: `(lower(regexp_replace(normalize(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, ''), NFD), '[\\u0300-\\u036f]', '', 'g'))) stored`,
  })
  searchName?: string;

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
  declinedAt?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  declinedReason?: string | null;

  constructor(props: StudentProps) {
    this.curp = normalizeCurp(props.curp);
    this.nombres = normalizePersonName(props.nombres, 'nombres', true)!;
    this.primerApellido = normalizePersonName(props.primerApellido, 'primerApellido', true)!;
    this.segundoApellido = normalizePersonName(props.segundoApellido, 'segundoApellido', false);
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

  /** R4 reversed: the family asked for the card after all; the student is eligible again. */
  reinstate(): void {
    this.declined = false;
    this.declinedAt = null;
    this.declinedReason = null;
  }
}
