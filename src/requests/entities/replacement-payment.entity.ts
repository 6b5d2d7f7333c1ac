import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** R5: the original receipt of the replacement fee, recorded by the school before a new card. */
@Entity({ tableName: 'replacement_payment' })
export class ReplacementPayment {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  requestId!: number;

  @Property({ type: 'string', length: 40 })
  receiptNumber!: string;

  @Property({ type: 'date' })
  paidOn!: string;

  @Property({ type: 'integer' })
  amountCents!: number;

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
