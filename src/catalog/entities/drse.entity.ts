import { Entity, PrimaryKeyProp, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { DomainError } from '../../common/domain-error';

/** A regional delegation (DRSE). A Sub DRSE is a DRSE with a parent. */
@Entity({ tableName: 'drse' })
export class Drse {
  declare [PrimaryKeyProp]?: 'code';

  /** Stable short code, e.g. VALLES, CENTRO_1. */
  @PrimaryKey({ type: 'string', length: 40 })
  code: string;

  @Property({ type: 'string', length: 120 })
  name: string;

  /** The seat (sede) city. */
  @Property({ type: 'string', length: 120 })
  seat: string;

  @ManyToOne(() => Drse, { nullable: true, deleteRule: 'restrict' })
  parent?: Drse;

  constructor(code: string, name: string, seat: string, parent?: Drse) {
    if (!/^[A-Z0-9_]{2,40}$/.test(code)) {
      throw new DomainError('La clave de la DRSE debe tener de 2 a 40 letras mayúsculas, dígitos o guiones bajos.', 'code');
    }
    if (!name.trim()) throw new DomainError('El nombre de la DRSE es obligatorio.', 'name');
    if (!seat.trim()) throw new DomainError('La sede de la DRSE es obligatoria.', 'seat');
    this.code = code;
    this.name = name.trim();
    this.seat = seat.trim();
    this.parent = parent;
  }

  get isSub(): boolean {
    return this.parent !== undefined && this.parent !== null;
  }
}
