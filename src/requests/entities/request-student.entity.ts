import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** A student listed in a Procedure 1 oficio: new card (NUEVO) or hologram only (CONTINUO). */
@Entity({ tableName: 'request_student' })
export class RequestStudent {
  declare [PrimaryKeyProp]?: ['requestId', 'studentId'];

  @PrimaryKey({ type: 'integer' })
  requestId!: number;

  @PrimaryKey({ type: 'integer' })
  studentId!: number;

  @Property({ type: 'string', length: 10 })
  kind!: 'NUEVO' | 'CONTINUO';

  @Property({ type: 'boolean', nullable: true })
  eligible?: boolean;

  @Property({ type: 'boolean', nullable: true })
  approved?: boolean;

  @Property({ type: 'string', length: 200, nullable: true })
  reason?: string;
}
