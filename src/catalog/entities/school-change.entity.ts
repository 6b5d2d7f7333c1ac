import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Actor } from '../../access';
import { type FieldChange, School } from './school.entity';

export type SchoolChangeSource = 'EDICION' | 'IMPORTACION';

/** Audit of a school's catalogue data: who changed which field, when, old → new. Append-only. */
@Entity({ tableName: 'school_change' })
export class SchoolChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school: School;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Property({ type: 'string', length: 64 })
  actorId: string;

  @Property({ type: 'string' })
  actorRole: string;

  @Enum({ items: () => ['EDICION', 'IMPORTACION'] })
  source: SchoolChangeSource;

  @Property({ type: 'string', length: 40 })
  field: string;

  @Property({ type: 'string', length: 300, nullable: true })
  oldValue?: string;

  @Property({ type: 'string', length: 300, nullable: true })
  newValue?: string;

  constructor(school: School, actor: Actor, source: SchoolChangeSource, change: FieldChange, at: Date) {
    this.school = school;
    this.actorId = actor.id;
    this.actorRole = actor.role;
    this.source = source;
    this.field = change.field;
    this.oldValue = change.old ?? undefined;
    this.newValue = change.new ?? undefined;
    this.at = at;
  }
}
