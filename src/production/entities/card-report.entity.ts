import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { REPLACEMENT_REASONS, ReplacementReason } from './card-replacement.entity';

/**
 * A card reported lost, stolen or damaged (the replacement reasons of R5). From the report on the
 * public verification answers «reportada»; the replacement still needs its payment receipt.
 */
@Entity({ tableName: 'card_report' })
export class CardReport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 200, unique: 'card_report_key_unique' })
  key!: string;

  @Property({ type: 'integer', unique: 'card_report_credential_unique' })
  credentialId!: number;

  @Property({ type: 'integer' })
  studentId!: number;

  @Enum({ items: () => [...REPLACEMENT_REASONS] })
  kind!: ReplacementReason;

  @Property({ type: 'date' })
  reportedOn!: string;

  @Property({ type: 'string', length: 100 })
  actorId!: string;

  @Property({ type: 'string', length: 40 })
  actorRole!: string;

  @Property({ type: 'integer', nullable: true })
  onBehalfSchoolId?: number | null;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
