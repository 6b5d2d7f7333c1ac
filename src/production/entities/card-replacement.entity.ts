import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export const REPLACEMENT_REASONS = ['PERDIDA', 'DANO', 'ROBO'] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/**
 * R5: a card replacement, with the original payment receipt; the old folio is revoked when it is
 * recorded and the new card is printed by the next run of whoever prints for the school.
 */
@Entity({ tableName: 'card_replacement' })
export class CardReplacement {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 200, unique: 'card_replacement_key_unique' })
  key!: string;

  @Property({ type: 'integer' })
  studentId!: number;

  @Property({ type: 'string', length: 40, unique: 'card_replacement_receipt_unique' })
  receiptNumber!: string;

  @Property({ type: 'date' })
  paidOn!: string;

  @Property({ type: 'integer' })
  amountCents!: number;

  @Property({ type: 'string', length: 9 })
  cycleCode!: string;

  @Enum({ items: () => [...REPLACEMENT_REASONS] })
  reason!: ReplacementReason;

  @Property({ type: 'integer' })
  revokedCredentialId!: number;

  @Property({ type: 'integer', nullable: true })
  newCredentialId?: number;

  @Enum({ items: () => ['PENDIENTE', 'EMITIDA'] })
  status!: 'PENDIENTE' | 'EMITIDA';

  @Property({ type: 'string', length: 100 })
  recordedById!: string;

  @Property({ type: 'string', length: 40 })
  recordedByRole!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
